/**
 * The optimiser's benchmark city: the 500 × 500 grid of 250 m cells and 300 wiggly Voronoi
 * catchments of synthetic-city.ts, with a realistic pupil base instead of the edit
 * benchmark's uniform noise: about 100 000 children of grades 1–6 (0.4 a cell on average,
 * many empty cells, denser near 40 town centres), a foreign-language share that varies
 * smoothly across the city (a few high-share districts) plus cell noise, and capacities
 * around each school's start enrolment (× 0.9–1.15), so the 85–110 % band binds.
 */
import type { Dataset } from '../../src/core/model/dataset';
import type { School } from '../../src/core/model/school';
import { pointInMultiPolygon } from '../../src/core/geometry/point-in-polygon';
import { lcg } from '../core/random-shapes';
import { CELL, N, X0, Y0, syntheticPartition } from './synthetic-city';

export function optimiserCity(seed = 7): Dataset {
  const rand = lcg(seed);
  const count = N * N;
  const centres = Array.from({ length: 40 }, () => [rand() * N, rand() * N, 8 + rand() * 25, rand()] as const);
  const blobs = Array.from({ length: 12 }, () => [rand() * N, rand() * N, 15 + rand() * 40, 0.3 + rand() * 0.5] as const);
  const children = new Float64Array(count);
  const population = new Float64Array(count);
  const foreign = new Float64Array(count);
  const col = new Int32Array(count);
  const row = new Int32Array(count);
  for (let u = 0; u < count; u++) {
    const x = u % N;
    const y = Math.floor(u / N);
    col[u] = x;
    row[u] = y;
    let density = 0.08;
    for (const [cx, cy, r] of centres) density += 2.2 * Math.exp(-((x - cx) ** 2 + (y - cy) ** 2) / (2 * r * r));
    const kids = Math.floor(density * rand() * 1.2);
    children[u] = kids;
    population[u] = kids * 9 + Math.floor(rand() * 4);
    let share = 0.04;
    for (const [cx, cy, r, h] of blobs) share += h * Math.exp(-((x - cx) ** 2 + (y - cy) ** 2) / (2 * r * r));
    share = Math.min(0.9, Math.max(0, share * (0.6 + 0.8 * rand())));
    foreign[u] = Math.round(share * population[u]);
  }
  const catchments = syntheticPartition(300, seed);
  // Start enrolment per school from cell centres (capacities only need to be near it).
  const kids = new Float64Array(300);
  const locations = catchments.map((mp) => {
    const ring = mp[0][0];
    let sx = 0;
    let sy = 0;
    for (const [x, y] of ring) [sx, sy] = [sx + x, sy + y];
    return [sx / ring.length, sy / ring.length] as [number, number];
  });
  for (let u = 0; u < count; u++) {
    if (!children[u]) continue;
    const pt: [number, number] = [X0 + (col[u] + 0.5) * CELL, Y0 + (row[u] + 0.5) * CELL];
    const s = nearestContaining(catchments, locations, pt);
    if (s >= 0) kids[s] += children[u];
  }
  const schools: School[] = catchments.map((_, i) => ({
    id: `school-${i}`, name: `School ${i}`, language: 'fi', grades: '1-6',
    capacity: Math.max(20, Math.round(kids[i] * (0.9 + 0.25 * rand()))), location: locations[i],
  }));
  return {
    name: 'optimiser benchmark city', source: 'synthetic',
    units: {
      kind: 'grid', count, ids: Array.from({ length: count }, (_, u) => `${col[u]}-${row[u]}`), col, row,
      grid: { originX: X0, originY: Y0, cellSize: CELL, cols: N, rows: N },
      attributes: {
        names: ['he_7_12', 'he_13_15', 'he_vakiy', 'vieraskielisia'],
        columns: { he_7_12: children, he_13_15: new Float64Array(count), he_vakiy: population, vieraskielisia: foreign },
      },
    },
    schools,
    networks: [{ id: 'bench', label: 'bench', language: 'fi', level: 'lower', schoolIds: schools.map((s) => s.id) }],
    partitions: { bench: { networkId: 'bench', catchments } },
  };
}

/** The catchment containing pt, trying the nearest school locations first. */
function nearestContaining(catchments: ReturnType<typeof syntheticPartition>, locations: [number, number][], pt: [number, number]): number {
  const order = locations.map((l, i) => [Math.hypot(l[0] - pt[0], l[1] - pt[1]), i] as const).sort((a, b) => a[0] - b[0]);
  for (const [, i] of order.slice(0, 12)) if (pointInMultiPolygon(pt, catchments[i])) return i;
  return -1;
}
