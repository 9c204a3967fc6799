/**
 * The street network of a dataset: the graph, its edge index and every unit's snap, plus the
 * per-school shortest-path results, cached by school location so that networks sharing a school
 * and years with the same address compute it once.
 *
 * A school's search settles the graph up to `searchLimitM` and keeps only the units within that
 * distance (sorted unit ids and their distances): memory grows with the units near each school,
 * never with schools × units. A pair beyond the limit is computed on demand from a full run,
 * whose node distances are kept for the last few schools only (an LRU of FULL_CACHE entries).
 */
import type { ResolvedTravelSettings } from '../config/travel-settings';
import type { Position } from '../model/geometry-types';
import { EdgeIndex, type Snap } from './edge-index';
import { ShortestPaths } from './shortest-paths';
import { buildStreetGraph, type StreetGraph } from './street-graph';
import type { StreetLinks } from './street-links';

/** The units one school reaches within the search limit: sorted unit ids and their trip lengths (metres). */
export interface SchoolReach {
  snap: Snap | null;
  units: Int32Array;
  distances: Float64Array;
}

const FULL_CACHE = 8;

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
  /**
   * One search from many snapped points at once (a school's both edge ends each): the distance
   * of every node to its nearest point and which point that is (`label`, the index in `from`).
   */
  nearestOf(from: Snap[]): { dist: Float64Array; label: Int32Array } {
    const g = this.graph;
    const nodes: number[] = [], dist: number[] = [], label: number[] = [];
    from.forEach((snap, i) => {
      const len = g.edgeLength[snap.edge];
      nodes.push(g.edgeA[snap.edge], g.edgeB[snap.edge]);
      dist.push(snap.distance + snap.t * len, snap.distance + (1 - snap.t) * len);
      label.push(i, i);
    });
    this.paths.run(nodes, dist, Infinity, undefined, 0, label);
    this.fullRuns++;
    return { dist: Float64Array.from(this.paths.dist), label: Int32Array.from(this.paths.label) };
  }

  /** Units by snapped edge (CSR). */
  private readonly edgeUnitStart: Int32Array;
  private readonly edgeUnits: Int32Array;
  private readonly paths: ShortestPaths;
  private readonly best: Float64Array;
  private readonly reaches = new Map<string, SchoolReach>();
  private readonly full = new Map<string, Float64Array>();

  constructor(graph: StreetGraph, unitPoints: Float64Array, settings: ResolvedTravelSettings) {
    this.graph = graph;
    this.settings = settings;
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
    for (let e = 0; e < graph.edgeCount; e++) counts[e + 1] += counts[e];
    this.edgeUnitStart = counts;
    this.edgeUnits = new Int32Array(counts[graph.edgeCount]);
    const fill = counts.slice(0, graph.edgeCount);
    for (let u = 0; u < n; u++) if (this.unitEdge[u] >= 0) this.edgeUnits[fill[this.unitEdge[u]]++] = u;
    this.paths = new ShortestPaths(graph);
    this.best = new Float64Array(n).fill(Infinity);
  }

  static fromLinks(links: StreetLinks, unitPoints: Float64Array, settings: ResolvedTravelSettings): StreetNetwork {
    return new StreetNetwork(buildStreetGraph(links), unitPoints, settings);
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
    const touched: number[] = [];
    const offer = (u: number, d: number) => {
      if (best[u] === Infinity) touched.push(u);
      if (d < best[u]) best[u] = d;
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
          offer(u, dn + (fromA ? this.unitT[u] : 1 - this.unitT[u]) * len + this.unitConnector[u]);
        }
      }
    }
    const e = snap.edge;
    for (let j = this.edgeUnitStart[e]; j < this.edgeUnitStart[e + 1]; j++) {
      const u = this.edgeUnits[j];
      offer(u, snap.distance + this.unitConnector[u] + Math.abs(this.unitT[u] - snap.t) * g.edgeLength[e]);
    }
    const kept = Int32Array.from(touched.filter((u) => best[u] <= limit)).sort();
    const distances = new Float64Array(kept.length);
    for (let i = 0; i < kept.length; i++) distances[i] = best[kept[i]];
    for (const u of touched) best[u] = Infinity;
    return { snap, units: kept, distances };
  }

  /** Runs the shortest paths from a snapped point (entering at both ends of its edge). */
  private runFrom(snap: Snap, cutoff: number): void {
    const g = this.graph;
    const len = g.edgeLength[snap.edge];
    this.paths.run([g.edgeA[snap.edge], g.edgeB[snap.edge]], [snap.distance + snap.t * len, snap.distance + (1 - snap.t) * len], cutoff);
  }

  /** Unbounded runs so far (for tests and the benchmark). */
  fullRuns = 0;

  /** Node distances of an unbounded run from a snapped point (kept for the last FULL_CACHE points). */
  fullFrom(snap: Snap): Float64Array {
    const key = `${snap.edge},${snap.t},${snap.distance}`;
    const hit = this.full.get(key);
    if (hit) {
      this.full.delete(key);
      this.full.set(key, hit);
      return hit;
    }
    this.runFrom(snap, Infinity);
    this.fullRuns++;
    const d = Float64Array.from(this.paths.dist);
    this.full.set(key, d);
    if (this.full.size > FULL_CACHE) this.full.delete(this.full.keys().next().value as string);
    return d;
  }

  /** Network distance between a snapped point whose node distances are `nodeDist` and another snapped point (both in one component). */
  pairDistance(from: Snap, nodeDist: Float64Array, to: Snap): number {
    const g = this.graph;
    const len = g.edgeLength[to.edge];
    let d = to.distance + Math.min(nodeDist[g.edgeA[to.edge]] + to.t * len, nodeDist[g.edgeB[to.edge]] + (1 - to.t) * len);
    if (from.edge === to.edge) d = Math.min(d, from.distance + to.distance + Math.abs(from.t - to.t) * len);
    return d;
  }

  /**
   * Exact trip lengths from a snapped school to the given units (all on the network, in its
   * component): one search that stops once both ends of every unit's edge are settled.
   */
  distancesTo(from: Snap, units: ArrayLike<number>): Float64Array {
    const g = this.graph;
    const marks = this.targetMarks ?? (this.targetMarks = new Uint8Array(g.nodeCount));
    let count = 0;
    const mark = (n: number) => {
      if (!marks[n]) {
        marks[n] = 1;
        count++;
      }
    };
    for (let i = 0; i < units.length; i++) {
      mark(g.edgeA[this.unitEdge[units[i]]]);
      mark(g.edgeB[this.unitEdge[units[i]]]);
    }
    const len = g.edgeLength[from.edge];
    this.paths.run([g.edgeA[from.edge], g.edgeB[from.edge]], [from.distance + from.t * len, from.distance + (1 - from.t) * len], Infinity, marks, count);
    this.targetRuns++;
    const out = new Float64Array(units.length);
    for (let i = 0; i < units.length; i++) out[i] = this.pairDistance(from, this.paths.dist, this.unitSnap(units[i]) as Snap);
    for (let i = 0; i < units.length; i++) {
      marks[g.edgeA[this.unitEdge[units[i]]]] = 0;
      marks[g.edgeB[this.unitEdge[units[i]]]] = 0;
    }
    return out;
  }

  private targetMarks: Uint8Array | null = null;
  /** Targeted searches so far (for the benchmark). */
  targetRuns = 0;

  /** The snap of unit u, or null when it is off the network. */
  unitSnap(u: number): Snap | null {
    const e = this.unitEdge[u];
    return e < 0 ? null : { edge: e, t: this.unitT[u], distance: this.unitConnector[u] };
  }
}
