/**
 * Schools the user must decide about, never dropped silently: names the register cut short, and
 * school points outside the planning area. Geometry in EPSG:3067 metres.
 */
import { pointInAreaTest } from './area-filter';
import type { MultiPolygon, Position } from '../model/geometry-types';

/** Endings of a complete school name: a name of full width ending so was not cut. */
const COMPLETE = /(koulu|koulut|koulun|skola|skolan|aste|lukio|lyseo|school|gymnasium|gymnasiet|opisto|institutet)$/i;
/** At least this many names at the longest length make that length a field width. */
const MIN_AT_WIDTH = 3;
const MIN_WIDTH = 20;

/**
 * Whether each name looks cut short: it ends in "…" or "...", or it is exactly as long as the
 * longest names of the file (a fixed field width, e.g. the register's 30 characters, shared by
 * at least 3 names and at least 20 characters) and does not end in a complete word such as
 * "koulu" or "skola" ("Hertton.rannan ala-asteen koul").
 */
export function truncatedNames(names: readonly string[]): boolean[] {
  const lengths = names.map((n) => [...n.trim()].length);
  const width = Math.max(0, ...lengths);
  const atWidth = lengths.filter((l) => l === width).length;
  const fixed = width >= MIN_WIDTH && atWidth >= MIN_AT_WIDTH;
  return names.map((n, i) => {
    const t = n.trim();
    if (/(…|\.\.\.)$/.test(t)) return true;
    return fixed && lengths[i] === width && !COMPLETE.test(t);
  });
}

/** Whether each point lies outside `area` (any of its polygons; on the boundary counts as inside). */
export function pointsOutside(points: readonly Position[], area: MultiPolygon): boolean[] {
  if (area.length === 0) return points.map(() => true);
  const inside = pointInAreaTest(area);
  return points.map(([x, y]) => !inside(x, y));
}
