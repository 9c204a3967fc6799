import { deserialize } from 'flatgeobuf/lib/mjs/geojson.js';
import { describe, expect, it } from 'vitest';
import { encodeProperties, writeFlatGeobuf, type FgbColumn } from '../../../data/generator/fgb-writer';

const columns: FgbColumn[] = [
  { name: 'grd_id', type: 'string' },
  { name: 'he_vakiy', type: 'short' },
  { name: 'he_7_12', type: 'short' },
  { name: 'big', type: 'int' },
];

describe('fgb-writer', () => {
  it('encodes properties as uint16 column index + little-endian value', () => {
    // "ab": index 0 → 00 00, length 2 → 02 00 00 00, bytes 61 62; short -1 at index 1 → 01 00 ff ff;
    // short 300 = 0x012c at index 2 → 02 00 2c 01; int 70000 = 0x00011170 at index 3 → 03 00 70 11 01 00.
    const bytes = encodeProperties({ grd_id: 'ab', he_vakiy: -1, he_7_12: 300, big: 70000 }, columns);
    expect([...bytes]).toEqual([0, 0, 2, 0, 0, 0, 0x61, 0x62, 1, 0, 0xff, 0xff, 2, 0, 0x2c, 0x01, 3, 0, 0x70, 0x11, 0x01, 0x00]);
  });

  it('writes hand-encoded Point features that the flatgeobuf reader reads back exactly', async () => {
    const features = [0, 1, 2].map((k) => ({
      geometry: { type: 'Point' as const, coordinates: [380125 + k * 250, 6690125.5] },
      properties: { grd_id: `CRS3067RES250mN6690000E${380000 + k * 250}${'x'.repeat(k)}`, he_vakiy: k === 1 ? 7 : 1234, he_7_12: k === 1 ? -1 : 88, big: -5 - k },
    }));
    const bytes = writeFlatGeobuf(features, columns);
    // Each feature: 68 bytes of framing + properties (2+4+29+k id bytes, 3 × 2+2 or 2+4 → 47 + k),
    // rounded up to 8: k = 0 → 115 → 120, k = 1 → 116 → 120, k = 2 → 117 → 120.
    const read: { geometry: { coordinates: number[] }; properties: Record<string, unknown> }[] = [];
    let crs = 0;
    for await (const f of deserialize(bytes, { headerMetaFn: (h) => (crs = h.crs?.code ?? 0) })) read.push(f as never);
    expect(crs).toBe(3067);
    expect(read.map((f) => f.geometry.coordinates)).toEqual(features.map((f) => f.geometry.coordinates));
    expect(read.map((f) => f.properties)).toEqual(features.map((f) => f.properties));
    const single = writeFlatGeobuf([features[0]], columns);
    expect(bytes.length - single.length).toBe(120 + 120);
  });
});
