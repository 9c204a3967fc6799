/**
 * A plan as ordinary edit records (core/scenario/edit.ts), one per school that gains units:
 * `assign-cells` with the cells for grid units, `assign-region` with the units' polygons for
 * polygon units. Each edit hands its units wholly to the school; the regions of different
 * edits are disjoint, so their order does not matter. Undo, compare, report and the CLI's
 * `--edits` treat them like any hand-made edit.
 */
import type { MultiPolygon } from '../model/geometry-types';
import type { Units } from '../model/units';
import type { Edit } from '../scenario/edit';

/**
 * @param states per unit: −1 = unchanged, s ≥ 0 = wholly to school s (PlanState.assigned)
 * @param year the school year the edits take effect (undefined = the base year)
 */
export function planEdits(networkId: string, schoolIds: string[], units: Units, states: ArrayLike<number>, year?: number): Edit[] {
  const bySchool = new Map<number, number[]>();
  for (let u = 0; u < states.length; u++) {
    const s = states[u];
    if (s < 0) continue;
    const list = bySchool.get(s);
    if (list) list.push(u);
    else bySchool.set(s, [u]);
  }
  const edits: Edit[] = [];
  for (const s of [...bySchool.keys()].sort((a, b) => a - b)) {
    const list = bySchool.get(s)!;
    const schoolId = schoolIds[s];
    if (units.kind === 'grid') {
      edits.push({ kind: 'assign-cells', networkId, schoolId, cells: list.map((u) => [units.col[u], units.row[u]] as [number, number]), ...(year !== undefined ? { year } : {}) });
    } else {
      const region: MultiPolygon = list.flatMap((u) => units.geometries[u]);
      edits.push({ kind: 'assign-region', networkId, schoolId, region, ...(year !== undefined ? { year } : {}) });
    }
  }
  return edits;
}

/** Units a plan moves (state ≥ 0). */
export function movedUnits(states: ArrayLike<number>): number {
  let n = 0;
  for (let u = 0; u < states.length; u++) if (states[u] >= 0) n++;
  return n;
}
