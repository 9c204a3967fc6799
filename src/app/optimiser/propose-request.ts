/**
 * The Propose panel's form (texts as typed) and the worker request made of it: percentages to
 * shares, empty trip limits to none, a bad number to the default.
 */
import type { Locks } from './lock-schools';
import type { ProposeRequest } from './optimiser-protocol';

export interface Form {
  /** A measure id (share:ID, mgd:ID, mgh:ID) or WEIGHTED: the weighted sum of `weights`. */
  measure: string;
  /** Weighted sum: the weight typed per measure id (empty or 0: left out). */
  weights: Record<string, string>;
  rezonedPct: string;
  unlimited: boolean;
  tripPct: string;
  tripM: string;
  low: string;
  high: string;
  seconds: string;
  seed: string;
  locks: Locks;
}

/** The measure choice that stands for a weighted sum of several measures. */
export const WEIGHTED = 'weighted';

/**
 * The measure text the core reads (core/optimiser/optimiser-measure.ts): the chosen measure, or
 * for a weighted sum "w*id+w*id" of the measures with a positive weight ('' when there is none).
 */
export function measureTextOf(form: Pick<Form, 'measure' | 'weights'>): string {
  if (form.measure !== WEIGHTED) return form.measure;
  return positiveWeights(form.weights)
    .map(([id, w]) => `${w}*${id}`)
    .join('+');
}

/** The measures of a weighted sum with a positive weight (a decimal comma allowed), as [id, weight]. */
export function positiveWeights(weights: Record<string, string>): [string, number][] {
  return Object.entries(weights)
    .map(([id, w]) => [id, Number(w.replace(',', '.'))] as [string, number])
    .filter(([, w]) => Number.isFinite(w) && w > 0);
}

export function requestOf(form: Form, networkId: string): ProposeRequest {
  const trip = form.tripPct.trim() === '' ? null : Number(form.tripPct) / 100;
  const metres = form.tripM.trim() === '' ? null : Number(form.tripM);
  return {
    networkId, measure: measureTextOf(form), maxRezonedShare: form.unlimited ? null : Number(form.rezonedPct) / 100,
    maxTripIncreaseShare: trip !== null && Number.isFinite(trip) ? trip : null, maxTripIncreaseMetres: metres !== null && Number.isFinite(metres) && metres >= 0 ? metres : null,
    utilisation: [Number(form.low) / 100, Number(form.high) / 100], lockedSchoolIds: form.locks.schoolIds, lockedAreas: form.locks.areas, lockChanged: form.locks.changed,
    seconds: Math.max(1, Number(form.seconds) || 10), seed: Number.isInteger(Number(form.seed)) ? Number(form.seed) : 1,
  };
}
