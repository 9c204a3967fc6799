/** The optional projection and housing sections of the indicator config (docs/indicator-config.md). */
import { describe, expect, it } from 'vitest';
import { presets } from '../../../src/core/config/presets';
import { validateConfig } from '../../../src/core/config/validate-config';
import { DEFAULT_YIELDS, yieldAt } from '../../../src/core/housing/housing-config';

const base = presets['statfi-grid'];

describe('projection and housing config sections', () => {
  it('accepts valid sections, including a peak-then-decline yield', () => {
    const r = validateConfig({
      ...base,
      projection: { retention: [1, 1, 0.98], birthFactor: { 2027: 0.95 }, horizon: 15, classField: 'new_area', retentionByClass: { 1: [0.9, 0.9] } },
      housing: { yields: { lower: { block: { social_rental: [0.05, 0.15, 0.2, 0.12, 0.1] } } }, composition: { social_rental: { foreign_language: 0.4 } } },
    });
    expect(r.ok && r.warnings).toEqual([]);
  });

  it('names every bad field', () => {
    const r = validateConfig({
      ...base,
      projection: { retention: [1, -1], birthFactor: { next: 1 }, horizon: 30 },
      housing: { yields: { middle: {}, lower: { castle: {}, block: { ara: [0.1], owner: [] } } }, composition: { owner: { foreign_language: 2 } } },
    });
    expect(r.ok ? [] : r.problems.map((p) => p.field)).toEqual([
      'projection.retention', 'projection.birthFactor', 'projection.horizon',
      'housing.yields.middle', 'housing.yields.lower.castle', 'housing.yields.lower.block.ara', 'housing.yields.lower.block.owner',
      'housing.composition.owner',
    ]);
  });

  it('default yields peak and then decline, and the last value repeats', () => {
    const y = DEFAULT_YIELDS.lower.block.social_rental;
    const peak = Math.max(...y);
    expect(y.indexOf(peak)).toBeGreaterThan(0);
    expect(y[y.length - 1]).toBeLessThan(peak);
    expect(yieldAt(y, 50)).toBe(y[y.length - 1]);
    expect(yieldAt(y, -1)).toBe(0);
  });
});
