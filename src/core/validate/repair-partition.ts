/**
 * One-click repairs that move small areas to a neighbour: dissolving slivers and small islands
 * into the catchment sharing the longest border with them, and filling gaps the same way.
 * Each returns the repaired partition (untouched catchments are the same arrays) and a change
 * report. Geometry in EPSG:3067 metres.
 */
import { polygonArea } from '../geometry/area';
import { unionAll } from '../geometry/boolean-ops';
import { isSliver } from '../geometry/remove-slivers';
import type { MultiPolygon, Polygon } from '../model/geometry-types';
import type { Partition } from '../model/school';
import { changeReport, type RepairResult } from './change-report';
import { geometryProblem, type GeometryProblem } from './geometry-problem';
import { longestBorderNeighbour } from './shared-border';
import { partitionGaps, partitionThresholds, type PartitionCheckOptions } from './validate-partition';

/**
 * Moves every sliver part (see PartitionCheckOptions.sliverArea/sliverWidth) and every detached
 * part smaller than islandArea into the catchment sharing the longest border with it. A school's
 * largest part is never moved (a school is never emptied); parts touching no other catchment
 * stay and are returned as unresolved.
 */
export function dissolveSlivers(partition: Partition, schoolIds: readonly string[], options: PartitionCheckOptions = {}): RepairResult {
  const t = partitionThresholds(options);
  const before = partition.catchments;
  const cur: MultiPolygon[] = [...before];
  const unresolved: GeometryProblem[] = [];
  before.forEach((_, i) => {
    // The current catchment: it may have received parts from catchments before it.
    const c = cur[i];
    if (c.length === 0) return;
    const parts = [...unionAll(c)].sort((a, b) => polygonArea(b) - polygonArea(a));
    const small = (p: Polygon, k: number) => k > 0 && (isSliver(p, { minArea: t.sliverArea, minWidth: t.sliverWidth }) || polygonArea(p) < t.islandArea);
    if (!parts.some(small)) return;
    const keep: Polygon[] = [parts[0]];
    for (let k = 1; k < parts.length; k++) {
      const p = parts[k];
      if (!small(p, k)) {
        keep.push(p);
        continue;
      }
      const n = longestBorderNeighbour(p, cur, i, t.borderTolerance);
      if (!n) {
        keep.push(p);
        unresolved.push(geometryProblem({ kind: 'sliver', code: 'sliver-unresolved', schools: [schoolIds[i]], geometry: [p], feature: schoolIds[i],
          message: `A small part of the catchment of ${schoolIds[i]} touches no other catchment, so it was kept.`, fix: 'Assign it by hand, or keep it if it is a real island.' }, options.population));
        continue;
      }
      cur[n.index] = unionAll(cur[n.index], [p]);
    }
    cur[i] = keep;
  });
  return { partition: { networkId: partition.networkId, catchments: cur }, changes: changeReport(before, cur, schoolIds, options.population), unresolved };
}

/**
 * Fills every gap (outline, default the filled union, minus the catchments; gaps smaller than
 * minArea are ignored) into the catchment sharing the longest border with it. Gaps touching
 * no catchment (only the outline) are returned as unresolved.
 */
export function fillGaps(partition: Partition, schoolIds: readonly string[], options: PartitionCheckOptions = {}): RepairResult {
  const t = partitionThresholds(options);
  const before = partition.catchments;
  const cur: MultiPolygon[] = [...before];
  const unresolved: GeometryProblem[] = [];
  for (const g of partitionGaps(before, options.outline)) {
    if (polygonArea(g) < t.minArea) continue;
    const n = longestBorderNeighbour(g, cur, -1, t.borderTolerance);
    if (!n) {
      unresolved.push(geometryProblem({ kind: 'gap', code: 'gap-unresolved', schools: [], geometry: [g],
        message: `A gap of ${polygonArea(g).toFixed(1)} m² touches no catchment, so it was left empty.`, fix: 'Assign it by hand to a school.' }, options.population));
      continue;
    }
    cur[n.index] = unionAll(cur[n.index], [g]);
  }
  return { partition: { networkId: partition.networkId, catchments: cur }, changes: changeReport(before, cur, schoolIds, options.population), unresolved };
}
