/**
 * The street network of a dataset: the graph, its edge index and every unit's snap, plus the
 * per-school shortest-path results, cached by school location so that networks sharing a school
 * and years with the same address compute it once.
 *
 * A school's search settles the graph up to `searchLimitM` and keeps only the units within that
 * distance (sorted unit ids and their distances), and the units within two thirds of that in a
 * straight line (a detour round a river can make them farther along the streets): memory grows
 * with the units near each school, never with schools × units. Pairs beyond the limit are computed on demand by a goal-directed
 * search (landmarks.ts). With driving speeds by road class, each kept trip also gets its driving
 * time along the same route.
 */
import type { ResolvedTravelSettings } from '../config/travel-settings';
import type { Position } from '../model/geometry-types';
import { EdgeIndex, type Snap } from './edge-index';
import { Landmarks, TargetBound } from './landmarks';
import { ShortestPaths } from './shortest-paths';
import { buildStreetGraph, type StreetGraph } from './street-graph';
import type { StreetLinks } from './street-links';

/** The units one school reaches within the search limit: sorted unit ids and their trip lengths (metres). */
export interface SchoolReach {
  snap: Snap | null;
  units: Int32Array;
  distances: Float64Array;
  /** With driving speeds by road class: the driving time of each trip along its route, seconds. */
  driveSeconds?: Float64Array;
}

/** Landmarks kept for the searches beyond a school's search limit (8 distances per node). */
const LANDMARK_COUNT = 8;
/**
 * Units this share of the search limit or nearer in a straight line are kept with each school
 * even when the streets make them farther than the limit (detours round a river or a motorway).
 */
const NEAR_SHARE = 2 / 3;
/** Below this many nodes a plain search is cheap enough: no landmarks are chosen unless asked for. */
const LANDMARK_MIN_NODES = 20_000;

export class StreetNetwork {
  readonly graph: StreetGraph;
  readonly index: EdgeIndex;
  readonly settings: ResolvedTravelSettings;
  /** Interleaved unit points (grid-cell centres, polygon centroids), EPSG:3067. */
  readonly unitPoints: Float64Array;
  readonly unitCount: number;
  /** Snapped edge of each unit; −1 when the unit is off the network (strictly farther than snapLimitM). */
  readonly unitEdge: Int32Array;
  readonly unitT: Float64Array;
  /** Connector length of each unit, metres (NaN when off the network). */
  readonly unitConnector: Float64Array;
  /** Connected component of each unit's snapped edge; −1 off the network (one read instead of two scattered ones per trip). */
  readonly unitComponent: Int32Array;
  /**
   * One search from many snapped points at once (a school's both edge ends each): the distance
   * of every node to its nearest point and which point that is (`label`, the index in `from`).
   */
  nearestOf(from: Snap[]): { dist: Float64Array; label: Int32Array } {
    const nodes: number[] = [], dist: number[] = [], label: number[] = [];
    from.forEach((snap, i) => {
      const src = this.sources(snap);
      nodes.push(...src.nodes);
      dist.push(...src.dist);
      label.push(i, i);
    });
    this.paths.run(nodes, dist, Infinity, undefined, 0, label);
    return { dist: Float64Array.from(this.paths.dist), label: Int32Array.from(this.paths.label) };
  }

  /** Units by snapped edge (CSR). */
  private readonly edgeUnitStart: Int32Array;
  private readonly edgeUnits: Int32Array;
  private readonly paths: ShortestPaths;
  private readonly best: Float64Array;
  private readonly reaches = new Map<string, SchoolReach>();

  /** With `travel.driveKmhByClass`: the driving time of each edge at its link's class speed, seconds (null: one speed). */
  readonly edgeSeconds: Float64Array | null;
  private readonly bestTime: Float64Array;

