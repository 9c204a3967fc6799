/**
 * Splitting overlaps: every area two catchments both claim is given to one of them by a rule,
 * and removed from the other. Areas are only ever removed, so no new overlap can appear and
 * overlaps of three or more catchments are resolved pair by pair. Geometry in EPSG:3067 metres.
 */
import { multiPolygonArea, polygonArea } from '../geometry/area';
import { bboxIntersects, multiPolygonBBox } from '../geometry/bbox';
import { intersect, subtract, unionAll } from '../geometry/boolean-ops';
import type { BBox, MultiPolygon, Polygon, Position, Ring } from '../model/geometry-types';
import { fail, ok, type Result } from '../model/result';
import type { Partition } from '../model/school';
import { changeReport, type RepairResult } from './change-report';
import { polygonCentroid } from './geometry-problem';
import { partitionThresholds, type PartitionCheckOptions } from './validate-partition';

/**
 * larger / smaller: to the catchment with the larger / smaller area (before the repair);
 * nearer: each overlap piece to the school whose point is nearer to the piece's centroid;
 * middle: each piece split along the perpendicular bisector of the two school points, each side
 * to the nearer school (the "split along the middle" between the two schools).
 */
export type OverlapRule = 'larger' | 'smaller' | 'nearer' | 'middle';

export interface SplitOverlapOptions extends PartitionCheckOptions {
  /** School points parallel to the catchments, EPSG:3067 (needed by "nearer" and "middle"). */
  locations?: readonly Position[];
}

/** Polygon of the points of `box` at least as near to a as to b (a ≠ b), by clipping the box with the half-plane. */
export function nearerHalf(a: Position, b: Position, box: BBox): Polygon {
  const mx = (a[0] + b[0]) / 2;
  const my = (a[1] + b[1]) / 2;
  const nx = b[0] - a[0];
  const ny = b[1] - a[1];
  const side = (p: Position) => (p[0] - mx) * nx + (p[1] - my) * ny; // ≤ 0: nearer to a
  const corners: Position[] = [[box[0], box[1]], [box[2], box[1]], [box[2], box[3]], [box[0], box[3]]];
  const out: Position[] = [];
  for (let i = 0; i < 4; i++) {
    const p = corners[i];
    const q = corners[(i + 1) % 4];
    const sp = side(p);
    const sq = side(q);
    if (sp <= 0) out.push(p);
    if ((sp < 0 && sq > 0) || (sp > 0 && sq < 0)) {
      const t = sp / (sp - sq);
      out.push([p[0] + t * (q[0] - p[0]), p[1] + t * (q[1] - p[1])]);
    }
  }
  if (out.length < 3) return [];
  const ring: Ring = [...out, out[0]];
  return [ring];
}

/**
 * Removes every overlap between two catchments from one of them by `rule`.
 * Fails (changing nothing) when the rule needs school points and `options.locations` is missing.
 */
export function splitOverlaps(partition: Partition, schoolIds: readonly string[], rule: OverlapRule, options: SplitOverlapOptions = {}): Result<RepairResult> {
  const locs = options.locations;
  if ((rule === 'nearer' || rule === 'middle') && (!locs || locs.length !== partition.catchments.length))
    return fail({ code: 'missing-school-points', message: `The rule "${rule}" needs the school points, one per catchment.`, fix: 'Pass the schools\' locations in network order, or choose "larger" or "smaller".' });
  const t = partitionThresholds(options);
  const before = partition.catchments;
  const cur: MultiPolygon[] = before.map((c) => (c.length ? unionAll(c) : []));
  const areas = cur.map(multiPolygonArea);
  const changed = new Set<number>();
  for (let i = 0; i < cur.length; i++)
    for (let j = i + 1; j < cur.length; j++) {
      if (!cur[i].length || !cur[j].length || !bboxIntersects(multiPolygonBBox(cur[i]), multiPolygonBBox(cur[j]))) continue;
      const pieces = intersect(cur[i], cur[j]).filter((p) => polygonArea(p) >= t.minArea);
      if (!pieces.length) continue;
      const lostI: MultiPolygon = [];
      const lostJ: MultiPolygon = [];
      for (const piece of pieces) {
        if (rule === 'middle' && (locs![i][0] !== locs![j][0] || locs![i][1] !== locs![j][1])) {
          const box = grow(multiPolygonBBox([piece]), 1);
          lostJ.push(...intersect([piece], [nearerHalf(locs![i], locs![j], box)]));
          lostI.push(...intersect([piece], [nearerHalf(locs![j], locs![i], box)]));
          continue;
        }
        (winner(rule, i, j, piece, areas, locs) === i ? lostJ : lostI).push(piece);
      }
      if (lostI.length) (cur[i] = subtract(cur[i], lostI)), changed.add(i);
      if (lostJ.length) (cur[j] = subtract(cur[j], lostJ)), changed.add(j);
    }
  const after = before.map((c, i) => (changed.has(i) ? cur[i] : c));
  return ok({ partition: { networkId: partition.networkId, catchments: after }, changes: changeReport(before, after, schoolIds, options.population), unresolved: [] });
}

function grow(b: BBox, d: number): BBox {
  return [b[0] - d, b[1] - d, b[2] + d, b[3] + d];
}

/** Index of the catchment that keeps `piece` (ties: the lower index). */
function winner(rule: OverlapRule, i: number, j: number, piece: Polygon, areas: number[], locs?: readonly Position[]): number {
  if (rule === 'smaller') return areas[j] < areas[i] ? j : i;
  if (rule === 'nearer' || rule === 'middle') {
    const c = polygonCentroid(piece);
    const di = Math.hypot(c[0] - locs![i][0], c[1] - locs![i][1]);
    const dj = Math.hypot(c[0] - locs![j][0], c[1] - locs![j][1]);
    return dj < di ? j : i;
  }
  return areas[j] > areas[i] ? j : i;
}
