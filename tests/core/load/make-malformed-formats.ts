/**
 * Writes the format-specific files of the malformed corpus (tests/fixtures/malformed/).
 * Run once with `npx tsx tests/core/load/make-malformed-formats.ts`; the files are committed.
 */
import { writeFileSync } from 'node:fs';
import { zipSync } from 'fflate';
import { gpkgBlob, makeDbf, makeGeoPackage, makeShpPoints, wkbPoint } from './format-builders';

const DIR = new URL('../../fixtures/malformed/', import.meta.url);
const put = (name: string, bytes: Uint8Array | string) => writeFileSync(new URL(name, DIR), bytes);
const enc = (s: string) => new TextEncoder().encode(s);
const PRJ = 'PROJCS["ETRS89_ETRS_TM35FIN",GEOGCS["GCS_ETRS_1989",DATUM["D_ETRS_1989",SPHEROID["GRS_1980",6378137.0,298.257222101]]],PROJECTION["Transverse_Mercator"],PARAMETER["Central_Meridian",27.0]]';

// Schools of Tiny City as a Shapefile: points A and B.
const schoolCols = [
  { name: 'id', type: 'C' as const, length: 4 },
  { name: 'name', type: 'C' as const, length: 20 },
  { name: 'capacity', type: 'N' as const, length: 6 },
];
const schoolShp = makeShpPoints([[385_250, 6_672_500], [385_750, 6_672_500]]);
const schoolDbf = makeDbf(schoolCols, [['A', 'Länsikoulu', 100], ['B', 'Itäkoulu', 100]]);
put('zip-without-shp.zip', zipSync({ 'schools.dbf': schoolDbf, 'schools.prj': enc(PRJ), 'LUEMINUT.txt': enc('no .shp here') }));
put('shapefile-no-prj.zip', zipSync({ 'schools.shp': schoolShp, 'schools.dbf': schoolDbf }));
const badDbf = makeDbf(schoolCols, [['A', 'Länsikoulu', 100], ['B', 'Itäkoulu', 100]]);
// Record 1's capacity (header 32 + 3·32 + 1 = 129 bytes, record 1 + 4 + 20 + 6 = 31 bytes; field at 1 + 4 + 20).
badDbf.set(enc('  many'), 129 + 31 + 25);
put('dbf-non-numeric.zip', zipSync({ 'schools.shp': schoolShp, 'schools.dbf': badDbf, 'schools.prj': enc(PRJ) }));
put('zip-damaged.zip', zipSync({ 'schools.shp': schoolShp, 'schools.dbf': schoolDbf }).subarray(0, 60));

put(
  'gml-broken-poslist.gml',
  `<?xml version="1.0" encoding="UTF-8"?>
<wfs:FeatureCollection xmlns:wfs="http://www.opengis.net/wfs/2.0" xmlns:gml="http://www.opengis.net/gml/3.2" xmlns:a="urn:x">
<wfs:member><a:alue gml:id="alue.1"><a:school_id>A</a:school_id><a:network>fi-lower</a:network>
<a:geom><gml:Polygon srsName="urn:ogc:def:crs:EPSG::3067"><gml:exterior><gml:LinearRing><gml:posList>385000 6672000 385500 6672000 385500 6673000 385000</gml:posList></gml:LinearRing></gml:exterior></gml:Polygon></a:geom>
</a:alue></wfs:member>
</wfs:FeatureCollection>
`,
);
put('gml-not-featurecollection.xml', '<?xml version="1.0" encoding="UTF-8"?>\n<kml xmlns="http://www.opengis.net/kml/2.2"><Document><name>Koulut</name></Document></kml>\n');

put('csv-missing-coordinates.csv', 'id;name;language;grades;capacity\nA;Länsikoulu;fi;1-6;100\nB;Itäkoulu;fi;1-6;100\n');
put('csv-invalid-grid-id.csv', 'grd_id,he_vakiy,he_7_12\nCRS3067RES250mN6672000E385000,100,10\nCRS3067RES250mN6672000E385010,50,5\n');
put('csv-duplicate-ids.csv', 'grd_id,he_vakiy,he_7_12\n250mN26688E1540,100,10\n250mN26688E1541,50,5\n250mN26688E1540,20,2\n');
put('csv-over-limit.csv', `id,x,y\n${Array.from({ length: 20 }, (_, i) => `S${i},${385_000 + 10 * i},6672000`).join('\n')}\n`);

// Tiny City's schools A and B written in ETRS-GK25 (EPSG:3879) coordinates but declared as EPSG:3067.
put(
  'gk25-declared-3067.geojson',
  JSON.stringify({
    type: 'FeatureCollection',
    crs: { type: 'name', properties: { name: 'urn:ogc:def:crs:EPSG::3067' } },
    features: [
      { type: 'Feature', properties: { id: 'A', name: 'Länsikoulu' }, geometry: { type: 'Point', coordinates: [25_496_419, 6_672_610] } },
      { type: 'Feature', properties: { id: 'B', name: 'Itäkoulu' }, geometry: { type: 'Point', coordinates: [25_496_918, 6_672_628] } },
    ],
  }, null, 1),
);

const gpkg = await makeGeoPackage({ table: 'schools', srsId: 3067, columns: ['id', 'name'], rows: [[gpkgBlob(wkbPoint([385_250, 6_672_500]), 3067), 'A', 'Länsikoulu']], withoutContents: true });
put('geopackage-no-contents.gpkg', gpkg);
