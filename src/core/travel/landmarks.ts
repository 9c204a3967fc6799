/**
 * Landmarks for goal-directed searches (A*, landmarks and the triangle inequality, "ALT";
 * Goldberg & Harrelson 2005). A few nodes far apart each keep their distance to every node; for
 * any nodes n and t and landmark L, |d(L, t) − d(L, n)| ≤ d(n, t). A search towards a set of
 * targets uses, per landmark, the distance from d(L, n) to the interval of the targets' d(L, ·),
 * and the straight-line distance to the targets' bounding box: both are lower bounds of the
 * distance from n to the nearest target that change along an edge by at most its length
 * (consistent), so the first time a node is settled its distance is final, as in Dijkstra, and
 * the distances are the same; only fewer nodes are settled.
 *
 * Landmarks are chosen by farthest-point selection in the largest connected part of the graph
 * (each new landmark is the node farthest from those already chosen).
 */
import type { ShortestPaths } from './shortest-paths';
import type { StreetGraph } from './street-graph';

export class Landmarks {
  /** Number of landmarks. */
  readonly count: number;
  /** Node-major distances: dist[n × count + l] = d(landmark l, node n); Infinity where not connected. */
  readonly dist: Float64Array;
  readonly nodes: Int32Array;

  private constructor(count: number, dist: Float64Array, nodes: Int32Array) {
    this.count = count;
    this.dist = dist;
    this.nodes = nodes;
  }

  /** Chooses `k` landmarks (one unbounded search each, plus one to find the first). */
  static build(graph: StreetGraph, paths: ShortestPaths, k: number): Landmarks {
    const n = graph.nodeCount;
    const size = new Int32Array(graph.componentCount);
    for (let i = 0; i < n; i++) size[graph.component[i]]++;
    let big = 0;
    for (let c = 1; c < size.length; c++) if (size[c] > size[big]) big = c;
    let start = 0;
    while (start < n && graph.component[start] !== big) start++;
    const count = n === 0 ? 0 : Math.min(k, size[big]);
    const dist = new Float64Array(n * count);
    const nodes = new Int32Array(count);
    if (count === 0) return new Landmarks(0, dist, nodes);
    const minD = new Float64Array(n).fill(Infinity);
    paths.run([start], [0]);
    let next = farthest(paths.dist, graph, big);
    for (let l = 0; l < count; l++) {
      nodes[l] = next;
      paths.run([next], [0]);
      const d = paths.dist;
      for (let i = 0; i < n; i++) {
        dist[i * count + l] = d[i];
        if (d[i] < minD[i]) minD[i] = d[i];
      }
      next = farthest(minD, graph, big);
    }
    return new Landmarks(count, dist, nodes);
  }
}

/** The node of component `c` with the largest finite value of `d` (the component's first node when none is finite). */
function farthest(d: Float64Array, graph: StreetGraph, c: number): number {
  let best = -1;
  let bestD = -1;
  for (let i = 0; i < graph.nodeCount; i++) {
    if (graph.component[i] !== c) continue;
    const x = d[i];
    if (x < Infinity && x > bestD) {
      bestD = x;
      best = i;
    }
  }
  if (best >= 0) return best;
  let i = 0;
  while (graph.component[i] !== c) i++;
  return i;
}

/**
 * The lower bound of the distance from any node to the nearest of a set of target nodes, for
 * one search (see the file comment). Targets: both ends of the edges the wanted points lie on.
 */
export class TargetBound {
  private readonly lm: Landmarks | null;
  private readonly lo: Float64Array;
  private readonly hi: Float64Array;
  private readonly use: Uint8Array;
  private readonly x0: number;
  private readonly y0: number;
  private readonly x1: number;
  private readonly y1: number;
  private readonly nodeX: Float64Array;
  private readonly nodeY: Float64Array;

  constructor(graph: StreetGraph, lm: Landmarks | null, targets: ArrayLike<number>) {
    this.lm = lm;
    this.nodeX = graph.nodeX;
    this.nodeY = graph.nodeY;
    const K = lm ? lm.count : 0;
    this.lo = new Float64Array(K).fill(Infinity);
    this.hi = new Float64Array(K).fill(-Infinity);
    this.use = new Uint8Array(K);
    let x0 = Infinity, y0 = Infinity, x1 = -Infinity, y1 = -Infinity;
    for (let i = 0; i < targets.length; i++) {
      const t = targets[i];
      x0 = Math.min(x0, graph.nodeX[t]);
      x1 = Math.max(x1, graph.nodeX[t]);
      y0 = Math.min(y0, graph.nodeY[t]);
      y1 = Math.max(y1, graph.nodeY[t]);
      for (let l = 0; l < K; l++) {
        const d = (lm as Landmarks).dist[t * K + l];
        if (d < this.lo[l]) this.lo[l] = d;
        if (d > this.hi[l]) this.hi[l] = d;
      }
    }
    // A landmark that does not reach every target says nothing about them.
    for (let l = 0; l < K; l++) this.use[l] = this.hi[l] < Infinity ? 1 : 0;
    this.x0 = x0;
    this.y0 = y0;
    this.x1 = x1;
    this.y1 = y1;
  }

  /** A lower bound of the distance from node n to the nearest target (0 at every target). */
  at(n: number): number {
    const x = this.nodeX[n], y = this.nodeY[n];
    const dx = x < this.x0 ? this.x0 - x : x > this.x1 ? x - this.x1 : 0;
    const dy = y < this.y0 ? this.y0 - y : y > this.y1 ? y - this.y1 : 0;
    let h = dx === 0 ? dy : dy === 0 ? dx : Math.sqrt(dx * dx + dy * dy);
    const lm = this.lm;
    if (lm) {
      const K = lm.count;
      const base = n * K;
      for (let l = 0; l < K; l++) {
        if (!this.use[l]) continue;
        const d = lm.dist[base + l];
        if (d === Infinity) continue;
        const b = d < this.lo[l] ? this.lo[l] - d : d > this.hi[l] ? d - this.hi[l] : 0;
        if (b > h) h = b;
      }
    }
    return h;
  }
}
