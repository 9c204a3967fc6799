/**
 * Loaders on the real files in ../shared/data/real/ (skipped when the folder is absent).
 * Expected figures come from each folder's SOURCE.md, not from this code.
 */
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildSchools } from '../../../src/core/load/build-schools';
import { buildUnits } from '../../../src/core/load/build-units';
import { crsFromCoordinates, reproject } from '../../../src/core/load/crs';
import type { FeatureTable } from '../../../src/core/load/feature-table';
import { readFeatures } from '../../../src/core/load/read-features';
import type { Position } from '../../../src/core/model/geometry-types';

const REAL = new URL('../../../../shared/data/real/', import.meta.url);
const present = existsSync(REAL);
if (!present) console.warn(`Skipping real-data loader tests: ${REAL.pathname} is absent.`);

async function load(path: string): Promise<FeatureTable> {
  const r = await readFeatures({ name: path, bytes: new Uint8Array(readFileSync(new URL(path, REAL))) });
  if (!r.ok) throw new Error(JSON.stringify(r.problems));
  return r.value;
}

describe.skipIf(!present)('real data', () => {
  it('HSY 2015 grid: 5 784 cells, SUM(ASUKKAITA) = 1 117 552, loaded as polygons (grid aligned in GK25)', async () => {
    const t = await load('hsy-pop-grid-2015/hsy_pop_grid_2015_4326.geojson');
    expect(t.count).toBe(5784);
    expect(t.crs).toEqual({ crs: 'EPSG:4326', source: 'coordinates' });
    const r = buildUnits(t);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const u = r.value.units;
    expect(u.kind).toBe('polygons');
    expect(r.value.report.notGridReason).toMatch(/rotated 1\.\d+°/);
    expect(u.attributes.columns.asukkaita.reduce((a, b) => a + b, 0)).toBe(1_117_552);
    // SOURCE.md: each cell's area is 62 500 m² (±4 m²), measured in GK25; TM35FIN's scale factor
    // differs by < 0.1 % in the region, so allow 62 500 ± 100 m².
    if (u.kind === 'polygons') for (const a of u.areas) expect(Math.abs(a - 62_500)).toBeLessThan(100);
    // 99 means "suppressed" in IKA* fields; the loader keeps it for the suppression step.
    expect(u.attributes.columns.ika0_9.filter((v) => v === 99).length).toBeGreaterThan(0);
    expect(u.ids[0]).toBe('688');
  });

  it('school register 2022: 267 schools, 88 in Espoo, register fields tunn/onimi', async () => {
    const t = await load('statfi-schools-2022/schools_capital_region_2022_4326.geojson');
    const r = buildSchools(t);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value).toHaveLength(267);
    const espoo = t.columns.kunta_nimi.texts!.filter((k) => k === 'Espoo').length;
    expect(espoo).toBe(88);
    const alberga = r.value.find((s) => s.name === 'Alberga skola');
    expect(alberga?.language).toBe('sv');
    // Published euref_x/euref_y (EPSG:3067) vs our reprojection of the 6-decimal degrees: < 1 m.
    r.value.forEach((s, i) => {
      expect(Math.abs(s.location[0] - t.columns.euref_x.numbers[i])).toBeLessThan(1);
      expect(Math.abs(s.location[1] - t.columns.euref_y.numbers[i])).toBeLessThan(1);
    });
  });

  it('Paavo 2018: 167 postal areas as polygons, he_vakiy of Espoo (049) = 268 713', async () => {
    const t = await load('paavo-2018/paavo_2018_capital_region_4326.geojson');
    const r = buildUnits(t);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.units.kind).toBe('polygons');
    expect(r.value.units.count).toBe(167);
    const kunta = t.columns.kuntano.texts!;
    let espoo = 0;
    r.value.units.attributes.columns.he_vakiy.forEach((v, i) => {
      if (kunta[i] === '049' && Number.isFinite(v)) espoo += v;
    });
    expect(espoo).toBe(268_713);
  });

  it('Tapiola catchment: GK25 (EPSG:3879) GML coordinates match the ogr2ogr EPSG:4326 copy', async () => {
    const gml = readFileSync(new URL('catchment-samples-smbackend/original/Oppilaaksiottoalueet_suomenkielinen.gml', REAL), 'utf8');
    const first = /<gml:coordinates>([^<]+)<\/gml:coordinates>/.exec(gml)![1];
    const gk: Position[] = first.trim().split(/\s+/).map((p) => p.split(',').map(Number) as Position);
    const xs = gk.map((p) => p[0]);
    const ys = gk.map((p) => p[1]);
    expect(crsFromCoordinates([Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)])).toBe('EPSG:3879');
    const t = await load('catchment-samples-smbackend/catchment_samples_4326.geojson');
    const i = t.columns.name.texts!.indexOf('Tapiolan oppilasalue');
    const g = t.geometries[i];
    expect(g?.kind).toBe('polygons');
    if (g?.kind !== 'polygons') return;
    // Our GK25 → TM35FIN must agree with ogr2ogr's GK25 → 4326 (6 decimals ≈ 0.1 m) that we then took to TM35FIN.
    const ours = reproject(gk, 'EPSG:3879', 'EPSG:3067');
    const theirs = g.polygons[0][0];
    expect(theirs).toHaveLength(ours.length);
    ours.forEach((p, k) => expect(Math.hypot(p[0] - theirs[k][0], p[1] - theirs[k][1])).toBeLessThan(0.2));
    // SOURCE.md: the centroid lands at 24.797 E, 60.179 N. Area centroid of the ring (shoelace
    // formula) in EPSG:3067, converted to degrees; 0.002° ≈ 100–200 m.
    let a = 0, cx = 0, cy = 0;
    for (let k = 0; k < ours.length - 1; k++) {
      const cross = ours[k][0] * ours[k + 1][1] - ours[k + 1][0] * ours[k][1];
      a += cross / 2;
      cx += ((ours[k][0] + ours[k + 1][0]) * cross) / 6;
      cy += ((ours[k][1] + ours[k + 1][1]) * cross) / 6;
    }
    const [[lon, lat]] = reproject([[cx / a, cy / a]], 'EPSG:3067', 'EPSG:4326');
    expect(Math.abs(lon - 24.797)).toBeLessThan(0.002);
    expect(Math.abs(lat - 60.179)).toBeLessThan(0.002);
  });
});
