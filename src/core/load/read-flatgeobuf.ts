/**
 * FlatGeobuf bytes → FeatureTable in EPSG:3067. The reading loop is flatgeobuf's own
 * (header, optional index, size-prefixed features) with bounds checks added: the library's
 * loop trusts the header, and damaged files can make it run forever (calcTreeSize(0, n)
 * never ends) or read far past the end of the data.
 */
import { ByteBuffer } from 'flatbuffers';
import { Feature } from 'flatgeobuf/lib/mjs/flat-geobuf/feature.js';
import type { Geometry } from 'flatgeobuf/lib/mjs/flat-geobuf/geometry.js';
import { Header } from 'flatgeobuf/lib/mjs/flat-geobuf/header.js';
import { fromFeature } from 'flatgeobuf/lib/mjs/geojson/feature.js';
import { fromByteBuffer, type HeaderMeta } from 'flatgeobuf/lib/mjs/header-meta.js';
import { calcTreeSize } from 'flatgeobuf/lib/mjs/packedrtree.js';
import { fail, type Result, errorText } from '../model/result';
import { crsFromWkt, parseCrsName, type CrsCode } from './crs';
import type { FeatureTable } from './feature-table';
import { FeatureTableBuilder, type BuilderOptions } from './table-builder';

/** The magic bytes every FlatGeobuf file starts with: "fgb", a version byte, "fgb", 0. */
export function isFlatGeobuf(bytes: Uint8Array): boolean {
  return bytes.length >= 3 && bytes[0] === 0x66 && bytes[1] === 0x67 && bytes[2] === 0x62;
}

/** A damaged FlatGeobuf file (message says what is wrong). */
export class Damaged extends Error {}

/**
 * Read a FlatGeobuf file. The CRS comes from the header (EPSG code, else WKT); when the
 * header has none, from the coordinate ranges.
 */
export async function readFlatGeobuf(file: string, bytes: Uint8Array, options: BuilderOptions = {}): Promise<Result<FeatureTable>> {
  const builder = new FeatureTableBuilder(file, 'flatgeobuf', options);
  let header: HeaderMeta;
  try {
    header = readAll(bytes, (f) => builder.add(f.geometry, f.properties as Record<string, unknown> | undefined, null));
  } catch (e) {
    return fail(damagedProblem(file, e));
  }
  const { declared, text } = headerCrs(header);
  return builder.finish(declared, text);
}

/** The problem for a damaged file (a Damaged error or anything the flatbuffers code threw). */
export function damagedProblem(file: string, e: unknown) {
  return {
    code: 'invalid-flatgeobuf',
    message: `The file is not a readable FlatGeobuf file (${e instanceof Damaged ? e.message : `its contents are damaged${e instanceof Error ? '' : `: ${errorText(e)}`}`}).`,
    fix: 'Export the layer again as FlatGeobuf (QGIS "Save Features As… → FlatGeobuf", or `ogr2ogr -f FlatGeobuf out.fgb in.gpkg`).',
    file,
  };
}

export type GeoJsonLike = { geometry: { type: string; coordinates: unknown } | null; properties?: unknown };

/**
 * Parse the header from the first bytes of a file (`bytes` may be just a prefix): the header and
 * the byte offset where the index (or, without an index, the features) starts. `fileSize` bounds the index.
 */
export function parseHeader(bytes: Uint8Array, fileSize = bytes.length): { header: HeaderMeta; indexStart: number; indexBytes: number } {
  if (bytes.length < 12 || !isFlatGeobuf(bytes) || bytes[4] !== 0x66 || bytes[5] !== 0x67 || bytes[6] !== 0x62) throw new Damaged('it does not start with the FlatGeobuf magic bytes');
  const bb = new ByteBuffer(bytes);
  const headerLength = bb.readUint32(8);
  if (12 + headerLength > bytes.length) throw new Damaged(`the header claims ${headerLength} bytes but the file has ${bytes.length}`);
  bb.setPosition(8);
  const header = decoding('the header (field list, CRS or extent) is damaged', () => {
    const raw = Header.getSizePrefixedRootAsHeader(bb);
    if (raw.columnsLength() * 4 > headerLength || raw.envelopeLength() * 8 > headerLength) throw new Damaged('the header is damaged');
    bb.setPosition(8); // reading the root moved the position past the size prefix
    return fromByteBuffer(bb);
  });
  const count = header.featuresCount;
  let indexBytes = 0;
  if (header.indexNodeSize > 0 && count > 0) {
    if (header.indexNodeSize < 2 || count > fileSize / 8) throw new Damaged('the spatial index header is damaged');
    indexBytes = calcTreeSize(count, header.indexNodeSize);
  }
  return { header, indexStart: 12 + headerLength, indexBytes };
}

