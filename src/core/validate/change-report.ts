/**
 * What a one-click repair changed: per school the area (m²) and, given units, the people gained
 * and lost, computed from the catchments before and after (boolean differences). Geometry in
 * EPSG:3067 metres.
 */
import { multiPolygonArea } from '../geometry/area';
import { subtract } from '../geometry/boolean-ops';
import type { MultiPolygon } from '../model/geometry-types';
import type { Partition } from '../model/school';
import { populationIn, type GeometryProblem, type PopulationContext } from './geometry-problem';

export interface SchoolChange {
  schoolId: string;
  areaBefore: number;
  areaAfter: number;
  /** Area now in the catchment that was not before, m². */
  areaGained: number;
  /** Area in the catchment before that is not now, m². */
  areaLost: number;
  /** People in the gained and lost areas (with units only). */
  populationGained?: number;
  populationLost?: number;
}

export interface ChangeReport {
  /** Schools whose catchment changed (by more than 0.01 m² either way), in partition order. */
  schools: SchoolChange[];
  /** Σ areaGained and Σ areaLost over the schools, m². A gap filled is gained only, an overlap split lost only, a sliver moved both. */
  areaGained: number;
  areaLost: number;
  /** Σ populationGained / populationLost (with units only). */
  populationGained?: number;
  populationLost?: number;
}

export interface RepairResult {
  partition: Partition;
  changes: ChangeReport;
  /** Problems the repair could not resolve (e.g. a sliver touching no other catchment). */
  unresolved: GeometryProblem[];
}

/** Changes smaller than this (m²) are numerical noise of the boolean operations. */
const NOISE_M2 = 0.01;

/** The change report between two partitions parallel to `schoolIds`. */
export function changeReport(before: readonly MultiPolygon[], after: readonly MultiPolygon[], schoolIds: readonly string[], ctx?: PopulationContext): ChangeReport {
  const schools: SchoolChange[] = [];
  let areaGained = 0;
  let areaLost = 0;
  let popGained = 0;
  let popLost = 0;
  before.forEach((b, i) => {
    const a = after[i];
    if (a === b) return;
    const gained = subtract(a, b);
    const lost = subtract(b, a);
    const g = multiPolygonArea(gained);
    const l = multiPolygonArea(lost);
    if (g < NOISE_M2 && l < NOISE_M2) return;
    const change: SchoolChange = { schoolId: schoolIds[i], areaBefore: multiPolygonArea(b), areaAfter: multiPolygonArea(a), areaGained: g, areaLost: l };
    if (ctx) {
      change.populationGained = populationIn(gained, ctx)!;
      change.populationLost = populationIn(lost, ctx)!;
      popGained += change.populationGained;
      popLost += change.populationLost;
    }
    schools.push(change);
    areaGained += g;
    areaLost += l;
  });
  return { schools, areaGained, areaLost, ...(ctx ? { populationGained: popGained, populationLost: popLost } : {}) };
}
