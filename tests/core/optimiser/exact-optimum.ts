/**
 * True optima of small grid instances, for comparison with the heuristic:
 * exhaustive enumeration under the same limits (rezoning cap, bands, trips, one piece per
 * catchment), with the limits and D computed by the test's own loops. Assumes every cell lies
 * wholly in one catchment at the start and each start catchment is one piece (grid-city.ts).
 * (An exact HiGHS MIP with lazy connectivity cuts was tried first: minutes per 20-cell
 * instance, too slow for the unit tests.)
 */
import { allowedSchools } from '../../../src/core/optimiser/lp-model';
import type { OptimiserProblem } from '../../../src/core/optimiser/optimiser-problem';
import type { GridCity } from './grid-city';

function components(city: GridCity, assign: number[], s: number): number[][] {
  const { W, H } = city;
  const seen = new Set<number>();
  const out: number[][] = [];
  for (let u = 0; u < W * H; u++) {
    if (assign[u] !== s || seen.has(u)) continue;
    const comp: number[] = [];
    const stack = [u];
    seen.add(u);
    while (stack.length) {
      const v = stack.pop()!;
      comp.push(v);
      const [x, y] = [v % W, Math.floor(v / W)];
      for (const [nx, ny] of [[x + 1, y], [x - 1, y], [x, y + 1], [x, y - 1]]) {
        const w = ny * W + nx;
        if (nx >= 0 && nx < W && ny >= 0 && ny < H && assign[w] === s && !seen.has(w)) {
          seen.add(w);
          stack.push(w);
        }
      }
    }
    out.push(comp);
  }
  return out;
}

/** D of foreign_language from the unit values (own loop): Σ|x_j − P t_j| / (2 T P (1 − P)). */
export function dissimilarity(p: OptimiserProblem, assign: number[]): number {
  const S = p.schoolCount;
  const t = new Float64Array(S);
  const x = new Float64Array(S);
  assign.forEach((s, u) => {
    t[s] += p.values[u * 2];
    x[s] += p.values[u * 2 + 1];
  });
  const T = t.reduce((a, b) => a + b, 0);
  const P = x.reduce((a, b) => a + b, 0) / T;
  let sum = 0;
  for (let s = 0; s < S; s++) sum += Math.abs(x[s] - P * t[s]);
  return sum / (2 * T * P * (1 - P));
}

/**
 * The true optimum by depth-first enumeration of every assignment of the cells to their
 * allowed schools whose children rezoned stay within the cap (branches over the cap are cut
 * as soon as they pass it); at each leaf the bands are checked, D is computed, and the pieces
 * are counted only when D beats the best so far.
 */
export function exhaustiveOptimum(p: OptimiserProblem, city: GridCity): { value: number; leaves: number; assign: number[] } {
  const n = p.unitCount;
  const S = p.schoolCount;
  const options = Array.from({ length: n }, (_, u) => {
    const list = allowedSchools(p, u);
    return [city.owner[u], ...list.filter((s) => s !== city.owner[u])];
  });
  const assign = city.owner.slice();
  const kids = new Float64Array(S);
  city.owner.forEach((s, u) => (kids[s] += p.children[u]));
  let best = Infinity;
  let bestAssign = city.owner.slice();
  let leaves = 0;
  const visit = (u: number, rezoned: number) => {
    if (u === n) {
      leaves++;
      for (let s = 0; s < S; s++) if (kids[s] > p.high[s] + 1e-9 || kids[s] < p.low[s] - 1e-9) return;
      const d = dissimilarity(p, assign);
      if (d >= best) return;
      for (let s = 0; s < S; s++) if (components(city, assign, s).length > 1) return;
      best = d;
      bestAssign = assign.slice();
      return;
    }
    const c = p.children[u];
    for (const s of options[u]) {
      const r = s === city.owner[u] ? rezoned : rezoned + c;
      if (r > p.maxRezoned + 1e-9) continue;
      const from = assign[u];
      assign[u] = s;
      kids[from] -= c;
      kids[s] += c;
      visit(u + 1, r);
      kids[s] -= c;
      kids[from] += c;
      assign[u] = from;
    }
  };
  visit(0, 0);
  return { value: best, leaves, assign: bestAssign };
}
