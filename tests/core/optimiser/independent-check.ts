/**
 * An independent checker of the optimiser's limits for grid cities (tests/core/optimiser/
 * grid-city.ts): reads the weights of two engines (start and plan), the school figures the
 * engine prints, and computes rezoning, trips and catchment pieces with its own loops. It
 * shares nothing with src/core/optimiser.
 */
import type { GridUnits } from '../../../src/core/model/units';
import type { ScenarioEngine } from '../../../src/core/scenario/scenario-engine';

export interface CheckLimits {
  maxRezonedShare: number | null;
  maxTripIncreaseShare: number | null;
  maxTripIncreaseMetres: number | null;
  utilisation: [number, number] | null;
  lockedSchoolIds: string[];
}

const TOL = 1e-6;

function weights(engine: ScenarioEngine, net: string, u: number): Map<number, number> {
  const m = new Map<number, number>();
  engine.overlay(net).forEach(u, (s, w) => {
    if (w > 1e-9) m.set(s, (m.get(s) ?? 0) + w);
  });
  return m;
}

/** Pieces of each school: 4-neighbour flood fill over the cells holding part of it. */
function pieces(units: GridUnits, holds: (u: number, s: number) => boolean, schools: number): number[] {
  const at = new Map<string, number>();
  for (let u = 0; u < units.count; u++) at.set(`${units.col[u]},${units.row[u]}`, u);
  const out: number[] = [];
  for (let s = 0; s < schools; s++) {
    const seen = new Set<number>();
    let count = 0;
    for (let u = 0; u < units.count; u++) {
      if (!holds(u, s) || seen.has(u)) continue;
      count++;
      const stack = [u];
      seen.add(u);
      while (stack.length) {
        const v = stack.pop()!;
        for (const [dc, dr] of [[1, 0], [-1, 0], [0, 1], [0, -1]]) {
          const w = at.get(`${units.col[v] + dc},${units.row[v] + dr}`);
          if (w !== undefined && !seen.has(w) && holds(w, s)) {
            seen.add(w);
            stack.push(w);
          }
        }
      }
    }
    out.push(count);
  }
  return out;
}

/** Every broken limit, as a sentence; empty when the plan keeps them all. */
export function independentViolations(start: ScenarioEngine, plan: ScenarioEngine, net: string, limits: CheckLimits): string[] {
  const out: string[] = [];
  const units = start.units as GridUnits;
  const network = start.network(net);
  const g = units.grid;
  const schoolsLoc = start.schoolsInYear(net).map((s) => s.location);
  const dist = (u: number, s: number) => Math.hypot(g.originX + (units.col[u] + 0.5) * g.cellSize - schoolsLoc[s][0], g.originY + (units.row[u] + 0.5) * g.cellSize - schoolsLoc[s][1]);
  // Children per cell in the engine's selected year (projection and housing included).
  const kids = start.unitChildren(net);
  const children = (u: number) => kids[u];
  let moved = 0;
  const A: Map<number, number>[] = [];
  const B: Map<number, number>[] = [];
  for (let u = 0; u < units.count; u++) {
    const a = weights(start, net, u);
    const b = weights(plan, net, u);
    A.push(a);
    B.push(b);
    for (const [s, w] of a) moved += children(u) * Math.max(0, w - (b.get(s) ?? 0));
    const nearestStart = Math.min(...[...a.keys()].map((s) => dist(u, s)));
    for (const [s, w] of b) {
      const w0 = a.get(s) ?? 0;
      if (w0 === 0 && dist(u, s) > 5000 + TOL) out.push(`cell ${u} gets a new trip over 5 km`);
      if (w > w0 + 1e-9) {
        if (limits.maxTripIncreaseShare !== null && dist(u, s) > nearestStart * (1 + limits.maxTripIncreaseShare) + TOL) out.push(`cell ${u}: trip increase over the share`);
        if (limits.maxTripIncreaseMetres !== null && dist(u, s) > nearestStart + limits.maxTripIncreaseMetres + TOL) out.push(`cell ${u}: trip increase over the metres`);
      }
    }
    for (const id of limits.lockedSchoolIds) {
      const s = network.schoolIds.indexOf(id);
      if (Math.abs((a.get(s) ?? 0) - (b.get(s) ?? 0)) > 1e-9) out.push(`cell ${u} of locked school ${id} changed`);
    }
  }
  const before = start.indicators(net);
  const after = plan.indicators(net);
  if (limits.maxRezonedShare !== null && moved > limits.maxRezonedShare * before.totals.children + TOL) out.push(`rezoned ${moved} > cap`);
  if (limits.utilisation) {
    const [lo, hi] = limits.utilisation;
    after.schools.forEach((f, s) => {
      const cap = f.capacity!;
      const k0 = before.schools[s].children;
      if (f.children > Math.max(hi * cap, k0) + TOL || f.children < Math.min(lo * cap, k0) - TOL) out.push(`school ${f.id} outside its band: ${f.children} of ${cap}`);
    });
  }
  const p0 = pieces(units, (u, s) => A[u].has(s), network.schoolIds.length);
  const p1 = pieces(units, (u, s) => B[u].has(s), network.schoolIds.length);
  p1.forEach((x, s) => {
    if (x > p0[s]) out.push(`school ${network.schoolIds[s]} has ${x} pieces, had ${p0[s]}`);
  });
  return out;
}
