/**
 * The default cohort model of docs/indicators.md "Projection by year", for one unit:
 * - single ages from age bands, uniform within each band: a band [a, b] of n people holds
 *   n / (b − a + 1) at each age;
 * - each year every cohort ages by one and is multiplied by r(a) of the age a it leaves;
 * - new 0-year-olds in year offset k ≥ 1: (people aged 0–2 in the base year) / 3 × f(base + k),
 *   entering at age 0 with no retention step in that year.
 * Everything is linear in the band counts, so a unit's children in a year are Σ_b A[b] · n_b
 * with coefficients A from bandCoefficients (computed once per class and year, not per unit).
 */
import type { AgeBandField } from './projection-config';

/** Ages 0 … maxAge (the last band's upper age) of one unit; counts parallel to `bands`. */
export function singleAges(bands: AgeBandField[], counts: ArrayLike<number>): Float64Array {
  const maxAge = bands.reduce((m, b) => Math.max(m, b.to), 0);
  const ages = new Float64Array(maxAge + 1);
  bands.forEach((b, i) => {
    const each = counts[i] / (b.to - b.from + 1);
    for (let a = b.from; a <= b.to; a++) ages[a] += each;
  });
  return ages;
}

/** r(a), 1 where the table has no value. */
export function retentionAt(retention: readonly number[] | undefined, age: number): number {
  const r = retention?.[age];
  return r === undefined ? 1 : r;
}

/** Birth factor of a calendar year, 1 where none is given. */
export function birthFactorOf(birthFactor: Record<string, number> | undefined, year: number): number {
  const f = birthFactor?.[String(year)];
  return f === undefined ? 1 : f;
}

/**
 * Single ages in year offset t (0 = base year) from the base-year single ages.
 * Ages above the oldest band are dropped (they are not school ages).
 */
export function projectAges(base: Float64Array, t: number, baseYear: number, retention: readonly number[] | undefined,
  birthFactor: Record<string, number> | undefined): Float64Array {
  let ages = base.slice();
  const births = (base[0] ?? 0) + (base[1] ?? 0) + (base[2] ?? 0);
  for (let k = 1; k <= t; k++) {
    const next = new Float64Array(ages.length);
    for (let a = ages.length - 1; a >= 1; a--) next[a] = ages[a - 1] * retentionAt(retention, a - 1);
    next[0] = (births / 3) * birthFactorOf(birthFactor, baseYear + k);
    ages = next;
  }
  return ages;
}

/**
 * Coefficient of each band in the people aged lo…hi in year offset t: projecting the unit
 * vector of each band. children_t = Σ_b coeff[b] · n_b.
 */
export function bandCoefficients(bands: AgeBandField[], ageRange: [number, number], t: number, baseYear: number,
  retention: readonly number[] | undefined, birthFactor: Record<string, number> | undefined): Float64Array {
  const out = new Float64Array(bands.length);
  const unit = new Float64Array(bands.length);
  for (let b = 0; b < bands.length; b++) {
    unit.fill(0);
    unit[b] = 1;
    const ages = projectAges(singleAges(bands, unit), t, baseYear, retention, birthFactor);
    let sum = 0;
    for (let a = ageRange[0]; a <= Math.min(ageRange[1], ages.length - 1); a++) sum += ages[a];
    out[b] = sum;
  }
  return out;
}
