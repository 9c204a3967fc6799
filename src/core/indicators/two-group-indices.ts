/**
 * Two-group (aspatial) segregation indices over the schools of one network.
 *
 * The units are schools; the counts are the expected children of each school's
 * catchment (fractional numbers are fine). Definitions follow Massey & Denton (1988)
 * exactly as implemented by python `segregation` (pysal) `Dissim`, `Gini`, `Entropy`,
 * `Isolation`, `Exposure`, `Atkinson(b = 0.5)` and `CorrelationR`; see docs/indicators.md.
 *
 * Conventions (never NaN):
 * - schools with zero total are ignored (they change none of the formulas anyway);
 * - no children at all (T = 0): every index is 0;
 * - nobody or everybody in the group (P = 0 or P = 1): the indices take their values under
 *   an even distribution, i.e. D = Gini = H = Atkinson = eta² = 0, isolation = P, exposure = 1 − P;
 * - a single school gives the same values as an even distribution (its share is P).
 */

import type { TwoGroupIndices } from './indicator-types';
import { binaryEntropy, clampIndex, clampToTotal, cleanCount } from './count-checks';

/** Atkinson shape parameter used for `atkinson_0_5` (pysal's default b). */
export const ATKINSON_B = 0.5;

/** Per-school counts with empty schools dropped; p[j] = x[j] / t[j]. */
interface GroupData {
  x: number[];
  t: number[];
  p: number[];
  /** Σ x: children in the group. */
  X: number;
  /** Σ (t − x): children not in the group. */
  Y: number;
  /** Σ t: all children. */
  T: number;
}

function collect(minority: ArrayLike<number>, total: ArrayLike<number>): GroupData {
  if (minority.length !== total.length) {
    throw new RangeError(`minority has ${minority.length} schools but total has ${total.length}`);
  }
  const data: GroupData = { x: [], t: [], p: [], X: 0, Y: 0, T: 0 };
  for (let j = 0; j < total.length; j++) {
    const t = cleanCount(total[j], 'total', j);
    const m = cleanCount(minority[j], 'minority', j);
    if (t === 0) continue;
    const x = clampToTotal(m, t, j);
    data.x.push(x);
    data.t.push(t);
    data.p.push(x / t);
    data.X += x;
    data.Y += t - x;
    data.T += t;
  }
  return data;
}

/** Values of the indices when the group is spread evenly (share P in every school). */
function evenIndices(P: number): TwoGroupIndices {
  return { D: 0, gini: 0, H: 0, isolation: P, exposure: 1 - P, atkinson_0_5: 0, eta2: 0 };
}

/** Dissimilarity D = Σ t_j |p_j − P| / (2 T P (1 − P)). */
function dissimilarity(d: GroupData, P: number): number {
  let sum = 0;
  for (let j = 0; j < d.t.length; j++) sum += d.t[j] * Math.abs(d.p[j] - P);
  return sum / (2 * d.T * P * (1 - P));
}

/** Gini G = Σ_i Σ_j t_i t_j |p_i − p_j| / (2 T² P (1 − P)); the double sum is twice the sum over i < j. */
function gini(d: GroupData, P: number): number {
  // Σ_{i<j} t_i t_j |p_i − p_j| in O(n log n): in ascending order of p, the j-th school's
  // G_j = Σ_{i before j} t_i (p_j − p_i) grows by (p_j − p_{j−1}) · (t of the schools before j),
  // so every term added is ≥ 0 (no cancellation), and the double sum is Σ_j t_j G_j.
  const n = d.t.length;
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => d.p[a] - d.p[b]);
  let sum = 0;
  let below = 0;
  let g = 0;
  let prev = n > 0 ? d.p[order[0]] : 0;
  for (const j of order) {
    g += (d.p[j] - prev) * below;
    sum += d.t[j] * g;
    below += d.t[j];
    prev = d.p[j];
  }
  return (2 * sum) / (2 * d.T * d.T * P * (1 - P));
}

/** Theil's entropy index H = Σ t_j (E − E_j) / (E T), E = binary entropy of P, E_j of p_j (nats). */
function theilH(d: GroupData, P: number): number {
  const E = binaryEntropy(P);
  let sum = 0;
  for (let j = 0; j < d.t.length; j++) sum += d.t[j] * (E - binaryEntropy(d.p[j]));
  return sum / (E * d.T);
}

/**
 * Atkinson index as in Massey & Denton (1988) and pysal:
 * A = 1 − (P / (1 − P)) · |Σ_j (1 − p_j)^(1−b) p_j^b t_j / (P T)|^(1/(1−b)), 0 < b < 1.
 */
function atkinson(d: GroupData, P: number, b: number): number {
  let sum = 0;
  for (let j = 0; j < d.t.length; j++) sum += (1 - d.p[j]) ** (1 - b) * d.p[j] ** b * d.t[j];
  return 1 - (P / (1 - P)) * Math.abs(sum / (P * d.T)) ** (1 / (1 - b));
}

/** Isolation xPx = Σ (x_j / X)(x_j / t_j): the group share in the school of the average group member. */
function isolation(d: GroupData): number {
  let sum = 0;
  for (let j = 0; j < d.t.length; j++) sum += (d.x[j] / d.X) * d.p[j];
  return sum;
}

/** Exposure xPy = Σ (x_j / X)(y_j / t_j), y_j = t_j − x_j: the others' share in the average group member's school. */
function exposure(d: GroupData): number {
  let sum = 0;
  for (let j = 0; j < d.t.length; j++) sum += (d.x[j] / d.X) * (1 - d.p[j]);
  return sum;
}

/**
 * Two-group segregation indices of the schools of one network.
 *
 * @param minority minority[j] = expected children of school j with the property (e.g. foreign-language home)
 * @param total total[j] = all expected children of school j (≥ minority[j])
 * @returns indices as fractions 0–1 (see docs/indicators.md for meaning and conventions)
 * @throws RangeError on a bug: arrays of different length, a clearly negative (< −1e-9) or
 *   non-finite count, or minority[j] clearly exceeding total[j]
 */
export function twoGroupIndices(minority: ArrayLike<number>, total: ArrayLike<number>): TwoGroupIndices {
  const d = collect(minority, total);
  if (d.T === 0) return { D: 0, gini: 0, H: 0, isolation: 0, exposure: 0, atkinson_0_5: 0, eta2: 0 };
  const P = d.X / d.T;
  if (d.X === 0 || d.Y === 0) return evenIndices(d.Y === 0 ? 1 : 0);
  const xPx = isolation(d);
  return {
    D: clampIndex(dissimilarity(d, P)),
    gini: clampIndex(gini(d, P)),
    H: clampIndex(theilH(d, P)),
    isolation: clampIndex(xPx),
    exposure: clampIndex(exposure(d)),
    atkinson_0_5: clampIndex(atkinson(d, P, ATKINSON_B)),
    eta2: clampIndex((xPx - P) / (1 - P)),
  };
}
