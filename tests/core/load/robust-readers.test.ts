/**
 * Pieces of the hardened readers on their own: checked inflate and ZIP members, code pages,
 * cell sizes of unsized grid ids, and Shapefile hole-to-shell grouping at scale.
 */
import { describe, expect, it } from 'vitest';
import { gzipSync, zipSync } from 'fflate';
import { crc32, inflateLimited, OverLimit, Corrupt } from '../../../src/core/load/decompress';
import { readEntry, zipEntries, ZipDamaged } from '../../../src/core/load/zip-archive';
import { guessCodePage, textDecoder } from '../../../src/core/load/code-pages';
import { encodingFromCpg } from '../../../src/core/load/read-dbf';
import { inferCellSize, parseGridId } from '../../../src/core/load/grid-ids';
import { groupRings } from '../../../src/core/load/read-shp';
import type { Position } from '../../../src/core/model/geometry-types';

const enc = (s: string) => new TextEncoder().encode(s);

describe('checked decompression', () => {
  it('crc32 of "123456789" is the check value 0xCBF43926', () => {
    expect(crc32(enc('123456789'))).toBe(0xcbf43926);
  });

  it('gzip: whole members read, a wrong CRC or a cut trailer is Corrupt, output over the limit is OverLimit', async () => {
    const gz = gzipSync(enc('abc'.repeat(1000)));
    expect((await inflateLimited(gz, 'gzip', 1e6)).length).toBe(3000);
    const bad = gz.slice();
    bad[bad.length - 6] ^= 1;
    await expect(inflateLimited(bad, 'gzip', 1e6)).rejects.toBeInstanceOf(Corrupt);
    await expect(inflateLimited(gz.subarray(0, gz.length - 3), 'gzip', 1e6)).rejects.toBeInstanceOf(Corrupt);
    await expect(inflateLimited(gz, 'gzip', 2999)).rejects.toBeInstanceOf(OverLimit);
  });

  it('ZIP: members read and checked against the directory', async () => {
    const z = zipSync({ 'a.txt': enc('hello'), 'b.txt': [enc('x'.repeat(500)), { level: 9 }] });
    const entries = zipEntries(z);
    expect(entries.map((e) => [e.name, e.size])).toEqual([['a.txt', 5], ['b.txt', 500]]);
    expect(new TextDecoder().decode(await readEntry(z, entries[0], 1e6))).toBe('hello');
    await expect(readEntry(z, entries[1], 499)).rejects.toBeInstanceOf(OverLimit);
    await expect(readEntry(z, { ...entries[1], size: 400 }, 1e6)).rejects.toBeInstanceOf(ZipDamaged);
    await expect(readEntry(z, { ...entries[0], crc: 1 }, 1e6)).rejects.toBeInstanceOf(ZipDamaged);
    expect(() => zipEntries(z.subarray(0, z.length - 30))).toThrow(ZipDamaged);
  });
});

describe('code pages', () => {
  it('.cpg names map to decoders; CP850 decodes Finnish letters', () => {
    expect(['UTF-8', 'CP1252', 'ANSI 1252', 'ISO-8859-1', '88591', 'ISO-8859-15', 'CP850', '850', 'IBM850'].map(encodingFromCpg)).toEqual([
      'utf-8', 'windows-1252', 'windows-1252', 'windows-1252', 'windows-1252', 'iso-8859-15', 'ibm850', 'ibm850', 'ibm850',
    ]);
    expect(encodingFromCpg('KLINGON-7')).toBeNull();
    // CP850: ä 0x84, ö 0x94, å 0x86, Ä 0x8E, Ö 0x99, Å 0x8F.
    expect(textDecoder('ibm850').decode(Uint8Array.of(0x84, 0x94, 0x86, 0x8e, 0x99, 0x8f))).toBe('äöåÄÖÅ');
  });

  it('guesses windows-1252 for 1252 letters and CP850 for CP850 letters', () => {
    expect(guessCodePage(Uint8Array.from('Hämeenlinna, Åbo', (c) => c.charCodeAt(0)))).toBe('windows-1252');
    expect(guessCodePage(Uint8Array.of(0x48, 0x84, 0x6d, 0x65, 0x8f, 0x62, 0x6f))).toBe('ibm850');
  });
});

describe('grid ids without a size', () => {
  it('the cell size is the largest standard size every corner is a multiple of, no larger than the spacing', () => {
    // Corners 250 m apart on a 250 m grid → 250; 1 km apart on multiples of 1000 → 1000.
    expect(inferCellSize([385000, 385250], [6672000, 6672000])).toBe(250);
    expect(inferCellSize([385000, 386000, 387000], [6672000, 6673000, 6672000])).toBe(1000);
    expect(inferCellSize([385000], [6672000])).toBeUndefined();
    expect(parseGridId('N6672000E385000', 250)).toEqual({ x: 385000, y: 6672000, size: 250, crs: 'EPSG:3067' });
    expect(parseGridId('N6672000E385010', 250)).toBeNull();
    expect(parseGridId('N6672000E385000')).toBeNull();
  });
});

describe('Shapefile rings', () => {
  const cw = (x: number, y: number, s: number): Position[] => [[x, y], [x, y + s], [x + s, y + s], [x + s, y], [x, y]];
  const ccw = (x: number, y: number, s: number): Position[] => cw(x, y, s).reverse();

  it('groups 30 000 rings (15 000 shells, each with a hole) quickly and correctly', () => {
    const rings: Position[][] = [];
    for (let i = 0; i < 15_000; i++) {
      const x = 300_000 + (i % 150) * 100;
      const y = 6_700_000 + Math.floor(i / 150) * 100;
      rings.push(cw(x, y, 90));
    }
    for (let i = 0; i < 15_000; i++) {
      const x = 300_000 + (i % 150) * 100;
      const y = 6_700_000 + Math.floor(i / 150) * 100;
      rings.push(ccw(x + 10, y + 10, 20));
    }
    const t0 = performance.now();
    const polygons = groupRings(rings);
    const ms = performance.now() - t0;
    expect(polygons.length).toBe(15_000);
    expect(polygons.every((p) => p.length === 2 && p[1][0][0] === p[0][0][0] + 10)).toBe(true);
    expect(ms).toBeLessThan(5000);
  });

  it('a hole goes to the smallest shell containing it; a stray hole becomes a shell', () => {
    const polygons = groupRings([cw(0, 0, 100), cw(10, 10, 50), ccw(20, 20, 10), ccw(500, 500, 10)]);
    expect(polygons.map((p) => p.length)).toEqual([1, 2, 1]);
    expect(polygons[1][1]).toEqual(ccw(20, 20, 10));
  });
});
