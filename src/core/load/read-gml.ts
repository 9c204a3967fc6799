/**
 * GML 2/3 FeatureCollections (WFS GetFeature exports: wfs:FeatureCollection with
 * gml:featureMember, gml:featureMembers or wfs:member) → FeatureTable in EPSG:3067.
 * Geometries: Point, MultiPoint, Polygon, Surface, MultiPolygon, MultiSurface, with
 * gml:coordinates (GML 2), gml:posList or gml:pos (GML 3). The CRS comes from srsName;
 * the axis order is checked against Finland's coordinate ranges and swapped when it is
 * northing-easting (GML 3 urn form of EPSG:3879, EPSG:4326 as latitude-longitude).
 */
import { XMLParser } from 'fast-xml-parser';
import type { Position } from '../model/geometry-types';
import { errorText, fail, type Problem, type Result } from '../model/result';
import { crsFromCoordinates, parseCrsName, WGS84, type CrsCode } from './crs';
import type { FeatureTable } from './feature-table';
import { bboxOf, FeatureTableBuilder, type BuilderOptions } from './table-builder';

type Node = Record<string, unknown>;
type Geometry = { type: 'Point'; coordinates: Position } | { type: 'MultiPoint'; coordinates: Position[] } | { type: 'MultiPolygon'; coordinates: Position[][][] } | { type: string; coordinates: [] };

class GmlError extends Error {}

const GEOMETRY_TAGS = new Set(['Point', 'MultiPoint', 'Polygon', 'Surface', 'MultiPolygon', 'MultiSurface', 'LineString', 'MultiLineString', 'MultiCurve', 'Curve']);
const asArray = <T>(v: T | T[] | undefined): T[] => (v === undefined ? [] : Array.isArray(v) ? v : [v]);

function decode(bytes: Uint8Array): string {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 200));
  const enc = /encoding\s*=\s*["']([^"']+)["']/i.exec(head)?.[1];
  try {
    return new TextDecoder(enc && !/utf-?8/i.test(enc) ? enc : 'utf-8').decode(bytes);
  } catch {
    return new TextDecoder('utf-8').decode(bytes);
  }
}

