/**
 * Small numeric helpers shared by the segregation indices. Counts are expected
 * numbers of children (not necessarily integers); they carry no CRS.
 */

/** Relative slack allowed when a group count exceeds its total through floating-point rounding. */
const ROUNDING_SLACK = 1e-9;

/** x·ln(x) with the usual entropy convention 0·ln 0 = 0 (natural log). */
export function xLnX(x: number): number {
  return x > 0 ? x * Math.log(x) : 0;
}

/**
 * Binary entropy p·ln(1/p) + (1−p)·ln(1/(1−p)) in nats; 0 when p is 0 or 1.
 * Its maximum is ln 2 ≈ 0.693 at p = 0.5.
 */
export function binaryEntropy(p: number): number {
  return -xLnX(p) - xLnX(1 - p);
}

/**
 * Absolute slack for counts that should be 0 but come out slightly negative, e.g. after
 * the scenario engine subtracted from a school exactly what it had added (≈ 1e-14 children).
 */
const NEGATIVE_SLACK = 1e-9;

/**
 * A count checked and cleaned: tiny negative rounding residue becomes 0. Throws (a bug, not a
 * user error) when a count is clearly negative or not finite: upstream code must have
 * excluded or imputed suppressed values before this point.
 */
export function cleanCount(value: number, what: string, index: number): number {
  if (!Number.isFinite(value) || value < -NEGATIVE_SLACK) {
    throw new RangeError(`${what}[${index}] must be a finite count ≥ 0, got ${value}`);
  }
  return value > 0 ? value : 0;
}

/**
 * A group count clamped to its total: apportioned (fractional) counts may exceed the
 * total by rounding; anything beyond a relative 1e-9 is a bug and throws.
 */
export function clampToTotal(part: number, total: number, index: number): number {
  if (part > total * (1 + ROUNDING_SLACK) + ROUNDING_SLACK) {
    throw new RangeError(`minority[${index}] = ${part} exceeds total[${index}] = ${total}`);
  }
  return Math.min(part, total);
}

/** Keeps an index inside [lo, hi]: removes floating-point overshoot such as 1.0000000000000002 or −1e-17. */
export function clampIndex(value: number, lo = 0, hi = 1): number {
  return value < lo ? lo : value > hi ? hi : value;
}
