/**
 * The "Check" step's figures (pure, runs in the worker): catchment problems made drawable
 * (problem geometry + neighbouring catchments clipped to a view box around it), the units'
 * validation summary, and repair change reports keyed by school name. EPSG:3067 metres, m².
 */
import { multiPolygonBBox } from '../../core/geometry/bbox';
import { intersect } from '../../core/geometry/boolean-ops';
import type { BBox, MultiPolygon } from '../../core/model/geometry-types';
import type { Network, Partition, School } from '../../core/model/school';
import type { ChangeReport } from '../../core/validate/change-report';
import type { GeometryProblem } from '../../core/validate/geometry-problem';
import type { UnitValidationReport } from '../../core/validate/validate-units';
import type { ProblemView, RepairChange, UnitCheck } from '../workers/import-protocol';

/** Problems drawn per network; the rest are counted. */
export const DRAWN_PER_NETWORK = 24;

/**
 * A square view box around `b`: three times its larger side (at least `minSide` m), centred.
 * EPSG:3067 metres.
 */
export function viewBoxAround(b: BBox, minSide = 400): BBox {
  const side = Math.max(minSide, 3 * Math.max(b[2] - b[0], b[3] - b[1]));
  const cx = (b[0] + b[2]) / 2;
  const cy = (b[1] + b[3]) / 2;
  return [cx - side / 2, cy - side / 2, cx + side / 2, cy + side / 2];
}

function boxPolygon(b: BBox): MultiPolygon {
  return [[[[b[0], b[1]], [b[2], b[1]], [b[2], b[3]], [b[0], b[3]], [b[0], b[1]]]]];
}

/** Most people first, then largest area: the problems worth a look come first. */
export function rankProblems<T extends { population?: number; areaM2: number }>(problems: readonly T[]): T[] {
  return [...problems].sort((a, b) => (b.population ?? 0) - (a.population ?? 0) || b.areaM2 - a.areaM2);
}

/** Drawable problems of one network: the first DRAWN_PER_NETWORK by rank, neighbours clipped to the view. */
export function problemViews(network: Network, partition: Partition, problems: readonly GeometryProblem[], schools: ReadonlyMap<string, School>, limit = DRAWN_PER_NETWORK): ProblemView[] {
  const index = new Map(network.schoolIds.map((id, i) => [id, i]));
  return rankProblems(problems)
    .slice(0, limit)
    .map((p) => {
      const own = p.geometry.length ? multiPolygonBBox(p.geometry) : pointsBox(p.points ?? []);
      const view = viewBoxAround(own);
      const box = boxPolygon(view);
      const neighbours = p.schools.map((id) => {
        const i = index.get(id);
        return { name: schools.get(id)?.name ?? id, geometry: i === undefined ? [] : intersect(partition.catchments[i], box) };
      });
      const { kind, code, message, fix, file, feature, field, areaM2, population, points, geometry } = p;
      return {
        kind, code, message, fix, networkId: network.id, areaM2, geometry, view, neighbours,
        schoolNames: p.schools.map((id) => schools.get(id)?.name ?? id),
        ...(file ? { file } : {}), ...(feature !== undefined ? { feature } : {}), ...(field ? { field } : {}),
        ...(population !== undefined ? { population } : {}), ...(points ? { points } : {}),
      };
    });
}

function pointsBox(points: readonly [number, number][]): BBox {
  if (points.length === 0) return [0, 0, 1, 1];
  const xs = points.map((p) => p[0]);
  const ys = points.map((p) => p[1]);
  return [Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)];
}

/** The units part of the check: counts, population and the suppression figures per field. */
export function unitCheck(report: UnitValidationReport, count: number, kind: 'grid' | 'polygons', populationField: string, groupFields: string[]): UnitCheck {
  return {
    count,
    kind,
    populationField,
    populationTotal: report.populationTotal,
    problems: report.problems,
    suppression: report.suppression.fields.map(({ field, suppressed, sentinelKept, missing, negative, unitsAffected, populationAffected }) => ({ field, suppressed, sentinelKept, missing, negative, unitsAffected, populationAffected })),
    groupFields,
  };
}

/** A repair's change report with school names, for one network. */
export function namedChanges(networkId: string, report: ChangeReport, schools: ReadonlyMap<string, School>): RepairChange[] {
  return report.schools.map((c) => ({
    networkId,
    school: schools.get(c.schoolId)?.name ?? c.schoolId,
    areaGained: c.areaGained,
    areaLost: c.areaLost,
    ...(c.populationGained !== undefined ? { populationGained: c.populationGained } : {}),
    ...(c.populationLost !== undefined ? { populationLost: c.populationLost } : {}),
  }));
}
