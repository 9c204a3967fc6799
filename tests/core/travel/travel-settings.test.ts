import { describe, expect, it } from 'vitest';
import { resolveTravelSettings } from '../../../src/core/config/travel-settings';
import { validateConfig } from '../../../src/core/config/validate-config';
import { presets } from '../../../src/core/config/presets';
const statfiGridPreset = () => structuredClone(presets['statfi-grid']);

describe('travel section of the indicator config', () => {
  it('defaults: 500 m snap limit, 4.5 km/h, youngest-pupil limit off', () => {
    expect(resolveTravelSettings(undefined)).toMatchObject({ rule: 'auto', snapLimitM: 500, walkKmh: 4.5, youngestLimitM: null });
    expect(resolveTravelSettings({ youngestLimitM: true }).youngestLimitM).toBe(3000);
  });

  it('accepts a valid section and names every wrong field', () => {
    const ok = validateConfig({ ...statfiGridPreset(), travel: { rule: 'osm', snapLimitM: 300, youngestLimitM: 3000 } });
    expect(ok.ok).toBe(true);
    const bad = validateConfig({ ...statfiGridPreset(), travel: { rule: 'bus', snapLimitM: -1, walkKmh: 'fast', youngestLimitM: 0, speeed: 3 } });
    expect(!bad.ok && bad.problems.map((p) => p.field)).toEqual(['travel.rule', 'travel.snapLimitM', 'travel.walkKmh', 'travel.youngestLimitM']);
  });
});
