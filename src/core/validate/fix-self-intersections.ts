/**
 * The one-click repair of self-intersections: a catchment whose rings cross themselves or each
 * other (bow ties, a hole crossing its outer ring, overlapping parts) is rebuilt as the area it
 * encloses: the union of its rings under the NonZero fill rule, so every lobe of a bow tie is
 * kept and overlapping parts are merged; rings Clipper2 returns through one vertex twice are split
 * there (a pocket becomes a hole touching its outer ring: splitTouchingRings). What QGIS "Fix geometries" does for polygons. Other
 * catchments are untouched (the same arrays). Geometry in EPSG:3067 metres.
 */
import { unionAll } from '../geometry/boolean-ops';
import { splitTouchingRings } from '../geometry/split-touching-rings';
import type { MultiPolygon } from '../model/geometry-types';
import type { Partition } from '../model/school';
import { changeReport, type RepairResult } from './change-report';
import { geometryProblem, type GeometryProblem, type PopulationContext } from './geometry-problem';
import { findSelfIntersections } from './self-intersections';

export function fixSelfIntersections(partition: Partition, schoolIds: readonly string[], options: { population?: PopulationContext } = {}): RepairResult {
  const before = partition.catchments;
  const after: MultiPolygon[] = before.map((c) => (c.length > 0 && findSelfIntersections(c, 1).length > 0 ? splitTouchingRings(unionAll(c)) : c));
  const unresolved: GeometryProblem[] = [];
  after.forEach((c, i) => {
    if (c === before[i]) return;
    const points = findSelfIntersections(c);
    if (points.length > 0)
      unresolved.push(
        geometryProblem(
          { kind: 'self-intersection', code: 'catchment-self-intersection', schools: [schoolIds[i]], feature: schoolIds[i], geometry: c, points, message: `The catchment of ${schoolIds[i]} still crosses itself after the repair.`, fix: 'Repair it in a GIS (QGIS "Fix geometries") and load it again.' },
          options.population,
        ),
      );
  });
  return { partition: { ...partition, catchments: after }, changes: changeReport(before, after, schoolIds, options.population), unresolved };
}
