/**
 * A stable content hash of a dataset, recorded in scenario files so that importing a scenario
 * onto different data can be detected. Pure and synchronous (runs in Node and in a Web Worker
 * without the DOM): FNV-1a 64-bit over a canonical byte stream of
 * - units: kind, ids, grid spec and cell col/row (grid) or polygon coordinates (polygons),
 *   attribute names (sorted) and their columns (float64, every NaN canonicalised);
 * - schools: id, name, language, grades, capacity, location (EPSG:3067 metres);
 * - networks: id, language, level, schoolIds;
 * - baseline partitions: every catchment coordinate (EPSG:3067 metres).
 * Display-only fields (dataset name, source, labels, boundary, water) are left out, so
 * renaming a dataset does not change its hash. Numbers are hashed as IEEE-754 little-endian bytes.
 */
import type { Dataset } from '../model/dataset';
import type { MultiPolygon } from '../model/geometry-types';

/** Incremental FNV-1a 64 on four 16-bit limbs (no BigInt: fast and exact). */
export class Fnv1a64 {
  private h0 = 0x2325;
  private h1 = 0x8422;
  private h2 = 0x9ce4;
  private h3 = 0xcbf2;

  /** Feeds bytes. */
  bytes(data: Uint8Array): this {
    let h0 = this.h0;
    let h1 = this.h1;
    let h2 = this.h2;
    let h3 = this.h3;
    for (let i = 0; i < data.length; i++) {
      h0 ^= data[i];
      // h × prime, prime = 2^40 + 0x1b3: the 2^40 term shifts limbs 0 and 1 into limbs 2 and 3 by 8 bits.
      const t0 = h0 * 0x1b3;
      const t1 = h1 * 0x1b3 + (t0 >>> 16);
      const t2 = h2 * 0x1b3 + (h0 << 8) + (t1 >>> 16);
      const t3 = h3 * 0x1b3 + (h1 << 8) + (t2 >>> 16);
      h0 = t0 & 0xffff;
      h1 = t1 & 0xffff;
      h2 = t2 & 0xffff;
      h3 = t3 & 0xffff;
    }
    this.h0 = h0;
    this.h1 = h1;
    this.h2 = h2;
    this.h3 = h3;
    return this;
  }

  /** Feeds a string as its UTF-8 bytes preceded by its byte length (so "ab","c" ≠ "a","bc"). */
  string(s: string): this {
    const b = UTF8.encode(s);
    this.number(b.length);
    return this.bytes(b);
  }

  /** Feeds one number as float64 (NaN canonicalised). */
  number(x: number): this {
    SCRATCH[0] = Number.isNaN(x) ? NaN : x === 0 ? 0 : x;
    return this.bytes(littleEndian(SCRATCH_BYTES));
  }

  /** Feeds a column of numbers as float64 (NaN canonicalised, −0 → 0). */
  numbers(values: ArrayLike<number>): this {
    // A plain loop: Float64Array.from with a mapping function was most of the hash's time.
    const n = values.length;
    const copy = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      const x = values[i];
      copy[i] = x !== x ? NaN : x === 0 ? 0 : x;
    }
    return this.bytes(littleEndian(new Uint8Array(copy.buffer)));
  }

  /** The hash as 16 lower-case hex digits. */
  hex(): string {
    return [this.h3, this.h2, this.h1, this.h0].map((h) => h.toString(16).padStart(4, '0')).join('');
  }
}

const UTF8 = new TextEncoder();
const SCRATCH = new Float64Array(1);
const SCRATCH_BYTES = new Uint8Array(SCRATCH.buffer);
const IS_LITTLE_ENDIAN = new Uint8Array(new Float64Array([1]).buffer)[7] === 0x3f;

/** Float64 bytes in little-endian order whatever the platform (copies only on big-endian hosts). */
function littleEndian(bytes: Uint8Array): Uint8Array {
  if (IS_LITTLE_ENDIAN) return bytes;
  const out = new Uint8Array(bytes.length);
  for (let i = 0; i < bytes.length; i += 8) for (let k = 0; k < 8; k++) out[i + k] = bytes[i + 7 - k];
  return out;
}

/** FNV-1a 64 of a string's UTF-8 bytes (no length prefix), 16 hex digits. */
export function fnv1a64(text: string): string {
  return new Fnv1a64().bytes(UTF8.encode(text)).hex();
}

function hashMultiPolygon(h: Fnv1a64, mp: MultiPolygon): void {
  h.number(mp.length);
  for (const polygon of mp) {
    h.number(polygon.length);
    for (const ring of polygon) {
      h.number(ring.length);
      h.numbers(ring.flat());
    }
  }
}

/**
 * Stable content hash of `dataset` (see the module comment for what it covers): 16 hex digits.
 * Equal data give equal hashes on every platform; any change to a count, an id, a school or a
 * baseline catchment coordinate changes it.
 */
export function datasetHash(dataset: Dataset): string {
  const h = new Fnv1a64();
  const u = dataset.units;
  h.string('units').string(u.kind).number(u.count);
  for (const id of u.ids) h.string(id);
  if (u.kind === 'grid') {
    const g = u.grid;
    h.numbers([g.originX, g.originY, g.cellSize, g.cols, g.rows]).numbers(u.col).numbers(u.row);
  } else {
    for (const mp of u.geometries) hashMultiPolygon(h, mp);
  }
  const names = Object.keys(u.attributes.columns).sort();
  for (const name of names) h.string(name).numbers(u.attributes.columns[name]);
  h.string('schools').number(dataset.schools.length);
  for (const s of dataset.schools) {
    h.string(s.id).string(s.name).string(s.language).string(s.grades).number(s.capacity ?? NaN).numbers(s.location);
  }
  h.string('networks').number(dataset.networks.length);
  for (const n of dataset.networks) {
    h.string(n.id).string(n.language).string(n.level).number(n.schoolIds.length);
    for (const id of n.schoolIds) h.string(id);
  }
  const partitionIds = Object.keys(dataset.partitions).sort();
  h.string('partitions').number(partitionIds.length);
  for (const id of partitionIds) {
    const p = dataset.partitions[id];
    h.string(id).number(p.catchments.length);
    for (const mp of p.catchments) hashMultiPolygon(h, mp);
  }
  return h.hex();
}
