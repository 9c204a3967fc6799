/**
 * Geometry of "assign region R to school S" on the current catchments
 * (EPSG:3067 metres). Pure: computes the new catchments and the area each other
 * school hands over, without touching any state.
 *
 * Domain: the union of the baseline catchments. Edits only move area between
 * catchments and never fill gaps, so the union of the current catchments always
 * equals the domain and R ∩ domain = ⋃_o (o ∩ R): no separate domain polygon is
 * ever clipped against.
 *
 * For every other school o whose bbox meets R: piece_o = o ∩ R, o' = o \ piece_o,
 * S' = S ∪ ⋃ piece_o. Slivers (see remove-slivers.ts): sliver parts of piece_o are
 * left with o (o' is then o \ kept piece); sliver parts of o' go to S with the
 * piece. So the transferred area is exactly what S gains and o loses.
 */
import type { BBox, MultiPolygon } from '../model/geometry-types';
import { bboxIntersects, multiPolygonBBox } from '../geometry/bbox';
import { intersect, subtract, unionAll } from '../geometry/boolean-ops';
import { splitSlivers } from '../geometry/remove-slivers';
import type { SliverOptions } from '../geometry/remove-slivers';

export interface Transfer {
  /** School handing over area. */
  from: number;
  /** The area handed over to the target school (disjoint parts). */
  area: MultiPolygon;
}

export interface AssignPlan {
  target: number;
  /** Schools whose catchment changes, ascending; includes the target. */
  changedSchools: number[];
  /** New catchment per changed school, parallel to changedSchools. */
  newCatchments: MultiPolygon[];
  transfers: Transfer[];
  /** Changed schools left with no area. */
  emptiedSchools: number[];
}

/**
 * Plans the edit. Returns null when nothing would change (R misses every other
 * catchment, or only grazes them with slivers).
 */
export function planAssign(catchments: MultiPolygon[], bboxes: BBox[], target: number, region: MultiPolygon,
  slivers: SliverOptions = {}): AssignPlan | null {
  const rb = multiPolygonBBox(region);
  const transfers: Transfer[] = [];
  const others: { school: number; after: MultiPolygon }[] = [];
  for (let o = 0; o < catchments.length; o++) {
    if (o === target || catchments[o].length === 0 || !bboxIntersects(bboxes[o], rb)) continue;
    const piece = splitSlivers(intersect(catchments[o], region), slivers);
    if (piece.kept.length === 0) continue;
    const rest = piece.slivers.length === 0 ? subtract(catchments[o], region) : subtract(catchments[o], piece.kept);
    const restSplit = splitSlivers(rest, slivers);
    transfers.push({ from: o, area: piece.kept.concat(restSplit.slivers) });
    others.push({ school: o, after: restSplit.kept });
  }
  if (transfers.length === 0) return null;
  const grown = unionAll(catchments[target], ...transfers.map((t) => t.area));
  const changed = others.concat({ school: target, after: grown }).sort((a, b) => a.school - b.school);
  return {
    target,
    changedSchools: changed.map((c) => c.school),
    newCatchments: changed.map((c) => c.after),
    transfers,
    emptiedSchools: others.filter((c) => c.after.length === 0).map((c) => c.school),
  };
}
