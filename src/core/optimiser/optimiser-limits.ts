/**
 * The limits a proposed plan must keep (docs/optimiser.md). Shares are fractions (0.2 = 20 %).
 */
import type { MultiPolygon } from '../model/geometry-types';
import type { Problem, Result } from '../model/result';
import { fail, ok } from '../model/result';

export interface OptimiserLimits {
  /** Most children rezoned, as a share of the network's children; null = unlimited. Default 0.2. */
  maxRezonedShare: number | null;
  /** Largest increase of a child's trip, as a share of its starting trip; null = none. */
  maxTripIncreaseShare: number | null;
  /** Largest increase of a child's trip in metres; null = none. Both given: both hold. */
  maxTripIncreaseMetres: number | null;
  /** Utilisation band [low, high] (children / capacity); null = none. Default [0.85, 1.10]. */
  utilisation: [number, number] | null;
  /** A unit may not get a trip longer than this that it did not have at the start. Always 5 000 m in the app and CLI. */
  farTripMetres: number;
  /** Schools kept exactly as they are (nothing moves in or out). */
  lockedSchoolIds: string[];
  /** Areas kept as they are: every unit whose centre lies inside keeps its school(s). EPSG:3067. */
  lockedAreas: MultiPolygon[];
  /** Units kept as they are (indices of engine.units), e.g. the units a scenario already changed by hand. */
  lockedUnits?: ArrayLike<number>;
}

export const DEFAULT_LIMITS: OptimiserLimits = {
  maxRezonedShare: 0.2,
  maxTripIncreaseShare: null,
  maxTripIncreaseMetres: null,
  utilisation: [0.85, 1.1],
  farTripMetres: 5000,
  lockedSchoolIds: [],
  lockedAreas: [],
};

/** Checks the numbers of a limits object; the problem names the field and the fix. */
export function checkLimits(l: OptimiserLimits): Result<OptimiserLimits> {
  const problems: Problem[] = [];
  const bad = (field: string, message: string, fix: string) => problems.push({ code: 'optimiser-bad-limit', message, fix, field });
  if (l.maxRezonedShare !== null && !(l.maxRezonedShare >= 0 && l.maxRezonedShare <= 1)) {
    bad('max-rezoned', `The most children rezoned must be a share from 0 to 1, got ${l.maxRezonedShare}.`, 'Give e.g. 0.2 for 20 %, or leave it out for the default.');
  }
  if (l.maxTripIncreaseShare !== null && !(l.maxTripIncreaseShare >= 0)) {
    bad('max-trip-increase', `The largest trip increase must be a share ≥ 0, got ${l.maxTripIncreaseShare}.`, 'Give e.g. 0.25 for 25 %.');
  }
  if (l.maxTripIncreaseMetres !== null && !(l.maxTripIncreaseMetres >= 0)) {
    bad('max-trip-increase-m', `The largest trip increase in metres must be ≥ 0, got ${l.maxTripIncreaseMetres}.`, 'Give e.g. 500.');
  }
  if (l.utilisation !== null) {
    const [lo, hi] = l.utilisation;
    if (!(lo >= 0 && hi >= lo && Number.isFinite(hi))) {
      bad('utilisation', `The utilisation band must be two numbers low ≤ high, got ${lo}, ${hi}.`, 'Give e.g. 0.85,1.10.');
    }
  }
  if (!(l.farTripMetres > 0)) bad('far-trip', `The far-trip limit must be positive, got ${l.farTripMetres}.`, 'Use 5000.');
  return problems.length ? fail(...problems) : ok(l);
}
