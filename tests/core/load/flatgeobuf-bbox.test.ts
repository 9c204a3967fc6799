/**
 * Bounding-box loading of FlatGeobuf through its spatial index: from bytes, and over HTTP range
 * requests against a local node:http server on 127.0.0.1 (no outside network).
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Feature } from 'geojson';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { levelBounds } from '../../../src/core/load/flatgeobuf-index';
import { readFeatures } from '../../../src/core/load/read-features';
import { readFlatGeobufBBox } from '../../../src/core/load/read-flatgeobuf-bbox';
import { writeFlatGeobuf } from '../../../src/core/load/write-flatgeobuf';
import { square } from './load-helpers';

// A 40 × 30 grid of 250 m cells from (380 000, 6 670 000): 1 200 features, cell (i, j) has id i + 40 j.
const COLS = 40;
const ROWS = 30;
const X0 = 380_000;
const Y0 = 6_670_000;
const cells: Feature[] = [];
for (let j = 0; j < ROWS; j++)
  for (let i = 0; i < COLS; i++) cells.push({ type: 'Feature', properties: { n: i + COLS * j }, geometry: { type: 'Polygon', coordinates: square(X0 + 250 * i, Y0 + 250 * j, 250) } });
const indexed = writeFlatGeobuf(cells, { spatialIndex: true });
const plain = writeFlatGeobuf(cells);

// bbox x 381 100…381 600, y 6 671 100…6 671 400 touches cells i = 4…6 (1 000…1 750 covers 1 100…1 600)
// and j = 4…5 (1 000…1 500 covers 1 100…1 400): 3 × 2 = 6 cells, ids i + 40 j.
const BBOX: [number, number, number, number] = [381_100, 6_671_100, 381_600, 6_671_400];
const EXPECTED = [164, 165, 166, 204, 205, 206];
const ids = (t: { columns: Record<string, { numbers: Float64Array }> }) => [...t.columns.n.numbers].sort((a, b) => a - b);

describe('FlatGeobuf spatial index', () => {
  it('levels: 1 200 items with node size 16 → 1 200 + 75 + 5 + 1 nodes, root first', () => {
    // ceil(1200/16) = 75, ceil(75/16) = 5, ceil(5/16) = 1 → 1 281 nodes.
    expect(levelBounds(1200, 16)).toEqual([[81, 1281], [6, 81], [1, 6], [0, 1]]);
  });

  it('an indexed file still reads in full (all 1 200 features)', async () => {
    const r = await readFeatures({ name: 'i.fgb', bytes: indexed });
    expect(r.ok && r.value.count).toBe(1200);
  });

  it('bytes: only the 6 cells touching the bbox, from the index', async () => {
    const progress: number[] = [];
    const r = await readFlatGeobufBBox(indexed, BBOX, (f) => progress.push(f));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(ids(r.value)).toEqual(EXPECTED);
    expect(r.value.crs.crs).toBe('EPSG:3067');
    expect(progress.length).toBeGreaterThan(1);
    expect(progress.every((f, i) => f >= 0 && f <= 1 && (i === 0 || f >= progress[i - 1]))).toBe(true);
  });

  it('bytes without an index: the same 6 cells by scanning', async () => {
    const r = await readFlatGeobufBBox(plain, BBOX);
    expect(r.ok && ids(r.value)).toEqual(EXPECTED);
  });

  it('a GK25 file is searched with the bbox converted to GK25', async () => {
    // One 250 m GK25 cell around (25 496 000, 6 672 000) and one 20 km east of it.
    const gk = writeFlatGeobuf(
      [
        { type: 'Feature', properties: { n: 1 }, geometry: { type: 'Polygon', coordinates: square(25_496_000, 6_672_000, 250) } },
        { type: 'Feature', properties: { n: 2 }, geometry: { type: 'Polygon', coordinates: square(25_516_000, 6_672_000, 250) } },
      ],
      { crsCode: 3879, spatialIndex: true },
    );
    const all = await readFeatures({ name: 'gk.fgb', bytes: gk });
    if (!all.ok || all.value.geometries[0]?.kind !== 'polygons') throw new Error('setup');
    const [x, y] = all.value.geometries[0].polygons[0][0][0];
    const r = await readFlatGeobufBBox(gk, [x - 10, y - 10, x + 10, y + 10]);
    expect(r.ok && ids(r.value)).toEqual([1]);
  });

  describe('over HTTP with Range', () => {
    let server: Server;
    let base = '';
    const ranges: string[] = [];
    beforeAll(async () => {
      server = createServer((req, res) => {
        const body = req.url === '/plain.fgb' ? plain : indexed;
        const m = /bytes=(\d+)-(\d+)/.exec(req.headers.range ?? '');
        if (req.url === '/missing.fgb') return void res.writeHead(404).end();
        if (!m || req.url === '/norange.fgb') return void res.writeHead(200, { 'Content-Length': body.length }).end(body);
        ranges.push(req.headers.range!);
        const start = Number(m[1]);
        const end = Math.min(Number(m[2]), body.length - 1);
        res.writeHead(206, { 'Content-Range': `bytes ${start}-${end}/${body.length}`, 'Content-Length': end - start + 1 });
        res.end(body.subarray(start, end + 1));
      });
      await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
      base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    });
    afterAll(() => new Promise<void>((done) => server.close(() => done())));

    it('reads the 6 cells with a few range requests, far fewer bytes than the file', async () => {
      ranges.length = 0;
      const r = await readFlatGeobufBBox(`${base}/data.fgb`, BBOX);
      expect(r.ok).toBe(true);
      if (!r.ok) return;
      expect(ids(r.value)).toEqual(EXPECTED);
      const fetched = ranges.map((h) => /bytes=(\d+)-(\d+)/.exec(h)!).reduce((a, m) => a + Number(m[2]) - Number(m[1]) + 1, 0);
      expect(ranges.length).toBeLessThan(12);
      expect(fetched).toBeLessThan(indexed.length / 2);
    });

    it('a server without Range support: the whole file, the same cells, warning range-requests-unsupported', async () => {
      const r = await readFlatGeobufBBox(`${base}/norange.fgb`, BBOX);
      expect(r.ok && ids(r.value)).toEqual(EXPECTED);
      expect(r.ok && r.warnings.map((w) => w.code)).toEqual(['range-requests-unsupported']);
    });

    it('errors: no index over HTTP, 404', async () => {
      const a = await readFlatGeobufBBox(`${base}/plain.fgb`, BBOX);
      expect(!a.ok && a.problems[0].code).toBe('flatgeobuf-without-index');
      const b = await readFlatGeobufBBox(`${base}/missing.fgb`, BBOX);
      expect(!b.ok && b.problems[0].code).toBe('file-not-found');
    });
  });
});
