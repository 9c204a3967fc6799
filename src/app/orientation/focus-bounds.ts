/**
 * Where the map goes for a focus request (ui-store `requestFocus`): a school's catchment
 * together with the school itself, an area's bounds, or the whole data. Bounds are
 * [west, south, east, north] degrees.
 */
import type { MultiPolygon } from '../../core/model/geometry-types';
import type { FocusTarget } from '../stores/ui-store';

export type LonLatBounds = [number, number, number, number];

export interface FocusInput {
  /** The data's bounds (summary.bounds). */
  home: LonLatBounds;
  /** Schools of the current network with their index into `catchments`. */
  schools: readonly { id: string; index: number; lonLat: [number, number] }[];
  /** Catchments in lon/lat by school index (the current view's). */
  catchments: readonly (MultiPolygon | undefined)[];
}

/** Bounds of the outer rings of `mp` extended by `points`; null when there is nothing. */
export function lonLatBounds(mp: MultiPolygon | undefined, points: readonly [number, number][] = []): LonLatBounds | null {
  let b: LonLatBounds | null = null;
  const add = (x: number, y: number) => {
    b = b ? [Math.min(b[0], x), Math.min(b[1], y), Math.max(b[2], x), Math.max(b[3], y)] : [x, y, x, y];
  };
  for (const polygon of mp ?? []) for (const [x, y] of polygon[0] ?? []) add(x, y);
  for (const [x, y] of points) add(x, y);
  return b;
}

/** The bounds to fit for `target`, or null (an unknown school). */
export function focusBounds(target: FocusTarget, input: FocusInput): LonLatBounds | null {
  if (target.kind === 'home') return input.home;
  if (target.kind === 'bounds') return target.bounds;
  const school = input.schools.find((s) => s.id === target.id);
  return school ? lonLatBounds(input.catchments[school.index], [school.lonLat]) : null;
}
