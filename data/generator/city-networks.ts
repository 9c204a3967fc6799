/**
 * The three school networks of the sample city (Finnish grades 1–6, Finnish grades 7–9,
 * Swedish grades 1–6): school sites, names, capacities and catchment polygons that
 * partition the municipal land (EPSG:3067).
 */
import type { MultiPolygon } from '../../src/core/model/geometry-types';
import { placesFor, schoolSizes, utilisationFactors } from './capacities';
import { buildCostField } from './catchment-raster';
import type { CityLayout, District } from './districts';
import type { Landscape } from './landscape';
import { balanceCatchments } from './load-balance';
import { observedDemand } from './observed-demand';
import { CELL, type Cell } from './population';
import { createRng, type Rng } from './prng';
import type { SampleCityConfig } from './sample-city-config';
import { balancedKMeans, nameSchools, RESERVE_NAMES, snapToCells, SWEDISH_NAMES, type Site } from './schools';
import { traceRegions } from './trace-regions';

export interface SchoolRecord {
  id: string;
  name: string;
  language: 'fi' | 'sv';
  grades: '1-6' | '7-9' | '1-9';
  capacity: number;
  /** Places per level for comprehensive (1–9) schools. */
  capacityLower?: number;
  capacityUpper?: number;
  x: number;
  y: number;
}

export type NetworkId = 'fi-lower' | 'fi-upper' | 'sv-lower';

export interface NetworkPlan {
  id: NetworkId;
  schoolIds: string[];
  /** Parallel to schoolIds. */
  catchments: MultiPolygon[];
  /** Children of the network's age band per catchment, as the tool estimates them (area-weighted, suppressed cells imputed). */
  children: number[];
  /** Planned children per catchment (balancing targets; the load itself for rural schools). */
  targets: number[];
  /** Assignment rounds on the real travel costs until the loads met their targets. */
  rounds: number;
  /** Planned utilisation per school (children / places before rounding). */
  factors?: number[];
}

/**
 * Sites, names, catchments and capacities of the three networks. `swedishPublished` is the
 * published sv_7_12 per cell (−1 when suppressed).
 */
export function planNetworks(cfg: SampleCityConfig, ls: Landscape, layout: CityLayout, cells: Cell[], swedishPublished: Int32Array): { schools: SchoolRecord[]; networks: NetworkPlan[] } {
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
  const upperOnly = snapToCells(cells, balancedKMeans(rng, cells, upperFi, fiUpper, compSites), compSites.length, taken).slice(compSites.length);
  const lowerOnly = snapToCells(cells, balancedKMeans(rng, cells, lowerFi, fiLower, [...compSites, ...villageSites]), rural, taken).slice(rural);
  const svSites = snapToCells(cells, balancedKMeans(rng, cells, lowerSv, svLower, []), 0, taken).sort((a, b) => Math.hypot(a.x - cx, a.y - cy) - Math.hypot(b.x - cx, b.y - cy));

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
  // Balanced and sized on the children as the tool estimates them from the published grid.
  const observed = {
    lower: observedDemand(cells, (c) => c.published.he_7_12),
    upper: observedDemand(cells, (c) => c.published.he_13_15),
    swedish: observedDemand(cells, (_, i) => swedishPublished[i]),
  };
  const sizeRng = createRng(cfg.seed, 'school-sizes');
  const plan = (id: NetworkId, ids: string[], sites: Site[], demand: Float64Array, fixed: number): NetworkPlan => {
    const size = [...new Array<number>(fixed).fill(1), ...schoolSizes(sizeRng, sites.length - fixed)];
    const b = balanceCatchments({ ls, cost, cells, demand, sites, fixed, size });
    return { id, schoolIds: ids, catchments: traceRegions(ls, b.labels, sites.length), children: b.loads, targets: b.targets, rounds: b.rounds };
  };
  const networks = [
    plan('fi-lower', [...compIds, ...villageIds, ...lowerIds], [...compSites, ...villageSites, ...lowerOnly], observed.lower, rural),
    plan('fi-upper', [...compIds, ...upperIds], [...compSites, ...upperOnly], observed.upper, compSites.length),
    plan('sv-lower', svIds, svSites, observed.swedish, 0),
  ];
  setCapacities(createRng(cfg.seed, 'utilisation'), schools, networks, new Set([...compIds, ...villageIds]));
  return { schools, networks };
}

/** Planned utilisation outliers per network: a crowded popular school, a shrinking one. */
const OUTLIERS: Record<NetworkId, number[]> = { 'fi-lower': [1.32, 0.64], 'fi-upper': [1.28], 'sv-lower': [0.68] };

/**
 * Pupil places: the catchment's children / a planned utilisation factor (capacities.ts). City
 * schools 200–1,200 (1–6) and 300–1,600 (7–9) places; rural schools from 20 (1–6) and 60 (7–9).
 * A comprehensive (1–9) school's capacity is the sum of its two parts.
 */
function setCapacities(rng: Rng, schools: SchoolRecord[], networks: NetworkPlan[], rural: Set<string>): void {
  const part = new Map<string, number>();
  const byLevel = new Map<string, { lower?: number; upper?: number }>();
  for (const net of networks) {
    const upper = net.id === 'fi-upper';
    const firstCity = net.schoolIds.findIndex((id) => !rural.has(id));
    net.factors = utilisationFactors(rng, net.children, firstCity < 0 ? net.schoolIds.length : firstCity, OUTLIERS[net.id]);
    net.schoolIds.forEach((id, j) => {
      const [min, max] = rural.has(id) ? (upper ? [60, 1600] : [20, 1200]) : upper ? [300, 1600] : [200, 1200];
      const places = placesFor(net.children[j], net.factors![j], min, max);
      part.set(id, (part.get(id) ?? 0) + places);
      if (net.id !== 'sv-lower') byLevel.set(id, { ...byLevel.get(id), [upper ? 'upper' : 'lower']: places });
    });
  }
  for (const s of schools) {
    s.capacity = part.get(s.id) ?? 0;
    if (s.grades === '1-9') {
      s.capacityLower = byLevel.get(s.id)?.lower;
      s.capacityUpper = byLevel.get(s.id)?.upper;
    }
  }
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
