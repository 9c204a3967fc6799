/**
 * School sites and names (capacities: capacities.ts). Sites come from weighted k-means on the children of
 * the network's age band (with the rural schools as fixed centres, see city-networks.ts) and
 * are snapped to the centre of a populated cell. Positions are EPSG:3067 metres.
 */
import type { District } from './districts';
import type { Rng } from './prng';
import { CELL, type Cell } from './population';

export interface Site {
  x: number;
  y: number;
}

/** Weighted k-means with some centres fixed; returns `count` centres (fixed ones first). */
export function kMeans(rng: Rng, cells: Cell[], weight: Float64Array, count: number, fixed: Site[]): Site[] {
  const centres: Site[] = fixed.map((s) => ({ ...s }));
  const total = weight.reduce((a, b) => a + b, 0);
  while (centres.length < count) {
    // k-means++: pick a cell with probability ∝ weight × squared distance to the nearest centre.
    const score = cells.map((c, i) => weight[i] * (centres.length ? Math.min(...centres.map((s) => (c.x0 - s.x) ** 2 + (c.y0 - s.y) ** 2)) : total));
    let u = rng.next() * score.reduce((a, b) => a + b, 0);
    let pick = 0;
    while (pick < cells.length - 1 && u >= score[pick]) u -= score[pick++];
    centres.push({ x: cells[pick].x0 + CELL / 2, y: cells[pick].y0 + CELL / 2 });
  }
  for (let iter = 0; iter < 15; iter++) {
    const sx = new Float64Array(count);
    const sy = new Float64Array(count);
    const sw = new Float64Array(count);
    cells.forEach((c, i) => {
      const j = nearest(centres, c.x0 + CELL / 2, c.y0 + CELL / 2);
      sx[j] += weight[i] * (c.x0 + CELL / 2);
      sy[j] += weight[i] * (c.y0 + CELL / 2);
      sw[j] += weight[i];
    });
    for (let j = fixed.length; j < count; j++) if (sw[j] > 0) centres[j] = { x: sx[j] / sw[j], y: sy[j] / sw[j] };
  }
  return centres;
}

/**
 * Capacity-constrained k-means: starting from kMeans, alternate a weighted straight-line
 * assignment whose head starts (m) share the children equally among the free centres (the
 * fixed ones keep head 0, the free heads mean 0) with moving each free centre halfway to the
 * centroid of its children. The dense centre ends up with more, smaller-area schools, and the
 * real-cost balancing (load-balance.ts) only has to correct. Positions EPSG:3067 metres.
 */
export function balancedKMeans(rng: Rng, cells: Cell[], weight: Float64Array, count: number, fixed: Site[]): Site[] {
  const centres = kMeans(rng, cells, weight, count, fixed);
  const k = fixed.length;
  if (count - k < 2) return centres;
  const head = new Array<number>(count).fill(0);
  for (let iter = 0; iter < 40; iter++) {
    const load = new Float64Array(count);
    const area = new Float64Array(count);
    const sx = new Float64Array(count);
    const sy = new Float64Array(count);
    cells.forEach((c, i) => {
      const x = c.x0 + CELL / 2;
      const y = c.y0 + CELL / 2;
      let best = 0;
      let bestScore = Infinity;
      for (let j = 0; j < count; j++) {
        const score = Math.hypot(centres[j].x - x, centres[j].y - y) - head[j];
        if (score < bestScore) {
          bestScore = score;
          best = j;
        }
      }
      load[best] += weight[i];
      area[best] += CELL * CELL;
      sx[best] += weight[i] * x;
      sy[best] += weight[i] * y;
    });
    let free = 0;
    for (let j = k; j < count; j++) free += load[j];
    const target = free / (count - k);
    let mean = 0;
    for (let j = k; j < count; j++) {
      const radius = Math.max(800, Math.sqrt(area[j] / Math.PI));
      head[j] += Math.max(-0.3 * radius, Math.min(0.3 * radius, 0.4 * radius * Math.log((target + 1) / (load[j] + 1))));
      if (load[j] > 0) centres[j] = { x: (centres[j].x + sx[j] / load[j]) / 2, y: (centres[j].y + sy[j] / load[j]) / 2 };
      mean += head[j] / (count - k);
    }
    if (k > 0) for (let j = k; j < count; j++) head[j] -= mean;
  }
  return centres;
}

export function nearest(sites: Site[], x: number, y: number): number {
  let best = 0;
  let bestD = Infinity;
  sites.forEach((s, j) => {
    const d = (s.x - x) ** 2 + (s.y - y) ** 2;
    if (d < bestD) {
      bestD = d;
      best = j;
    }
  });
  return best;
}

/** Move each free centre to the centre of a nearby well-populated cell not taken by another school. */
export function snapToCells(cells: Cell[], centres: Site[], fixedCount: number, taken: Set<number>): Site[] {
  return centres.map((s, j) => {
    if (j < fixedCount) return s;
    let best = -1;
    let bestScore = Infinity;
    cells.forEach((c, i) => {
      if (taken.has(i)) return;
      const d = Math.hypot(c.x0 + CELL / 2 - s.x, c.y0 + CELL / 2 - s.y);
      const score = d + (c.pop >= 40 ? 0 : c.pop >= 10 ? 1500 : 5000);
      if (score < bestScore) {
        bestScore = score;
        best = i;
      }
    });
    taken.add(best);
    return { x: cells[best].x0 + CELL / 2, y: cells[best].y0 + CELL / 2 };
  });
}

/** Place names (nominative, genitive) for schools far from every named district. */
export const RESERVE_NAMES: [string, string][] = [
  ['Mäntylä', 'Mäntylän'], ['Haapaniemi', 'Haapaniemen'], ['Kallela', 'Kallelan'], ['Vehkala', 'Vehkalan'], ['Ristikko', 'Ristikon'], ['Lepola', 'Lepolan'],
  ['Ahola', 'Aholan'], ['Kuusela', 'Kuuselan'], ['Rinnekylä', 'Rinnekylän'], ['Salmela', 'Salmelan'], ['Kettula', 'Kettulan'], ['Hiidenmaa', 'Hiidenmaan'],
  ['Nummela', 'Nummelan'], ['Pajula', 'Pajulan'], ['Uusikylä', 'Uudenkylän'], ['Lahdenperä', 'Lahdenperän'], ['Tervola', 'Tervolan'], ['Leppämäki', 'Leppämäen'],
];
export const SWEDISH_NAMES = ['Strandängens skola', 'Stenbackens skola', 'Ekuddens skola', 'Kyrkbyns skola', 'Björkhagens skola', 'Sjöbodens skola', 'Furulundens skola', 'Lärkbackens skola'];

/**
 * Finnish school names from the nearest district not yet used at this level (farther than
 * 4 km: the next name taken from `reserve`). `pattern` turns a genitive into a name.
 */
export function nameSchools(sites: Site[], districts: District[], reserve: [string, string][], pattern: (genitive: string, d: District | null, i: number) => string): string[] {
  const used = new Set<string>();
  return sites.map((s, i) => {
    let best: District | null = null;
    let bestD = 4000;
    for (const d of districts) {
      const dist = Math.hypot(d.x - s.x, d.y - s.y);
      if (!used.has(d.name) && dist < bestD) {
        bestD = dist;
        best = d;
      }
    }
    if (best) {
      used.add(best.name);
      return pattern(best.genitive, best, i);
    }
    const [, genitive] = reserve.shift() ?? ['Uusi', `Uusi ${i}`];
    return pattern(genitive, null, i);
  });
}
