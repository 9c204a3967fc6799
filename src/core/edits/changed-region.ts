/**
 * The region whose catchment changed from the baseline, drawn as the "changed" hatching when the
 * units are polygons (postal areas): an edit moves only the part of an area inside the region
 * drawn, so hatching whole areas would overstate it. It is every piece a school gained or lost:
 * ∪ₛ (currentₛ \ baselineₛ) ∪ (baselineₛ \ currentₛ), over the schools whose catchment is not the
 * baseline's own array (edits give changed schools new arrays; an unchanged school costs
 * nothing). Geometry in EPSG:3067 metres.
 */
import { subtract, unionAll } from '../geometry/boolean-ops';
import type { MultiPolygon } from '../model/geometry-types';

export function changedRegion(current: readonly MultiPolygon[], baseline: readonly MultiPolygon[]): MultiPolygon {
  const pieces: MultiPolygon[] = [];
  for (let i = 0; i < current.length; i++) {
    const now = current[i];
    const before = baseline[i] ?? [];
    if (now === before) continue;
    pieces.push(subtract(now, before), subtract(before, now));
  }
  return pieces.some((p) => p.length > 0) ? unionAll(...pieces) : [];
}
