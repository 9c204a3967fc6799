/**
 * Multigroup (aspatial) segregation indices over the schools of one network, for a
 * partition of the children into K groups (e.g. parents' education levels).
 *
 * Definitions follow Reardon & Firebaugh (2002) and match python `segregation` (pysal)
 * `MultiDissim` (D), `MultiInfoTheory` (H) and `MultiNormExposure`, and R
 * `segregation::mutual_total` (M and H, natural log). See docs/indicators.md.
 *
 * Conventions (never NaN):
 * - schools with zero total are ignored;
 * - groups nobody belongs to are harmless (they contribute 0 to every sum);
 * - no children (T = 0), fewer than two groups, or every child in one group: all indices are 0.
 */

import type { MultigroupIndices } from './indicator-types';
import { clampIndex, cleanCount, xLnX } from './count-checks';

const ZERO: MultigroupIndices = { D: 0, M: 0, H: 0, normalized_exposure: 0 };

/** Non-empty schools: t[j] total, p[j][m] share of group m; P[m] network share of group m. */
interface Composition {
  t: number[];
  p: number[][];
  P: number[];
  T: number;
}

function collect(counts: ArrayLike<number>[]): Composition {
  const K = counts.length > 0 ? counts[0].length : 0;
  const groupTotals = new Array<number>(K).fill(0);
  const comp: Composition = { t: [], p: [], P: [], T: 0 };
  for (let j = 0; j < counts.length; j++) {
    const row = counts[j];
    if (row.length !== K) throw new RangeError(`counts[${j}] has ${row.length} groups, counts[0] has ${K}`);
    const clean = new Array<number>(K);
    let t = 0;
    for (let m = 0; m < K; m++) {
      clean[m] = cleanCount(row[m], `counts[${j}]`, m);
      t += clean[m];
    }
    if (t === 0) continue;
    const shares = new Array<number>(K);
    for (let m = 0; m < K; m++) {
      shares[m] = clean[m] / t;
      groupTotals[m] += clean[m];
    }
    comp.t.push(t);
    comp.p.push(shares);
    comp.T += t;
  }
  comp.P = groupTotals.map((g) => (comp.T > 0 ? g / comp.T : 0));
  return comp;
}

/** Sakoda / Reardon–Firebaugh D = Σ_m Σ_j t_j |p_jm − P_m| / (2 T I), I = Σ_m P_m (1 − P_m). */
function dissimilarity(c: Composition, I: number): number {
  let sum = 0;
  for (let j = 0; j < c.t.length; j++) {
    for (let m = 0; m < c.P.length; m++) sum += c.t[j] * Math.abs(c.p[j][m] - c.P[m]);
  }
  return sum / (2 * c.T * I);
}

/** Mutual information M = Σ_j (t_j / T) Σ_m p_jm ln(p_jm / P_m), in nats; 0·ln 0 = 0. */
function mutualInformation(c: Composition): number {
  let sum = 0;
  for (let j = 0; j < c.t.length; j++) {
    let local = 0;
    for (let m = 0; m < c.P.length; m++) {
      const pjm = c.p[j][m];
      if (pjm > 0) local += pjm * Math.log(pjm / c.P[m]);
    }
    sum += (c.t[j] / c.T) * local;
  }
  return sum;
}

/** Normalised exposure P = Σ_m Σ_j t_j (p_jm − P_m)² / (T (1 − P_m)). */
function normalizedExposure(c: Composition): number {
  let sum = 0;
  for (let m = 0; m < c.P.length; m++) {
    const Pm = c.P[m];
    if (Pm === 0) continue; // every p_jm is 0 too: the term is 0
    for (let j = 0; j < c.t.length; j++) sum += (c.t[j] * (c.p[j][m] - Pm) ** 2) / (1 - Pm);
  }
  return sum / c.T;
}

/**
 * Multigroup segregation indices of the schools of one network.
 *
 * @param counts counts[j][m] = expected children of school j in group m; every row has the same length K
 * @returns D, H and normalized_exposure in 0–1; M in nats, 0 ≤ M ≤ ln K
 * @throws RangeError on a bug: rows of different length, a clearly negative (< −1e-9) or non-finite count
 */
export function multigroupIndices(counts: ArrayLike<number>[]): MultigroupIndices {
  const c = collect(counts);
  if (c.T === 0 || c.P.length < 2) return { ...ZERO };
  let I = 0;
  let E = 0;
  for (const Pm of c.P) {
    I += Pm * (1 - Pm);
    E -= xLnX(Pm);
  }
  // Every child in one group (some P_m = 1): I = E = 0, nothing to segregate.
  if (I <= 0 || E <= 0 || c.P.some((Pm) => Pm >= 1)) return { ...ZERO };
  const M = Math.max(0, mutualInformation(c));
  return {
    D: clampIndex(dissimilarity(c, I)),
    M,
    H: clampIndex(M / E),
    normalized_exposure: clampIndex(normalizedExposure(c)),
  };
}
