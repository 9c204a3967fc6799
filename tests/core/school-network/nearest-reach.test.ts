/**
 * The reach bound (src/core/school-network/reach.ts) only skips units that cannot change school:
 * an open with a "nearest" catchment gives exactly the same units with the bound (straight line)
 * as without it (the same Euclidean distance under another provider name, which disables the
 * bound), at random locations on the sample city.
 */
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { validateConfig } from '../../../src/core/config/validate-config';
import type { Dataset } from '../../../src/core/model/dataset';
import { ScenarioEngine } from '../../../src/core/scenario/scenario-engine';
import { straightLine } from '../../../src/core/school-network/distance';
import { lcg } from '../random-shapes';
import { loadFixtureBundle } from '../../helpers/load-fixture-bundle';

let dataset: Dataset;
beforeAll(async () => {
  dataset = await loadFixtureBundle('data/sample-city');
});

describe('nearest with the reach bound', () => {
  it('takes the same units as a full scan', () => {
    const config = validateConfig(readFileSync('data/sample-city/indicator-config.json', 'utf8'));
    if (!config.ok) throw new Error('config');
    const bounded = new ScenarioEngine(dataset, config.value);
    const full = new ScenarioEngine(dataset, config.value, { distance: { kind: 'euclid-unbounded', distance: straightLine.distance } });
    const xs = dataset.schools.map((s) => s.location[0]);
    const ys = dataset.schools.map((s) => s.location[1]);
    const rand = lcg(7);
    let changed = 0;
    for (let i = 0; i < 6; i++) {
      const location: [number, number] = [Math.min(...xs) + rand() * (Math.max(...xs) - Math.min(...xs)), Math.min(...ys) + rand() * (Math.max(...ys) - Math.min(...ys))];
      const record = { kind: 'open-school' as const, year: bounded.baseYear, school: { id: `N${i}`, name: `N${i}`, language: 'fi' as const, grades: '1-6' as const, capacity: 300, location }, catchment: 'nearest' as const };
      const a = bounded.apply(record, { allowEmptying: true, allowFlagged: true });
      const b = full.apply(record, { allowEmptying: true, allowFlagged: true });
      expect(a.ok).toBe(b.ok);
      if (!a.ok) continue;
      expect([...bounded.unitSchool('fi-lower')]).toEqual([...full.unitSchool('fi-lower')]);
      changed += a.ok && a.value.changedUnits.length > 0 ? 1 : 0;
    }
    expect(changed).toBeGreaterThan(2);
  });
});
