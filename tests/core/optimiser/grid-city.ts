/**
 * Small random grid cities for the optimiser tests: W × H cells of 250 m, every cell
 * populated, schools at random cells, catchments = nearest school (cell-aligned, so every
 * cell lies wholly in one catchment), children and foreign-language shares varying smoothly
 * with noise, capacities around the starting enrolment.
 */
import { presets } from '../../../src/core/config/presets';
import type { IndicatorConfig } from '../../../src/core/config/indicator-config';
import { cellsToMultiPolygon } from '../../../src/core/geometry/cells-to-multi-polygon';
import type { Dataset } from '../../../src/core/model/dataset';
import type { GridSpec } from '../../../src/core/model/grid-spec';
import type { School } from '../../../src/core/model/school';
import { ScenarioEngine } from '../../../src/core/scenario/scenario-engine';
import { lcg } from '../random-shapes';

export const CELL = 250;
export const ORIGIN_X = 380_000;
export const ORIGIN_Y = 6_670_000;

export const gridConfig: IndicatorConfig = {
  ...presets['statfi-grid'],
  shares: presets['statfi-grid'].shares.filter((s) => s.id === 'foreign_language'),
  multigroup: [],
  composite: { weights: { foreign_language: 1 } },
};

export interface GridCity {
  dataset: Dataset;
  /** School index of every cell (row-major: cell = row·W + col = unit index). */
  owner: number[];
  W: number;
  H: number;
  schoolCells: number[];
}

export interface GridCityOptions {
  W: number;
  H: number;
  schools: number;
  seed: number;
  /** Capacity = start enrolment × a random factor in [capLow, capHigh]. */
  capLow?: number;
  capHigh?: number;
}

export function gridCity(o: GridCityOptions): GridCity {
  const rand = lcg(o.seed);
  const { W, H } = o;
  const n = W * H;
  const grid: GridSpec = { originX: ORIGIN_X, originY: ORIGIN_Y, cellSize: CELL, cols: W, rows: H };
  const schoolCells: number[] = [];
  while (schoolCells.length < o.schools) {
    const c = Math.floor(rand() * n);
    if (!schoolCells.includes(c)) schoolCells.push(c);
  }
  const owner: number[] = [];
  for (let u = 0; u < n; u++) {
    const [x, y] = [u % W, Math.floor(u / W)];
    let best = 0;
    let bestD = Infinity;
    schoolCells.forEach((c, s) => {
      const d = Math.hypot(x - (c % W), y - Math.floor(c / W)) + s * 1e-6;
      if (d < bestD) [best, bestD] = [s, d];
    });
    owner.push(best);
  }
  const tilt = rand() * 2 * Math.PI;
  const children = new Float64Array(n);
  const population = new Float64Array(n);
  const foreign = new Float64Array(n);
  for (let u = 0; u < n; u++) {
    const [x, y] = [u % W, Math.floor(u / W)];
    children[u] = 5 + Math.floor(rand() * 26);
    population[u] = children[u] * 10;
    const gradient = 0.5 + 0.45 * Math.sin(tilt) * ((x / W) - 0.5) * 2 * 0.5 + 0.45 * Math.cos(tilt) * ((y / H) - 0.5);
    const share = Math.min(0.95, Math.max(0, gradient * 0.6 + (rand() - 0.5) * 0.3));
    foreign[u] = Math.round(share * population[u]);
  }
  const kids = new Array<number>(o.schools).fill(0);
  owner.forEach((s, u) => (kids[s] += children[u]));
  const schools: School[] = schoolCells.map((c, s) => ({
    id: `S${s}`, name: `School ${s}`, language: 'fi', grades: '1-6',
    capacity: Math.round(kids[s] * ((o.capLow ?? 0.9) + rand() * ((o.capHigh ?? 1.2) - (o.capLow ?? 0.9)))),
    location: [ORIGIN_X + ((c % W) + 0.5) * CELL, ORIGIN_Y + (Math.floor(c / W) + 0.5) * CELL],
  }));
  const col = Int32Array.from({ length: n }, (_, u) => u % W);
  const row = Int32Array.from({ length: n }, (_, u) => Math.floor(u / W));
  const catchments = schools.map((_, s) => cellsToMultiPolygon(grid, owner.flatMap((o2, u) => (o2 === s ? [[u % W, Math.floor(u / W)] as [number, number]] : []))));
  const dataset: Dataset = {
    name: 'grid city', source: 'test',
    units: {
      kind: 'grid', count: n, ids: Array.from({ length: n }, (_, u) => `c${u}`), grid, col, row,
      attributes: {
        names: ['he_7_12', 'he_13_15', 'he_vakiy', 'vieraskielisia'],
        columns: { he_7_12: children, he_13_15: children.map(() => 0), he_vakiy: population, vieraskielisia: foreign },
      },
    },
    schools,
    networks: [{ id: 'net', label: 'net', language: 'fi', level: 'lower', schoolIds: schools.map((s) => s.id) }],
    partitions: { net: { networkId: 'net', catchments } },
  };
  return { dataset, owner, W, H, schoolCells };
}

export function gridEngine(city: GridCity): ScenarioEngine {
  const r = ScenarioEngine.create(city.dataset, gridConfig);
  if (!r.ok) throw new Error(r.problems.map((p) => p.message).join('; '));
  return r.value;
}
