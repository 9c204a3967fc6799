/**
 * The harness's own pure parts, on inputs built by hand: the PNG decoder (every scanline
 * filter, palette + transparency) and the pixel statistics. No browser needed.
 */
import { deflateSync } from 'node:zlib';
import { describe, expect, test } from 'vitest';
import { appUrl } from './harness/app-page';
import { artifactName } from './harness/artifacts';
import { planBrushStroke } from './harness/brush-path';
import { percentile, summariseFrames } from './harness/frame-stats';
import { decodePng, type RgbaImage } from './harness/png-decode';
import { colourStats, countDifferent, pixelAt } from './harness/pixel-stats';

/** Assembles a PNG from IHDR fields and already-filtered scanlines (CRCs left 0: the decoder ignores them). */
function png(width: number, height: number, colourType: number, rows: number[][], extra: [string, number[]][] = []): Uint8Array {
  const chunk = (type: string, body: Uint8Array) => {
    const head = Buffer.alloc(8);
    head.writeUInt32BE(body.length, 0);
    head.write(type, 4, 'latin1');
    return Buffer.concat([head, body, Buffer.alloc(4)]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = colourType;
  const parts = [Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]), chunk('IHDR', ihdr)];
  for (const [type, body] of extra) parts.push(chunk(type, Uint8Array.from(body)));
  parts.push(chunk('IDAT', deflateSync(Uint8Array.from(rows.flat()))), chunk('IEND', new Uint8Array(0)));
  return new Uint8Array(Buffer.concat(parts));
}

describe('decodePng', () => {
  test('undoes all five scanline filters of an RGB image', () => {
    // Target pixels (2 × 4, RGB):
    //   row 0: (10,20,30)   (40,50,60)      filter 1 Sub:   10,20,30 | 40−10, 50−20, 60−30 = 30,30,30
    //   row 1: (70,80,90)   (100,110,120)   filter 4 Paeth: pixel 0: a=0,c=0,b=(10,20,30) → p=b → pred b → 60,60,60
    //                                          pixel 1: a=(70,80,90) b=(40,50,60) c=(10,20,30), p=a+b−c=(100,110,120),
    //                                          |p−a|=30 < |p−b|=60 < |p−c|=90 → pred a → 30,30,30
    //   row 2: (100,100,100) (200,200,200)  filter 3 Average: pixel 0: ⌊(0+70)/2⌋=35, ⌊80/2⌋=40, ⌊90/2⌋=45 → 65,60,55
    //                                          pixel 1: ⌊(100+100)/2⌋=100, ⌊(100+110)/2⌋=105, ⌊(100+120)/2⌋=110 → 100,95,90
    //   row 3: (0,0,0)      (255,255,255)   filter 2 Up: (0−100) mod 256 = 156 ×3 | 255−200 = 55 ×3
    // plus a row 4 with filter 0 None: (1,2,3) (4,5,6).
    const bytes = png(2, 5, 2, [
      [1, 10, 20, 30, 30, 30, 30],
      [4, 60, 60, 60, 30, 30, 30],
      [3, 65, 60, 55, 100, 95, 90],
      [2, 156, 156, 156, 55, 55, 55],
      [0, 1, 2, 3, 4, 5, 6],
    ]);
    const img = decodePng(bytes);
    expect([img.width, img.height]).toEqual([2, 5]);
    expect(Array.from(img.data)).toEqual([
      10, 20, 30, 255, 40, 50, 60, 255,
      70, 80, 90, 255, 100, 110, 120, 255,
      100, 100, 100, 255, 200, 200, 200, 255,
      0, 0, 0, 255, 255, 255, 255, 255,
      1, 2, 3, 255, 4, 5, 6, 255,
    ]);
  });

  test('expands palette, transparency, greyscale and RGBA', () => {
    // Palette: index 0 = (9,8,7) with alpha 100 from tRNS, index 1 = (1,2,3) opaque (tRNS shorter).
    const pal = decodePng(png(2, 1, 3, [[0, 1, 0]], [['PLTE', [9, 8, 7, 1, 2, 3]], ['tRNS', [100]]]));
    expect(Array.from(pal.data)).toEqual([1, 2, 3, 255, 9, 8, 7, 100]);
    const grey = decodePng(png(1, 1, 0, [[0, 77]]));
    expect(Array.from(grey.data)).toEqual([77, 77, 77, 255]);
    const greyAlpha = decodePng(png(1, 1, 4, [[0, 77, 33]]));
    expect(Array.from(greyAlpha.data)).toEqual([77, 77, 77, 33]);
    // RGBA with Sub: second pixel 5+1, 6+2, 7+3, 8+4.
    const rgba = decodePng(png(2, 1, 6, [[1, 1, 2, 3, 4, 5, 6, 7, 8]]));
    expect(Array.from(rgba.data)).toEqual([1, 2, 3, 4, 6, 8, 10, 12]);
  });

  test('rejects what it does not support', () => {
    expect(() => decodePng(new Uint8Array([1, 2, 3, 4, 5, 6, 7, 8]))).toThrow('not a PNG');
  });
});

