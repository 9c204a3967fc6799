/**
 * A small synthetic network for edit tests: a 40×40 grid of 250 m cells at the
 * origin (10 km × 10 km), cut into nx × ny rectangular catchments at random
 * (off-grid) positions, with ~80 % of the cells populated at random.
 * Local coordinates near 0 keep the partition checks meaningful at 1e-6 m².
 */
import type { GridUnits } from '../../../src/core/model/units';
import type { MultiPolygon, Ring } from '../../../src/core/model/geometry-types';
import type { Network, Partition } from '../../../src/core/model/school';
import { lcg } from '../random-shapes';

export const SIDE = 10_000;
export const WIDTH = 3;

export function rect(x0: number, y0: number, x1: number, y1: number): Ring {
  return [[x0, y0], [x1, y0], [x1, y1], [x0, y1], [x0, y0]];
}

function cuts(rand: () => number, n: number): number[] {
  const c = [0];
  for (let i = 1; i < n; i++) c.push((SIDE * (i + (rand() - 0.5) * 0.6)) / n);
  c.push(SIDE);
  return c;
}

export interface Synthetic {
  units: GridUnits;
  network: Network;
  partition: Partition;
  matrix: Float64Array;
}

export function syntheticNetwork(seed: number, nx = 3, ny = 3): Synthetic {
  const rand = lcg(seed);
  const xs = cuts(rand, nx);
  const ys = cuts(rand, ny);
  const catchments: MultiPolygon[] = [];
  for (let j = 0; j < ny; j++) for (let i = 0; i < nx; i++) catchments.push([[rect(xs[i], ys[j], xs[i + 1], ys[j + 1])]]);
  const col: number[] = [];
  const row: number[] = [];
  for (let r = 0; r < 40; r++) for (let c = 0; c < 40; c++) if (rand() < 0.8) { col.push(c); row.push(r); }
  const count = col.length;
  const matrix = new Float64Array(count * WIDTH);
  for (let u = 0; u < count; u++) {
    const children = Math.floor(rand() * 40);
    matrix[u * WIDTH] = children;
    matrix[u * WIDTH + 1] = Math.floor(children * rand());
    matrix[u * WIDTH + 2] = rand() * 100;
  }
  const schoolIds = catchments.map((_, i) => `s${i}`);
  const units: GridUnits = {
    kind: 'grid',
    count,
    ids: col.map((c, i) => `${c}-${row[i]}`),
    attributes: { names: [], columns: {} },
    grid: { originX: 0, originY: 0, cellSize: 250, cols: 40, rows: 40 },
    col: Int32Array.from(col),
    row: Int32Array.from(row),
  };
  return {
    units,
    network: { id: 'fi-lower', label: 'test', language: 'fi', level: 'lower', schoolIds },
    partition: { networkId: 'fi-lower', catchments },
    matrix,
  };
}
