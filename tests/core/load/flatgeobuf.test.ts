import fc from 'fast-check';
import type { Feature } from 'geojson';
import { describe, expect, it } from 'vitest';
import { readFeatures, sniffFormat } from '../../../src/core/load/read-features';
import { readFlatGeobuf } from '../../../src/core/load/read-flatgeobuf';
import { writeFlatGeobuf } from '../../../src/core/load/write-flatgeobuf';
import { square } from './load-helpers';

const FEATURES: Feature[] = [
  { type: 'Feature', properties: { id: 'A', name: 'Länsikoulu', capacity: 100, share: null }, geometry: { type: 'Point', coordinates: [385250, 6672500] } },
  { type: 'Feature', properties: { id: 'B', name: 'Itäkoulu', capacity: null, share: 0.25 }, geometry: { type: 'Point', coordinates: [385750, 6672500] } },
];

describe('FlatGeobuf', () => {
  it('round-trips points, properties (nulls kept as missing) and the CRS in the header', async () => {
    const bytes = writeFlatGeobuf(FEATURES);
    expect(sniffFormat(bytes)).toBe('flatgeobuf');
    const r = await readFlatGeobuf('s.fgb', bytes);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const t = r.value;
    expect(t.crs).toEqual({ crs: 'EPSG:3067', source: 'declared', declared: 'EPSG:3067' });
    expect(t.geometries).toEqual([{ kind: 'point', point: [385250, 6672500] }, { kind: 'point', point: [385750, 6672500] }]);
    expect(t.columns.name.texts).toEqual(['Länsikoulu', 'Itäkoulu']);
    expect([...t.columns.capacity.numbers]).toEqual([100, NaN]);
    // "share" is null in the first feature: the column type comes from all features (Double), not the first.
    expect([...t.columns.share.numbers]).toEqual([NaN, 0.25]);
  });

  it('writes mixed Polygon/MultiPolygon and a GK25 CRS code, read back in EPSG:3067', async () => {
    const gk: Feature[] = [
      { type: 'Feature', properties: { k: 1 }, geometry: { type: 'Polygon', coordinates: square(25_496_000, 6_672_000, 250) } },
      { type: 'Feature', properties: { k: 2 }, geometry: { type: 'MultiPolygon', coordinates: [square(25_497_000, 6_672_000, 250), square(25_498_000, 6_672_000, 250)] } },
    ];
    const r = await readFlatGeobuf('gk.fgb', writeFlatGeobuf(gk, { crsCode: 3879 }));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.crs.crs).toBe('EPSG:3879');
    const g = r.value.geometries[1];
    expect(g?.kind === 'polygons' && g.polygons.length).toBe(2);
    // GK25 easting 25 496 000 is 4 km west of 25° E; in TM35FIN (central meridian 27° E) x is about 385 km.
    expect(r.value.bbox![0]).toBeGreaterThan(380_000);
    expect(r.value.bbox![0]).toBeLessThan(390_000);
  });

  it('truncated files are a problem, not a crash', async () => {
    const bytes = writeFlatGeobuf(FEATURES);
    for (const cut of [12, 40, bytes.length - 10]) {
      const r = await readFeatures({ name: 'cut.fgb', bytes: bytes.subarray(0, cut) });
      expect(!r.ok && r.problems[0].code).toBe('invalid-flatgeobuf');
    }
  });

  it('random bytes after the magic never hang or throw', async () => {
    const magic = [0x66, 0x67, 0x62, 0x03, 0x66, 0x67, 0x62, 0x00];
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ minLength: 0, maxLength: 300 }), async (tail) => {
        const r = await readFeatures({ name: 'x.fgb', bytes: Uint8Array.from([...magic, ...tail]) });
        return r.ok || r.problems.length > 0;
      }),
      { numRuns: 300 },
    );
  });

  it('a valid header followed by flipped bytes is reported or read, never thrown', async () => {
    const good = writeFlatGeobuf(FEATURES);
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 8, max: good.length - 1 }), fc.integer({ min: 0, max: 255 }), async (i, v) => {
        const bytes = good.slice();
        bytes[i] = v;
        const r = await readFeatures({ name: 'x.fgb', bytes });
        return r.ok || r.problems.length > 0;
      }),
      { numRuns: 300 },
    );
  });
});
