/**
 * Housing projects from files (core/housing/housing-from-table.ts): GeoJSON, CSV with x,y in
 * EPSG:3067, zipped Shapefile and GeoPackage each become housing-project records; bad rows are
 * named errors and refuse the whole file. Pupils per year (project-pupils.ts) by hand.
 */
import { zipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { presets } from '../../../src/core/config/presets';
import { projectPupils } from '../../../src/core/housing/project-pupils';
import { readHousingFile } from '../../../src/core/housing/housing-from-table';
import type { Dataset } from '../../../src/core/model/dataset';
import type { HousingProjectRecord } from '../../../src/core/scenario/edit';
import { ScenarioEngine } from '../../../src/core/scenario/scenario-engine';
import { loadFixtureBundle } from '../../helpers/load-fixture-bundle';
import { cwSquare, gpkgBlob, makeDbf, makeGeoPackage, makeShpPoints, wkbPolygon } from '../load/format-builders';

const range = { defaultYear: 2026, baseYear: 2024, lastYear: 2034 };
const square = (x: number, y: number, s: number) => [[x, y], [x + s, y], [x + s, y + s], [x, y + s], [x, y]];
const geojson = (features: unknown[]) => JSON.stringify({ type: 'FeatureCollection', crs: { type: 'name', properties: { name: 'urn:ogc:def:crs:EPSG::3067' } }, features });

describe('housing projects from a file', () => {
  it('GeoJSON: a polygon becomes a region, a point a location, with the fields and defaults', async () => {
    const r = await readHousingFile({ name: 'kaava.geojson', bytes: geojson([
      { type: 'Feature', properties: { nimi: 'Rantapuisto', asunnot: 120, hallintamuoto: 'ARA', talotyyppi: 'kerrostalo', vuosi: 2027 }, geometry: { type: 'Polygon', coordinates: [square(385_000, 6_672_000, 100)] } },
      { type: 'Feature', properties: { dwellings: 8 }, geometry: { type: 'Point', coordinates: [385_600, 6_672_300] } },
    ]) }, range);
    if (!r.ok) throw new Error(r.problems[0].message);
    expect(r.value).toEqual([
      { kind: 'housing-project', year: 2027, id: 'kaava-1', name: 'Rantapuisto', dwellings: 120, tenure: 'social_rental', buildingType: 'block', region: [[square(385_000, 6_672_000, 100)]] },
      // Defaults: owner, block, the year asked for, "<file> <row>".
      { kind: 'housing-project', year: 2026, id: 'kaava-2', name: 'kaava 2', dwellings: 8, tenure: 'owner', buildingType: 'block', location: [385_600, 6_672_300] },
    ]);
  });

  it('CSV with x,y in EPSG:3067', async () => {
    const csv = 'id;name;dwellings;tenure;building_type;year;x;y\nh1;Mäki;40;right_of_occupancy;terraced;2025;385100;6672100\n';
    const r = await readHousingFile({ name: 'hankkeet.csv', bytes: csv }, range);
    if (!r.ok) throw new Error(r.problems[0].message);
    expect(r.value).toEqual([{ kind: 'housing-project', year: 2025, id: 'h1', name: 'Mäki', dwellings: 40, tenure: 'right_of_occupancy', buildingType: 'terraced', location: [385_100, 6_672_100] }]);
  });

  it('zipped Shapefile (points) and GeoPackage (polygons)', async () => {
    const dbf = makeDbf([{ name: 'dwellings', type: 'N', length: 6 }, { name: 'tenure', type: 'C', length: 20 }], [[30, 'market_rental']]);
    const prj = 'PROJCS["ETRS89_ETRS_TM35FIN",GEOGCS["GCS_ETRS_1989",DATUM["D_ETRS_1989",SPHEROID["GRS_1980",6378137.0,298.257222101]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]],PROJECTION["Transverse_Mercator"],PARAMETER["False_Easting",500000.0],PARAMETER["Central_Meridian",27.0],PARAMETER["Scale_Factor",0.9996],PARAMETER["Latitude_Of_Origin",0.0],UNIT["Meter",1.0]]';
    const shp = await readHousingFile({ name: 'p.zip', bytes: zipSync({ 'p.shp': makeShpPoints([[385_100, 6_672_100]]), 'p.dbf': dbf, 'p.prj': new TextEncoder().encode(prj) }) }, range);
    if (!shp.ok) throw new Error(shp.problems[0].message);
    expect(shp.value[0]).toMatchObject({ dwellings: 30, tenure: 'market_rental', location: [385_100, 6_672_100] });
    const ring = cwSquare(385_000, 6_672_000, 100);
    const gpkg = await readHousingFile({ name: 'a.gpkg', bytes: await makeGeoPackage({ table: 'hankkeet', srsId: 3067, columns: ['name', 'dwellings'], rows: [[gpkgBlob(wkbPolygon([ring]), 3067), 'Kenttä', 50]] }) }, range);
    if (!gpkg.ok) throw new Error(gpkg.problems[0].message);
    expect(gpkg.value[0]).toMatchObject({ name: 'Kenttä', dwellings: 50 });
    expect(gpkg.value[0].region?.[0][0]).toHaveLength(5);
  });

  it('names every bad row and returns no records', async () => {
    const csv = 'name,dwellings,tenure,year,x,y\nA,-5,owner,2025,385100,6672100\nB,10,castle,2025,385100,6672100\nC,10,owner,2019,385100,6672100\n';
    const r = await readHousingFile({ name: 'bad.csv', bytes: csv }, range);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems.map((p) => [p.code, p.feature])).toEqual([['housing-bad-dwellings', '1'], ['housing-unknown-tenure', '2'], ['housing-year-before-base', '3']]);
    expect(r.problems[0].message).toContain('bad.csv, row 1');
    const none = await readHousingFile({ name: 'x.csv', bytes: 'name,x,y\nA,385100,6672100\n' }, range);
    expect(!none.ok && none.problems[0].code).toBe('housing-file-no-dwellings');
  });
});

