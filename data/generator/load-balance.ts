/**
 * Catchments with planned loads: additive weights ("head starts", in metres of travel cost) of
 * the least-cost raster assignment are iterated, like the weights of a power diagram, until
 * every school's children lie within TOLERANCE of its target. The first `fixed` sites are rural
 * schools: their target is what lies nearest to them (the loads when every head start is 0);
 * the city schools share out the rest in proportion to a relative size per school. Rounds run
 * first on 250 m cells (cheap), then on the 50 m raster. Loads are area-weighted: a cell's
 * children are split over its 50 m pixels as the core engine's overlay splits them.
 * Positions EPSG:3067 metres.
 */
import { assignPixels } from './catchment-raster';
import { pixelAt, type Landscape } from './landscape';
import { CELL, type Cell } from './population';
import type { Site } from './schools';

/** Relative deviation |load / target − 1| at which a city school counts as balanced (rural: twice this). */
export const TOLERANCE = 0.06;
/** Rounds on 250 m cells at most, then on the 50 m raster (each about a second) at most. */
const COARSE_ROUNDS = 60;
const FINE_ROUNDS = 8;
/** Smallest catchment radius (m) assumed when moving a head start, so a squeezed catchment can grow back. */
const MIN_RADIUS = 800;

export interface BalanceInput {
  ls: Landscape;
  /** Travel cost per metre per pixel (0 off land), from buildCostField. */
  cost: Float32Array;
  cells: Cell[];
  /** Children per cell that the schools are balanced on. */
  demand: Float64Array;
  sites: Site[];
  /** The first `fixed` sites are rural schools. */
  fixed: number;
  /** Relative size per site (entries below `fixed` are ignored). */
  size: number[];
}

export interface Balanced {
  /** School index per pixel, −1 off land. */
  labels: Int32Array;
  /** Area-weighted children per school. */
  loads: number[];
  /** Target children per school. */
  targets: number[];
  /** Rounds run on the 50 m raster. */
  rounds: number;
}

interface Assignment {
  labels: Int32Array;
  loads: number[];
  /** Land area per school, m². */
  areas: number[];
}

export function balanceCatchments(p: BalanceInput): Balanced {
  const { ls, cost, sites } = p;
  let sum = 0;
  let land = 0;
  for (let i = 0; i < cost.length; i++) {
    if (!cost[i]) continue;
    sum += cost[i];
    land++;
  }
  const meanCost = sum / land;
  const head = new Array<number>(sites.length).fill(0);
  const state = { meanCost, head, ruralTargets: null as number[] | null };

  const coarse = coarsen(ls, cost);
  const cw = coarse.frame.w;
  const coarseSources = sites.map((s) => Math.floor((s.y - ls.originY) / CELL) * cw + Math.floor((s.x - ls.originX) / CELL));
  const cellIndex = p.cells.map((c) => Math.round((c.y0 - ls.originY) / CELL) * cw + Math.round((c.x0 - ls.originX) / CELL));
  iterate(p, state, COARSE_ROUNDS, TOLERANCE / 2, () => {
    const labels = assignPixels(coarse.frame, coarse.cost, coarseSources, head);
    const loads = new Array<number>(sites.length).fill(0);
    const areas = new Array<number>(sites.length).fill(0);
    cellIndex.forEach((k, i) => {
      if (labels[k] >= 0) loads[labels[k]] += p.demand[i];
    });
    for (let i = 0; i < labels.length; i++) if (labels[i] >= 0) areas[labels[i]] += CELL * CELL;
    return { labels, loads, areas };
  });

  const sources = sites.map((s) => pixelAt(ls, s.x, s.y));
  let rounds = 0;
  const fine = iterate(p, state, FINE_ROUNDS, TOLERANCE, () => {
    rounds++;
    const labels = assignPixels(ls, cost, sources, head);
    return { labels, ...pixelLoads(ls, p.cells, labels, p.demand, sites.length) };
  });
  return { labels: fine.labels, loads: fine.loads, targets: fine.targets, rounds };
}

/**
 * Rounds of assign → compare with the targets → move the heads, until every school is within
 * tolerance or `maxRounds` assignments ran. A school's gain halves when its error changes sign
 * (it overshot) and grows by a fifth otherwise, up to 1.
 */
