/**
 * Listeners (travel figures, catchment pieces) follow school-network records through apply, undo
 * and redo: the engine tells every network serving the school, so a tracker sized by school never
 * reads past the network's arrays (the app's undo of an opening crashed on this).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { presets } from '../../../src/core/config/presets';
import type { Dataset } from '../../../src/core/model/dataset';
import { ScenarioEngine } from '../../../src/core/scenario/scenario-engine';
import { ScenarioTravel } from '../../../src/core/travel/scenario-travel';
import { loadFixtureBundle } from '../../helpers/load-fixture-bundle';

let dataset: Dataset;
beforeAll(async () => {
  dataset = await loadFixtureBundle('tests/fixtures/tiny-city');
});

describe('listeners follow school-network records', () => {
  it('piece counts stay parallel to the schools through open, close, undo and redo', () => {
    const created = ScenarioEngine.create(dataset, presets['statfi-grid'], { baseYear: 2024, horizon: 5 });
    if (!created.ok) throw new Error(created.problems[0].message);
    const engine = created.value;
    const travel = new ScenarioTravel(engine, null);
    const told: string[] = [];
    engine.addListener((id, o) => told.push(`${id}:${o.changedSchools.length}`));
    const consistent = () => {
      const n = engine.network('fi-lower').schoolIds.length;
      expect(travel.pieceCounts('fi-lower')).toHaveLength(n);
      for (let s = 0; s < n; s++) expect(() => travel.detachedUnits('fi-lower', s)).not.toThrow();
      // Pieces as the catchments have them (each school's polygon count).
      expect([...travel.pieceCounts('fi-lower')]).toEqual(engine.catchments('fi-lower').map((mp) => mp.length));
    };
    const open = engine.apply({ kind: 'open-school', year: 2024, school: { id: 'C', name: 'C', language: 'fi', grades: '1-6', capacity: 50, location: [385_875, 6_672_875] }, catchment: 'nearest' }, { allowFlagged: true });
    expect(open.ok).toBe(true);
    consistent();
    expect(engine.apply({ kind: 'close-school', year: 2024, schoolId: 'B', to: 'A' }, { allowFlagged: true }).ok).toBe(true);
    consistent();
    engine.undo();
    consistent();
    engine.undo();
    expect(engine.network('fi-lower').schoolIds).toEqual(['A', 'B']);
    consistent();
    engine.redo();
    consistent();
    // Every school record told the network once, every school as changed (3 schools after the opening).
    expect(told).toEqual(['fi-lower:3', 'fi-lower:3', 'fi-lower:3', 'fi-lower:2', 'fi-lower:3']);
  });
});

describe('comparison marks status', () => {
  it('a school closed in B and one opened only in B carry their status pair; open-in-both carry none', async () => {
    const { compareIndicators } = await import('../../../src/core/compare/compare-indicators');
    const school = (id: string, status?: string) => ({ id, name: id, children: 1, capacity: 1, utilisation: 1, shares: {}, ...(status ? { status } : {}) });
    const side = (schools: ReturnType<typeof school>[]) => ({ network: 'n', schools, indices: {}, multigroup: {}, totals: { children: 1, gapChildren: 0, overlapChildren: 0 } });
    const t = compareIndicators(side([school('A'), school('B')]), side([school('A', 'open'), school('B', 'closed'), school('C', 'open')]));
    expect(t.schools.map((s) => s.status ?? null)).toEqual([null, { a: 'open', b: 'closed' }, { a: null, b: 'open' }]);
  });
});
