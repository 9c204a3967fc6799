/**
 * Populated 250 m cells of the sample city (EPSG:3067, lower-left corners on multiples
 * of 250 m). Urban and village inhabitants come from district kernels scaled to the
 * configured total; scattered rural cells come from rural-settlement.ts.
 */
import { cellCounts, DEMO_TYPES, mixProfile, suppress, type CountField, type DemoType } from './demographics';
import type { CityLayout, District, DistrictKind } from './districts';
import { isLand, type Landscape } from './landscape';
import { createRng } from './prng';
import type { SampleCityConfig } from './sample-city-config';
import { settleRural } from './rural-settlement';
import { createNoise } from './value-noise';

export const CELL = 250;

export interface Cell {
  /** Lower-left corner, metres. */
  x0: number;
  y0: number;
  /** Inhabitants (he_vakiy). */
  pop: number;
  /** Share of Swedish speakers assumed for the Swedish-language school demand. */
  swedish: number;
  /** True counts (used to size schools). */
  counts: Record<CountField, number>;
  /** Counts as published: -1 in suppressed cells. */
  published: Record<CountField, number>;
}

const TYPE_OF: Record<DistrictKind, DemoType> = {
  centre: 'centre', inner: 'centre', rental: 'rental', owner: 'owner', seaside: 'seaside', detached: 'detached', village: 'detached', church: 'detached', core: 'rental',
};

interface Accumulator {
  u: Float64Array;
  weights: Float64Array;
  disadvantage: Float64Array;
  swedish: Float64Array;
}

export function populate(cfg: SampleCityConfig, ls: Landscape, layout: CityLayout): Cell[] {
  const cols = cfg.width / CELL;
  const rows = cfg.height / CELL;
  const k = cfg.layoutScale;
  const sub = CELL / ls.pixel;
  const noise = createNoise(cfg.seed ^ 0x777);
  const rng = createRng(cfg.seed, 'population');
  const landFrac = new Float64Array(cols * rows);
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      const mid = (r * sub + (sub >> 1)) * ls.w + c * sub + (sub >> 1);
      if (!isLand(ls, mid) || ls.lakeId[mid] >= 0) continue;
      let n = 0;
      for (let a = 0; a < sub; a++) for (let b = 0; b < sub; b++) {
        const i = (r * sub + a) * ls.w + c * sub + b;
        if (isLand(ls, i) && ls.lakeId[i] < 0) n++;
      }
      landFrac[r * cols + c] = n / (sub * sub);
    }
  }
  const acc = accumulate(cfg, layout, cols, rows, noise);
  const [cx, cy] = ls.centre;
  const centreOf = (i: number): [number, number] => [cfg.originX + ((i % cols) + 0.5) * CELL, cfg.originY + (Math.floor(i / cols) + 0.5) * CELL];

  let scale = 1;
  for (let iter = 0; iter < 4; iter++) {
    let sum = 0;
    for (let i = 0; i < cols * rows; i++) {
      const e = scale * acc.u[i] * landFrac[i];
      if (landFrac[i] >= 0.5 && e >= 5) sum += e;
    }
    scale *= cfg.urbanPopulation / sum;
  }
  const pops = new Float64Array(cols * rows);
  const urban = new Uint8Array(cols * rows);
  for (let i = 0; i < cols * rows; i++) {
    const e = scale * acc.u[i] * landFrac[i];
    if (landFrac[i] < 0.5 || e < 5) continue;
    const [x, y] = centreOf(i);
    pops[i] = Math.max(1, Math.round(e * Math.exp(0.3 * rng.normal() - 0.045) * (1 + 0.2 * noise.fbm(x, y, 800 * k, 2))));
    urban[i] = 1;
  }
  // Scattered rural settlement: suburban fringe and the hinterland.
  const shore = shoreCells(ls, cols, rows);
  const corridorDistanceAt = (x: number, y: number) => corridorDistance(layout, cx, cy, x, y);
  for (const { index: i, pop } of settleRural(cfg, layout, { cols, rows, landFrac, shore, urban, corridorDistance: corridorDistanceAt }, rng, noise)) {
    pops[i] = pop;
    acc.weights.fill(0, i * DEMO_TYPES.length, (i + 1) * DEMO_TYPES.length);
    acc.weights[i * DEMO_TYPES.length + DEMO_TYPES.indexOf('rural')] = 1;
    acc.disadvantage[i] = 0.1;
    acc.swedish[i] = centreOf(i)[0] < cx ? 0.12 : 0.05;
    acc.u[i] = 1;
  }

  const cells: Cell[] = [];
  for (let i = 0; i < cols * rows; i++) {
    if (!pops[i]) continue;
    const [x, y] = centreOf(i);
    const w = {} as Record<DemoType, number>;
    DEMO_TYPES.forEach((t, j) => (w[t] = acc.weights[i * DEMO_TYPES.length + j]));
    const z = acc.disadvantage[i] / acc.u[i] + 0.6 * noise.fbm(x, y + 9e5, 3000 * k, 3) + 0.25 * rng.normal();
    const counts = cellCounts(rng, pops[i], mixProfile(w), z);
    cells.push({ x0: x - CELL / 2, y0: y - CELL / 2, pop: pops[i], swedish: acc.swedish[i] / acc.u[i], counts, published: suppress(counts) });
  }
  return cells;
}

