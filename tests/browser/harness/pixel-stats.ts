/**
 * Pixel statistics on decoded screenshots: is a canvas blank, how many colours does it show.
 * Colours are compared as RGB (alpha ignored: screenshots are opaque).
 */
import type { RgbaImage } from './png-decode';

export type Rgb = [number, number, number];

export interface Region {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface ColourStats {
  /** Pixels examined. */
  pixels: number;
  /** The background: the given one, or else the most frequent colour. */
  background: Rgb;
  /** Pixels whose largest channel difference from the background exceeds the tolerance. */
  nonBackground: number;
  /** Exact distinct RGB values in the region. */
  distinctColours: number;
}

/** RGBA of pixel (x, y), origin top-left. */
export function pixelAt(img: RgbaImage, x: number, y: number): [number, number, number, number] {
  const i = (y * img.width + x) * 4;
  return [img.data[i], img.data[i + 1], img.data[i + 2], img.data[i + 3]];
}

function packRgb(d: Uint8Array, i: number): number {
  return (d[i] << 16) | (d[i + 1] << 8) | d[i + 2];
}

function unpack(c: number): Rgb {
  return [(c >> 16) & 0xff, (c >> 8) & 0xff, c & 0xff];
}

/** Counts of each packed 0xRRGGBB colour in the region (whole image by default). */
export function colourHistogram(img: RgbaImage, region?: Region): Map<number, number> {
  const r = clampRegion(img, region);
  const counts = new Map<number, number>();
  for (let y = r.y; y < r.y + r.height; y++) {
    for (let x = r.x; x < r.x + r.width; x++) {
      const c = packRgb(img.data, (y * img.width + x) * 4);
      counts.set(c, (counts.get(c) ?? 0) + 1);
    }
  }
  return counts;
}

/** Blank-or-not figures for a region; `tolerance` is the per-channel difference (0–255) still counted as background. */
export function colourStats(img: RgbaImage, opts: { region?: Region; background?: Rgb; tolerance?: number } = {}): ColourStats {
  const counts = colourHistogram(img, opts.region);
  let background = opts.background;
  if (!background) {
    let best = -1;
    let bestCount = -1;
    for (const [c, n] of counts) if (n > bestCount) [best, bestCount] = [c, n];
    background = unpack(best);
  }
  const tol = opts.tolerance ?? 0;
  let pixels = 0;
  let nonBackground = 0;
  for (const [c, n] of counts) {
    pixels += n;
    const [r, g, b] = unpack(c);
    const diff = Math.max(Math.abs(r - background[0]), Math.abs(g - background[1]), Math.abs(b - background[2]));
    if (diff > tol) nonBackground += n;
  }
  return { pixels, background, nonBackground, distinctColours: counts.size };
}

function clampRegion(img: RgbaImage, region?: Region): Region {
  if (!region) return { x: 0, y: 0, width: img.width, height: img.height };
  const x = Math.max(0, Math.floor(region.x));
  const y = Math.max(0, Math.floor(region.y));
  const x1 = Math.min(img.width, Math.floor(region.x + region.width));
  const y1 = Math.min(img.height, Math.floor(region.y + region.height));
  return { x, y, width: Math.max(0, x1 - x), height: Math.max(0, y1 - y) };
}

/** Pixels of `region` whose largest RGB channel difference between two same-size images exceeds `tolerance`. */
export function countDifferent(a: RgbaImage, b: RgbaImage, opts: { region?: Region; tolerance?: number; exclude?: Region[] } = {}): number {
  if (a.width !== b.width || a.height !== b.height) throw new Error('images differ in size');
  const r = clampRegion(a, opts.region);
  const tol = opts.tolerance ?? 0;
  const excluded = (x: number, y: number) => opts.exclude?.some((e) => x >= e.x && x < e.x + e.width && y >= e.y && y < e.y + e.height) ?? false;
  let n = 0;
  for (let y = r.y; y < r.y + r.height; y++) {
    for (let x = r.x; x < r.x + r.width; x++) {
      if (excluded(x, y)) continue;
      const i = (y * a.width + x) * 4;
      const d = Math.max(Math.abs(a.data[i] - b.data[i]), Math.abs(a.data[i + 1] - b.data[i + 1]), Math.abs(a.data[i + 2] - b.data[i + 2]));
      if (d > tol) n++;
    }
  }
  return n;
}
