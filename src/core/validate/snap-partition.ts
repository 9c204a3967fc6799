/**
 * Snapping: catchments digitised separately rarely share their borders exactly, which leaves
 * thin gaps and overlaps. Catchments are processed in partition order and each is snapped to
 * the ones before it (already final), so two neighbours never move towards each other:
 * - each vertex within `tolerance` of an earlier catchment's vertex moves onto it (nearest),
 *   else onto the nearest point of an earlier catchment's edge within `tolerance`;
 * - each earlier catchment's vertex within `tolerance` of an edge is inserted into that edge,
 *   so the border follows the neighbour's corners too.
 * A changed catchment is rebuilt by a union (clean rings, normalised orientation).
 * Metres, EPSG:3067.
 */
import { bboxIntersects, multiPolygonBBox } from '../geometry/bbox';
import { unionAll } from '../geometry/boolean-ops';
import type { BBox, MultiPolygon, Position, Ring } from '../model/geometry-types';
import type { Partition } from '../model/school';
import { changeReport, type RepairResult } from './change-report';
import type { PopulationContext } from './geometry-problem';
import { SegmentHash } from './segment-hash';

export interface SnapOptions {
  population?: PopulationContext;
}

function grow(b: BBox, d: number): BBox {
  return [b[0] - d, b[1] - d, b[2] + d, b[3] + d];
}

/** Snaps one catchment to the targets; returns null when nothing moved. */
function snapOne(mp: MultiPolygon, targets: SegmentHash, tolerance: number): MultiPolygon | null {
  let changed = false;
  const moved: MultiPolygon = mp.map((polygon) =>
    polygon.map((ring) =>
      ring.map((p) => {
        const v = targets.nearestVertex(p, tolerance);
        const q = v ?? targets.nearestOnEdge(p, tolerance);
        if (q && (q[0] !== p[0] || q[1] !== p[1])) {
          changed = true;
          return [q[0], q[1]] as Position;
        }
        return p;
      }),
    ),
  );
  const inserted = moved.map((polygon) =>
    polygon.map((ring) => {
      const out: Ring = [];
      for (let i = 0; i + 1 < ring.length; i++) {
        out.push(ring[i]);
        const extra = targets.verticesNearSegment(ring[i], ring[i + 1], tolerance);
        if (extra.length) changed = true;
        for (const e of extra) out.push([e[0], e[1]]);
      }
      out.push(ring[ring.length - 1]);
      return dedupe(out);
    }),
  );
  return changed ? unionAll(inserted) : null;
}

function dedupe(ring: Ring): Ring {
  return ring.filter((p, i) => i === 0 || p[0] !== ring[i - 1][0] || p[1] !== ring[i - 1][1]);
}

/**
 * Snaps every catchment to the catchments before it in the partition.
 *
 * @param tolerance largest move of a vertex, metres (e.g. 1)
 * @returns the snapped partition (unchanged catchments are the same arrays) and the change report
 */
export function snapPartition(partition: Partition, schoolIds: readonly string[], tolerance: number, options: SnapOptions = {}): RepairResult {
  const before = partition.catchments;
  const after: MultiPolygon[] = [];
  const boxes = before.map(multiPolygonBBox);
  before.forEach((mp, i) => {
    if (mp.length === 0 || i === 0) return void after.push(mp);
    const reach = grow(boxes[i], tolerance);
    const targets = new SegmentHash(Math.max(4 * tolerance, 25), reach);
    for (let j = 0; j < i; j++) if (after[j].length && bboxIntersects(reach, multiPolygonBBox(after[j]))) targets.addMultiPolygon(after[j]);
    after.push(targets.isEmpty() ? mp : (snapOne(mp, targets, tolerance) ?? mp));
  });
  return {
    partition: { networkId: partition.networkId, catchments: after },
    changes: changeReport(before, after, schoolIds, options.population),
    unresolved: [],
  };
}
