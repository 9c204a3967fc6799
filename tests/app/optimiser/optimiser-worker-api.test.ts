/**
 * The worker's "Propose" uses the trips the travel figures use: with a street network loaded
 * (tests/helpers/tiny-streets.ts over Tiny City) the plan's trip figures are street trips and not
 * labelled straight lines; without one they are straight lines, labelled.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { presets } from '../../../src/core/config/presets';
import { resolveTravelSettings } from '../../../src/core/config/travel-settings';
import { unitCentres } from '../../../src/core/compare/unit-centres';
import { readFeatures } from '../../../src/core/load/read-features';
import { ScenarioEngine } from '../../../src/core/scenario/scenario-engine';
import { streetLinksFromTable } from '../../../src/core/travel/street-links';
import { StreetNetwork } from '../../../src/core/travel/street-network';
import { createOptimiserApi } from '../../../src/app/optimiser/optimiser-worker-api';
import type { ProposeRequest } from '../../../src/app/optimiser/optimiser-protocol';
import { setStreets, travelDistancesOf, withTravel } from '../../../src/app/travel/travel-registry';
import { loadFixtureBundle } from '../../helpers/load-fixture-bundle';
import { tinyStreetsGeoJson } from '../../helpers/tiny-streets';

const request: ProposeRequest = {
  networkId: 'fi-lower', measure: 'share:foreign_language', maxRezonedShare: 0.5, maxTripIncreaseShare: null,
  maxTripIncreaseMetres: null, utilisation: null, lockedSchoolIds: [], lockedAreas: [], lockChanged: false, seconds: 0.3, seed: 2,
};

afterEach(() => setStreets(null));

async function propose(streets: boolean, extra: Partial<ProposeRequest> = {}) {
  const dataset = await loadFixtureBundle('tests/fixtures/tiny-city');
  const config = presets['statfi-grid'];
  setStreets(null);
  if (streets) {
    const table = await readFeatures({ name: 'streets.geojson', bytes: new TextEncoder().encode(tinyStreetsGeoJson()) });
    if (!table.ok) throw new Error(table.problems[0].message);
    const links = streetLinksFromTable(table.value, resolveTravelSettings(config.travel));
    if (!links.ok) throw new Error(links.problems[0].message);
    setStreets(StreetNetwork.fromLinks(links.value.links, unitCentres(dataset.units), resolveTravelSettings(config.travel)));
  }
  const engine = withTravel((d: typeof dataset) => new ScenarioEngine(d, config))(dataset);
  const r = await createOptimiserApi(() => engine).propose({ ...request, ...extra }, () => undefined);
  if (!r.ok) throw new Error(r.problems[0].message);
  return { figures: r.value.figures, edits: r.value.edits, engine, dataset, config };
}

describe('optimiser worker API', () => {
  it('plans on street trips when a street network is loaded, on labelled straight lines otherwise', async () => {
    const street = await propose(true);
    expect(street.figures.straightLine).toBe(false);
    // The start's mean trip is the travel figures' own: Σ children × street trip to the school ÷ Σ children.
    const d = travelDistancesOf(street.engine, 'fi-lower')!;
    const children = street.engine.unitChildren('fi-lower');
    const owner = street.engine.unitSchool('fi-lower');
    let sum = 0;
    let kids = 0;
    for (let u = 0; u < children.length; u++) if (owner[u] >= 0 && children[u] > 0) [sum, kids] = [sum + children[u] * d.distance(owner[u], u), kids + children[u]];
    expect(street.figures.meanTripBefore).toBeCloseTo(sum / kids, 6);
    const straight = await propose(false);
    expect(straight.figures.straightLine).toBe(true);
    expect(straight.figures.meanTripBefore).not.toBeCloseTo(street.figures.meanTripBefore, 0);
  });

  it('keeps drawn areas as they are: no unit whose centre lies inside changes school', async () => {
    // Tiny City: a 4 × 4 grid of 250 m cells from (385 000, 6 672 000). Unlimited rezoning finds a plan.
    const free = await propose(false, { maxRezonedShare: null });
    expect(free.edits.length).toBeGreaterThan(0);
    // The whole grid locked: nothing may move.
    const all = await propose(false, { maxRezonedShare: null, lockedAreas: [[[[[384_900, 6_671_900], [386_100, 6_671_900], [386_100, 6_673_100], [384_900, 6_673_100], [384_900, 6_671_900]]]]] });
    expect(all.edits).toEqual([]);
    // The western half locked (cell centres x < 385 500): the plan, applied to a fresh engine,
    // leaves every western unit with its school.
    const west: [number, number][][][] = [[[[384_900, 6_671_900], [385_500, 6_671_900], [385_500, 6_673_100], [384_900, 6_673_100], [384_900, 6_671_900]]]];
    const half = await propose(false, { maxRezonedShare: null, lockedAreas: [west] });
    const fresh = new ScenarioEngine(half.dataset, half.config);
    const before = fresh.unitSchool('fi-lower').slice();
    for (const e of half.edits) expect(fresh.apply(e).ok).toBe(true);
    const after = fresh.unitSchool('fi-lower');
    const centres = unitCentres(half.dataset.units);
    let western = 0;
    for (let u = 0; u < before.length; u++)
      if (centres[2 * u] < 385_500) {
        western++;
        expect(after[u]).toBe(before[u]);
      }
    expect(western).toBe(8);
  });

  it('lowers a weighted sum of measures', async () => {
    const r = await propose(false, { measure: '0.5*share:foreign_language+0.5*share:low_income', maxRezonedShare: null });
    expect(r.figures.measureAfter).toBeLessThanOrEqual(r.figures.measureBefore);
  });
});
