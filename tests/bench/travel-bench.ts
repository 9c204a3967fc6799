/**
 * Travel part of `npm run bench`: a generated street network of about 100 000 nodes (a jittered
 * lattice with a river and a motorway that few streets cross) on the synthetic 250 000-cell
 * city with 300 schools. Measures the graph build, the distances from every school, and the
 * extra cost per edit of updating every travel figure, each against a straightforward baseline.
 */
import { resolveTravelSettings } from '../../src/core/config/travel-settings';
import { EditableNetwork } from '../../src/core/edits/editable-network';
import { multiPolygonCentroid } from '../../src/core/geometry/centroid';
import { pointInMultiPolygon } from '../../src/core/geometry/point-in-polygon';
import type { Position } from '../../src/core/model/geometry-types';
import { buildStreetGraph } from '../../src/core/travel/street-graph';
import { StreetDistances } from '../../src/core/travel/street-distances';
import type { StreetLinks } from '../../src/core/travel/street-links';
import { StreetNetwork } from '../../src/core/travel/street-network';
import { TravelTracker, type TravelTrackerOptions } from '../../src/core/travel/travel-tracker';
import { meander, streetLattice } from '../../data/generator/street-lattice';
import { lcg } from '../core/random-shapes';
import { randomLasso, X0, X1, Y0, Y1, type BenchCity } from './synthetic-city';

const log = (s: string) => process.stderr.write(`${s}\n`);
/** The target for the extra cost per edit of updating every travel figure. */
const TRAVEL_UPDATE_TARGET_MS = 2;
/** Measured edits (after 10 that warm up): enough that the p95 is not one unlucky edit. */
const EDITS = 100;
const quantile = (xs: number[], q: number) => xs.slice().sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(q * (xs.length - 1) + 0.5))];

function benchStreets(): StreetLinks {
  const H = Y1 - Y0, W = X1 - X0;
  const lines = streetLattice({
    x0: X0, y0: Y0, x1: X1, y1: Y1, spacing: 396, seed: 7,
    keep: () => 0.9,
    highway: () => 'residential',
    barriers: [
      { kind: 'river', name: 'River', line: meander(1, [X0 - 500, Y0 + 0.45 * H], [X1 + 500, Y0 + 0.55 * H], 60, 3000), crossings: [0.1, 0.3, 0.5, 0.7, 0.9] },
      { kind: 'motorway', name: 'Motorway', line: meander(2, [X0 + 0.6 * W, Y0 - 500], [X0 + 0.4 * W, Y1 + 500], 40, 2000), crossings: [0.15, 0.35, 0.5, 0.65, 0.85] },
    ],
  }).filter((l) => l.properties.highway && l.properties.highway !== 'motorway');
  const starts = [0];
  const xy: number[] = [];
  for (const l of lines) {
    for (const [x, y] of l.coordinates) xy.push(x, y);
    starts.push(xy.length / 2);
  }
  return { count: lines.length, linkStart: Int32Array.from(starts), xy: Float64Array.from(xy), feature: Int32Array.from(lines.keys()), linkClass: lines.map(roadClass) };
}

/** Every 8th row and column of the lattice a primary road, the rest residential (for the speeds-by-class run). */
function roadClass(l: { coordinates: Position[] }): string {
  const [[ax, ay], [bx, by]] = l.coordinates;
  const index = Math.abs(bx - ax) > Math.abs(by - ay) ? Math.round((ay - Y0) / 396) : Math.round((ax - X0) / 396);
  return index % 8 === 0 ? 'primary' : 'residential';
}

/** Baseline graph build: string keys in a Map, adjacency lists of objects. */
function baselineGraph(links: StreetLinks) {
  const ids = new Map<string, number>();
  const adj: { to: number; len: number }[][] = [];
  const xs: number[] = [], ys: number[] = [];
  const node = (x: number, y: number) => {
    const key = `${Math.round(x * 1000)},${Math.round(y * 1000)}`;
    let id = ids.get(key);
    if (id === undefined) {
      ids.set(key, (id = adj.length));
      adj.push([]);
      xs.push(x);
      ys.push(y);
    }
    return id;
  };
  for (let l = 0; l < links.count; l++)
    for (let v = links.linkStart[l] + 1; v < links.linkStart[l + 1]; v++) {
      const a = node(links.xy[2 * v - 2], links.xy[2 * v - 1]);
      const b = node(links.xy[2 * v], links.xy[2 * v + 1]);
      const len = Math.hypot(xs[a] - xs[b], ys[a] - ys[b]);
      adj[a].push({ to: b, len });
      adj[b].push({ to: a, len });
    }
  return { adj, xs, ys };
}

