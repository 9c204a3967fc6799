/** Street layers in every format we read come back as line geometries (EPSG:3067). */
import { zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { resolveTravelSettings } from '../../../src/core/config/travel-settings';
import type { FeatureGeometry } from '../../../src/core/load/feature-table';
import { readFeatures } from '../../../src/core/load/read-features';
import { writeFlatGeobuf } from '../../../src/core/load/write-flatgeobuf';
import type { Position } from '../../../src/core/model/geometry-types';
import { streetLinksFromTable } from '../../../src/core/travel/street-links';
import { gpkgBlob, makeDbf, makeGeoPackage } from '../load/format-builders';

const A: Position = [385_000, 6_672_000];
const B: Position = [385_100, 6_672_000];
const C: Position = [385_100, 6_672_250];
const PRJ = 'PROJCS["ETRS_1989_TM35FIN",GEOGCS["GCS_ETRS_1989",DATUM["D_ETRS_1989",SPHEROID["GRS_1980",6378137.0,298.257222101]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]],PROJECTION["Transverse_Mercator"],PARAMETER["False_Easting",500000.0],PARAMETER["False_Northing",0.0],PARAMETER["Central_Meridian",27.0],PARAMETER["Scale_Factor",0.9996],PARAMETER["Latitude_Of_Origin",0.0],UNIT["Meter",1.0]]';

/** WKB LineString (type 2) or MultiLineString (type 5) of LineStrings, little-endian. */
function wkbLines(lines: Position[][], multi: boolean): Uint8Array {
  const one = (line: Position[]) => {
    const b = new Uint8Array(9 + 16 * line.length);
    const v = new DataView(b.buffer);
    b[0] = 1;
    v.setUint32(1, 2, true);
    v.setUint32(5, line.length, true);
    line.forEach(([x, y], k) => {
      v.setFloat64(9 + 16 * k, x, true);
      v.setFloat64(17 + 16 * k, y, true);
    });
    return b;
  };
  if (!multi) return one(lines[0]);
  const parts = lines.map(one);
  const out = new Uint8Array(9 + parts.reduce((a, p) => a + p.length, 0));
  const v = new DataView(out.buffer);
  out[0] = 1;
  v.setUint32(1, 5, true);
  v.setUint32(5, parts.length, true);
  let at = 9;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/** A .shp of one PolyLine record (type 3) with the given parts. */
function shpPolyline(parts: Position[][]): Uint8Array {
  const points = parts.flat();
  const rec = new Uint8Array(44 + 4 * parts.length + 16 * points.length);
  const v = new DataView(rec.buffer);
  v.setInt32(0, 3, true);
  v.setInt32(36, parts.length, true);
  v.setInt32(40, points.length, true);
  let start = 0;
  parts.forEach((p, k) => {
    v.setInt32(44 + 4 * k, start, true);
    start += p.length;
  });
  points.forEach(([x, y], k) => {
    v.setFloat64(44 + 4 * parts.length + 16 * k, x, true);
    v.setFloat64(52 + 4 * parts.length + 16 * k, y, true);
  });
  const out = new Uint8Array(100 + 8 + rec.length);
  const h = new DataView(out.buffer);
  h.setInt32(0, 9994, false);
  h.setInt32(24, out.length / 2, false);
  h.setInt32(28, 1000, true);
  h.setInt32(32, 3, true);
  h.setInt32(100, 1, false);
  h.setInt32(104, rec.length / 2, false);
  out.set(rec, 108);
  return out;
}

const twoParts = { kind: 'lines', lines: [[A, B], [B, C]] };

describe('street line layers', () => {
  it('GeoJSON LineString and MultiLineString', async () => {
    const fc = {
      type: 'FeatureCollection',
      features: [
        { type: 'Feature', properties: { highway: 'residential' }, geometry: { type: 'LineString', coordinates: [A, B, C] } },
        { type: 'Feature', properties: { highway: 'path' }, geometry: { type: 'MultiLineString', coordinates: [[A, B], [B, C]] } },
      ],
    };
    const t = await readFeatures({ name: 's.geojson', bytes: JSON.stringify(fc) });
    expect(t.ok && t.value.geometries[0]).toEqual({ kind: 'lines', type: 'LineString', lines: [[A, B, C]] });
    expect(t.ok && t.value.geometries[1]).toMatchObject(twoParts);
  });

  it('FlatGeobuf', async () => {
    const bytes = writeFlatGeobuf([{ type: 'Feature', properties: { linkkityyp: 3 }, geometry: { type: 'MultiLineString', coordinates: [[A, B], [B, C]] } }]);
    const t = await readFeatures({ name: 's.fgb', bytes });
    expect(t.ok && t.value.geometries[0]).toMatchObject(twoParts);
  });

  it('GeoPackage LineString and MultiLineString', async () => {
    const gpkg = await makeGeoPackage({ table: 'dr_linkki', srsId: 3067, columns: ['LINKKITYYP'], rows: [[gpkgBlob(wkbLines([[A, B, C]], false), 3067), 3], [gpkgBlob(wkbLines([[A, B], [B, C]], true), 3067), 1]] });
    const t = await readFeatures({ name: 's.gpkg', bytes: gpkg });
    if (!t.ok) throw new Error(JSON.stringify(t.problems));
    expect(t.value.geometries[0]).toEqual({ kind: 'lines', type: 'LineString', lines: [[A, B, C]] });
    expect(t.value.geometries[1]).toMatchObject(twoParts);
    // Digiroad rule: LINKKITYYP 1 (motorway) is out
    const links = streetLinksFromTable(t.value, resolveTravelSettings(undefined));
    expect(links.ok && links.value.report).toMatchObject({ rule: 'digiroad', links: 1, excluded: 1 });
  });

  it('zipped Shapefile PolyLine', async () => {
    const dbf = makeDbf([{ name: 'HIGHWAY', type: 'C', length: 20 }], [['footway']]);
    const zip = zipSync({ 'streets.shp': shpPolyline([[A, B], [B, C]]), 'streets.dbf': dbf, 'streets.prj': new TextEncoder().encode(PRJ) });
    const t = await readFeatures({ name: 'streets.zip', bytes: zip });
    if (!t.ok) throw new Error(JSON.stringify(t.problems));
    expect(t.value.geometries[0] as FeatureGeometry).toMatchObject(twoParts);
  });

  it('a layer without walkable lines is refused with the fix', async () => {
    const fc = { type: 'FeatureCollection', features: [{ type: 'Feature', properties: { highway: 'motorway' }, geometry: { type: 'LineString', coordinates: [A, B] } }] };
    const t = await readFeatures({ name: 's.geojson', bytes: JSON.stringify(fc) });
    const links = t.ok ? streetLinksFromTable(t.value, resolveTravelSettings(undefined)) : t;
    expect(!links.ok && links.problems[0].code).toBe('no-walkable-streets');
  });
});
