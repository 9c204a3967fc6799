/**
 * Networks built when first used (core/scenario/network-states.ts) on the sample city, whose
 * three networks (fi-lower, fi-upper, sv-lower) share the neighbourhood sums of imputation: a
 * network built late, in another order or after a year switch, equals one built at once, bit
 * for bit; the first record builds every network and its travel first.
 */
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { validateConfig } from '../../../src/core/config/validate-config';
import type { IndicatorConfig } from '../../../src/core/config/indicator-config';
import type { Dataset } from '../../../src/core/model/dataset';
import { ScenarioEngine } from '../../../src/core/scenario/scenario-engine';
import { ScenarioTravel } from '../../../src/core/travel/scenario-travel';
import { loadFixtureBundle } from '../../helpers/load-fixture-bundle';
import { ScenarioHost } from '../../../src/app/scenarios/scenario-host';
import { warmStep, withTravel } from '../../../src/app/travel/travel-registry';

let dataset: Dataset;
let config: IndicatorConfig;
beforeAll(async () => {
  dataset = await loadFixtureBundle('data/sample-city');
  const c = validateConfig(readFileSync('data/sample-city/indicator-config.json', 'utf8'), 'indicator-config.json');
  if (!c.ok) throw new Error(c.problems[0].message);
  config = c.value;
}, 60_000);

const all = (engine: ScenarioEngine, year: number) =>
  JSON.stringify(engine.networkIds.map((id) => [engine.indicatorsInYear(id, year), engine.baselineIndicators(id, year)]));

describe('network states built when first used', () => {
  it('opens with no network built and builds each one when it is first read', () => {
    const engine = new ScenarioEngine(dataset, config);
    expect(engine.networkIds).toEqual(['fi-lower', 'fi-upper', 'sv-lower']);
    expect(engine.unbuiltNetworks()).toEqual(engine.networkIds);
    engine.indicators('fi-upper');
    expect(engine.unbuiltNetworks()).toEqual(['fi-lower', 'sv-lower']);
    // A year switch syncs the built networks only.
    expect(engine.setYear(engine.baseYear + 2).ok).toBe(true);
    expect(engine.unbuiltNetworks()).toEqual(['fi-lower', 'sv-lower']);
  }, 60_000);

  it('gives the same figures bit for bit whatever the order of building and the year switches in between', () => {
    const later = 2;
    const a = new ScenarioEngine(dataset, config);
    for (const id of ['sv-lower', 'fi-upper', 'fi-lower']) a.indicators(id);
    a.setYear(a.baseYear + later);
    const b = new ScenarioEngine(dataset, config);
    b.setYear(b.baseYear + later);
    for (const id of ['fi-lower', 'fi-upper', 'sv-lower']) b.indicators(id);
    expect(all(b, b.baseYear + later)).toBe(all(a, a.baseYear + later));
    expect(all(b, b.baseYear)).toBe(all(a, a.baseYear));
  }, 60_000);

  it('builds every network and its travel before the first record: pieces "before any record" are the dataset\'s', () => {
    const fresh = new ScenarioTravel(new ScenarioEngine(dataset, config), null);
    const before = fresh.pieceCounts('fi-upper').slice();
    const engine = new ScenarioEngine(dataset, config);
    const travel = new ScenarioTravel(engine, null);
    engine.indicators('fi-lower');
    expect(travel.untracked()).toEqual(['fi-lower', 'fi-upper', 'sv-lower']);
    // Hand school 0 of fi-upper a cell of the school farthest from it: an exclave, one more piece.
    const owner = fresh.engine.unitSchool('fi-upper');
    const schools = fresh.engine.schoolsInYear('fi-upper');
    const at = schools[0].location;
    let far = 1;
    for (let s = 1; s < schools.length; s++) if (Math.hypot(schools[s].location[0] - at[0], schools[s].location[1] - at[1]) > Math.hypot(schools[far].location[0] - at[0], schools[far].location[1] - at[1])) far = s;
    const u = owner.indexOf(far);
    const units = dataset.units;
    if (units.kind !== 'grid') throw new Error('the sample city is a grid');
    const r = engine.apply({ kind: 'assign-cells', networkId: 'fi-upper', schoolId: schools[0].id, cells: [[units.col[u], units.row[u]]] }, { allowFlagged: true });
    expect(r.ok).toBe(true);
    expect(engine.unbuiltNetworks()).toEqual([]);
    expect(travel.untracked()).toEqual([]);
    expect(travel.pieceCounts('fi-upper')[0]).toBe(before[0] + 1);
    expect([...travel.basePieceCounts('fi-upper')]).toEqual([...before]);
  }, 60_000);

  it('the worker builds the other networks and their travel while idle, one per quiet period', () => {
    let fire = null as (() => void) | null;
    const host = new ScenarioHost(withTravel((d, c, o) => new ScenarioEngine(d, c, o)), { schedule: (work) => ((fire = work), { cancel: () => (fire = null) }) });
    host.prime({ records: [], sessions: [], defaultName: 'S' });
    const engine = host.engineFactory(dataset, config);
    engine.indicators('sv-lower');
    const active = host.activeEngine();
    expect(active.unbuiltNetworks()).toEqual(['fi-lower', 'fi-upper']);
    // While a request is being served (e.g. Propose), the steps wait.
    host.request(true);
    for (let i = 0; i < 3 && fire; i++) {
      const f = fire as () => void;
      fire = null;
      f();
    }
    expect(active.unbuiltNetworks()).toEqual(['fi-lower', 'fi-upper']);
    host.request(false);
    const built: string[][] = [];
    for (let f = fire; f; f = fire) {
      fire = null;
      f();
      built.push(active.unbuiltNetworks());
    }
    expect(built.slice(0, 2)).toEqual([['fi-upper'], []]);
    // Every network and its travel built: nothing left to warm.
    expect(warmStep(active)).toBe(false);
  }, 60_000);

  it('a scenario prepared for workshop mode is built in full: every network and its travel', () => {
    const host = new ScenarioHost(withTravel((d, c, o) => new ScenarioEngine(d, c, o)), { schedule: () => ({ cancel() {} }) });
    host.prime({ records: [], sessions: [], defaultName: 'S' });
    host.engineFactory(dataset, config);
    expect(host.activeEngine().unbuiltNetworks()).toEqual(['fi-lower', 'fi-upper', 'sv-lower']);
    expect(host.prepare(host.activeScenario.id).ok).toBe(true);
    expect(host.activeEngine().unbuiltNetworks()).toEqual([]);
    expect(warmStep(host.activeEngine())).toBe(false);
  }, 60_000);
});
