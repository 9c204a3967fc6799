/**
 * Property: after any sequence of edits and undos, the incrementally updated travel figures equal
 * those of a tracker built from scratch on the current overlay (Tiny City, straight lines).
 */
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { presets } from '../../../src/core/config/presets';
import type { Dataset } from '../../../src/core/model/dataset';
import { ScenarioEngine } from '../../../src/core/scenario/scenario-engine';
import { ScenarioTravel } from '../../../src/core/travel/scenario-travel';
import { TravelTracker } from '../../../src/core/travel/travel-tracker';
import { loadFixtureBundle } from '../../helpers/load-fixture-bundle';

let dataset: Dataset;
beforeAll(async () => {
  dataset = await loadFixtureBundle('tests/fixtures/tiny-city');
});

function close(a: unknown, b: unknown, path = ''): void {
  if (typeof b === 'number') expect(Math.abs((a as number) - b), path).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(b)));
  else if (b && typeof b === 'object') for (const k of Object.keys(b)) close((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k], `${path}.${k}`);
  else expect(a, path).toEqual(b);
}

describe('travel tracker', () => {
  it('incremental figures equal a fresh computation after random edits and undos', () => {
    const cell = fc.tuple(fc.integer({ min: 0, max: 3 }), fc.integer({ min: 0, max: 3 }));
    const step = fc.oneof(
      fc.record({ school: fc.constantFrom('A', 'B'), cells: fc.array(cell, { minLength: 1, maxLength: 5 }) }),
      fc.constant('undo' as const),
      fc.integer({ min: 0, max: 5 }),
    );
    fc.assert(
      fc.property(fc.array(step, { minLength: 1, maxLength: 8 }), (steps) => {
        const engine = new ScenarioEngine(dataset, { ...presets['statfi-grid'], travel: { youngestLimitM: 300 } });
        const travel = new ScenarioTravel(engine, null);
        for (const s of steps) {
          if (s === 'undo') engine.undo();
          else if (typeof s === 'number') engine.setYear(engine.baseYear + s);
          else engine.apply({ kind: 'assign-cells', networkId: 'fi-lower', schoolId: s.school, cells: s.cells as [number, number][] }, { allowEmptying: true, allowFlagged: true });
        }
        // The selected year's children (projection + housing), as the engine gives them.
        const children = engine.unitChildren('fi-lower');
        const fresh = new TravelTracker(engine.overlay('fi-lower'), travel.distances('fi-lower'), { children, youngestLimitM: 300, driveKmh: 40, transportWaitMinutes: 30, dailyLimitHours: 2.5 });
        const now = travel.figures('fi-lower');
        close(now.network, fresh.network(), 'network');
        now.schools.forEach((f, i) => close(f, fresh.school(i), `school ${i}`));
        // Independent reference for the percentiles: every (unit, school) trip, sorted, scanned.
        const overlay = engine.overlay('fi-lower');
        const d = travel.distances('fi-lower');
        now.schools.forEach((f, s) => {
          const trips: [number, number][] = [];
          for (let u = 0; u < overlay.unitCount; u++) overlay.forEach(u, (x, w) => void (x === s && children[u] > 0 && trips.push([d.distance(s, u), w * children[u]])));
          trips.sort((a, b) => a[0] - b[0]);
          const total = trips.reduce((a, t) => a + t[1], 0);
          const q = (p: number) => { let acc = 0; for (const t of trips) if ((acc += t[1]) >= (p - 1e-9) * total) return t[0]; return trips.length ? trips[trips.length - 1][0] : null; };
          expect(f.medianM).toBe(q(0.5));
          expect(f.p90M).toBe(q(0.9));
        });
        // Per-unit trips for the map, patched from the changed units, equal fresh ones.
        const dominant = engine.unitSchool('fi-lower');
        const trips = travel.unitTrips('fi-lower');
        for (let u = 0; u < dominant.length; u++) expect(trips.trip[u]).toEqual(dominant[u] >= 0 ? Math.fround(d.distance(dominant[u], u)) : NaN);
      }),
      { numRuns: 40 },
    );
  });
});