  /** @param linkClass road class of each link (StreetLinks.linkClass), for the driving speeds by class */
  constructor(graph: StreetGraph, unitPoints: Float64Array, settings: ResolvedTravelSettings, linkClass?: string[]) {
    this.graph = graph;
    this.settings = settings;
    this.edgeSeconds = edgeSecondsOf(graph, settings, linkClass);
    this.index = new EdgeIndex(graph);
    this.unitPoints = unitPoints;
    this.unitCount = unitPoints.length / 2;
    const n = this.unitCount;
    this.unitEdge = new Int32Array(n).fill(-1);
    this.unitT = new Float64Array(n);
    this.unitConnector = new Float64Array(n).fill(NaN);
    const counts = new Int32Array(graph.edgeCount + 1);
    for (let u = 0; u < n; u++) {
      const snap = this.index.nearest(unitPoints[2 * u], unitPoints[2 * u + 1], settings.snapLimitM);
      if (!snap) continue;
      this.unitEdge[u] = snap.edge;
      this.unitT[u] = snap.t;
      this.unitConnector[u] = snap.distance;
      counts[snap.edge + 1]++;
    }
    this.unitComponent = Int32Array.from(this.unitEdge, (e) => (e < 0 ? -1 : graph.component[graph.edgeA[e]]));
    for (let e = 0; e < graph.edgeCount; e++) counts[e + 1] += counts[e];
    this.edgeUnitStart = counts;
    this.edgeUnits = new Int32Array(counts[graph.edgeCount]);
    const fill = counts.slice(0, graph.edgeCount);
    for (let u = 0; u < n; u++) if (this.unitEdge[u] >= 0) this.edgeUnits[fill[this.unitEdge[u]]++] = u;
    this.paths = new ShortestPaths(graph);
    this.paths.setEdgeSeconds(this.edgeSeconds);
    this.best = new Float64Array(n).fill(Infinity);
    this.bestTime = new Float64Array(this.edgeSeconds ? n : 0);
  }

  static fromLinks(links: StreetLinks, unitPoints: Float64Array, settings: ResolvedTravelSettings): StreetNetwork {
    return new StreetNetwork(buildStreetGraph(links), unitPoints, settings, links.linkClass);
  }

  /** Driving time of a connector or straight line of `m` metres at driveKmh, seconds. */
  straightSeconds(m: number): number {
    return (m * 3.6) / this.settings.driveKmh;
  }

  /** Where a point joins the network, or null when it is strictly farther than snapLimitM from every walkable link. */
  snap(p: Position): Snap | null {
    return this.index.nearest(p[0], p[1], this.settings.snapLimitM);
  }

  /** Connected component of a snap (of its edge). */
  componentOf(edge: number): number {
    return this.graph.component[this.graph.edgeA[edge]];
  }

  /** Units within the search limit of a school at `p` (cached by location). */
  reach(p: Position): SchoolReach {
    const key = `${p[0]},${p[1]}`;
    let r = this.reaches.get(key);
    if (!r) {
      r = this.computeReach(p);
      this.reaches.set(key, r);
    }
    return r;
  }

  private computeReach(p: Position): SchoolReach {
    const snap = this.snap(p);
    if (!snap) return { snap, units: new Int32Array(0), distances: new Float64Array(0) };
    const g = this.graph;
    const limit = this.settings.searchLimitM;
    this.runFrom(snap, limit);
    const dist = this.paths.dist;
    const best = this.best;
    const sec = this.edgeSeconds;
    const time = this.paths.time;
    const bestTime = this.bestTime;
    const touched: number[] = [];
    // t: the driving time of the same route (only with speeds by class).
    const offer = (u: number, d: number, t: number) => {
      if (best[u] === Infinity) touched.push(u);
      if (d < best[u]) {
        best[u] = d;
        if (sec) bestTime[u] = t;
      }
    };
    for (let i = 0; i < this.paths.settledCount; i++) {
      const n = this.paths.settled[i];
      const dn = dist[n];
      for (let k = g.adjStart[n]; k < g.adjStart[n + 1]; k++) {
        const e = g.adjEdge[k];
        const len = g.edgeLength[e];
        const fromA = g.edgeA[e] === n;
        for (let j = this.edgeUnitStart[e]; j < this.edgeUnitStart[e + 1]; j++) {
          const u = this.edgeUnits[j];
          const f = fromA ? this.unitT[u] : 1 - this.unitT[u];
          offer(u, dn + f * len + this.unitConnector[u], sec ? time[n] + f * sec[e] + this.straightSeconds(this.unitConnector[u]) : 0);
        }
      }
    }
    const e = snap.edge;
    for (let j = this.edgeUnitStart[e]; j < this.edgeUnitStart[e + 1]; j++) {
      const u = this.edgeUnits[j];
      const f = Math.abs(this.unitT[u] - snap.t);
      offer(u, snap.distance + this.unitConnector[u] + f * g.edgeLength[e], sec ? this.straightSeconds(snap.distance + this.unitConnector[u]) + f * sec[e] : 0);
    }
    const kept = Int32Array.from(touched.filter((u) => best[u] <= limit)).sort();
    const distances = new Float64Array(kept.length);
    for (let i = 0; i < kept.length; i++) distances[i] = best[kept[i]];
    const driveSeconds = sec ? Float64Array.from(kept, (u) => bestTime[u]) : undefined;
    const near = this.nearButFar(p, snap);
    for (const u of touched) best[u] = Infinity;
    if (!near.length) return { snap, units: kept, distances, driveSeconds };
    // Units near in a straight line but beyond the limit along the streets (across a river, a
    // motorway): one guided search, so that an edit near the school never waits for one.
    const nearSeconds = sec ? new Float64Array(near.length) : undefined;
    const nearDistances = this.distancesTo(snap, near, nearSeconds);
    return mergeReach(snap, kept, distances, driveSeconds, Int32Array.from(near), nearDistances, nearSeconds);
  }