/** Parse one size-prefixed feature (`bytes` starts at its 4-byte length) with bounds checks. */
export function parseFeature(bytes: Uint8Array, id: number, header: HeaderMeta): GeoJsonLike {
  if (bytes.length < 4) throw new Damaged('it ends in the middle of a feature');
  const length = new DataView(bytes.buffer, bytes.byteOffset, 4).getUint32(0, true);
  if (4 + length > bytes.length) throw new Damaged(`feature ${id} claims ${length} bytes beyond the end of the file (truncated?)`);
  const count = header.featuresCount > 0 ? ` of ${header.featuresCount}` : '';
  return decoding(`feature ${id}${count} (counting from 0) is damaged: its geometry or properties cannot be decoded`, () => {
    const fb = new ByteBuffer(bytes.subarray(0, 4 + length));
    const feature = Feature.getSizePrefixedRootAsFeature(fb);
    const g = feature.geometry();
    if (g) checkGeometry(g, length, 0, id);
    if (feature.propertiesLength() > length) throw new Damaged(`feature ${id} has damaged properties`);
    return fromFeature(id, feature, header) as unknown as GeoJsonLike;
  });
}

/**
 * Runs a decoding step of the flatgeobuf library. Damaged bytes make that code fail with a
 * JavaScript error ("Cannot read properties of null …"), which means nothing to the user: it
 * becomes a Damaged error that says which part of the file could not be decoded.
 */
function decoding<T>(what: string, step: () => T): T {
  try {
    return step();
  } catch (e) {
    if (e instanceof Damaged) throw e;
    throw new Damaged(what);
  }
}

/** Read every feature in file order; returns the header. */
export function readAll(bytes: Uint8Array, onFeature: (f: GeoJsonLike) => void): HeaderMeta {
  const { header, indexStart, indexBytes } = parseHeader(bytes);
  const count = header.featuresCount;
  const bb = new ByteBuffer(bytes);
  let offset = indexStart + indexBytes;
  let id = 0;
  while (offset < bytes.length) {
    if (offset + 4 > bytes.length) throw new Damaged('it ends in the middle of a feature');
    const length = bb.readUint32(offset);
    onFeature(parseFeature(bytes.subarray(offset), id, header));
    offset += 4 + length;
    id++;
  }
  if (count > 0 && id !== count) throw new Damaged(`the header announces ${count} features but ${id} were found`);
  return header;
}

function checkGeometry(g: Geometry, limit: number, depth: number, id: number): void {
  if (depth > 8 || g.xyLength() * 8 > limit || g.endsLength() * 4 > limit || g.zLength() * 8 > limit || g.mLength() * 8 > limit || g.partsLength() * 4 > limit)
    throw new Damaged(`the geometry of feature ${id} is damaged`);
  for (let i = 0; i < g.partsLength(); i++) {
    const part = g.parts(i);
    if (part) checkGeometry(part, limit, depth + 1, id);
  }
}

/** The CRS declared in the header (EPSG code, code string or WKT). */
export function headerCrs(header: HeaderMeta): { declared: CrsCode | null; text?: string } {
  const crs = header.crs;
  if (!crs) return { declared: null };
  if (crs.code && (!crs.org || /^EPSG$/i.test(crs.org))) return { declared: parseCrsName(crs.code), text: `EPSG:${crs.code}` };
  if (crs.code_string) {
    const parsed = parseCrsName(crs.code_string);
    if (parsed) return { declared: parsed, text: crs.code_string };
  }
  if (crs.wkt) return { declared: crsFromWkt(crs.wkt), text: crs.name ?? undefined };
  return { declared: null };
}
