/**
 * The catchment checks of the import wizard, for every network of a loaded dataset (the CLI's
 * `validate` and `indicators`): overlaps and self-intersections (errors: the figures would count
 * children twice or from a shape that is not an area), gaps over populated units, zero-area
 * catchments and schools far outside their own catchment (warnings). Geometry in EPSG:3067 metres.
 */
import { multiPolygonArea } from '../geometry/area';
import { pointInMultiPolygon } from '../geometry/point-in-polygon';
import type { Dataset } from '../model/dataset';
import type { MultiPolygon, Position } from '../model/geometry-types';
import type { Problem } from '../model/result';
import { populationContext, type PopulationContext } from './geometry-problem';
import { validatePartition } from './validate-partition';
import { unionAll } from '../geometry/boolean-ops';
import { unitCoverage } from '../overlay/unit-coverage';

/** A school farther than this outside its own catchment is reported, metres. */
export const FAR_OUTSIDE_M = 1000;
/** A catchment smaller than this is zero-area, m². */
export const ZERO_AREA_M2 = 1;
/** A gap with fewer people than this is not reported (lakes, fields, rounding). */
export const GAP_PEOPLE_MIN = 0.5;
/** Problem codes that make the indicators wrong: `indicators` refuses them unless --allow-invalid. */
export const BLOCKING_CODES = ['catchment-overlap', 'catchment-self-intersection'] as const;

export interface CatchmentCheck {
  errors: Problem[];
  warnings: Problem[];
  /** Per network, per school id: the blocking problem codes that touch its figures. */
  affected: Record<string, Record<string, string[]>>;
}

/** Check every network's catchments; `population` (one value per unit) counts the people in gaps. */
export function checkCatchments(dataset: Dataset, population?: Float64Array, file?: string): CatchmentCheck {
  const ctx: PopulationContext | undefined = population ? populationContext(dataset.units, population) : undefined;
  const out: CatchmentCheck = { errors: [], warnings: [], affected: Object.create(null) };
  const located = new Map(dataset.schools.map((s) => [s.id, s.location]));
  for (const network of dataset.networks) {
    const partition = dataset.partitions[network.id];
    if (!partition) continue;
    const where = (p: Problem): Problem => ({ ...p, ...(file ? { file } : {}), message: `Network ${network.id}: ${p.message}` });
    const affected: Record<string, string[]> = (out.affected[network.id] = Object.create(null));
    const report = validatePartition(partition, network.schoolIds, { population: ctx, file });
    for (const p of report.problems) {
      const problem = where({ code: p.code, message: p.message + (p.population !== undefined && p.population >= GAP_PEOPLE_MIN ? ` About ${Math.round(p.population)} people live there.` : ''), fix: p.fix, ...(p.feature !== undefined ? { feature: p.feature } : {}), ...(p.ids ? { ids: p.ids } : {}) });
      if ((BLOCKING_CODES as readonly string[]).includes(p.code)) {
        out.errors.push({ ...problem, fix: `${p.fix} Or run with --allow-invalid to compute anyway, with the affected figures flagged.` });
        for (const s of p.schools) (affected[s] ??= []).includes(p.code) || affected[s].push(p.code);
      } else if (p.kind === 'gap') {
        if (!ctx || (p.population ?? 0) >= GAP_PEOPLE_MIN) out.warnings.push({ ...problem, message: problem.message + (ctx ? '' : ' (people not counted: no population field)') });
      } else out.warnings.push(problem);
    }
    if (ctx) {
      const uncovered = peopleOutside(ctx, unionAll(...partition.catchments));
      if (uncovered.people >= GAP_PEOPLE_MIN)
        out.warnings.push(where({ code: 'catchment-gap', message: `About ${Math.round(uncovered.people)} people in ${uncovered.units} unit(s) live in no catchment (outside every catchment or in gaps between them); their children are not counted.`, fix: 'Extend the catchments to cover every populated unit, or cut the units to the planning area (CLI: --area).', ids: uncovered.ids.slice(0, 20) }));
    }
    network.schoolIds.forEach((id, i) => {
      const c = partition.catchments[i];
      const area = multiPolygonArea(c);
      if (area < ZERO_AREA_M2)
        out.warnings.push(where({ code: 'catchment-zero-area', message: `The catchment of ${id} has an area of ${area.toFixed(2)} m²; it covers nobody.`, fix: 'Draw the catchment as a real area, or remove the school from the network.', feature: id }));
      const at = located.get(id);
      if (at && area >= ZERO_AREA_M2 && !pointInMultiPolygon(at, c)) {
        const d = distanceTo(at, c);
        if (d > FAR_OUTSIDE_M)
          out.warnings.push(where({ code: 'school-outside-catchment', message: `School ${id} lies ${(d / 1000).toFixed(1)} km outside its own catchment.`, fix: "Check the school's location and the catchment's school_id: one of them is probably wrong.", feature: id }));
      }
    });
  }
  return out;
}

/** People (and units) not covered by `covered`: Σ over units of (1 − covered fraction) × value. */
function peopleOutside(ctx: PopulationContext, covered: MultiPolygon): { people: number; units: number; ids: string[] } {
  const fraction = new Float64Array(ctx.units.count);
  const cov = unitCoverage(ctx.units, covered, ctx.lookup, ctx.areas);
  for (let k = 0; k < cov.count; k++) fraction[cov.units[k]] += cov.fractions[k];
  let people = 0;
  const ids: string[] = [];
  for (let u = 0; u < ctx.units.count; u++) {
    const v = ctx.values[u];
    const out = Number.isFinite(v) && v > 0 ? (1 - Math.min(1, fraction[u])) * v : 0;
    if (out > 1e-6) {
      people += out;
      ids.push(ctx.units.ids[u]);
    }
  }
  return { people, units: ids.length, ids };
}

/** Distance from a point to the nearest edge of a multipolygon, metres. */
function distanceTo(p: Position, mp: MultiPolygon): number {
  let best = Infinity;
  for (const poly of mp)
    for (const ring of poly)
      for (let i = 1; i < ring.length; i++) best = Math.min(best, segmentDistance(p, ring[i - 1], ring[i]));
  return best;
}

function segmentDistance([px, py]: Position, [ax, ay]: Position, [bx, by]: Position): number {
  const dx = bx - ax;
  const dy = by - ay;
  const len = dx * dx + dy * dy;
  const t = len ? Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / len)) : 0;
  return Math.hypot(px - ax - t * dx, py - ay - t * dy);
}
