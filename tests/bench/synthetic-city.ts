/**
 * Synthetic benchmark network: a 500×500 grid of 250 m cells in EPSG:3067
 * (x 350 000–475 000, y 6 650 000–6 775 000) and 300 school catchments forming a
 * valid partition with realistic, non-straight borders: the Voronoi diagram of
 * jittered points whose inner edges are subdivided and displaced. Each edge is
 * generated in a canonical direction from its end points, so both neighbours get
 * exactly the same vertices (shared borders, no gaps or overlaps).
 */
import { Delaunay } from 'd3-delaunay';
import type { MultiPolygon, Position, Ring } from '../../src/core/model/geometry-types';
import type { GridUnits } from '../../src/core/model/units';
import type { Network, Partition } from '../../src/core/model/school';
import { normaliseOrientation } from '../../src/core/geometry/orientation';
import { lcg } from '../core/random-shapes';

export const X0 = 350_000;
export const Y0 = 6_650_000;
export const CELL = 250;
export const N = 500;
export const X1 = X0 + N * CELL;
export const Y1 = Y0 + N * CELL;

const mm = (v: number) => Math.round(v * 1000) / 1000;

/** Deterministic pseudo-random in [−1, 1] from coordinates. */
function hashNoise(x: number, y: number, k: number): number {
  let h = Math.imul(Math.round(x * 1000) | 0, 73856093) ^ Math.imul(Math.round(y * 1000) | 0, 19349663) ^ Math.imul(k + 1, 83492791);
  h = Math.imul(h ^ (h >>> 13), 0x5bd1e995);
  h ^= h >>> 15;
  return ((h >>> 0) / 4294967296) * 2 - 1;
}

function onFrame(p: Position): boolean {
  return p[0] === X0 || p[0] === X1 || p[1] === Y0 || p[1] === Y1;
}

/** Intermediate points of edge a→b (exclusive of ends), identical for both neighbours. */
function wiggle(a: Position, b: Position, parts: number): Position[] {
  if (onFrame(a) && onFrame(b) && (a[0] === b[0] || a[1] === b[1])) return [];
  const forward = a[0] < b[0] || (a[0] === b[0] && a[1] < b[1]);
  const [p, q] = forward ? [a, b] : [b, a];
  const dx = q[0] - p[0];
  const dy = q[1] - p[1];
  const len = Math.hypot(dx, dy);
  if (len < 50) return [];
  const pts: Position[] = [];
  for (let k = 1; k < parts; k++) {
    const t = k / parts;
    const off = 0.08 * len * Math.sin(Math.PI * t) * hashNoise(p[0] + q[0], p[1] + q[1], k);
    pts.push([mm(p[0] + dx * t - (dy / len) * off), mm(p[1] + dy * t + (dx / len) * off)]);
  }
  return forward ? pts : pts.reverse();
}

export function syntheticPartition(schools: number, seed: number): MultiPolygon[] {
  const rand = lcg(seed);
  const nx = 20;
  const ny = Math.ceil(schools / nx);
  const pts: [number, number][] = [];
  for (let j = 0; j < ny; j++) {
    for (let i = 0; i < nx && pts.length < schools; i++) {
      pts.push([X0 + ((i + 0.5 + (rand() - 0.5) * 0.7) * (X1 - X0)) / nx, Y0 + ((j + 0.5 + (rand() - 0.5) * 0.7) * (Y1 - Y0)) / ny]);
    }
  }
  const vor = Delaunay.from(pts).voronoi([X0, Y0, X1, Y1]);
  const out: MultiPolygon[] = [];
  for (let i = 0; i < pts.length; i++) {
    const poly = vor.cellPolygon(i);
    const verts: Position[] = [];
    for (let k = 0; k + 1 < poly.length; k++) {
      const v: Position = [mm(poly[k][0]), mm(poly[k][1])];
      if (verts.length === 0 || verts[verts.length - 1][0] !== v[0] || verts[verts.length - 1][1] !== v[1]) verts.push(v);
    }
    if (verts.length > 1 && verts[0][0] === verts[verts.length - 1][0] && verts[0][1] === verts[verts.length - 1][1]) verts.pop();
    const ring: Ring = [];
    for (let k = 0; k < verts.length; k++) {
      ring.push(verts[k]);
      ring.push(...wiggle(verts[k], verts[(k + 1) % verts.length], 8));
    }
    ring.push([ring[0][0], ring[0][1]]);
    out.push(normaliseOrientation([[ring]]));
  }
  return out;
}

export interface BenchCity {
  units: GridUnits;
  network: Network;
  partition: Partition;
  matrix: Float64Array;
  width: number;
}

export function syntheticCity(schools = 300, width = 16, seed = 1): BenchCity {
  const rand = lcg(seed + 1);
  const count = N * N;
  const col = new Int32Array(count);
  const row = new Int32Array(count);
  const matrix = new Float64Array(count * width);
  for (let u = 0; u < count; u++) {
    col[u] = u % N;
    row[u] = Math.floor(u / N);
    const children = Math.floor(rand() * 60);
    matrix[u * width] = children;
    for (let k = 1; k < width; k++) matrix[u * width + k] = children * rand();
  }
  const catchments = syntheticPartition(schools, seed);
  const schoolIds = catchments.map((_, i) => `school-${i}`);
  return {
    units: {
      kind: 'grid', count, ids: Array.from({ length: count }, (_, u) => `${col[u]}-${row[u]}`),
      attributes: { names: [], columns: {} }, grid: { originX: X0, originY: Y0, cellSize: CELL, cols: N, rows: N }, col, row,
    },
    network: { id: 'bench', label: 'bench', language: 'fi', level: 'lower', schoolIds },
    partition: { networkId: 'bench', catchments },
    matrix,
    width,
  };
}

/** A random blob-shaped lasso of mean radius `r` metres around (cx, cy), 40 vertices. */
export function randomLasso(rand: () => number, cx: number, cy: number, r: number): MultiPolygon {
  const ring: Ring = [];
  const ph = rand() * 2 * Math.PI;
  for (let i = 0; i < 40; i++) {
    const a = (2 * Math.PI * i) / 40;
    const k = 1 + 0.15 * Math.sin(3 * a + ph) + 0.05 * (rand() - 0.5);
    ring.push([mm(cx + r * k * Math.cos(a)), mm(cy + r * k * Math.sin(a))]);
  }
  ring.push([ring[0][0], ring[0][1]]);
  return [[ring]];
}
