/**
 * The original (non-GeoJSON) real files in ../shared/data/real/: HSY's Shapefile zipped in memory,
 * and the Helsinki/Espoo WFS GML exports. Skipped when the folder is absent. Expected figures come
 * from each folder's SOURCE.md, not from this code.
 */
import { existsSync, readFileSync } from 'node:fs';
import { zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { buildUnits } from '../../../src/core/load/build-units';
import { tm35ToLonLat } from '../../../src/core/load/display-projection';
import type { FeatureTable } from '../../../src/core/load/feature-table';
import { multiPolygonArea } from '../../../src/core/geometry/area';
import { readFeatures } from '../../../src/core/load/read-features';
import { textValue } from '../../../src/core/load/feature-table';

const REAL = new URL('../../../../shared/data/real/', import.meta.url);
const present = existsSync(REAL);
if (!present) console.warn(`Skipping real-format loader tests: ${REAL.pathname} is absent.`);
const bytes = (path: string) => new Uint8Array(readFileSync(new URL(path, REAL)));

async function read(name: string, data: Uint8Array): Promise<FeatureTable> {
  const r = await readFeatures({ name, bytes: data });
  if (!r.ok) throw new Error(JSON.stringify(r.problems));
  return r.value;
}

const GML = ['Opev_ooa_alaaste_suomi', 'Opev_ooa_alaaste_suomi_tuleva', 'Oppilaaksiottoalueet_suomenkielinen', 'Oppilaaksiottoalueet_ruotsinkielinen_ala_aste'];

describe.skipIf(!present)('real files in their original formats', () => {
  it('HSY 2015 Shapefile zipped in memory: 5 784 cells, SUM(ASUKKAITA) = 1 117 552, CRS EPSG:3879 from the .prj, cells of 62 500 m² ± 5 m²', async () => {
    const dir = 'hsy-pop-grid-2015/original/Vaestotietoruudukko_2015';
    const zip = zipSync(Object.fromEntries(['shp', 'shx', 'dbf', 'prj'].map((e) => [`Vaestotietoruudukko_2015.${e}`, bytes(`${dir}.${e}`)])));
    const t = await read('hsy.zip', zip);
    expect(t.format).toBe('shapefile');
    expect(t.count).toBe(5784);
    expect(t.crs.crs).toBe('EPSG:3879');
    expect(t.crs.source).toBe('declared');
    expect(t.crs.declared).toBe('ETRS89_ETRS_GK25FIN_2010');
    const r = buildUnits(t);
    expect(r.ok).toBe(true);
    if (!r.ok || r.value.units.kind !== 'polygons') throw new Error('expected polygon units');
    const u = r.value.units;
    expect(u.attributes.columns.asukkaita.reduce((a, b) => a + b, 0)).toBe(1_117_552);
    // SOURCE.md: 250 m × 250 m cells (62 500 m² ± 4 m² measured in GK25, whose scale factor is
    // 1 ± 1e-5 over the region, so that is also the area on the ground). A planar area in EPSG:3067 is
    // the ground area times k², where TM35FIN's point scale factor is, to 1e-8,
    //   k = k₀ (1 + E² / (2 k₀² R²)),  k₀ = 0.9996, E = x − 500 000 m, R = 6 382 km (mean radius at 60°N).
    // At x = 380 000 (Espoo) k² ≈ 0.99956, i.e. planar areas are ~27 m² below 62 500: so compare
    // area / k² with 62 500 m² ± 5 m².
    let worst = 0;
    u.bboxes.forEach((b, i) => {
      const e = (b[0] + b[2]) / 2 - 500_000;
      const k = 0.9996 * (1 + (e * e) / (2 * 0.9996 ** 2 * 6_382_000 ** 2));
      worst = Math.max(worst, Math.abs(u.areas[i] / (k * k) - 62_500));
    });
    expect(worst).toBeLessThan(5);
  });

  it('GML: the four WFS exports give 6 features in EPSG:3879 (srsName), with ä/ö intact', async () => {
    const tables = await Promise.all(GML.map((n) => read(`${n}.gml`, bytes(`catchment-samples-smbackend/original/${n}.gml`))));
    expect(tables.map((t) => t.count)).toEqual([1, 1, 2, 2]);
    for (const t of tables) expect(t.crs).toMatchObject({ crs: 'EPSG:3879', source: 'declared' });
    expect(textValue(tables[0], 'nimi_fi', 0)).toBe('Testi peruskoulu 2023-2024');
    expect(textValue(tables[0], 'toimipiste_id', 0)).toBe('13');
    expect([0, 1].map((i) => textValue(tables[2], 'nimi', i))).toEqual(['Tapiolan oppilasalue', 'Itäisen Leppävaaran oppilasalue']);
    expect([0, 1].map((i) => textValue(tables[3], 'nimi', i))).toEqual(['Lagstads skola', 'Rödskogs skola']);
    expect(textValue(tables[2], 'info', 0)).toBe('Editoitu 14.12.2020');
  });

  it('GML: the Tapiola area centroid lands at 24.797 E, 60.179 N (SOURCE.md) ± 0.001°', async () => {
    const t = await read('f.gml', bytes('catchment-samples-smbackend/original/Oppilaaksiottoalueet_suomenkielinen.gml'));
    const g = t.geometries[0];
    if (g?.kind !== 'polygons') throw new Error('expected a polygon');
    const [cx, cy] = centroid(g.polygons[0][0]);
    const [lon, lat] = tm35ToLonLat(cx, cy);
    expect(Math.abs(lon - 24.797)).toBeLessThan(0.001);
    expect(Math.abs(lat - 60.179)).toBeLessThan(0.001);
  });

  it('GML areas match the GeoJSON copy (ogr2ogr to EPSG:4326, reprojected back) within 0.1 %', async () => {
    const gj = await read('samples.geojson', bytes('catchment-samples-smbackend/catchment_samples_4326.geojson'));
    expect(gj.count).toBe(6);
    const gmlAreas: number[] = [];
    for (const n of GML) {
      const t = await read(`${n}.gml`, bytes(`catchment-samples-smbackend/original/${n}.gml`));
      for (const g of t.geometries) if (g?.kind === 'polygons') gmlAreas.push(multiPolygonArea(g.polygons));
    }
    const jsonAreas = gj.geometries.map((g) => (g?.kind === 'polygons' ? multiPolygonArea(g.polygons) : NaN));
    expect(gmlAreas).toHaveLength(6);
    // Match by area (the GeoJSON's feature order is its own): each GML area has a GeoJSON area within 0.1 %.
    for (const a of gmlAreas) expect(Math.min(...jsonAreas.map((b) => Math.abs(a - b) / b))).toBeLessThan(0.001);
  });
});

/** Area centroid of a closed ring (shoelace formula). */
function centroid(ring: [number, number][]): [number, number] {
  let a = 0, cx = 0, cy = 0;
  for (let i = 0; i < ring.length - 1; i++) {
    const [x0, y0] = ring[i];
    const [x1, y1] = ring[i + 1];
    const c = x0 * y1 - x1 * y0;
    a += c;
    cx += (x0 + x1) * c;
    cy += (y0 + y1) * c;
  }
  return [cx / (3 * a), cy / (3 * a)];
}
