import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { crsFromCoordinates, crsFromGeoJsonMember, crsFromWkt, detectCrs, gkZoneCode, parseCrsName, reproject } from '../../../src/core/load/crs';
import { tm35ToLonLat, tm35ToLonLatArray } from '../../../src/core/load/display-projection';
import type { Position } from '../../../src/core/model/geometry-types';

describe('CRS names', () => {
  it.each([
    ['urn:ogc:def:crs:EPSG::3067', 'EPSG:3067'],
    ['EPSG:3879', 'EPSG:3879'],
    ['epsg:3873', 'EPSG:3873'],
    ['urn:ogc:def:crs:OGC:1.3:CRS84', 'EPSG:4326'],
    ['4258', 'EPSG:4326'], // ETRS89 geographic ≈ WGS84 at metre level
    ['not a crs', null],
  ])('parseCrsName(%s) = %s', (name, code) => expect(parseCrsName(name)).toBe(code));

  it('reads the GeoJSON crs member (name and legacy EPSG code forms)', () => {
    expect(crsFromGeoJsonMember({ type: 'name', properties: { name: 'urn:ogc:def:crs:EPSG::3879' } })).toBe('EPSG:3879');
    expect(crsFromGeoJsonMember({ type: 'EPSG', properties: { code: 3067 } })).toBe('EPSG:3067');
    expect(crsFromGeoJsonMember(undefined)).toBeNull();
  });

  it('maps ETRS-GKn zones to EPSG:3873–3885 (GK19 = 3873, GK25 = 3879, GK31 = 3885)', () => {
    expect([gkZoneCode(19), gkZoneCode(25), gkZoneCode(31)]).toEqual(['EPSG:3873', 'EPSG:3879', 'EPSG:3885']);
  });

  it('reads .prj WKT by name or authority', () => {
    // The HSY shapefile's .prj (ESRI WKT), verbatim.
    const hsy =
      'PROJCS["ETRS89_ETRS_GK25FIN_2010",GEOGCS["GCS_ETRS_1989",DATUM["D_ETRS_1989",SPHEROID["Geodetic_Reference_System_of_1980",6378137,298.2572221008916]],PRIMEM["Greenwich",0],UNIT["Degree",0.017453292519943295]],PROJECTION["Transverse_Mercator"],PARAMETER["latitude_of_origin",0],PARAMETER["central_meridian",25],PARAMETER["scale_factor",1],PARAMETER["false_easting",25500000],PARAMETER["false_northing",0],UNIT["Meter",1]]';
    expect(crsFromWkt(hsy)).toBe('EPSG:3879');
    expect(crsFromWkt('PROJCS["ETRS89_ETRS_TM35FIN",GEOGCS["GCS_ETRS_1989"]]')).toBe('EPSG:3067');
    expect(crsFromWkt('PROJCRS["ETRS89 / GK25FIN",BASEGEOGCRS["ETRS89"]]')).toBe('EPSG:3879');
    expect(crsFromWkt('PROJCRS["ETRS89 / TM35FIN(E,N)",BASEGEOGCRS["ETRS89"],ID["EPSG",3067]]')).toBe('EPSG:3067');
    expect(crsFromWkt('PROJCS["ETRS_GK21",GEOGCS["x"]]')).toBe('EPSG:3875');
    expect(crsFromWkt('GEOGCS["GCS_WGS_1984",DATUM["D_WGS_1984"]]')).toBe('EPSG:4326');
  });

  it.each([
    [[24.5, 60.0, 25.3, 60.4], 'EPSG:4326'],
    [[361_849, 6_658_588, 403_184, 6_697_727], 'EPSG:3067'],
    [[25_472_500, 6_650_000, 25_510_000, 6_690_000], 'EPSG:3879'],
    [[23_400_000, 6_700_000, 23_600_000, 6_800_000], 'EPSG:3877'],
    [[2_385_750, 1_672_500, 2_400_000, 1_700_000], null],
  ] as const)('crsFromCoordinates(%j) = %s', (bbox, code) => expect(crsFromCoordinates([...bbox])).toBe(code));

  it('a declaration wins over coordinates; else coordinates; else EPSG:3067 is assumed', () => {
    expect(detectCrs({ declared: 'EPSG:3879', bbox: [24, 60, 25, 61] })).toEqual({ crs: 'EPSG:3879', source: 'declared', declared: 'EPSG:3879' });
    expect(detectCrs({ bbox: [24, 60, 25, 61] })).toEqual({ crs: 'EPSG:4326', source: 'coordinates' });
    expect(detectCrs({})).toEqual({ crs: 'EPSG:3067', source: 'assumed' });
  });
});

