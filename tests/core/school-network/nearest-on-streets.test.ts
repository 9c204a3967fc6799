/**
 * "nearest" catchments on the street network (issue 10 × 11), worked by hand on Tiny City
 * (cell (c, r) centre = (385 125 + 250c, 6 672 125 + 250r); children per cell 10 + 5c, so
 * column 2 holds 4 × 20 = 80 and column 3 4 × 25 = 100; A at (385 250, 6 672 500) owns
 * columns 0–1, B at (385 750, 6 672 500) columns 2–3).
 *
 * Streets: a U — one street along column 0's centre line (x = 385 125), one along column 3's
 * (x = 385 875), joined only far north (y = 6 673 400). Columns 0–1 snap to the west street,
 * columns 2–3 to the east one; A snaps to the west street (125 m connector), B and a new school
 * C at (385 625, 6 672 500) to the east one (connectors 125 m and 250 m).
 *
 * Open C with "nearest":
 * - straight line: column 2 (x = 385 625) is 0 m across from C and 125 m from B → C takes it
 *   (C = 80, B = 100); column 3 is 250 m from C, 125 m from B → stays; columns 0–1 stay with A.
 * - streets: a column 2 cell goes 250 m to the east street, then |dy| along it, then 250 m to C
 *   or 125 m to B → B is nearer for every cell; column 3 likewise (0 + |dy| + 250 vs + 125);
 *   columns 0–1 would go round the U → C takes nothing (C = 0, B = 180, A = 100).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { presets } from '../../../src/core/config/presets';
import { resolveTravelSettings } from '../../../src/core/config/travel-settings';
import { unitCentres } from '../../../src/core/compare/unit-centres';
import { readFeatures } from '../../../src/core/load/read-features';
import type { Dataset } from '../../../src/core/model/dataset';
import type { Edit } from '../../../src/core/scenario/edit';
import { ScenarioEngine } from '../../../src/core/scenario/scenario-engine';
import { streetDistanceProvider } from '../../../src/core/travel/street-distance-provider';
import { streetLinksFromTable } from '../../../src/core/travel/street-links';
import { StreetNetwork } from '../../../src/core/travel/street-network';
import type { DistanceProvider } from '../../../src/core/school-network/distance';
import { loadFixtureBundle } from '../../helpers/load-fixture-bundle';

const X0 = 385_000;
const Y0 = 6_672_000;
let dataset: Dataset;
let streets: DistanceProvider;
/** The same streets with a 300 m search limit: most pairs are unknown at first and searched only when needed. */
let shortSearch: DistanceProvider;

beforeAll(async () => {
  dataset = await loadFixtureBundle('tests/fixtures/tiny-city');
  const line = (coords: number[][]) => ({ type: 'Feature', properties: { highway: 'residential' }, geometry: { type: 'LineString', coordinates: coords } });
  const geojson = JSON.stringify({
    type: 'FeatureCollection',
    features: [
      line([[X0 + 125, Y0 - 200], [X0 + 125, Y0 + 1400]]),
      line([[X0 + 875, Y0 - 200], [X0 + 875, Y0 + 1400]]),
      line([[X0 + 125, Y0 + 1400], [X0 + 875, Y0 + 1400]]),
    ],
  });
  const table = await readFeatures({ name: 'streets.geojson', bytes: new TextEncoder().encode(geojson) });
  if (!table.ok) throw new Error(table.problems[0].message);
  const settings = resolveTravelSettings(undefined);
  const links = streetLinksFromTable(table.value, settings);
  if (!links.ok) throw new Error(links.problems[0].message);
  streets = streetDistanceProvider(StreetNetwork.fromLinks(links.value.links, unitCentres(dataset.units), settings));
  const short = resolveTravelSettings({ searchLimitM: 300 });
  shortSearch = streetDistanceProvider(StreetNetwork.fromLinks(links.value.links, unitCentres(dataset.units), short));
});

const openC: Edit = {
  kind: 'open-school', year: 2024,
  school: { id: 'C', name: 'Uusikoulu', language: 'fi', grades: '1-6', capacity: 50, location: [X0 + 625, Y0 + 500] },
  catchment: 'nearest',
};

function children(distance?: DistanceProvider, edits: Edit[] = [openC]) {
  const e = ScenarioEngine.create(dataset, presets['statfi-grid'], { baseYear: 2024, horizon: 5, distance });
  if (!e.ok) throw new Error(e.problems[0].message);
  for (const edit of edits) {
    const r = e.value.apply(edit, { allowEmptying: true, allowFlagged: true });
    if (!r.ok) throw new Error(r.problems[0].message);
  }
  return Object.fromEntries(e.value.indicators('fi-lower').schools.map((s) => [s.id, s.children]));
}

describe('"nearest" on the street network', () => {
  it('straight line: C takes column 2 (worked by hand)', () => {
    const f = children();
    expect(f.C).toBeCloseTo(80, 9);
    expect(f.B).toBeCloseTo(100, 9);
    expect(f.A).toBeCloseTo(100, 9);
  });

  it('streets: the detour makes B nearer for every cell, C takes nothing (worked by hand)', () => {
    const f = children(streets);
    expect(f.C ?? 0).toBeCloseTo(0, 9);
    expect(f.B).toBeCloseTo(180, 9);
    expect(f.A).toBeCloseTo(100, 9);
  });

  it('the unit rule gives the street trip of the hand-worked example', () => {
    // Cell (2, 1) = unit index? Find it by its centre (385 625, 6 672 375): to C 250 + 125 + 250 = 625 m, to B 250 + 125 + 125 = 500 m.
    const centres = unitCentres(dataset.units);
    let u = -1;
    for (let i = 0; i < centres.length / 2; i++) if (centres[2 * i] === X0 + 625 && centres[2 * i + 1] === Y0 + 375) u = i;
    expect(u).toBeGreaterThanOrEqual(0);
    expect(streets.unitDistance!(u, [X0 + 625, Y0 + 500])).toBeCloseTo(625, 6);
    expect(streets.unitDistance!(u, [X0 + 750, Y0 + 500])).toBeCloseTo(500, 6);
  });

  it('a short search limit gives the same answers (unknown pairs searched when the known ones cannot decide)', () => {
    expect(children(shortSearch)).toEqual(children(streets));
    // Close A to the nearest of B and C (C opened with column 2 drawn): every A cell reaches the
    // east street only round the U; by street B (connector 125 m) beats C (250 m) for all of them.
    const drawn: Edit = { ...openC, catchment: [[[[X0 + 500, Y0], [X0 + 750, Y0], [X0 + 750, Y0 + 1000], [X0 + 500, Y0 + 1000], [X0 + 500, Y0]]]] } as Edit;
    const close: Edit = { kind: 'close-school', year: 2024, schoolId: 'A', to: 'nearest' };
    const f = children(streets, [drawn, close]);
    expect(f.B).toBeCloseTo(100 + 100, 9);
    expect(f.C).toBeCloseTo(80, 9);
    expect(children(shortSearch, [drawn, close])).toEqual(f);
  });
});
