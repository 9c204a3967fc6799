/**
 * Composite status/need index per school, in the spirit of Espoo's status index and
 * Helsinki's need-based ("positive discrimination") funding index: a weighted mean of
 * the z-scores of the schools' composition shares. Higher = more need; 0 = the
 * network's (unweighted) school mean. See docs/indicators.md.
 */

/** Mean and standard deviation of one share across the schools where it is defined. */
interface Moments {
  mean: number;
  sd: number;
}

/**
 * Mean and population SD (divisor Σ weights, i.e. n when unweighted) over schools with a
 * defined share and a positive school weight. Null when no school qualifies.
 */
function moments(values: (number | null)[], schoolWeights: ArrayLike<number> | undefined): Moments | null {
  let wSum = 0;
  let sum = 0;
  for (let j = 0; j < values.length; j++) {
    const v = values[j];
    const w = schoolWeights ? schoolWeights[j] : 1;
    if (v === null || !Number.isFinite(v) || !(w > 0)) continue;
    wSum += w;
    sum += w * v;
  }
  if (wSum === 0) return null;
  const mean = sum / wSum;
  let sq = 0;
  for (let j = 0; j < values.length; j++) {
    const v = values[j];
    const w = schoolWeights ? schoolWeights[j] : 1;
    if (v === null || !Number.isFinite(v) || !(w > 0)) continue;
    sq += w * (v - mean) ** 2;
  }
  return { mean, sd: Math.sqrt(sq / wSum) };
}

/**
 * Spread below which the schools count as having the same share. The mean of equal values
 * can be off by rounding (e.g. six times 0.1), which would otherwise turn a zero spread into
 * a tiny one and every z-score into ±1.
 */
const EQUAL_SPREAD = 1e-12;

/** z = (v − mean) / sd; 0 when every school has (practically) the same share. */
function zScore(v: number, m: Moments): number {
  return m.sd > EQUAL_SPREAD * Math.max(1, Math.abs(m.mean)) ? (v - m.mean) / m.sd : 0;
}

/**
 * Composite status/need index: c_j = Σ_k w_k z_jk / Σ_k |w_k|, where z_jk is the z-score of
 * school j's share k across the schools of the network.
 *
 * - Mean and SD are unweighted across schools with a defined share (each school counts once)
 *   and the SD is the population SD (divisor n). Pass `schoolWeights` (e.g. children per
 *   school) to weight mean and SD by them instead; schools with weight 0 are then left out
 *   of the moments but still get a value.
 * - Only shares with a non-zero weight take part; a weight naming a share absent from
 *   `shares` is ignored (the config validator reports it).
 * - A school lacking (null/NaN) any weighted share gets null. All null when no weight is non-zero.
 *
 * @param shares share id → per-school share 0–1 (null = undefined), all arrays of equal length
 * @param weights share id → weight (config.composite.weights); negative weights mark protective shares
 * @param schoolWeights optional per-school weights for a population-weighted mean and SD
 * @returns per-school composite, in SD units; null where undefined
 * @throws RangeError on a bug: share arrays or schoolWeights of different lengths
 */
export function compositeIndex(
  shares: Record<string, (number | null)[]>,
  weights: Record<string, number>,
  schoolWeights?: ArrayLike<number>,
): (number | null)[] {
  const used = Object.keys(weights).filter((k) => weights[k] !== 0 && Number.isFinite(weights[k]) && k in shares);
  const lengths = new Set(Object.values(shares).map((s) => s.length));
  if (schoolWeights) lengths.add(schoolWeights.length);
  if (lengths.size > 1) throw new RangeError(`share arrays and school weights differ in length: ${[...lengths].join(', ')}`);
  const n = lengths.size === 1 ? [...lengths][0] : 0;
  const result = new Array<number | null>(n).fill(null);
  const wAbs = used.reduce((s, k) => s + Math.abs(weights[k]), 0);
  if (used.length === 0 || wAbs === 0) return result;
  const stats = used.map((k) => moments(shares[k], schoolWeights));
  for (let j = 0; j < n; j++) {
    let sum = 0;
    let defined = true;
    for (let i = 0; i < used.length && defined; i++) {
      const v = shares[used[i]][j];
      const m = stats[i];
      if (v === null || !Number.isFinite(v) || m === null) defined = false;
      else sum += weights[used[i]] * zScore(v, m);
    }
    result[j] = defined ? sum / wAbs : null;
  }
  return result;
}
