/**
 * Load only the features of a FlatGeobuf file whose boxes meet a bounding box, through the
 * file's spatial index: from bytes in memory, or from a URL with HTTP range requests (so a
 * national file can sit on a plain web server and a municipality loads only its part).
 */
import proj4 from 'proj4';
import type { BBox } from '../model/geometry-types';
import { fail, ok, type Problem, type Result, errorText } from '../model/result';
import { crsFromCoordinates, parseCrsName, TM35FIN, type CrsCode } from './crs';
import type { FeatureTable } from './feature-table';
import { searchTree } from './flatgeobuf-index';
import { Damaged, damagedProblem, headerCrs, parseFeature, parseHeader, readAll, type GeoJsonLike } from './read-flatgeobuf';
import { FeatureTableBuilder, type BuilderOptions, type ProgressCallback } from './table-builder';

/** Reads `length` bytes at `offset` of the file. */
type RangeRead = (offset: number, length: number) => Promise<Uint8Array>;

class HttpProblem extends Error {
  readonly problem: Problem;
  constructor(problem: Problem) {
    super(problem.message);
    this.problem = problem;
  }
}

/** Range reads over HTTP; when the server ignores Range (status 200), the whole body is kept and served from memory. */
function httpRanges(url: string, warnings: Problem[]): RangeRead {
  let whole: Uint8Array | null = null;
  return async (offset, length) => {
    if (whole) return whole.subarray(offset, offset + length);
    let res: Response;
    try {
      res = await fetch(url, { headers: { Range: `bytes=${offset}-${offset + length - 1}` } });
    } catch (e) {
      throw new HttpProblem({ code: 'fetch-failed', message: `The file could not be fetched (${errorText(e)}).`, fix: 'Check the address and the network connection; the server must allow cross-origin requests (CORS) with the Range header.', file: url });
    }
    if (res.status === 404) throw new HttpProblem({ code: 'file-not-found', message: 'The server has no file at this address (HTTP 404).', fix: 'Check the address.', file: url });
    if (res.status !== 206 && res.status !== 200) throw new HttpProblem({ code: 'fetch-failed', message: `The server answered HTTP ${res.status}.`, fix: 'Check the address and the server.', file: url });
    const body = new Uint8Array(await res.arrayBuffer());
    if (res.status === 206) return body;
    whole = body;
    warnings.push({ code: 'range-requests-unsupported', message: 'The server does not support HTTP range requests, so the whole file was downloaded.', fix: 'Serve the file from a server that supports Range requests (most static servers do) to load only the area needed.', file: url });
    return whole.subarray(offset, offset + length);
  };
}

/** The bbox (EPSG:3067) in the file's CRS: the envelope of its edges, sampled at 8 points per side. */
function rectInCrs(bbox: BBox, crs: CrsCode): BBox {
  if (crs === TM35FIN) return bbox;
  const conv = proj4(TM35FIN, crs);
  const out: BBox = [Infinity, Infinity, -Infinity, -Infinity];
  for (let k = 0; k <= 8; k++) {
    const t = k / 8;
    for (const [x, y] of [[bbox[0] + t * (bbox[2] - bbox[0]), bbox[1]], [bbox[0] + t * (bbox[2] - bbox[0]), bbox[3]], [bbox[0], bbox[1] + t * (bbox[3] - bbox[1])], [bbox[2], bbox[1] + t * (bbox[3] - bbox[1])]]) {
      const [u, v] = conv.forward([x, y]);
      out[0] = Math.min(out[0], u);
      out[1] = Math.min(out[1], v);
      out[2] = Math.max(out[2], u);
      out[3] = Math.max(out[3], v);
    }
  }
  return out;
}

export interface BBoxReadOptions extends BuilderOptions {
  /** Name for messages (default: the URL, or "data.fgb"). */
  name?: string;
}

/**
 * Read the features of a FlatGeobuf file whose bounding boxes intersect `bbox3067`
 * ([minX, minY, maxX, maxY], EPSG:3067 metres; converted to the file's CRS for the search).
 * `source` is a URL (HTTP range requests: header, then the index level by level, then the
 * features in merged ranges) or the file's bytes (searched through the index too; a file without
 * an index is scanned). Geometries come back in EPSG:3067 like every reader's.
 */
