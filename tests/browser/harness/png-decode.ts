/**
 * A minimal PNG decoder (node:zlib only) for screenshots: 8-bit greyscale, grey+alpha, RGB,
 * RGBA and palette images, non-interlaced, all five scanline filters. Output is always RGBA8.
 * Enough for what Chromium's screenshots produce; throws on anything else (a bug in the test).
 */
import { inflateSync } from 'node:zlib';

export interface RgbaImage {
  width: number;
  height: number;
  /** width × height × 4 bytes, rows top to bottom. */
  data: Uint8Array;
}

const SIGNATURE = [137, 80, 78, 71, 13, 10, 26, 10];
/** Bytes per pixel of each colour type at bit depth 8. */
const CHANNELS: Record<number, number> = { 0: 1, 2: 3, 3: 1, 4: 2, 6: 4 };

interface Chunks {
  width: number;
  height: number;
  colourType: number;
  palette: Uint8Array | null;
  transparency: Uint8Array | null;
  idat: Buffer;
}

function readChunks(png: Uint8Array): Chunks {
  const buf = Buffer.from(png.buffer, png.byteOffset, png.byteLength);
  SIGNATURE.forEach((b, i) => {
    if (buf[i] !== b) throw new Error('not a PNG');
  });
  const out: Partial<Chunks> = { palette: null, transparency: null };
  const idat: Buffer[] = [];
  for (let at = 8; at + 8 <= buf.length; ) {
    const length = buf.readUInt32BE(at);
    const type = buf.toString('latin1', at + 4, at + 8);
    const body = buf.subarray(at + 8, at + 8 + length);
    if (type === 'IHDR') {
      out.width = body.readUInt32BE(0);
      out.height = body.readUInt32BE(4);
      out.colourType = body[9];
      if (body[8] !== 8) throw new Error(`PNG bit depth ${body[8]} not supported`);
      if (body[12] !== 0) throw new Error('interlaced PNG not supported');
    } else if (type === 'PLTE') out.palette = new Uint8Array(body);
    else if (type === 'tRNS') out.transparency = new Uint8Array(body);
    else if (type === 'IDAT') idat.push(body);
    else if (type === 'IEND') break;
    at += 12 + length;
  }
  if (out.width === undefined || out.colourType === undefined) throw new Error('PNG without IHDR');
  if (!(out.colourType in CHANNELS)) throw new Error(`PNG colour type ${out.colourType} not supported`);
  return { ...(out as Chunks), idat: Buffer.concat(idat) };
}

function paeth(a: number, b: number, c: number): number {
  const p = a + b - c;
  const pa = Math.abs(p - a);
  const pb = Math.abs(p - b);
  const pc = Math.abs(p - c);
  return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
}

/** Reverses the per-scanline filters in place; returns the raw samples without filter bytes. */
function unfilter(raw: Uint8Array, width: number, height: number, bpp: number): Uint8Array {
  const stride = width * bpp;
  const out = new Uint8Array(stride * height);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)];
    const src = y * (stride + 1) + 1;
    const row = y * stride;
    const prev = row - stride;
    for (let x = 0; x < stride; x++) {
      const a = x >= bpp ? out[row + x - bpp] : 0;
      const b = y > 0 ? out[prev + x] : 0;
      const c = x >= bpp && y > 0 ? out[prev + x - bpp] : 0;
      const v = raw[src + x];
      let pred: number;
      if (filter === 0) pred = 0;
      else if (filter === 1) pred = a;
      else if (filter === 2) pred = b;
      else if (filter === 3) pred = (a + b) >> 1;
      else if (filter === 4) pred = paeth(a, b, c);
      else throw new Error(`PNG filter ${filter} unknown`);
      out[row + x] = (v + pred) & 0xff;
    }
  }
  return out;
}

/** Decodes a PNG (e.g. from page.screenshot()) into RGBA8 pixels. */
export function decodePng(png: Uint8Array): RgbaImage {
  const { width, height, colourType, palette, transparency, idat } = readChunks(png);
  const bpp = CHANNELS[colourType];
  const samples = unfilter(new Uint8Array(inflateSync(idat)), width, height, bpp);
  const data = new Uint8Array(width * height * 4);
  for (let i = 0, n = width * height; i < n; i++) {
    const s = i * bpp;
    const d = i * 4;
    if (colourType === 6) data.set(samples.subarray(s, s + 4), d);
    else if (colourType === 2) {
      data[d] = samples[s];
      data[d + 1] = samples[s + 1];
      data[d + 2] = samples[s + 2];
      data[d + 3] = 255;
    } else if (colourType === 3) {
      const k = samples[s];
      if (!palette) throw new Error('palette PNG without PLTE');
      data[d] = palette[k * 3];
      data[d + 1] = palette[k * 3 + 1];
      data[d + 2] = palette[k * 3 + 2];
      data[d + 3] = transparency && k < transparency.length ? transparency[k] : 255;
    } else {
      const g = samples[s];
      data[d] = data[d + 1] = data[d + 2] = g;
      data[d + 3] = colourType === 4 ? samples[s + 1] : 255;
    }
  }
  return { width, height, data };
}
