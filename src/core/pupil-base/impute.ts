/**
 * Imputation of suppressed or missing unit values from the surrounding area
 * (rule "impute"), or their exclusion (rule "exclude"). See docs/indicators.md (Pupil base and composition).
 * Counts are people; the neighbourhood is defined in EPSG:3067 metres (neighbourhood.ts).
 */
import type { NeighbourIndex } from './neighbourhood';

export interface AgeBandOutcome {
  /** Children per unit: the known value, the imputed estimate, or 0 when excluded. */
  children: Float64Array;
  /** 1 where the unit's children rest on an imputed value. */
  imputedFlag: Uint8Array;
  report: { known: number; imputed: number; globalFallback: number; excluded: number; excludedPopulation: number; imputedChildren: number };
}

/**
 * Children per unit. A unit whose age band is unknown (NaN or negative) gets, under rule
 * impute, population × (Σ children / Σ population over the surrounding units where both are
 * known), falling back to the same ratio over the whole dataset; otherwise (rule exclude, or
 * unknown population) it is excluded with 0 children and its population is reported.
 */
export function imputeAgeBand(age: Float64Array, population: Float64Array, impute: boolean, neighbours: NeighbourIndex): AgeBandOutcome {
  const n = age.length;
  const children = new Float64Array(n);
  const imputedFlag = new Uint8Array(n);
  const report = { known: 0, imputed: 0, globalFallback: 0, excluded: 0, excludedPopulation: 0, imputedChildren: 0 };
  const both = new Uint8Array(n);
  let totalC = 0;
  let totalP = 0;
  const targets: number[] = [];
  for (let u = 0; u < n; u++) {
    const c = age[u];
    const p = population[u];
    if (c >= 0) {
      children[u] = c;
      report.known++;
      if (p >= 0) {
        both[u] = 1;
        totalC += c;
        totalP += p;
      }
    } else if (impute && p >= 0) targets.push(u);
    else {
      report.excluded++;
      if (p >= 0) report.excludedPopulation += p;
    }
  }
  if (targets.length === 0) return { children, imputedFlag, report };
  const [sumC, sumP] = neighbours.sumsAround([age, population], both, targets);
  for (let t = 0; t < targets.length; t++) {
    const u = targets[t];
    let ratio: number;
    if (sumP[t] > 0) ratio = sumC[t] / sumP[t];
    else if (totalP > 0) {
      ratio = totalC / totalP;
      report.globalFallback++;
    } else {
      report.excluded++;
      report.excludedPopulation += population[u];
      continue;
    }
    children[u] = population[u] * ratio;
    imputedFlag[u] = 1;
    report.imputed++;
    report.imputedChildren += children[u];
  }
  return { children, imputedFlag, report };
}

/** State per unit in RatioOutcome.state. */
export const NO_CHILDREN = 0;
export const KNOWN = 1;
export const IMPUTED = 2;
export const EXCLUDED = 3;

export interface RatioOutcome {
  /** NO_CHILDREN, KNOWN, IMPUTED or EXCLUDED per unit. */
  state: Uint8Array;
  /** Per numerator: the unit's ratio numerator/denominator, clamped to [0, 1] (0 where excluded). */
  ratios: Float64Array[];
  /** Counts over the units with children > 0. */
  known: number;
  imputed: number;
  globalFallback: number;
  excluded: number;
}

/**
 * 1 where a unit's ratios num_m / den are known: den > 0 and every numerator ≥ 0, all finite
 * (imputeRatios; the mask its neighbourhood sums are taken over).
 */
export function knownRatios(nums: Float64Array[], den: Float64Array): Uint8Array {
  const n = den.length;
  // Column by column (fast on large grids).
  const known = new Uint8Array(n);
  for (let u = 0; u < n; u++) known[u] = den[u] > 0 && den[u] < Infinity ? 1 : 0;
  for (const num of nums) for (let u = 0; u < n; u++) if (!(num[u] >= 0 && num[u] < Infinity)) known[u] = 0;
  return known;
}

/**
 * Ratios num_m / den per unit (a share has one numerator, a partition one per category).
 * Known where den > 0 and every numerator ≥ 0. Elsewhere, for units with children, rule
 * impute uses Σ num_m / Σ den over the surrounding known units (then the whole dataset);
 * rule exclude, or nothing known anywhere, excludes the unit from the figure.
 * @param known knownRatios(nums, den), when the caller has it already
 */
export function imputeRatios(
  nums: Float64Array[],
  den: Float64Array,
  children: Float64Array,
  impute: boolean,
  neighbours: NeighbourIndex,
  known: Uint8Array = knownRatios(nums, den),
): RatioOutcome {
  const n = den.length;
  const M = nums.length;
  const totals = new Float64Array(M + 1);
  for (let u = 0; u < n; u++) if (known[u]) totals[M] += den[u];
  const ratios = nums.map((num, m) => {
    const ratio = new Float64Array(n);
    for (let u = 0; u < n; u++) {
      if (!known[u]) continue;
      ratio[u] = Math.min(1, num[u] / den[u]);
      totals[m] += num[u];
    }
    return ratio;
  });
  const state = new Uint8Array(n);
  const out = { state, ratios, known: 0, imputed: 0, globalFallback: 0, excluded: 0 };
  const targets: number[] = [];
  for (let u = 0; u < n; u++) {
    const hasChildren = children[u] > 0;
    if (known[u]) {
      state[u] = KNOWN;
      if (hasChildren) out.known++;
    } else if (!hasChildren) state[u] = NO_CHILDREN;
    else if (impute) targets.push(u);
    else {
      state[u] = EXCLUDED;
      out.excluded++;
    }
  }
  if (targets.length === 0) return out;
  const sums = neighbours.sumsAround([...nums, den], known, targets);
  const sumDen = sums[M];
  for (let t = 0; t < targets.length; t++) {
    const u = targets[t];
    if (sumDen[t] > 0) {
      for (let m = 0; m < M; m++) ratios[m][u] = Math.min(1, sums[m][t] / sumDen[t]);
    } else if (totals[M] > 0) {
      for (let m = 0; m < M; m++) ratios[m][u] = Math.min(1, totals[m] / totals[M]);
      out.globalFallback++;
    } else {
      state[u] = EXCLUDED;
      out.excluded++;
      continue;
    }
    state[u] = IMPUTED;
    out.imputed++;
  }
  return out;
}
