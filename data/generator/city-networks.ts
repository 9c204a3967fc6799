/**
 * The three school networks of the sample city (Finnish grades 1–6, Finnish grades 7–9,
 * Swedish grades 1–6): school sites, names, capacities and catchment polygons that
 * partition the municipal land (EPSG:3067).
 */
import type { MultiPolygon } from '../../src/core/model/geometry-types';
import { assignPixels, buildCostField } from './catchment-raster';
import type { CityLayout, District } from './districts';
import { pixelAt, type Landscape } from './landscape';
import { CELL, type Cell } from './population';
import { createRng, type Rng } from './prng';
import type { SampleCityConfig } from './sample-city-config';
import { capacityFor, kMeans, nameSchools, RESERVE_NAMES, snapToCells, SWEDISH_NAMES, type Site } from './schools';
import { traceRegions } from './trace-regions';

export interface SchoolRecord {
  id: string;
  name: string;
  language: 'fi' | 'sv';
  grades: '1-6' | '7-9' | '1-9';
  capacity: number;
  x: number;
  y: number;
}

export type NetworkId = 'fi-lower' | 'fi-upper' | 'sv-lower';

export interface NetworkPlan {
  id: NetworkId;
  schoolIds: string[];
  /** Parallel to schoolIds. */
  catchments: MultiPolygon[];
  /** Children of the network's age band per catchment (true counts, for sizing). */
  children: number[];
}

export function planNetworks(cfg: SampleCityConfig, ls: Landscape, layout: CityLayout, cells: Cell[]): { schools: SchoolRecord[]; networks: NetworkPlan[] } {
  const rng = createRng(cfg.seed, 'schools');
  const n = cells.length;
  const lowerFi = new Float64Array(n);
  const upperFi = new Float64Array(n);
  const lowerSv = new Float64Array(n);
  cells.forEach((c, i) => {
    lowerFi[i] = c.counts.he_7_12 * (1 - c.swedish);
    upperFi[i] = c.counts.he_13_15 * (1 - c.swedish);
    lowerSv[i] = c.counts.he_7_12 * c.swedish;
  });
  const { fiLower, fiUpper, svLower } = cfg.schools;
  const [cx, cy] = ls.centre;
  const taken = new Set<number>();

  // Rural schools are fixed: a comprehensive (1–9) school in each church village, a small
  // grades 1–6 school in the largest villages (the other villages share one).
  const compSites = layout.churchVillages.map((v) => villageSite(cells, v, taken));
  const villageSites = largestVillages(cells, layout.villages, cfg.hinterland.villageSchools).map((v) => villageSite(cells, v, taken));
  const rural = compSites.length + villageSites.length;
  const upperOnly = snapToCells(cells, kMeans(rng, cells, upperFi, fiUpper, compSites), compSites.length, taken).slice(compSites.length);
  const lowerOnly = snapToCells(cells, kMeans(rng, cells, lowerFi, fiLower, [...compSites, ...villageSites]), rural, taken).slice(rural);
  const svSites = snapToCells(cells, kMeans(rng, cells, lowerSv, svLower, []), 0, taken).sort((a, b) => Math.hypot(a.x - cx, a.y - cy) - Math.hypot(b.x - cx, b.y - cy));

  const reserve = [...RESERVE_NAMES];
  const lowerNames = nameSchools([...compSites, ...villageSites, ...lowerOnly], layout.districts, reserve, (g, d, i) =>
    i < compSites.length ? `${g} yhtenäiskoulu` : i < rural ? `${g} koulu` : d?.kind === 'centre' ? 'Keskuskoulu' : rng.next() < 0.5 ? `${g} ala-asteen koulu` : `${g} koulu`,
  );
  const upperNames = nameSchools(upperOnly, layout.districts, reserve, (g) => `${g} yläkoulu`);
  const schools: SchoolRecord[] = [];
  const add = (s: Site, language: 'fi' | 'sv', grades: SchoolRecord['grades'], name: string) => {
    const id = `${language}-${String(schools.filter((x) => x.language === language).length + 1).padStart(3, '0')}`;
    schools.push({ id, name, language, grades, capacity: 0, x: s.x, y: s.y });
    return id;
  };
  const compIds = compSites.map((s, i) => add(s, 'fi', '1-9', lowerNames[i]));
  const villageIds = villageSites.map((s, i) => add(s, 'fi', '1-6', lowerNames[compSites.length + i]));
  const lowerIds = lowerOnly.map((s, i) => add(s, 'fi', '1-6', lowerNames[rural + i]));
  const upperIds = upperOnly.map((s, i) => add(s, 'fi', '7-9', upperNames[i]));
  const svIds = svSites.map((s, i) => add(s, 'sv', '1-6', SWEDISH_NAMES[i % SWEDISH_NAMES.length]));

  const cost = buildCostField(cfg, ls);
  // The first `fixed` sites (rural schools) keep head start 0: village catchments are simply
  // the nearest area, however few children live there; the city schools share out the rest.
  const plan = (id: NetworkId, ids: string[], sites: Site[], demand: Float64Array, fixed: number): NetworkPlan => {
    const head = balanceHeads(cells, demand, sites, 900 * cfg.layoutScale, fixed);
    const sources = sites.map((s) => pixelAt(ls, s.x, s.y));
    let labels = assignPixels(ls, cost, sources, head);
    let children = childrenPerLabel(labels);
    // Two corrections on the real travel costs: overloaded catchments give way a little.
    for (let round = 0; round < 2; round++) {
      const target = children.slice(fixed).reduce((a, b) => a + b, 0) / (sites.length - fixed);
      children.forEach((load, j) => {
        if (j >= fixed) head[j] += 600 * cfg.layoutScale * Math.max(-1, Math.min(1, Math.log((target + 1) / (load + 1))));
      });
      centreHeads(head, fixed);
      labels = assignPixels(ls, cost, sources, head);
      children = childrenPerLabel(labels);
    }
    return { id, schoolIds: ids, catchments: traceRegions(ls, labels, sites.length), children };

    function childrenPerLabel(labels: Int32Array): number[] {
      const out = new Array<number>(sites.length).fill(0);
      cells.forEach((c, i) => {
        const label = labels[pixelAt(ls, c.x0 + CELL / 2, c.y0 + CELL / 2)];
        if (label >= 0) out[label] += demand[i];
      });
      return out;
    }
  };
  const networks = [
    plan('fi-lower', [...compIds, ...villageIds, ...lowerIds], [...compSites, ...villageSites, ...lowerOnly], lowerFi, rural),
    plan('fi-upper', [...compIds, ...upperIds], [...compSites, ...upperOnly], upperFi, compSites.length),
    plan('sv-lower', svIds, svSites, lowerSv, 0),
  ];
  setCapacities(rng, schools, networks, new Set([...compIds, ...villageIds]));
  return { schools, networks };
}

