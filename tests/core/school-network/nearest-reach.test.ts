/**
 * The reach bound (src/core/school-network/reach.ts) only skips units that cannot change school:
 * an open with a "nearest" catchment gives exactly the same units with the bound (straight line)
 * as without it (the same Euclidean distance under another provider name, which disables the
 * bound), at random locations on the sample city; a close to "nearest" gives each unit to the same
 * receiver with the receivers pruned by possibleNearest (straight line) as with all of them.
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

  it('gives a closed school\'s units to the same receivers as without pruning', () => {
    const config = validateConfig(readFileSync('data/sample-city/indicator-config.json', 'utf8'));
    if (!config.ok) throw new Error('config');
    const pruned = new ScenarioEngine(dataset, config.value);
    const full = new ScenarioEngine(dataset, config.value, { distance: { kind: 'euclid-unbounded', distance: straightLine.distance } });
    const ids = pruned.network('fi-lower').schoolIds;
    let receivers = 0;
    // Every ninth school closed in turn (cumulative), each time compared unit by unit.
    for (let i = 0; i < ids.length; i += 9) {
      const before = pruned.unitSchool('fi-lower');
      const owned = [...before.keys()].filter((u) => before[u] === i);
      const record = { kind: 'close-school' as const, year: pruned.baseYear, schoolId: ids[i], to: 'nearest' as const };
      const a = pruned.apply(record, { allowEmptying: true, allowFlagged: true });
      const b = full.apply(record, { allowEmptying: true, allowFlagged: true });
      expect(a.ok).toBe(b.ok);
      if (!a.ok) continue;
      expect([...pruned.unitSchool('fi-lower')]).toEqual([...full.unitSchool('fi-lower')]);
      const after = pruned.unitSchool('fi-lower');
      receivers += new Set(owned.map((u) => after[u])).size;
    }
    // Some closure split its units between several receivers (more receivers than closures).
    expect(receivers).toBeGreaterThan(4);
  });
});