/** Baseline shortest paths: a plain Dijkstra over the object graph (array-of-pairs heap), no search limit. */
function baselineDijkstra(adj: { to: number; len: number }[][], source: number): Float64Array {
  const dist = new Float64Array(adj.length).fill(Infinity);
  const heap: [number, number][] = [[0, source]];
  dist[source] = 0;
  while (heap.length) {
    heap.sort((a, b) => b[0] - a[0]);
    const [d, n] = heap.pop()!;
    if (d > dist[n]) continue;
    for (const { to, len } of adj[n]) if (d + len < dist[to]) heap.push([(dist[to] = d + len), to]);
    if (heap.length > 64) heap.sort((a, b) => a[0] - b[0]).splice(64); // keep the sort cheap; the plain approach
  }
  return dist;
}

/**
 * EDITS + 10 lasso edits (the first 10 warm up), each followed by the update of every travel figure, then
 * undone: the first update's time per edit, the fastest of three, and whether it searched.
 */
function measureUpdates(city: BenchCity, net: StreetNetwork, distances: StreetDistances, options: TravelTrackerOptions) {
  const ed = new EditableNetwork({ ...city });
  const tracker = new TravelTracker(ed.overlay, distances, options);
  let t: number;
  const runsBefore = net.targetRuns;
  const settledBefore = net.settledInTargetRuns;
  const rand = lcg(4242);
  const times: number[] = [];
  const cpuTimes: number[] = [];
  const firstTimes: number[] = [];
  const firstCpu: number[] = [];
  /** First updates of the edits that needed no exact search beyond a school's search limit. */
  const firstNoSearch: number[] = [];
  const firstNoSearchCpu: number[] = [];
  let searchEdits = 0;
  for (let i = 0; i < EDITS + 10; i++) {
    const cx = X0 + 8_000 + rand() * (X1 - X0 - 16_000);
    const cy = Y0 + 8_000 + rand() * (Y1 - Y0 - 16_000);
    let s = city.partition.catchments.findIndex((c) => pointInMultiPolygon([cx, cy], c));
    if (s < 0) s = 0;
    const res = ed.apply({ kind: 'assign-region', networkId: 'bench', schoolId: city.network.schoolIds[s], region: randomLasso(rand, cx, cy, 6_300) });
    if (!res.ok) continue;
    // The same update three times (idempotent: the units are re-read each time, every school
    // figure recomputed): the fastest is the cost of the work with other processes' pre-emption
    // filtered out (this machine is shared); the first alone is reported too.
    let best = Infinity;
    let bestCpu = Infinity;
    for (let rep = 0; rep < 3; rep++) {
      const runs0 = net.targetRuns;
      const c0 = process.cpuUsage();
      t = performance.now();
      tracker.update(ed.overlay, res.value.changedUnits);
      const t1 = performance.now();
      for (const school of res.value.changedSchools) tracker.school(school);
      const t2 = performance.now();
      tracker.network();
      const wall = performance.now() - t;
      const cpu = process.cpuUsage(c0);
      if (process.env.TRAVEL_PROFILE) log(`  ${net.targetRuns - runs0 ? 'SEARCH ' : ''}update ${(t1 - t).toFixed(2)} schools ${(t2 - t1).toFixed(2)} network ${(performance.now() - t2).toFixed(2)} units ${res.value.changedUnits.length} schools ${res.value.changedSchools.length}`);
      if (rep === 0 && i >= 10) {
        firstTimes.push(wall);
        firstCpu.push((cpu.user + cpu.system) / 1000);
        if (net.targetRuns === runs0) {
          firstNoSearch.push(wall);
          firstNoSearchCpu.push((cpu.user + cpu.system) / 1000);
        } else searchEdits++;
      }
      best = Math.min(best, wall);
      bestCpu = Math.min(bestCpu, (cpu.user + cpu.system) / 1000);
    }
    if (i >= 10) {
      times.push(best);
      cpuTimes.push(bestCpu);
    }
    const undone = ed.undo();
    if (undone) {
      // The app reads the figures after an undo too (not timed here: the undo's own cost).
      tracker.update(ed.overlay, undone.changedUnits);
      for (const school of undone.changedSchools) tracker.school(school);
      tracker.network();
    }
  }
  return { ed, tracker, times, cpuTimes, firstTimes, firstCpu, firstNoSearch, firstNoSearchCpu, searchEdits, searches: net.targetRuns - runsBefore, settled: net.settledInTargetRuns - settledBefore };
}

