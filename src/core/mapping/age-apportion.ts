/**
 * Apportioning wide age bands to school ages. HSY's grid gives persons aged 0–9 and 10–19;
 * grades 1–6 are ages 7–12 and grades 7–9 ages 13–15. Assuming one-year ages are evenly spread
 * within a band, a target range takes (years of overlap) / (years in the band) of each band:
 *   7–12  = 3/10 · ika0_9 (ages 7, 8, 9) + 3/10 · ika10_19 (ages 10, 11, 12);
 *   13–15 = 3/10 · ika10_19 (ages 13, 14, 15).
 * The planner may choose other fractions (e.g. where births are falling); a config built on
 * apportioned bands is labelled as estimates (ageBands.estimated = true). Counts of people; no CRS.
 */
import type { FieldExpression, IndicatorConfig } from '../config/indicator-config';
import type { Problem } from '../model/result';

/** A source age band: persons aged fromAge…toAge (whole years, both inclusive) in `field`. */
export interface AgeBandSource {
  field: string;
  fromAge: number;
  toAge: number;
}

/** A chosen share of a source field that belongs to the target ages. */
export interface AgeFraction {
  field: string;
  /** 0–1. */
  factor: number;
}

/** HSY's two school-age bands. */
export const HSY_AGE_BANDS: readonly AgeBandSource[] = [
  { field: 'ika0_9', fromAge: 0, toAge: 9 },
  { field: 'ika10_19', fromAge: 10, toAge: 19 },
];

/** School ages of the two levels: grades 1–6 = ages 7–12, grades 7–9 = ages 13–15. */
export const SCHOOL_AGES = { lower: { fromAge: 7, toAge: 12 }, upper: { fromAge: 13, toAge: 15 } } as const;

/**
 * Fractions of each band under the even-spread assumption: overlap years / band years.
 * Bands that do not overlap the target are left out.
 */
export function uniformFractions(target: { fromAge: number; toAge: number }, bands: readonly AgeBandSource[] = HSY_AGE_BANDS): AgeFraction[] {
  const out: AgeFraction[] = [];
  for (const b of bands) {
    const overlap = Math.min(b.toAge, target.toAge) - Math.max(b.fromAge, target.fromAge) + 1;
    if (overlap > 0) out.push({ field: b.field, factor: overlap / (b.toAge - b.fromAge + 1) });
  }
  return out;
}

/** Problems of chosen fractions: each must be a finite number in [0, 1] and at least one > 0. */
export function checkFractions(fractions: readonly AgeFraction[], path = 'ageBands'): Problem[] {
  const problems: Problem[] = [];
  for (const f of fractions)
    if (!(Number.isFinite(f.factor) && f.factor >= 0 && f.factor <= 1))
      problems.push({ code: 'invalid-age-fraction', message: `The share of ${f.field} must be between 0 and 1, got ${f.factor}.`, fix: 'Give the share of the band that has the school ages, e.g. 0.3 for 3 of 10 one-year ages.', field: path });
  if (!fractions.some((f) => f.factor > 0))
    problems.push({ code: 'invalid-age-fraction', message: 'The age band takes nothing from any field.', fix: 'Give at least one field a share above 0.', field: path });
  return problems;
}

/** The FieldExpression Σ factor · field of the chosen fractions (zero shares dropped). */
export function ageBandExpression(fractions: readonly AgeFraction[]): FieldExpression {
  return { terms: fractions.filter((f) => f.factor > 0).map((f) => ({ field: f.field.toLowerCase(), factor: f.factor })) };
}

/**
 * The config with its lower and upper age bands apportioned by the given fractions (default:
 * the even-spread HSY fractions above), marked as estimates.
 */
export function withApportionedAgeBands(
  config: IndicatorConfig,
  fractions: { lower?: readonly AgeFraction[]; upper?: readonly AgeFraction[] } = {},
): IndicatorConfig {
  const lower = fractions.lower ?? uniformFractions(SCHOOL_AGES.lower);
  const upper = fractions.upper ?? uniformFractions(SCHOOL_AGES.upper);
  return { ...config, ageBands: { ...config.ageBands, lower: ageBandExpression(lower), upper: ageBandExpression(upper), estimated: true } };
}
