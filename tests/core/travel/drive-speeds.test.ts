/**
 * Driving speeds by road class for transported pupils (travel.driveKmhByClass), worked by hand:
 * the class of each link from the street layer, the driving time of a trip along its route
 * (within the search limit and beyond it), the configuration checks, and the daily travel time
 * and its legal flag in the travel figures.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { presets } from '../../../src/core/config/presets';
import { checkTravelSettings, resolveTravelSettings, type TravelSettings } from '../../../src/core/config/travel-settings';
import type { Dataset } from '../../../src/core/model/dataset';
import { ScenarioEngine } from '../../../src/core/scenario/scenario-engine';
import { StreetDistances } from '../../../src/core/travel/street-distances';
import type { TravelDistances } from '../../../src/core/travel/travel-distances';
import { TravelTracker } from '../../../src/core/travel/travel-tracker';
import { loadFixtureBundle } from '../../helpers/load-fixture-bundle';
import { streetsFromGeoJson } from './river-city';

const X = 385_000, Y = 6_672_000;
/** A primary road of 6 000 m, then a residential street of 3 000 m, then an unclassified track of 1 000 m. */
const streets = {
  type: 'FeatureCollection',
  features: [
    { type: 'Feature', properties: { highway: 'primary' }, geometry: { type: 'LineString', coordinates: [[X, Y], [X + 6000, Y]] } },
    { type: 'Feature', properties: { highway: 'Residential' }, geometry: { type: 'LineString', coordinates: [[X + 6000, Y], [X + 9000, Y]] } },
    { type: 'Feature', properties: { highway: 'track' }, geometry: { type: 'LineString', coordinates: [[X + 9000, Y], [X + 10_000, Y]] } },
  ],
};

async function network(travel: TravelSettings) {
  // Units: 100 m north of the end of the residential street, and 100 m north of the track's end.
  const units = Float64Array.from([X + 9000, Y + 100, X + 10_000, Y + 100]);
  const { net, warnings, links } = await streetsFromGeoJson(JSON.stringify(streets), units, travel);
  return { net, warnings, links: links.links };
}

describe('driving speeds by road class', () => {
  const byClass = { primary: 60, residential: 30 };

  it('reads each link’s class (lower-case) and warns once about classes without a speed', async () => {
    const { links, warnings } = await network({ driveKmhByClass: byClass });
    expect(links.linkClass).toEqual(['primary', 'residential', 'track']);
    const w = warnings.find((p) => p.code === 'street-class-without-speed');
    expect(w?.message).toContain('"track"');
    expect(w?.message).toContain('40 km/h');
  });

  for (const searchLimitM of [100_000, 1000]) {
    it(`times a trip link by link (${searchLimitM === 1000 ? 'beyond' : 'within'} the search limit)`, async () => {
      const { net } = await network({ driveKmhByClass: byClass, searchLimitM });
      // School 50 m south of the primary road's start.
      const d = new StreetDistances(net, [[X, Y - 50]]);
      // Unit 0: 50 + 6 000 + 3 000 + 100 = 9 150 m; connectors 150 m at 40 km/h = 13.5 s,
      // 6 000 m at 60 km/h = 360 s, 3 000 m at 30 km/h = 360 s: 733.5 s.
      expect(d.distance(0, 0)).toBeCloseTo(9150, 9);
      expect(d.driveHours!(0, 0) * 3600).toBeCloseTo(733.5, 9);
      // Unit 1: the track has no speed, so driveKmh (40): 1 000 m = 90 s more, and the same connectors.
      expect(d.distance(0, 1)).toBeCloseTo(10_150, 9);
      expect(d.driveHours!(0, 1) * 3600).toBeCloseTo(823.5, 9);
    });
  }

  it('without speeds by class, there is no per-route time (the trip length at driveKmh is used)', async () => {
    const { net } = await network({});
    expect(net.edgeSeconds).toBeNull();
    expect(new StreetDistances(net, [[X, Y - 50]]).driveHours).toBeUndefined();
  });

  it('checks the configuration', () => {
    expect(checkTravelSettings({ driveKmhByClass: { primary: 60 } }).errors).toEqual([]);
    expect(checkTravelSettings({ driveKmhByClass: { primary: 0 } }).errors[0].field).toBe('travel.driveKmhByClass.primary');
    expect(checkTravelSettings({ driveKmhByClass: [60] }).errors[0].field).toBe('travel.driveKmhByClass');
    expect(resolveTravelSettings({ driveKmhByClass: { ' Primary ': 60 } }).driveKmhByClass).toEqual({ primary: 60 });
    expect(resolveTravelSettings({}).driveKmhByClass).toBeNull();
  });
});

describe('daily travel time of transported pupils from the per-route driving time', () => {
  let dataset: Dataset;
  beforeAll(async () => {
    dataset = await loadFixtureBundle('tests/fixtures/tiny-city');
  });

  it('flags exactly the pupils whose route takes longer than the legal limit', () => {
    const engine = new ScenarioEngine(dataset, { ...presets['statfi-grid'] });
    const overlay = engine.overlay('fi-lower');
    const children = engine.unitChildren('fi-lower');
    // Every trip is 6 km (transported); the drive takes 1.2 h one way from odd units, 0.5 h from even ones.
    const fake: TravelDistances = {
      unitCount: overlay.unitCount,
      schoolCount: overlay.schoolCount,
      straightLine: false,
      distance: () => 6000,
      fallback: () => 'none',
      driveHours: (_s, u) => (u % 2 ? 1.2 : 0.5),
      nearest: () => ({ school: new Int32Array(overlay.unitCount), distance: new Float64Array(overlay.unitCount).fill(6000) }),
    };
    const tracker = new TravelTracker(overlay, fake, { children, youngestLimitM: null, driveKmh: 40, transportWaitMinutes: 30, dailyLimitHours: 2.5 });
    // Daily: 2 × 1.2 + 0.5 = 2.9 h (over 2.5 h) for odd units; 2 × 0.5 + 0.5 = 1.5 h for even ones.
    let network = 0;
    for (let s = 0; s < overlay.schoolCount; s++) {
      let over = 0, odd = false, any = false;
      for (let u = 0; u < overlay.unitCount; u++)
        overlay.forEach(u, (x, w) => {
          if (x !== s || !(children[u] > 0) || !(w > 0)) return;
          any = true;
          if (u % 2) {
            over += w * children[u];
            odd = true;
          }
        });
      const f = tracker.school(s);
      expect(f.overDailyLimitChildren).toBeCloseTo(over, 9);
      expect(f.maxDailyHours).toBe(odd ? 2.9 : any ? 1.5 : null);
      network += over;
    }
    expect(network).toBeGreaterThan(0);
    expect(tracker.network().overDailyLimitChildren).toBeCloseTo(network, 9);
    expect(tracker.network().maxDailyHours).toBe(2.9);
  });
});