export function runTravelBench(city: BenchCity): Record<string, number | string> {
  const links = benchStreets();
  let t = performance.now();
  const graph = buildStreetGraph(links);
  const graphMs = performance.now() - t;
  t = performance.now();
  const base = baselineGraph(links);
  const baseGraphMs = performance.now() - t;
  log(`street graph: ${graph.nodeCount} nodes in ${graphMs.toFixed(0)} ms (baseline ${baseGraphMs.toFixed(0)} ms)`);

  const { grid } = city.units;
  const points = new Float64Array(city.units.count * 2);
  for (let u = 0; u < city.units.count; u++) {
    points[2 * u] = grid.originX + (city.units.col[u] + 0.5) * grid.cellSize;
    points[2 * u + 1] = grid.originY + (city.units.row[u] + 0.5) * grid.cellSize;
  }
  const settings = resolveTravelSettings(undefined);
  t = performance.now();
  const net = new StreetNetwork(graph, points, settings);
  const snapMs = performance.now() - t;
  const schools: Position[] = city.partition.catchments.map((c) => multiPolygonCentroid(c));
  t = performance.now();
  const distances = new StreetDistances(net, schools);
  distances.nearest();
  const allMs = performance.now() - t;
  const kept = distances.reaches.reduce((a, r) => a + r.units.length, 0);
  log(`snap ${snapMs.toFixed(0)} ms; all school distances ${allMs.toFixed(0)} ms (${kept} school–unit pairs kept)`);

  // Baseline: plain Dijkstra from 3 schools over the whole graph, then every unit; extrapolated to 300.
  t = performance.now();
  const sample = 3;
  for (let s = 0; s < sample; s++) {
    const snap = net.snap(schools[s]);
    const d = baselineDijkstra(base.adj, snap ? graph.edgeA[snap.edge] : 0);
    let sum = 0;
    for (let u = 0; u < net.unitCount; u++) if (net.unitEdge[u] >= 0) sum += d[graph.edgeA[net.unitEdge[u]]];
    if (sum < 0) log('');
  }
  const baseAllMs = ((performance.now() - t) / sample) * schools.length;

  const children = new Float64Array(city.units.count);
  for (let u = 0; u < city.units.count; u++) children[u] = city.matrix[u * city.width];
  const options = { children, youngestLimitM: 3000, driveKmh: 40, transportWaitMinutes: 30, dailyLimitHours: 2.5 };
  const { ed, times, cpuTimes, firstTimes, firstCpu, firstNoSearch, firstNoSearchCpu, searchEdits, searches, settled } = measureUpdates(city, net, distances, options);
  const baseUpdate: number[] = [];
  for (let i = 0; i < 3; i++) {
    t = performance.now();
    const fresh = new TravelTracker(ed.overlay, distances, options);
    fresh.network();
    baseUpdate.push(performance.now() - t);
  }
  log(`searches during the edits: ${searches} targeted, ${settled} nodes settled in all (of ${graph.nodeCount})`);
  // The cost the user pays is the first update of each edit (exact searches for pairs beyond a
  // school's search limit included); the fastest of 3 repeats filters pre-emption but finds those
  // searches done, so it is reported beside, not as the figure.
  const p95 = quantile(firstTimes, 0.95);
  const baseU = quantile(baseUpdate, 0.5);
  log(`travel update p95 ${p95.toFixed(2)} ms (first update per edit; ${searchEdits} of ${firstTimes.length} edits searched beyond the limit; baseline full recompute ${baseU.toFixed(0)} ms)`);

  // The same with driving speeds by road class (primary 60 km/h, residential 30 km/h): every kept
  // trip also gets its driving time along its route, and the daily-time figures read them.
  const byClass = resolveTravelSettings({ driveKmhByClass: { primary: 60, residential: 30 } });
  const netC = new StreetNetwork(graph, points, byClass, links.linkClass);
  t = performance.now();
  const distancesC = new StreetDistances(netC, schools);
  distancesC.nearest();
  const allMsC = performance.now() - t;
  const c = measureUpdates(city, netC, distancesC, options);
  const p95C = quantile(c.firstTimes, 0.95);
  const one = new TravelTracker(c.ed.overlay, distances, options).network();
  const classed = c.tracker.network();
  log(`by class: all school distances ${allMsC.toFixed(0)} ms; update p95 ${p95C.toFixed(2)} ms; longest daily time ${one.maxDailyHours?.toFixed(3)} h at one speed, ${classed.maxDailyHours?.toFixed(3)} h by class`);
  return {
    street_nodes: graph.nodeCount,
    street_edges: graph.edgeCount,
    street_graph_build_ms: +graphMs.toFixed(1),
    baseline_street_graph_build_ms: +baseGraphMs.toFixed(1),
    unit_snap_ms: +snapMs.toFixed(1),
    all_school_distances_ms: +allMs.toFixed(1),
    baseline_all_school_distances_ms: +baseAllMs.toFixed(0),
    baseline_all_school_distances_note: 'plain Dijkstra without search limit, 3 schools timed, ×100',
    school_unit_pairs_kept: kept,
    travel_update_note: 'per edit: the first update (what an edit costs, exact searches beyond the search limit included); _repeat_ = the fastest of 3 identical updates (pre-emption filtered, searches already done); _no_search_ = first updates of edits that needed no search',
    travel_update_target_ms: TRAVEL_UPDATE_TARGET_MS,
    travel_update_p50_ms: +quantile(firstTimes, 0.5).toFixed(3),
    travel_update_p95_ms: +p95.toFixed(3),
    travel_update_cpu_p95_ms: +quantile(firstCpu, 0.95).toFixed(3),
    travel_update_meets_target: p95 <= TRAVEL_UPDATE_TARGET_MS ? 'yes' : 'no',
    travel_update_no_search_p95_ms: +quantile(firstNoSearch, 0.95).toFixed(3),
    travel_update_no_search_cpu_p95_ms: +quantile(firstNoSearchCpu, 0.95).toFixed(3),
    travel_update_edits_with_search: searchEdits,
    travel_update_edits_measured: firstTimes.length,
    travel_update_repeat_p50_ms: +quantile(times, 0.5).toFixed(3),
    travel_update_repeat_p95_ms: +quantile(times, 0.95).toFixed(3),
    travel_update_repeat_cpu_p95_ms: +quantile(cpuTimes, 0.95).toFixed(3),
    baseline_travel_update_ms: +baseU.toFixed(1),
    travel_update_speedup: +(baseU / p95).toFixed(1),
    landmarks_ms: +net.landmarkMs.toFixed(1),
    beyond_limit_searches: searches,
    beyond_limit_settled_nodes_mean: searches ? Math.round(settled / searches) : 0,
    by_class_note: 'driving speeds by road class (primary 60 km/h, residential 30 km/h): the searches also time every route',
    by_class_all_school_distances_ms: +allMsC.toFixed(1),
    by_class_travel_update_p95_ms: +p95C.toFixed(3),
    by_class_travel_update_no_search_p95_ms: +quantile(c.firstNoSearch, 0.95).toFixed(3),
    max_daily_travel_h_one_speed: one.maxDailyHours === null ? 'none' : +one.maxDailyHours.toFixed(3),
    max_daily_travel_h_by_class: classed.maxDailyHours === null ? 'none' : +classed.maxDailyHours.toFixed(3),
  };
}
