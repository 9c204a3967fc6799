/**
 * Seeded 2-D value noise in projected metres (EPSG:3067), used for coastlines, municipal
 * borders, density variation and the travel-cost field behind the catchments.
 */

export interface Noise {
  /** Smooth fractal noise in about [-1, 1]; `scale` is the largest feature size in metres. */
  fbm(x: number, y: number, scale: number, octaves?: number): number;
  /** Piecewise-constant noise in [0, 1): one value per `size` × `size` m block (street-like blocks). */
  block(x: number, y: number, size: number): number;
}

function lattice(seed: number, ix: number, iy: number): number {
  let h = Math.imul(ix | 0, 0x27d4eb2d) ^ Math.imul(iy | 0, 0x165667b1) ^ seed;
  h = Math.imul(h ^ (h >>> 15), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  h ^= h >>> 16;
  return (h >>> 0) / 4294967296;
}

function smooth(t: number): number {
  return t * t * (3 - 2 * t);
}

function valueAt(seed: number, x: number, y: number): number {
  const ix = Math.floor(x);
  const iy = Math.floor(y);
  const fx = smooth(x - ix);
  const fy = smooth(y - iy);
  const a = lattice(seed, ix, iy);
  const b = lattice(seed, ix + 1, iy);
  const c = lattice(seed, ix, iy + 1);
  const d = lattice(seed, ix + 1, iy + 1);
  const top = a + (b - a) * fx;
  const bottom = c + (d - c) * fx;
  return (top + (bottom - top) * fy) * 2 - 1;
}

/** Noise source for one seed; different seeds give independent fields. */
export function createNoise(seed: number): Noise {
  const s = seed | 0;
  return {
    fbm(x, y, scale, octaves = 4) {
      let sum = 0;
      let norm = 0;
      let amp = 1;
      let freq = 1 / scale;
      for (let o = 0; o < octaves; o++) {
        sum += amp * valueAt(s + o * 1013, x * freq, y * freq);
        norm += amp;
        amp *= 0.5;
        freq *= 2;
      }
      return sum / norm;
    },
    block(x, y, size) {
      return lattice(s ^ 0x5bd1e995, Math.floor(x / size), Math.floor(y / size));
    },
  };
}
