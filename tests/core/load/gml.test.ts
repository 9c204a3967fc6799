/** GML 2/3 and WFS 2 FeatureCollections: members, geometry kinds, srsName forms, axis order, failures. */
import { describe, expect, it } from 'vitest';
import { tm35ToLonLat } from '../../../src/core/load/display-projection';
import { textValue } from '../../../src/core/load/feature-table';
import { readFeatures } from '../../../src/core/load/read-features';

const NS = 'xmlns:wfs="http://www.opengis.net/wfs/2.0" xmlns:gml="http://www.opengis.net/gml/3.2" xmlns:a="urn:x"';
const wfs2 = (members: string) => `<?xml version="1.0" encoding="UTF-8"?>\n<wfs:FeatureCollection ${NS}>${members}</wfs:FeatureCollection>`;
const member = (props: string, geom: string) => `<wfs:member><a:alue gml:id="alue.1">${props}<a:geom>${geom}</a:geom></a:alue></wfs:member>`;
// 250 m square with lower-left corner (385 000, 6 672 000) in EPSG:3067, easting first.
const POS_EN = '385000 6672000 385250 6672000 385250 6672250 385000 6672250 385000 6672000';
const poly = (srs: string, posList: string) => `<gml:Polygon srsName="${srs}"><gml:exterior><gml:LinearRing><gml:posList>${posList}</gml:posList></gml:LinearRing></gml:exterior></gml:Polygon>`;

describe('GML', () => {
  it('WFS 2 member with a GML 3 Polygon/posList in EPSG:3067', async () => {
    const r = await readFeatures({ name: 'a.gml', bytes: wfs2(member('<a:nimi>Länsi</a:nimi><a:koulu_id>K1</a:koulu_id>', poly('urn:ogc:def:crs:EPSG::3067', POS_EN))) });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.format).toBe('gml');
    expect(r.value.crs).toEqual({ crs: 'EPSG:3067', source: 'declared', declared: 'urn:ogc:def:crs:EPSG::3067' });
    expect(r.value.geometries[0]).toEqual({ kind: 'polygons', polygons: [[[[385_000, 6_672_000], [385_250, 6_672_000], [385_250, 6_672_250], [385_000, 6_672_250], [385_000, 6_672_000]]]] });
    expect(textValue(r.value, 'nimi', 0)).toBe('Länsi');
    expect(r.value.featureIds).toEqual(['alue.1']);
  });

  it('northing-easting posList is swapped (warning axis-order-swapped)', async () => {
    const ne = POS_EN.split(' ').reduce<string[]>((acc, v, i, all) => (i % 2 === 0 ? [...acc, all[i + 1], v] : acc), []).join(' ');
    const r = await readFeatures({ name: 'b.gml', bytes: wfs2(member('', poly('EPSG:3067', ne))) });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const g = r.value.geometries[0];
    expect(g?.kind === 'polygons' && g.polygons[0][0][1]).toEqual([385_250, 6_672_000]);
    expect(r.warnings.map((w) => w.code)).toEqual(['axis-order-swapped']);
  });

  it('GK25 in urn form, northing first, MultiSurface: lands on 25°E', async () => {
    // x = 25 500 000 is GK25's central meridian (25°E); written northing first as GML 3 allows.
    const list = '6672000 25500000 6672000 25500250 6672250 25500250 6672250 25500000 6672000 25500000';
    const geom = `<gml:MultiSurface srsName="urn:ogc:def:crs:EPSG::3879"><gml:surfaceMember><gml:Polygon><gml:exterior><gml:LinearRing><gml:posList srsDimension="2">${list}</gml:posList></gml:LinearRing></gml:exterior></gml:Polygon></gml:surfaceMember></gml:MultiSurface>`;
    const r = await readFeatures({ name: 'c.gml', bytes: wfs2(member('', geom)) });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.crs.crs).toBe('EPSG:3879');
    const g = r.value.geometries[0];
    if (g?.kind !== 'polygons') throw new Error('polygon expected');
    expect(Math.abs(tm35ToLonLat(g.polygons[0][0][0][0], g.polygons[0][0][0][1])[0] - 25)).toBeLessThan(1e-7);
  });

  it('GML 2 featureMember with gml:coordinates, Point and the epsg.xml# srsName', async () => {
    const xml = `<wfs:FeatureCollection xmlns:wfs="http://www.opengis.net/wfs" xmlns:gml="http://www.opengis.net/gml" xmlns:k="urn:k"><gml:featureMember><k:koulu fid="koulu.7"><k:id>7</k:id><k:sijainti><gml:Point srsName="http://www.opengis.net/gml/srs/epsg.xml#3067"><gml:coordinates decimal="," cs=";" ts=" ">385000,5;6672000</gml:coordinates></gml:Point></k:sijainti></k:koulu></gml:featureMember></wfs:FeatureCollection>`;
    const r = await readFeatures({ name: 'd.gml', bytes: xml });
    expect(r.ok && r.value.geometries[0]).toEqual({ kind: 'point', point: [385_000.5, 6_672_000] });
    expect(r.ok && r.value.featureIds).toEqual(['koulu.7']);
  });

  it.each([
    ['a posList with an odd count', wfs2(member('', poly('EPSG:3067', '385000 6672000 385250'))), 'invalid-geometry'],
    ['text in a posList', wfs2(member('', poly('EPSG:3067', POS_EN.replace('385250', 'x1')))), 'invalid-geometry'],
    ['truncated XML', wfs2(member('', poly('EPSG:3067', POS_EN))).slice(0, 200), 'invalid-xml'],
    ['XML that is not a FeatureCollection', '<?xml version="1.0"?><kml><Document/></kml>', 'not-gml'],
    ['an unknown srsName', wfs2(member('', poly('EPSG:2393', POS_EN))), 'unsupported-crs'],
  ])('%s → %s', async (_, xml, code) => {
    const r = await readFeatures({ name: 'x.gml', bytes: xml });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problems[0]).toMatchObject({ code, file: 'x.gml' });
  });
});