/** Sum the district kernels (and the ribbons of houses along the corridors) over the grid. */
function accumulate(cfg: SampleCityConfig, layout: CityLayout, cols: number, rows: number, noise: ReturnType<typeof createNoise>): Accumulator {
  const n = cols * rows;
  const acc: Accumulator = { u: new Float64Array(n), weights: new Float64Array(n * DEMO_TYPES.length), disadvantage: new Float64Array(n), swedish: new Float64Array(n) };
  const add = (i: number, v: number, type: DemoType, d: Pick<District, 'disadvantage' | 'swedish'>) => {
    acc.u[i] += v;
    acc.weights[i * DEMO_TYPES.length + DEMO_TYPES.indexOf(type)] += v;
    acc.disadvantage[i] += v * d.disadvantage;
    acc.swedish[i] += v * d.swedish;
  };
  layout.districts.forEach((d, di) => {
    const reach = d.radius * 1.4;
    const c0 = Math.max(0, Math.floor((d.x - reach - cfg.originX) / CELL));
    const c1 = Math.min(cols - 1, Math.floor((d.x + reach - cfg.originX) / CELL));
    const r0 = Math.max(0, Math.floor((d.y - reach - cfg.originY) / CELL));
    const r1 = Math.min(rows - 1, Math.floor((d.y + reach - cfg.originY) / CELL));
    const plateau = d.kind === 'detached' || d.kind === 'village' || d.kind === 'church';
    for (let r = r0; r <= r1; r++) {
      for (let c = c0; c <= c1; c++) {
        const x = cfg.originX + (c + 0.5) * CELL;
        const y = cfg.originY + (r + 0.5) * CELL;
        const rho = (Math.hypot(x - d.x, y - d.y) / d.radius) * (1 + 0.25 * noise.fbm(x + di * 3e4, y, 1500 * cfg.layoutScale, 2));
        if (rho >= 1) continue;
        const v = plateau ? 1 - smoothstep(0.55, 1, rho) : (1 - rho * rho) ** 2;
        add(r * cols + c, d.peak * v, TYPE_OF[d.kind], d);
      }
    }
  });
  const [cx, cy] = layout.districts[0] ? [layout.districts[0].x, layout.districts[0].y] : [0, 0];
  const ribbon = { disadvantage: -0.2, swedish: 0.05 };
  for (let i = 0; i < n; i++) {
    const x = cfg.originX + ((i % cols) + 0.5) * CELL;
    const y = cfg.originY + (Math.floor(i / cols) + 0.5) * CELL;
    const d = corridorDistance(layout, cx, cy, x, y);
    if (d < 1200 * cfg.layoutScale) add(i, 25 * Math.exp(-((d / (350 * cfg.layoutScale)) ** 2)), 'detached', ribbon);
  }
  return acc;
}

/** 1 where a 250 m cell or one of its 4-neighbours holds lake or sea pixels (shore cells). */
function shoreCells(ls: Landscape, cols: number, rows: number): Uint8Array {
  const sub = CELL / ls.pixel;
  const water = new Uint8Array(cols * rows);
  for (let i = 0; i < ls.w * ls.h; i++) {
    if (!ls.sea[i] && ls.lakeId[i] < 0) continue;
    const c = Math.floor((i % ls.w) / sub);
    const r = Math.floor(Math.floor(i / ls.w) / sub);
    if (c < cols && r < rows) water[r * cols + c] = 1;
  }
  const shore = new Uint8Array(cols * rows);
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      const i = r * cols + c;
      shore[i] = water[i] || (c > 0 && water[i - 1]) || (c < cols - 1 && water[i + 1]) || (r > 0 && water[i - cols]) || (r < rows - 1 && water[i + cols]) ? 1 : 0;
    }
  }
  return shore;
}

function smoothstep(a: number, b: number, x: number): number {
  const t = Math.min(1, Math.max(0, (x - a) / (b - a)));
  return t * t * (3 - 2 * t);
}

/** Distance (m) from (x, y) to the nearest corridor segment, which runs from 2 km out to 1 km past its last station. */
function corridorDistance(layout: CityLayout, cx: number, cy: number, x: number, y: number): number {
  let best = Infinity;
  for (const c of layout.corridors) {
    if (!c.length) continue;
    const ux = Math.cos((c.angle * Math.PI) / 180);
    const uy = Math.sin((c.angle * Math.PI) / 180);
    const along = Math.min(c.length * 1.08, Math.max(c.length * 0.1, (x - cx) * ux + (y - cy) * uy));
    best = Math.min(best, Math.hypot(x - cx - along * ux, y - cy - along * uy));
  }
  return best;
}
