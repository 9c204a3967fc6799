/**
 * A lower bound of a dissimilarity measure that scales to 250 000 units (the LP of lp-bound.ts
 * does not): the Lagrangian dual of the LP relaxation with the utilisation bands and the pieces
 * rule dropped. The measure is Σ_ℓ scale_ℓ Σ_s |y_ℓs| with y_ℓs = Σ_u x_us d_ℓu linear in the
 * weights; for any π_ℓs ∈ [−1, 1], |y| ≥ π y, so
 *   measure(x) ≥ Σ_u Σ_s x_us cost_u(s),   cost_u(s) = Σ_ℓ scale_ℓ π_ℓs d_ℓu,
 * for every plan x. The minimum of the right side over the remaining limits (each unit's
 * weights on its allowed schools — trip rules, locks —, children rezoned ≤ the cap) is a
 * fractional knapsack: each start piece (unit u, school s, weight w) may move to u's cheapest
 * allowed school, gaining w (cost(s) − cost*) for w·c_u children rezoned; the best ratios
 * first. (A plan's rezoning, Σ_s max(0, w_start − w_plan) × children, is that of the pieces it
 * must move at least, so every plan is feasible here.) Any π gives a valid bound; projected
 * subgradient ascent with Polyak steps towards an upper estimate (the best plan's measure, or
 * the start's) raises it. At its best it equals the LP without bands (LP duality), so it is
 * never above the LP bound; the docs report how far below it ends.
 */
import { allowedSchools, linearTerms } from './lp-model';
import type { OptimiserProblem } from './optimiser-problem';

export interface DualBound {
  /** The best (largest) bound found: no plan under the limits has a lower measure. */
  bound: number;
  iterations: number;
  seconds: number;
}

export interface DualBoundOptions {
  /** Subgradient steps (default 200). */
  iterations?: number;
  /** A measure some plan reaches (default the start's): the Polyak step aims at it. */
  upper?: number;
  /** Stop early when the bound is within this of `upper` (default 1e-9). */
  tolerance?: number;
}

export function dualBound(p: OptimiserProblem, options: DualBoundOptions = {}): DualBound {
  const t0 = performance.now();
  const iterations = options.iterations ?? 200;
  const upper = options.upper ?? p.startMeasure;
  const n = p.unitCount;
  const S = p.schoolCount;
  const K = p.measure.columns.length;
  const terms = linearTerms(p);
  const L = terms.length;
  // d[u·L + ℓ] = Σ_k coef_ℓk v_uk; allowed schools per movable unit (CSR).
  const d = new Float64Array(n * L);
  for (let u = 0; u < n; u++)
    terms.forEach((t, l) => {
      let v = 0;
      for (let k = 0; k < K; k++) v += t.coefs[k] * p.values[u * K + k];
      d[u * L + l] = v;
    });
  const offsets = new Int32Array(n + 1);
  const list: number[] = [];
  for (let u = 0; u < n; u++) {
    if (p.movable[u] && hasValue(d, u, L)) for (const s of allowedSchools(p, u)) list.push(s);
    offsets[u + 1] = list.length;
  }
  const allowed = Int32Array.from(list);
  const scale = Float64Array.from(terms, (t) => t.scale);
  // π from the signs of the start.
  const y = new Float64Array(S * L);
  for (let u = 0; u < n; u++)
    for (let i = p.startOffsets[u]; i < p.startOffsets[u + 1]; i++)
      for (let l = 0; l < L; l++) y[p.startSchools[i] * L + l] += p.startWeights[i] * d[u * L + l];
  const pi = Float64Array.from(y, (v) => Math.sign(v));
  const cost = (u: number, s: number) => {
    let c = 0;
    for (let l = 0; l < L; l++) c += scale[l] * pi[s * L + l] * d[u * L + l];
    return c;
  };
  const pieces = p.startSchools.length;
  const ratio = new Float64Array(pieces);
  const gain = new Float64Array(pieces);
  const weight = new Float64Array(pieces);
  const target = new Int32Array(pieces);
  const moved = new Float64Array(pieces);
  const order = new Uint32Array(pieces);
  let best = -Infinity;
  let theta = 2;
  let sinceBetter = 0;
  let done = 0;
  while (done < iterations) {
    done++;
    // g(π) = Σ start cost − the knapsack's gain; y of its solution is the subgradient.
    let value = 0;
    for (let u = 0; u < n; u++) {
      let cheapest = -1;
      let low = Infinity;
      for (let i = offsets[u]; i < offsets[u + 1]; i++) {
        const c = cost(u, allowed[i]);
        if (c < low) [low, cheapest] = [c, allowed[i]];
      }
      for (let i = p.startOffsets[u]; i < p.startOffsets[u + 1]; i++) {
        const s = p.startSchools[i];
        const w = p.startWeights[i];
        const c = cost(u, s);
        value += w * c;
        const g = cheapest >= 0 && cheapest !== s ? w * (c - low) : 0;
        gain[i] = g > 0 ? g : 0;
        weight[i] = w * p.children[u];
        target[i] = g > 0 ? cheapest : s;
        ratio[i] = gain[i] > 0 ? (weight[i] > 0 ? gain[i] / weight[i] : Infinity) : 0;
      }
    }
    for (let i = 0; i < pieces; i++) order[i] = i;
    order.sort((a, b) => ratio[b] - ratio[a]);
    moved.fill(0);
    let room = p.maxRezoned;
    for (let j = 0; j < pieces; j++) {
      const i = order[j];
      if (!(gain[i] > 0)) break;
      const f = weight[i] <= room ? 1 : room / weight[i];
      if (!(f > 0)) break;
      value -= f * gain[i];
      moved[i] = f;
      room -= f * weight[i];
    }
    if (value > best + 1e-12) [best, sinceBetter] = [value, 0];
    else if (++sinceBetter >= 5) [theta, sinceBetter] = [theta / 2, 0];
    if (upper - best <= (options.tolerance ?? 1e-9) || theta < 1e-4) break;
    y.fill(0);
    for (let u = 0; u < n; u++) {
      for (let i = p.startOffsets[u]; i < p.startOffsets[u + 1]; i++) {
        const w = p.startWeights[i];
        const stay = w * (1 - moved[i]);
        const go = w * moved[i];
        for (let l = 0; l < L; l++) {
          y[p.startSchools[i] * L + l] += stay * d[u * L + l];
          y[target[i] * L + l] += go * d[u * L + l];
        }
      }
    }
    // Polyak step along G = scale · y (the subgradient of g at π), projected on [−1, 1].
    let norm2 = 0;
    for (let i = 0; i < S * L; i++) norm2 += (scale[i % L] * y[i]) ** 2;
    if (norm2 === 0) break;
    const step = (theta * Math.max(upper - value, 1e-12)) / norm2;
    for (let i = 0; i < S * L; i++) pi[i] = Math.max(-1, Math.min(1, pi[i] + step * scale[i % L] * y[i]));
  }
  return { bound: best, iterations: done, seconds: (performance.now() - t0) / 1000 };
}

function hasValue(d: Float64Array, u: number, L: number): boolean {
  for (let l = 0; l < L; l++) if (d[u * L + l] !== 0) return true;
  return false;
}