describe('reprojection', () => {
  // Reference pairs from Statistics Finland's school register: euref_x/euref_y as published in
  // EPSG:3067 (whole metres) and the EPSG:4326 position computed by PROJ (ogr2ogr, 6 decimals).
  // 1 m ≈ 1.8e-5° of longitude and 9e-6° of latitude at 60° N, so 3e-5° covers the rounding.
  const REFERENCE: [number, number, number, number][] = [
    [378364, 6673700, 24.806946, 60.181996], // Aarnivalkean koulu, Espoo
    [379645, 6678661, 24.827079, 60.226889], // Alberga skola, Espoo
    [386387, 6674122, 24.95125, 60.188096], // Aleksis Kiven peruskoulu, Helsinki
  ];
  it.each(REFERENCE)('EPSG:3067 (%d, %d) → (%f E, %f N)', (x, y, lon, lat) => {
    const [p] = reproject([[x, y]], 'EPSG:3067', 'EPSG:4326');
    expect(Math.abs(p[0] - lon)).toBeLessThan(3e-5);
    expect(Math.abs(p[1] - lat)).toBeLessThan(3e-5);
    const q = tm35ToLonLat(x, y);
    expect(Math.abs(q[0] - lon)).toBeLessThan(3e-5);
    expect(Math.abs(q[1] - lat)).toBeLessThan(3e-5);
  });

  it('copies by default and overwrites with inPlace', () => {
    const input: Position[] = [[385800, 6672000]];
    const copy = reproject(input, 'EPSG:3067', 'EPSG:3879');
    expect(input[0]).toEqual([385800, 6672000]);
    expect(copy[0]).not.toBe(input[0]);
    const same = reproject(input, 'EPSG:3067', 'EPSG:3879', true);
    expect(same).toBe(input);
    expect(input[0][0]).toBeGreaterThan(25_000_000);
  });

  it('GK25 ↔ TM35FIN round trips stay below 1 mm across the capital region', () => {
    fc.assert(
      fc.property(fc.double({ min: 340_000, max: 420_000, noNaN: true }), fc.double({ min: 6_640_000, max: 6_710_000, noNaN: true }), (x, y) => {
        const [gk] = reproject([[x, y]], 'EPSG:3067', 'EPSG:3879');
        const [back] = reproject([gk], 'EPSG:3879', 'EPSG:3067');
        return Math.hypot(back[0] - x, back[1] - y) < 1e-3;
      }),
      { numRuns: 300 },
    );
  });

  it('GK25 and TM35FIN agree on a point on both central meridians (27° E and 25° E are 2° apart)', () => {
    // A point on 25° E has GK25 easting exactly 25 500 000 m (the false easting;
    // scale 1 on the central meridian).
    const [gk] = reproject([[25, 60.2]], 'EPSG:4326', 'EPSG:3879');
    expect(gk[0]).toBeCloseTo(25_500_000, 3);
    // And on 27° E the TM35FIN easting is the false easting 500 000 m.
    const [tm] = reproject([[27, 60.2]], 'EPSG:4326', 'EPSG:3067');
    expect(tm[0]).toBeCloseTo(500_000, 3);
  });

  it('the fast display projection matches proj4 to 1e-9° over Finland', () => {
    const xy: number[] = [];
    for (let x = 50_000; x <= 750_000; x += 70_000) for (let y = 6_600_000; y <= 7_800_000; y += 120_000) xy.push(x, y);
    const fast = tm35ToLonLatArray(xy);
    const slow = reproject(
      xy.flatMap((_, i) => (i % 2 ? [] : [[xy[i], xy[i + 1]] as Position])),
      'EPSG:3067',
      'EPSG:4326',
    );
    slow.forEach((p, i) => {
      expect(Math.abs(fast[2 * i] - p[0])).toBeLessThan(1e-9);
      expect(Math.abs(fast[2 * i + 1] - p[1])).toBeLessThan(1e-9);
    });
  });
});