export function readGml(file: string, input: string | Uint8Array, options: BuilderOptions = {}): Result<FeatureTable> {
  const text = typeof input === 'string' ? input : decode(input);
  let doc: Node;
  const root0 = text.search(/<[A-Za-z_]/);
  if (/<!ENTITY/i.test(text.slice(0, root0 < 0 ? 100_000 : root0)))
    return fail({ code: 'invalid-xml', message: 'The XML file declares its own entities (<!ENTITY …>); they are refused because they can expand to gigabytes.', fix: 'Remove the DOCTYPE block, or download the layer again from the WFS service (real GML has no entity declarations).', file });
  try {
    const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@', removeNSPrefix: true, parseTagValue: false, trimValues: true, processEntities: true });
    doc = parser.parse(text, true) as Node;
  } catch (e) {
    return fail({ code: 'invalid-xml', message: `The file is not well-formed XML (${errorText(e)}); it may be truncated.`, fix: 'Download the WFS layer again (e.g. `ogr2ogr -f GML out.gml WFS:"…" layer`) or export it as GeoJSON.', file });
  }
  const rootName = Object.keys(doc).find((k) => !k.startsWith('?') && !k.startsWith('@'));
  const root = rootName ? (doc[rootName] as Node) : null;
  if (!root || typeof root !== 'object' || !/FeatureCollection$/.test(rootName!))
    return fail({ code: 'not-gml', message: `The XML file is not a GML/WFS FeatureCollection (its root element is <${rootName ?? '?'}>).`, fix: 'Give a WFS GetFeature response or a GML file written by QGIS/ogr2ogr (root element wfs:FeatureCollection or gml:FeatureCollection).', file });
  const features: { node: Node; name: string }[] = [];
  for (const key of ['featureMember', 'member'])
    for (const m of asArray(root[key] as Node | Node[])) for (const [name, node] of Object.entries(m ?? {})) if (!name.startsWith('@') && typeof node === 'object') features.push({ node: node as Node, name });
  for (const m of asArray(root.featureMembers as Node | Node[])) for (const [name, nodes] of Object.entries(m ?? {})) if (!name.startsWith('@')) for (const node of asArray(nodes as Node | Node[])) features.push({ node, name });

  const parsed: { geometry: Geometry | null; props: Record<string, unknown>; id: unknown; srs?: string }[] = [];
  const errors: Problem[] = [];
  features.forEach(({ node }, i) => {
    const props: Record<string, unknown> = Object.create(null);
    let geometry: Geometry | null = null;
    let srs: string | undefined;
    for (const [key, value] of Object.entries(node)) {
      if (key.startsWith('@') || key === 'boundedBy') continue;
      const geomTag = value && typeof value === 'object' ? Object.keys(value as Node).find((k) => GEOMETRY_TAGS.has(k)) : undefined;
      if (geomTag && !geometry) {
        const g = (value as Node)[geomTag] as Node;
        srs = String(g['@srsName'] ?? (value as Node)['@srsName'] ?? '') || undefined;
        try {
          geometry = readGeometry(geomTag, g, Number(g['@srsDimension'] ?? 2) || 2);
        } catch (e) {
          if (!(e instanceof GmlError)) throw e;
          errors.push({ code: 'invalid-geometry', message: `Feature ${i} has a broken ${geomTag} geometry (${e.message}).`, fix: 'Repair the geometry in a GIS or download the layer again.', file, feature: i, field: key });
        }
        continue;
      }
      props[key] = textOf(value);
    }
    parsed.push({ geometry, props, id: node['@id'] ?? node['@fid'] ?? null, srs });
  });
  if (errors.length) return fail(...errors.slice(0, 20));
  const srsText = parsed.find((f) => f.srs)?.srs ?? (findSrs(root.boundedBy) || undefined);
  const declared = srsText ? parseCrsName(srsText) : null;
  if (srsText && !declared && !options.crsOverride)
    return fail({ code: 'unsupported-crs', message: `The GML declares srsName ${JSON.stringify(srsText)}, which is not a CRS this tool knows.`, fix: 'Request the layer in EPSG:3067 (WFS srsName=EPSG:3067) or EPSG:3879, or override the CRS.', file });
  const builder = new FeatureTableBuilder(file, 'gml', options);
  if (swapAxes(parsed.map((f) => f.geometry), options.crsOverride ? parseCrsName(options.crsOverride) : declared))
    builder.warn({ code: 'axis-order-swapped', message: `The coordinates were in northing-easting (latitude-longitude) order, as GML 3 allows for ${srsText ?? 'this CRS'}; they were swapped to easting-northing.`, fix: 'None needed; check that the areas land in the right place on the map.', file });
  for (const f of parsed) builder.add(f.geometry, f.props, f.id);
  return builder.finish(declared, srsText);
}

function textOf(value: unknown): unknown {
  if (value === null || value === undefined || value === '') return null;
  if (typeof value !== 'object') return value;
  const t = (value as Node)['#text'];
  return t === undefined ? null : t;
}

function findSrs(node: unknown): string {
  if (!node || typeof node !== 'object') return '';
  const n = node as Node;
  if (typeof n['@srsName'] === 'string') return n['@srsName'];
  for (const v of Object.values(n)) {
    const s = findSrs(v);
    if (s) return s;
  }
  return '';
}

function readGeometry(tag: string, g: Node, dim: number): Geometry {
  switch (tag) {
    case 'Point':
      return { type: 'Point', coordinates: positions(g, dim)[0] ?? fail1('a Point without coordinates') };
    case 'MultiPoint':
      return { type: 'MultiPoint', coordinates: members(g, ['pointMember', 'pointMembers'], 'Point').map((p) => positions(p, dim)[0]) };
    case 'Polygon':
    case 'Surface':
      return { type: 'MultiPolygon', coordinates: [polygon(tag === 'Surface' ? surfacePatch(g) : g, dim)] };
    case 'MultiPolygon':
      return { type: 'MultiPolygon', coordinates: members(g, ['polygonMember'], 'Polygon').map((p) => polygon(p, dim)) };
    case 'MultiSurface':
      return { type: 'MultiPolygon', coordinates: [...members(g, ['surfaceMember', 'surfaceMembers'], 'Polygon').map((p) => polygon(p, dim)), ...members(g, ['surfaceMember', 'surfaceMembers'], 'Surface').map((s) => polygon(surfacePatch(s), dim))] };
    default:
      return { type: tag, coordinates: [] };
  }
}

function fail1(message: string): never {
  throw new GmlError(message);
}

