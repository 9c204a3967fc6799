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

/**
 * The true optimum by branch and bound, for instances of ~40 cells: cells with no allowed
 * school but their own are fixed; the others are branched in order of |d_u| (d_u = x_u − P t_u,
 * the cell's term in D's numerator), own school first. A node is cut when
 * - the children rezoned pass the cap,
 * - a school's children can no longer reach its band (even if every undecided cell that may
 *   join it did, or every undecided cell of its own left), or
 * - D cannot beat the best so far: Σ_s |a_s| − Σ_undecided |d_u| ≤ Σ_s |final_s| (triangle
 *   inequality; a_s = the school's sum over decided cells), divided by 2TP(1 − P).
 * Leaves check one piece per school. Same answer as exhaustiveOptimum, far fewer nodes.
 */
export function branchAndBoundOptimum(p: OptimiserProblem, city: GridCity): { value: number; nodes: number; assign: number[] } {
  const n = p.unitCount;
  const S = p.schoolCount;
  let T = 0;
  let X = 0;
  for (let u = 0; u < n; u++) {
    T += p.values[u * 2];
    X += p.values[u * 2 + 1];
  }
  const P = X / T;
  const norm = 2 * T * P * (1 - P);
  const d = Array.from({ length: n }, (_, u) => p.values[u * 2 + 1] - P * p.values[u * 2]);
  const alternatives = Array.from({ length: n }, (_, u) => allowedSchools(p, u).filter((s) => s !== city.owner[u]));
  const order = [...Array(n).keys()].filter((u) => alternatives[u].length > 0).sort((a, b) => Math.abs(d[b]) - Math.abs(d[a]));
  const m = order.length;
  const a = new Float64Array(S);
  const kids = new Float64Array(S);
  for (let u = 0; u < n; u++) {
    kids[city.owner[u]] += p.children[u];
    if (alternatives[u].length === 0) a[city.owner[u]] += d[u];
  }
  // Suffix sums over order[i…]: |d|, children that may join s, children of s that may leave.
  const restAbs = new Float64Array(m + 1);
  const up = Array.from({ length: m + 1 }, () => new Float64Array(S));
  const down = Array.from({ length: m + 1 }, () => new Float64Array(S));
  for (let i = m - 1; i >= 0; i--) {
    const u = order[i];
    restAbs[i] = restAbs[i + 1] + Math.abs(d[u]);
    for (let s = 0; s < S; s++) {
      up[i][s] = up[i + 1][s] + (alternatives[u].includes(s) ? p.children[u] : 0);
      down[i][s] = down[i + 1][s] + (city.owner[u] === s ? p.children[u] : 0);
    }
  }
  const assign = city.owner.slice();
  let best = Infinity;
  let bestAssign = city.owner.slice();
  let nodes = 0;
  const visit = (i: number, rezoned: number) => {
    nodes++;
    let abs = 0;
    for (let s = 0; s < S; s++) {
      if (kids[s] + up[i][s] < p.low[s] - 1e-9 || kids[s] - down[i][s] > p.high[s] + 1e-9) return;
      abs += Math.abs(a[s]);
    }
    if ((abs - restAbs[i]) / norm >= best - 1e-12) return;
    if (i === m) {
      const value = abs / norm;
      for (let s = 0; s < S; s++) if (components(city, assign, s).length > 1) return;
      best = value;
      bestAssign = assign.slice();
      return;
    }
    const u = order[i];
    const own = city.owner[u];
    const c = p.children[u];
    for (const s of [own, ...alternatives[u]]) {
      const r = s === own ? rezoned : rezoned + c;
      if (r > p.maxRezoned + 1e-9) continue;
      assign[u] = s;
      kids[own] -= c;
      kids[s] += c;
      a[s] += d[u];
      visit(i + 1, r);
      a[s] -= d[u];
      kids[s] -= c;
      kids[own] += c;
      assign[u] = own;
    }
  };
  visit(0, 0);
  return { value: best, nodes, assign: bestAssign };
}