  /**
   * The units within NEAR_SHARE × the search limit of `p` in a straight line, on the school's
   * part of the graph, that the limited search did not keep (best[u] still holds its lengths),
   * sorted. Only the units in the circle's x-range are looked at (units sorted by x, once).
   */
  private nearButFar(p: Position, snap: Snap): number[] {
    const r = NEAR_SHARE * this.settings.searchLimitM;
    const limit = this.settings.searchLimitM;
    const comp = this.componentOf(snap.edge);
    const pts = this.unitPoints;
    const { order, x } = this.unitsByX();
    const out: number[] = [];
    for (let i = lowerBound(x, p[0] - r); i < order.length && x[i] <= p[0] + r; i++) {
      const u = order[i];
      if (this.best[u] <= limit || this.unitComponent[u] !== comp) continue;
      const dx = x[i] - p[0];
      const dy = pts[2 * u + 1] - p[1];
      if (dx * dx + dy * dy <= r * r) out.push(u);
    }
    return out.sort((a, b) => a - b);
  }

  private byX: { order: Int32Array; x: Float64Array } | null = null;

  /** The units in order of their x coordinate, and those coordinates. */
  private unitsByX(): { order: Int32Array; x: Float64Array } {
    if (!this.byX) {
      const pts = this.unitPoints;
      const order = Int32Array.from({ length: this.unitCount }, (_, u) => u).sort((a, b) => pts[2 * a] - pts[2 * b]);
      this.byX = { order, x: Float64Array.from(order, (u) => pts[2 * u]) };
    }
    return this.byX;
  }

  /** The sources of a search from a snapped point: both ends of its edge, with their distances and driving times. */
  private sources(snap: Snap): { nodes: number[]; dist: number[]; time: number[] } {
    const g = this.graph;
    const len = g.edgeLength[snap.edge];
    const c = this.edgeSeconds ? this.straightSeconds(snap.distance) : 0;
    const s = this.edgeSeconds ? this.edgeSeconds[snap.edge] : 0;
    return { nodes: [g.edgeA[snap.edge], g.edgeB[snap.edge]], dist: [snap.distance + snap.t * len, snap.distance + (1 - snap.t) * len], time: [c + snap.t * s, c + (1 - snap.t) * s] };
  }

  /** Runs the shortest paths from a snapped point (entering at both ends of its edge). */
  private runFrom(snap: Snap, cutoff: number): void {
    const src = this.sources(snap);
    this.paths.run(src.nodes, src.dist, cutoff, undefined, 0, undefined, src.time);
  }

  /**
   * The trip from the last search's source `from` to `to`: its length by the nearer end of `to`'s
   * edge, or along the edge the two share; with speeds by class, also the driving time of the same
   * route in `pairSecondsOut`.
   */
  private pairTrip(from: Snap, to: Snap): number {
    const g = this.graph;
    const dist = this.paths.dist;
    const len = g.edgeLength[to.edge];
    const a = g.edgeA[to.edge], b = g.edgeB[to.edge];
    const viaA = dist[a] + to.t * len, viaB = dist[b] + (1 - to.t) * len;
    const byEnd = to.distance + Math.min(viaA, viaB);
    const along = from.edge === to.edge ? from.distance + to.distance + Math.abs(from.t - to.t) * len : Infinity;
    const sec = this.edgeSeconds;
    if (sec) {
      const time = this.paths.time;
      this.pairSecondsOut = along < byEnd
        ? this.straightSeconds(from.distance + to.distance) + Math.abs(from.t - to.t) * sec[to.edge]
        : this.straightSeconds(to.distance) + (viaA <= viaB ? time[a] + to.t * sec[to.edge] : time[b] + (1 - to.t) * sec[to.edge]);
    }
    return Math.min(byEnd, along);
  }

  private pairSecondsOut = 0;

  private landmarkSet: Landmarks | null = null;

