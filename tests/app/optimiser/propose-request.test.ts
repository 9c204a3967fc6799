/** The Propose form → the worker request: percentages to shares, empty limits to none, metres as typed. */
import { describe, expect, it } from 'vitest';
import { measureTextOf, requestOf, WEIGHTED, type Form } from '../../../src/app/optimiser/propose-request';
import type { MultiPolygon } from '../../../src/core/model/geometry-types';
import { parseMeasure } from '../../../src/core/optimiser/optimiser-measure';

const form: Form = { measure: 'share:foreign_language', rezonedPct: '20', unlimited: false, tripPct: '', tripM: '', low: '85', high: '110', seconds: '10', seed: '1', locks: { schoolIds: [], areas: [], changed: false }, weights: {} };

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

  it('a weighted sum: the measures with a positive weight, as the core parses it', () => {
    const weights = { 'share:foreign_language': '0.5', 'mgh:education': '1,5', 'share:low_income': '', 'mgd:education': '0' };
    const text = measureTextOf({ measure: WEIGHTED, weights });
    expect(text).toBe('0.5*share:foreign_language+1.5*mgh:education');
    const parsed = parseMeasure(text);
    expect(parsed.ok && parsed.value.terms).toEqual([
      { kind: 'share', id: 'foreign_language', weight: 0.5 },
      { kind: 'mgh', id: 'education', weight: 1.5 },
    ]);
    expect(requestOf({ ...form, measure: WEIGHTED, weights }, 'x').measure).toBe(text);
    // No positive weight: no measure (the panel's Propose button is disabled).
    expect(measureTextOf({ measure: WEIGHTED, weights: { 'share:a': '0', 'share:b': '-1', 'share:c': 'x' } })).toBe('');
    // A single measure is passed as chosen, whatever weights were typed before.
    expect(measureTextOf({ measure: 'mgd:education', weights })).toBe('mgd:education');
  });

  it('drawn areas are passed on as locked areas', () => {
    const area: MultiPolygon = [[[[0, 0], [10, 0], [10, 10], [0, 0]]]];
    expect(requestOf({ ...form, locks: { schoolIds: ['s1'], areas: [area], changed: true } }, 'x')).toMatchObject({ lockedSchoolIds: ['s1'], lockedAreas: [area], lockChanged: true });
  });
});