describe('pupils a project adds per year', () => {
  it('dwellings × yield from the completion year on, the last value repeating', () => {
    const config = { yields: { lower: { block: { owner: [0.1, 0.2, 0.15] } }, upper: { block: { owner: [0, 0.05] } } } };
    const p: HousingProjectRecord = { kind: 'housing-project', year: 2025, id: 'p', name: 'P', dwellings: 100, tenure: 'owner', buildingType: 'block', location: [0, 0] };
    // 2024: before completion → 0; 2025: 100 × 0.1; 2026: 100 × 0.2; 2027, 2028: 100 × 0.15. Upper: 0, 0, 5, 5, 5.
    const out = projectPupils(p, config as never, [2024, 2025, 2026, 2027, 2028]);
    expect(out.lower.map((v) => Math.round(v * 1e9) / 1e9)).toEqual([0, 10, 20, 15, 15]);
    expect(out.upper.map((v) => Math.round(v * 1e9) / 1e9)).toEqual([0, 0, 5, 5, 5]);
  });
});

describe('checking a file\'s projects before any is applied', () => {
  let dataset: Dataset;
  beforeAll(async () => {
    dataset = await loadFixtureBundle('tests/fixtures/tiny-city');
  });

  it('names a project outside the units and changes nothing', () => {
    const e = ScenarioEngine.create(dataset, presets['statfi-grid'], { baseYear: 2024 });
    if (!e.ok) throw new Error(e.problems[0].message);
    const inside: HousingProjectRecord = { kind: 'housing-project', year: 2025, id: 'a', name: 'A', dwellings: 10, tenure: 'owner', buildingType: 'block', location: [385_100, 6_672_100] };
    expect(e.value.checkHousing(inside)).toEqual([]);
    expect(e.value.checkHousing({ ...inside, location: [300_000, 6_600_000] }).map((p) => p.code)).toEqual(['housing-outside-units']);
    expect(e.value.edits()).toEqual([]);
  });
});