  /**
   * Chooses the landmarks that guide the searches beyond a school's search limit (`distancesTo`),
   * once per network; `count` landmarks, or the default on graphs of at least LANDMARK_MIN_NODES
   * nodes (smaller graphs are searched with the straight-line bound alone). Returns the build time.
   */
  prepareLandmarks(count?: number): number {
    if (this.landmarkSet && (count === undefined || this.landmarkSet.count === count)) return 0;
    if (count === undefined && this.graph.nodeCount < LANDMARK_MIN_NODES) return 0;
    const t = performance.now();
    this.landmarkSet = Landmarks.build(this.graph, this.paths, count ?? LANDMARK_COUNT);
    this.landmarkMs = performance.now() - t;
    return this.landmarkMs;
  }

  /** Time the landmarks took to choose, ms (for the benchmark). */
  landmarkMs = 0;

  /**
   * Exact trip lengths from a snapped school to the given units (all on the network, in its
   * component): one goal-directed search (A* with the landmarks' and the straight-line lower
   * bounds) that stops once both ends of every unit's edge are settled. With `timesOut` (and
   * speeds by class), also the driving time of each trip's route, seconds.
   */
  distancesTo(from: Snap, units: ArrayLike<number>, timesOut?: Float64Array): Float64Array {
    const g = this.graph;
    const marks = this.targetMarks ?? (this.targetMarks = new Uint8Array(g.nodeCount));
    const targets: number[] = [];
    const mark = (n: number) => {
      if (!marks[n]) {
        marks[n] = 1;
        targets.push(n);
      }
    };
    for (let i = 0; i < units.length; i++) {
      mark(g.edgeA[this.unitEdge[units[i]]]);
      mark(g.edgeB[this.unitEdge[units[i]]]);
    }
    const bound = new TargetBound(g, this.landmarkSet, targets);
    const src = this.sources(from);
    this.paths.runGuided(src.nodes, src.dist, marks, targets.length, bound, src.time);
    this.settledInTargetRuns += this.paths.settledCount;
    this.targetRuns++;
    const out = new Float64Array(units.length);
    for (let i = 0; i < units.length; i++) {
      const to = this.unitSnap(units[i]) as Snap;
      out[i] = this.pairTrip(from, to);
      if (timesOut && this.edgeSeconds) timesOut[i] = this.pairSecondsOut;
    }
    for (let i = 0; i < units.length; i++) {
      marks[g.edgeA[this.unitEdge[units[i]]]] = 0;
      marks[g.edgeB[this.unitEdge[units[i]]]] = 0;
    }
    return out;
  }

  private targetMarks: Uint8Array | null = null;
  /** Targeted searches so far, and the nodes they settled (for the benchmark). */
  targetRuns = 0;
  settledInTargetRuns = 0;

  /** The snap of unit u, or null when it is off the network. */
  unitSnap(u: number): Snap | null {
    const e = this.unitEdge[u];
    return e < 0 ? null : { edge: e, t: this.unitT[u], distance: this.unitConnector[u] };
  }
}

/** Seconds per edge at its link's class speed (classes without a speed at driveKmh); null without speeds by class. */
function edgeSecondsOf(graph: StreetGraph, settings: ResolvedTravelSettings, linkClass?: string[]): Float64Array | null {
  const byClass = settings.driveKmhByClass;
  if (!byClass) return null;
  const out = new Float64Array(graph.edgeCount);
  for (let e = 0; e < graph.edgeCount; e++) {
    const cls = linkClass && graph.edgeLink ? linkClass[graph.edgeLink[e]] : undefined;
    const kmh = (cls !== undefined && byClass[cls]) || settings.driveKmh;
    out[e] = (graph.edgeLength[e] * 3.6) / kmh;
  }
  return out;
}

/** Two sorted (unit, distance, seconds) lists as one sorted reach. */
function mergeReach(snap: Snap, a: Int32Array, ad: Float64Array, as: Float64Array | undefined, b: Int32Array, bd: Float64Array, bs: Float64Array | undefined): SchoolReach {
  const n = a.length + b.length;
  const units = new Int32Array(n);
  const distances = new Float64Array(n);
  const driveSeconds = as && bs ? new Float64Array(n) : undefined;
  let i = 0, j = 0;
  for (let k = 0; k < n; k++) {
    const fromA = j >= b.length || (i < a.length && a[i] < b[j]);
    units[k] = fromA ? a[i] : b[j];
    distances[k] = fromA ? ad[i] : bd[j];
    if (driveSeconds) driveSeconds[k] = fromA ? (as as Float64Array)[i] : (bs as Float64Array)[j];
    if (fromA) i++;
    else j++;
  }
  return { snap, units, distances, driveSeconds };
}

/** The first index of the sorted array whose value is ≥ v. */
function lowerBound(sorted: Float64Array, v: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid] < v) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