describe('colourStats', () => {
  // 3 × 2 image:  white white white
  //               red   white (250,250,250)
  const W = [255, 255, 255, 255];
  const img: RgbaImage = {
    width: 3,
    height: 2,
    data: Uint8Array.from([...W, ...W, ...W, 255, 0, 0, 255, ...W, 250, 250, 250, 255]),
  };

  test('takes the most frequent colour as background', () => {
    // white ×4, red ×1, near-white ×1 → 3 colours, 2 pixels differ from white at tolerance 0.
    expect(colourStats(img)).toEqual({ pixels: 6, background: [255, 255, 255], nonBackground: 2, distinctColours: 3 });
  });

  test('tolerance counts near-background pixels as background', () => {
    // Near-white differs by 5 in each channel: not more than 5 → background. Red still differs.
    expect(colourStats(img, { tolerance: 5 }).nonBackground).toBe(1);
    expect(colourStats(img, { tolerance: 4 }).nonBackground).toBe(2);
  });

  test('limits itself to a region, clamped to the image', () => {
    // Bottom row, first two pixels: red and white.
    expect(colourStats(img, { region: { x: 0, y: 1, width: 2, height: 1 }, background: [255, 0, 0] })).toEqual({
      pixels: 2,
      background: [255, 0, 0],
      nonBackground: 1,
      distinctColours: 2,
    });
    // A region hanging off the right edge keeps only column 2: white and near-white.
    expect(colourStats(img, { region: { x: 2, y: 0, width: 10, height: 10 } }).pixels).toBe(2);
    expect(pixelAt(img, 2, 1)).toEqual([250, 250, 250, 255]);
  });
});

describe('countDifferent', () => {
  test('counts pixels differing by more than the tolerance', () => {
    const a: RgbaImage = { width: 2, height: 2, data: new Uint8Array(16).fill(255) };
    const b: RgbaImage = { width: 2, height: 2, data: new Uint8Array(16).fill(255) };
    b.data.set([250, 255, 255], 0); // (0,0): differs by 5
    b.data.set([0, 0, 0], 12); // (1,1): differs by 255
    expect(countDifferent(a, b)).toBe(2);
    expect(countDifferent(a, b, { tolerance: 5 })).toBe(1);
    expect(countDifferent(a, b, { region: { x: 0, y: 0, width: 2, height: 1 } })).toBe(1);
    expect(() => countDifferent(a, { width: 1, height: 1, data: new Uint8Array(4) })).toThrow('size');
  });
});

describe('small helpers', () => {
  test('appUrl adds test=1 before the query', () => {
    expect(appUrl('http://127.0.0.1:5000/', '')).toBe('http://127.0.0.1:5000/?test=1');
    expect(appUrl('http://127.0.0.1:5000/', '?network=fi-upper&lang=sv')).toBe('http://127.0.0.1:5000/?test=1&network=fi-upper&lang=sv');
  });

  test('artifactName makes safe file names', () => {
    expect(artifactName('App smoke: map & cells')).toBe('app-smoke-map-cells');
    expect(artifactName('***')).toBe('unnamed');
  });
});

describe('frame statistics', () => {
  test('percentile uses the nearest rank', () => {
    // n = 4: p50 → rank ⌈2⌉ = 2 → 20; p95 → rank ⌈3.8⌉ = 4 → 40; p1 → rank ⌈0.04⌉ = 1 → 10.
    expect(percentile([10, 20, 30, 40], 50)).toBe(20);
    expect(percentile([10, 20, 30, 40], 95)).toBe(40);
    expect(percentile([10, 20, 30, 40], 1)).toBe(10);
    expect(percentile([], 50)).toBeNull();
  });

  test('summariseFrames', () => {
    // Sorted: 16.6, 16.7, 16.8, 60, 100. p50 → rank ⌈2.5⌉ = 3 → 16.8; p95 → rank ⌈4.75⌉ = 5 → 100;
    // frames over 50 ms: 60 and 100.
    expect(summariseFrames([16.7, 16.6, 60, 16.8, 100])).toEqual({
      frames: 5,
      frame_p50_ms: 16.8,
      frame_p95_ms: 100,
      frame_max_ms: 100,
      long_frames_over_50ms: 2,
    });
    expect(summariseFrames([])).toEqual({ frames: 0, frame_p50_ms: null, frame_p95_ms: null, frame_max_ms: null, long_frames_over_50ms: 0 });
  });
});

describe('planBrushStroke', () => {
  const grid = { originX: 0, originY: 0, cellSize: 250, cols: 240, rows: 240 };

  test('brush 1, 9 cells: three passes of three cells', () => {
    // passes = round(√9 / 1) = 3, length = round(9 / 3) − 0 = 3; cell centres at (c + 0.5)·250.
    const plan = planBrushStroke(grid, [10, 10], 1, 9);
    expect(plan).toEqual({
      points: [
        [2625, 2625], [3125, 2625],
        [3125, 2875], [2625, 2875],
        [2625, 3125], [3125, 3125],
      ],
      cells: 9,
      passLength: 3,
      passes: 3,
    });
  });

  test('brush 3, 300 cells: 18 rows × 17 columns', () => {
    // passes = round(√300 / 3) = round(5.77) = 6, length = round(300 / 18) − 2 = 15.
    // Pass rows 0, 3, …, 15 with a 3-cell brush cover rows −1…16 (18) and columns −1…15 (17):
    // 18 · 17 = 306; the turns stay inside the end columns.
    const plan = planBrushStroke(grid, [10, 10], 3, 300);
    expect([plan.passes, plan.passLength, plan.cells]).toEqual([6, 15, 306]);
  });

  test('cells outside the grid are not counted', () => {
    // Same stroke at the grid corner: row −1 and column −1 fall off → 17 · 16 = 272.
    expect(planBrushStroke(grid, [0, 0], 3, 300).cells).toBe(272);
  });
});