export async function readFlatGeobufBBox(source: string | Uint8Array, bbox3067: BBox, onProgress?: ProgressCallback, options: BBoxReadOptions = {}): Promise<Result<FeatureTable>> {
  const file = options.name ?? (typeof source === 'string' ? source : 'data.fgb');
  const warnings: Problem[] = [];
  const read: RangeRead = typeof source === 'string' ? httpRanges(source, warnings) : async (o, l) => source.subarray(o, o + l);
  const builder = new FeatureTableBuilder(file, 'flatgeobuf', { ...options, onProgress });
  try {
    builder.progress(0, 'reading the header');
    let head = await read(0, 16 * 1024);
    const needed = head.length >= 12 ? 12 + new DataView(head.buffer, head.byteOffset).getUint32(8, true) : 0;
    if (needed > head.length && head.length === 16 * 1024) head = await read(0, needed);
    const fileSize = typeof source === 'string' ? Number.MAX_SAFE_INTEGER : source.length;
    const { header, indexStart, indexBytes } = parseHeader(head, fileSize);
    const declared = headerCrs(header);
    const envelope = header.envelope && header.envelope.length >= 4 ? ([header.envelope[0], header.envelope[1], header.envelope[2], header.envelope[3]] as BBox) : null;
    const searchCrs = override(options.crsOverride) ?? declared.declared ?? (envelope ? crsFromCoordinates(envelope) : null) ?? TM35FIN;
    const rect = rectInCrs(bbox3067, searchCrs);
    if (indexBytes === 0) {
      if (typeof source === 'string')
        return fail({ code: 'flatgeobuf-without-index', message: 'The FlatGeobuf file has no spatial index, so its features cannot be selected by area over the network.', fix: 'Write the file with an index: `ogr2ogr -f FlatGeobuf -lco SPATIAL_INDEX=YES out.fgb in.fgb`.', file });
      readAll(source, (f) => {
        if (intersects(f, rect)) builder.add(f.geometry, f.properties as Record<string, unknown>, null);
      });
    } else {
      builder.progress(0.05, 'searching the spatial index');
      const hits = await searchTree(header.featuresCount, header.indexNodeSize, rect, (o, l) => read(indexStart + o, l));
      await readHits(read, indexStart + indexBytes, hits, header, builder);
    }
    const r = builder.finish(declared.declared, declared.text);
    return r.ok ? ok(r.value, [...r.warnings, ...warnings]) : r;
  } catch (e) {
    if (e instanceof HttpProblem) return fail(e.problem);
    return fail(damagedProblem(file, e));
  }
}

function override(text: string | null | undefined) {
  return text ? parseCrsName(/^\s*\d+\s*$/.test(text) ? Number(text) : text) : null;
}

/** Fetch the hit features in ranges of nearby ones (gaps under 64 kB are read through). */
async function readHits(read: RangeRead, featuresStart: number, hits: { item: number; offset: number; length: number | null }[], header: Parameters<typeof parseFeature>[2], builder: FeatureTableBuilder): Promise<void> {
  const GAP = 64 * 1024;
  let done = 0;
  for (let i = 0; i < hits.length; ) {
    let j = i;
    while (j + 1 < hits.length && hits[j].length !== null && hits[j + 1].offset - (hits[j].offset + hits[j].length!) < GAP) j++;
    let end: number;
    if (hits[j].length !== null) end = hits[j].offset + hits[j].length!;
    else {
      const prefix = await read(featuresStart + hits[j].offset, 4);
      if (prefix.length < 4) throw new Damaged('it ends in the middle of a feature');
      end = hits[j].offset + 4 + new DataView(prefix.buffer, prefix.byteOffset, 4).getUint32(0, true);
    }
    const chunk = await read(featuresStart + hits[i].offset, end - hits[i].offset);
    for (let k = i; k <= j; k++) {
      const f = parseFeature(chunk.subarray(hits[k].offset - hits[i].offset), hits[k].item, header);
      builder.add(f.geometry, f.properties as Record<string, unknown>, null);
    }
    done += j - i + 1;
    builder.progress(0.1 + (0.85 * done) / hits.length, `reading features ${done}/${hits.length}`);
    i = j + 1;
  }
}

function intersects(f: GeoJsonLike, rect: BBox): boolean {
  let minX = Infinity, minY = Infinity, maxX = -Infinity, maxY = -Infinity;
  const visit = (c: unknown): void => {
    if (Array.isArray(c) && typeof c[0] === 'number') {
      minX = Math.min(minX, c[0]);
      minY = Math.min(minY, c[1] as number);
      maxX = Math.max(maxX, c[0]);
      maxY = Math.max(maxY, c[1] as number);
    } else if (Array.isArray(c)) c.forEach(visit);
  };
  visit(f.geometry?.coordinates);
  return !(maxX < rect[0] || maxY < rect[1] || minX > rect[2] || minY > rect[3]);
}
