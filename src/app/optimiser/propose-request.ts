/**
 * The Propose panel's form (texts as typed) and the worker request made of it: percentages to
 * shares, empty trip limits to none, a bad number to the default.
 */
import type { Locks } from './lock-schools';
import type { ProposeRequest } from './optimiser-protocol';

export interface Form {
  measure: string;
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

export function requestOf(form: Form, networkId: string): ProposeRequest {
  const trip = form.tripPct.trim() === '' ? null : Number(form.tripPct) / 100;
  const metres = form.tripM.trim() === '' ? null : Number(form.tripM);
  return {
    networkId, measure: form.measure, maxRezonedShare: form.unlimited ? null : Number(form.rezonedPct) / 100,
    maxTripIncreaseShare: trip !== null && Number.isFinite(trip) ? trip : null, maxTripIncreaseMetres: metres !== null && Number.isFinite(metres) && metres >= 0 ? metres : null,
    utilisation: [Number(form.low) / 100, Number(form.high) / 100], lockedSchoolIds: form.locks.schoolIds, lockChanged: form.locks.changed,
    seconds: Math.max(1, Number(form.seconds) || 10), seed: Number.isInteger(Number(form.seed)) ? Number(form.seed) : 1,
  };
}