function members(g: Node, keys: string[], tag: string): Node[] {
  const out: Node[] = [];
  for (const k of keys) for (const m of asArray(g[k] as Node | Node[])) out.push(...asArray((m as Node)?.[tag] as Node | Node[]));
  return out;
}

function surfacePatch(s: Node): Node {
  const patch = asArray(((s.patches as Node | undefined)?.PolygonPatch as Node | Node[]) ?? [])[0];
  return patch ?? fail1('a Surface without a PolygonPatch');
}

function polygon(p: Node, dim: number): Position[][] {
  const outer = (p.exterior ?? p.outerBoundaryIs) as Node | undefined;
  if (!outer) fail1('a Polygon without an exterior ring');
  const rings = [ring(outer, dim)];
  for (const inner of asArray((p.interior ?? p.innerBoundaryIs) as Node | Node[])) rings.push(ring(inner, dim));
  return rings;
}

function ring(boundary: Node, dim: number): Position[] {
  const lr = (boundary.LinearRing ?? boundary.Ring) as Node | undefined;
  if (!lr) fail1('a boundary without a LinearRing');
  return positions(lr, Number(lr['@srsDimension'] ?? dim) || dim);
}

/** Positions of gml:posList, gml:pos (one or several) or gml:coordinates (GML 2, with cs/ts/decimal). */
function positions(n: Node, dim: number): Position[] {
  const text = (v: unknown) => String(typeof v === 'object' && v !== null ? ((v as Node)['#text'] ?? '') : (v ?? ''));
  if (n.posList !== undefined) {
    const pl = n.posList as Node;
    return tuples(text(pl).trim().split(/\s+/), Number((typeof pl === 'object' && pl['@srsDimension']) || dim));
  }
  if (n.pos !== undefined) return asArray(n.pos).map((p) => tuples(text(p).trim().split(/\s+/), dim)[0]);
  if (n.coordinates !== undefined) {
    const c = n.coordinates as Node;
    const cs = String((typeof c === 'object' && c['@cs']) || ',');
    const ts = String((typeof c === 'object' && c['@ts']) || ' ');
    const dec = String((typeof c === 'object' && c['@decimal']) || '.');
    const tupleList = text(c).trim().split(ts === ' ' ? /\s+/ : ts).filter((t) => t !== '');
    return tupleList.map((t) => {
      const parts = t.split(cs).map((v) => Number(dec === '.' ? v : v.split(dec).join('.')));
      if (parts.length < 2 || !parts.every(Number.isFinite)) fail1(`the coordinate tuple ${JSON.stringify(t)} is not numbers`);
      return [parts[0], parts[1]] as Position;
    });
  }
  return fail1('no gml:posList, gml:pos or gml:coordinates');
}

function tuples(values: string[], dim: number): Position[] {
  if (values.length === 0 || values[0] === '') fail1('an empty coordinate list');
  if (values.length % dim !== 0) fail1(`a coordinate list of ${values.length} numbers is not a multiple of the dimension ${dim}`);
  const out: Position[] = [];
  for (let i = 0; i < values.length; i += dim) {
    const x = Number(values[i]);
    const y = Number(values[i + 1]);
    if (!Number.isFinite(x) || !Number.isFinite(y)) fail1(`${JSON.stringify(values[Number.isFinite(x) ? i + 1 : i])} is not a number`);
    out.push([x, y]);
  }
  return out;
}

/** Finland-sized test for northing-easting order: swap when the swapped coordinates match the CRS (or a Finnish CRS) and the given ones do not. */
function swapAxes(geometries: (Geometry | null)[], crs: CrsCode | null): boolean {
  const all: Position[] = [];
  const visit = (c: unknown): void => {
    if (Array.isArray(c) && typeof c[0] === 'number') all.push(c as Position);
    else if (Array.isArray(c)) c.forEach(visit);
  };
  for (const g of geometries) if (g) visit(g.coordinates);
  const box = bboxOf(all);
  if (!box) return false;
  const swapped: typeof box = [box[1], box[0], box[3], box[2]];
  const fits = (b: typeof box) => {
    const like = crsFromCoordinates(b);
    if (like === WGS84) return b[0] >= 15 && b[2] <= 35 && b[1] >= 58 && b[3] <= 72 && (!crs || crs === WGS84);
    return like !== null && (!crs || like === crs);
  };
  if (fits(box) || !fits(swapped)) return false;
  for (const p of all) [p[0], p[1]] = [p[1], p[0]];
  return true;
}