function iterate(
  p: BalanceInput,
  state: { meanCost: number; head: number[]; ruralTargets: number[] | null },
  maxRounds: number,
  tolerance: number,
  assign: () => Assignment,
): Assignment & { targets: number[] } {
  const { head } = state;
  const gain = new Array<number>(head.length).fill(0.5);
  const lastSign = new Array<number>(head.length).fill(0);
  for (let round = 1; ; round++) {
    const a = assign();
    // The rural schools hold what is nearest to them when every head start is 0 (the first round).
    state.ruralTargets ??= a.loads.slice(0, p.fixed);
    const targets = targetsFor(a.loads, p.size, state.ruralTargets);
    const done = a.loads.every((l, j) => Math.abs(l - targets[j]) <= (j < p.fixed ? 2 : 1) * tolerance * targets[j] + 5);
    if (done || round === maxRounds) return { ...a, targets };
    for (let j = 0; j < head.length; j++) {
      const error = Math.log((targets[j] + 1) / (a.loads[j] + 1));
      const sign = Math.sign(error);
      gain[j] = lastSign[j] !== 0 && sign !== lastSign[j] ? gain[j] * 0.5 : Math.min(1, gain[j] * 1.2);
      lastSign[j] = sign;
      // A catchment of radius R holding L children grows roughly as (R + h)², so d(log L)/dh ≈ 2 / R.
      const radius = state.meanCost * Math.max(MIN_RADIUS, Math.sqrt(a.areas[j] / Math.PI));
      head[j] += Math.max(-0.3 * radius, Math.min(0.3 * radius, gain[j] * 0.5 * radius * error));
    }
    const mean = head.reduce((x, y) => x + y, 0) / head.length;
    for (let j = 0; j < head.length; j++) head[j] -= mean;
  }
}

/** Rural schools keep their targets; the city schools share out the rest in proportion to their sizes. */
function targetsFor(loads: number[], size: number[], ruralTargets: number[]): number[] {
  const fixed = ruralTargets.length;
  let rest = 0;
  let sizes = 0;
  for (let j = 0; j < loads.length; j++) {
    rest += loads[j] - (j < fixed ? ruralTargets[j] : 0);
    if (j >= fixed) sizes += size[j];
  }
  return loads.map((_, j) => (j < fixed ? ruralTargets[j] : (rest * size[j]) / sizes));
}

/** The cost field averaged over each 250 m cell's land pixels (0 where the cell has none). */
function coarsen(ls: Landscape, cost: Float32Array): { frame: Landscape; cost: Float32Array } {
  const sub = CELL / ls.pixel;
  const w = Math.floor(ls.w / sub);
  const h = Math.floor(ls.h / sub);
  const out = new Float32Array(w * h);
  for (let r = 0; r < h; r++) {
    for (let c = 0; c < w; c++) {
      let sum = 0;
      let n = 0;
      for (let a = 0; a < sub; a++) {
        for (let b = 0; b < sub; b++) {
          const v = cost[(r * sub + a) * ls.w + c * sub + b];
          if (v) {
            sum += v;
            n++;
          }
        }
      }
      out[r * w + c] = n ? sum / n : 0;
    }
  }
  return { frame: { ...ls, w, h, pixel: CELL }, cost: out };
}

/** Area-weighted children and land area (m²) per label: each cell's children are split evenly over its pixels. */
export function pixelLoads(ls: Landscape, cells: Cell[], labels: Int32Array, demand: Float64Array, count: number): { loads: number[]; areas: number[] } {
  const loads = new Array<number>(count).fill(0);
  const areas = new Array<number>(count).fill(0);
  for (let i = 0; i < labels.length; i++) if (labels[i] >= 0) areas[labels[i]] += ls.pixel * ls.pixel;
  const sub = CELL / ls.pixel;
  const share = 1 / (sub * sub);
  cells.forEach((c, k) => {
    if (!demand[k]) return;
    const c0 = Math.round((c.x0 - ls.originX) / ls.pixel);
    const r0 = Math.round((c.y0 - ls.originY) / ls.pixel);
    for (let r = r0; r < r0 + sub; r++) {
      for (let col = c0; col < c0 + sub; col++) {
        const label = labels[r * ls.w + col];
        if (label >= 0) loads[label] += demand[k] * share;
      }
    }
  });
  return { loads, areas };
}