/**
 * Head starts (m) that shrink overloaded and grow underloaded catchments, so sizes are only
 * partly equalised. The first `fixed` sites keep 0 and are left out of the target.
 */
function balanceHeads(cells: Cell[], demand: Float64Array, sites: Site[], step: number, fixed: number): number[] {
  const head = new Array<number>(sites.length).fill(0);
  for (let iter = 0; iter < 16; iter++) {
    const load = new Array<number>(sites.length).fill(0);
    cells.forEach((c, i) => {
      const x = c.x0 + CELL / 2;
      const y = c.y0 + CELL / 2;
      let best = 0;
      let bestScore = Infinity;
      sites.forEach((s, j) => {
        const score = Math.hypot(s.x - x, s.y - y) - head[j];
        if (score < bestScore) {
          bestScore = score;
          best = j;
        }
      });
      load[best] += demand[i];
    });
    const target = load.slice(fixed).reduce((a, b) => a + b, 0) / (sites.length - fixed);
    for (let j = fixed; j < sites.length; j++) head[j] += step * Math.max(-1, Math.min(1, Math.log((target + 1) / (load[j] + 1))));
    centreHeads(head, fixed);
  }
  return head;
}

/**
 * Shift the balanced heads (index ≥ fixed) to mean 0, so the fixed rural schools' head start of
 * 0 stays neutral: otherwise a city whose heads all grew would swallow the village catchments.
 */
function centreHeads(head: number[], fixed: number): void {
  if (fixed === 0 || fixed >= head.length) return;
  const mean = head.slice(fixed).reduce((a, b) => a + b, 0) / (head.length - fixed);
  for (let j = fixed; j < head.length; j++) head[j] -= mean;
}

/** Pupil places per school: city schools 200–700 (1–6) and 300–900 (7–9); rural schools from 40 (1–6) and 100 (7–9). */
function setCapacities(rng: Rng, schools: SchoolRecord[], networks: NetworkPlan[], rural: Set<string>): void {
  const part = new Map<string, number>();
  for (const net of networks) {
    const upper = net.id === 'fi-upper';
    net.schoolIds.forEach((id, j) => {
      const [min, max] = rural.has(id) ? (upper ? [100, 900] : [40, 700]) : upper ? [300, 900] : [200, 700];
      part.set(id, (part.get(id) ?? 0) + capacityFor(rng, net.children[j], min, max));
    });
  }
  for (const s of schools) s.capacity = part.get(s.id) ?? 0;
}

/** The school site of a village: the centre of its most populated cell within its radius (not yet taken). */
function villageSite(cells: Cell[], v: District, taken: Set<number>): Site {
  let best = -1;
  cells.forEach((c, i) => {
    if (taken.has(i) || Math.hypot(c.x0 + CELL / 2 - v.x, c.y0 + CELL / 2 - v.y) > Math.max(v.radius, 500)) return;
    if (best < 0 || c.pop > cells[best].pop) best = i;
  });
  if (best < 0) best = snapIndex(cells, v, taken);
  taken.add(best);
  return { x: cells[best].x0 + CELL / 2, y: cells[best].y0 + CELL / 2 };
}

function snapIndex(cells: Cell[], v: Site, taken: Set<number>): number {
  let best = -1;
  let bestD = Infinity;
  cells.forEach((c, i) => {
    const d = Math.hypot(c.x0 + CELL / 2 - v.x, c.y0 + CELL / 2 - v.y);
    if (!taken.has(i) && d < bestD) {
      bestD = d;
      best = i;
    }
  });
  return best;
}

/** The `count` villages with the most inhabitants within their radius. */
function largestVillages(cells: Cell[], villages: District[], count: number): District[] {
  const pop = villages.map((v) => cells.reduce((s, c) => s + (Math.hypot(c.x0 + CELL / 2 - v.x, c.y0 + CELL / 2 - v.y) <= v.radius ? c.pop : 0), 0));
  return villages
    .map((v, i) => ({ v, i, p: pop[i] }))
    .sort((a, b) => b.p - a.p || a.i - b.i)
    .slice(0, count)
    .sort((a, b) => a.i - b.i)
    .map((e) => e.v);
}
