import { readFileSync } from 'node:fs';
import { gzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { readFeatures } from '../../../src/core/load/read-features';

const TINY_UNITS = 'tests/fixtures/tiny-city/units.geojson';

describe('gzipped input', () => {
  it('reads a gzipped file exactly as the uncompressed one', async () => {
    const raw = new Uint8Array(readFileSync(TINY_UNITS));
    const plain = await readFeatures({ name: 'units.geojson', bytes: raw });
    const zipped = await readFeatures({ name: 'units.geojson.gz', bytes: gzipSync(raw, { mtime: 0 }) });
    expect(plain.ok && zipped.ok).toBe(true);
    if (!plain.ok || !zipped.ok) return;
    // Tiny City: 4 × 4 cells; he_7_12 = 10 + 5c, so each row sums to 10 + 15 + 20 + 25 = 70 and the grid to 280.
    expect(zipped.value.count).toBe(16);
    const sum = (t: typeof plain.value) => Array.from(t.columns.he_7_12.numbers).reduce((a, b) => a + b, 0);
    expect(sum(zipped.value)).toBe(280);
    expect(sum(plain.value)).toBe(280);
  });

  it('names a damaged gzip file', async () => {
    const broken = gzipSync(new Uint8Array(readFileSync(TINY_UNITS))).slice(0, 40);
    const r = await readFeatures({ name: 'units.geojson.gz', bytes: broken });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problems[0]).toMatchObject({ code: 'invalid-gzip', file: 'units.geojson.gz' });
  });
});
