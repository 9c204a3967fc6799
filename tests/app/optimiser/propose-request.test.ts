/** The Propose form → the worker request: percentages to shares, empty limits to none, metres as typed. */
import { describe, expect, it } from 'vitest';
import { requestOf, type Form } from '../../../src/app/optimiser/propose-request';

const form: Form = { measure: 'share:foreign_language', rezonedPct: '20', unlimited: false, tripPct: '', tripM: '', low: '85', high: '110', seconds: '10', seed: '1', locks: { schoolIds: [], changed: false } };

describe('requestOf', () => {
  it('defaults: 20 % → 0.2, band 0.85–1.10, no trip limits', () => {
    const r = requestOf(form, 'fi-lower');
    expect(r).toMatchObject({ networkId: 'fi-lower', maxRezonedShare: 0.2, maxTripIncreaseShare: null, maxTripIncreaseMetres: null, utilisation: [0.85, 1.1], seconds: 10, seed: 1 });
  });

  it('trip increase as a share and in metres, both passed on; unlimited rezoning is null', () => {
    const r = requestOf({ ...form, tripPct: '25', tripM: '500', unlimited: true }, 'fi-lower');
    expect(r.maxTripIncreaseShare).toBe(0.25);
    expect(r.maxTripIncreaseMetres).toBe(500);
    expect(r.maxRezonedShare).toBeNull();
    // A negative or non-numeric metres field is no limit (the field's min is 0).
    expect(requestOf({ ...form, tripM: '-3' }, 'x').maxTripIncreaseMetres).toBeNull();
    expect(requestOf({ ...form, tripM: 'abc' }, 'x').maxTripIncreaseMetres).toBeNull();
  });
});
