/**
 * Dijkstra over the street graph with a binary heap in typed arrays (lazy deletion), from one or
 * more sources (a snapped point enters the graph at both ends of its edge), stopping at a cutoff
 * distance. The workspace is reused between runs and reset only where a run wrote.
 */
import type { TargetBound } from './landmarks';
import type { StreetGraph } from './street-graph';

export class ShortestPaths {
  readonly graph: StreetGraph;
  /** Distance of each node from the sources after `run`; Infinity where not settled within the cutoff. */
  readonly dist: Float64Array;
  /** Nodes settled by the last run, in order of distance (first `settledCount` entries). */
  readonly settled: Int32Array;
  settledCount = 0;
  /** Source label of each settled node (which source reached it first), after `run` with labels. */
  readonly label: Int32Array;
  private labelled = false;
  /**
   * With `edgeSeconds` set: the driving time (seconds) along each settled node's shortest path,
   * each edge at its own time (the path is the one of shortest length; ties either way).
   */
  time: Float64Array = new Float64Array(0);
  private edgeSeconds: Float64Array | null = null;
  private guide: Float64Array | null = null;
  private readonly done: Uint8Array;
  private heapKey: Float64Array;
  private heapNode: Int32Array;
  private heapSize = 0;
  private readonly touched: Int32Array;
  private touchedCount = 0;

  constructor(graph: StreetGraph) {
    this.graph = graph;
    const n = graph.nodeCount;
    this.dist = new Float64Array(n).fill(Infinity);
    this.done = new Uint8Array(n);
    this.label = new Int32Array(n);
    this.settled = new Int32Array(n);
    this.touched = new Int32Array(n);
    this.heapKey = new Float64Array(Math.max(16, n));
    this.heapNode = new Int32Array(Math.max(16, n));
  }

  /** Keep driving times along the paths from now on (null: stop). */
  setEdgeSeconds(edgeSeconds: Float64Array | null): void {
    this.edgeSeconds = edgeSeconds;
    if (edgeSeconds && this.time.length !== this.graph.nodeCount) this.time = new Float64Array(this.graph.nodeCount);
  }

  /**
   * Runs from `sources` (node, starting distance) and settles every node at distance ≤ cutoff;
   * with `targets` (a marker per node, 1 = wanted) it stops as soon as every marked node is settled.
   */
  run(sourceNodes: ArrayLike<number>, sourceDist: ArrayLike<number>, cutoff = Infinity, targets?: Uint8Array, targetCount = 0, sourceLabel?: ArrayLike<number>, sourceTime?: ArrayLike<number>): void {
    this.reset();
    let remaining = targets ? targetCount : -1;
    const g = this.graph;
    const sec = this.edgeSeconds;
    const time = this.time;
    this.labelled = sourceLabel !== undefined;
    for (let i = 0; i < sourceNodes.length; i++) if (this.relax(sourceNodes[i], sourceDist[i], sourceLabel ? sourceLabel[i] : 0) && sec) time[sourceNodes[i]] = sourceTime ? sourceTime[i] : 0;
    while (this.heapSize > 0) {
      const d = this.heapKey[0];
      const n = this.pop();
      if (this.done[n] || d > this.dist[n]) continue;
      if (d > cutoff) break;
      this.done[n] = 1;
      this.settled[this.settledCount++] = n;
      if (targets && targets[n] && --remaining === 0) break;
      for (let k = g.adjStart[n]; k < g.adjStart[n + 1]; k++) {
        const e = g.adjEdge[k];
        const m = g.edgeA[e] === n ? g.edgeB[e] : g.edgeA[e];
        if (!this.done[m] && this.relax(m, d + g.edgeLength[e], this.label[n]) && sec) time[m] = time[n] + sec[e];
      }
    }
    // Tentative distances beyond the cutoff are not shortest: forget them.
    for (let i = 0; i < this.touchedCount; i++) {
      const n = this.touched[i];
      if (!this.done[n]) this.dist[n] = Infinity;
    }
  }

  /**
   * Goal-directed run (A*): settles nodes in order of distance + `bound` (a consistent lower
   * bound of the distance to the nearest target, 0 at the targets) until every marked target is
   * settled. Settled distances are exact, as in `run`; nodes not settled hold Infinity.
   */
  runGuided(sourceNodes: ArrayLike<number>, sourceDist: ArrayLike<number>, targets: Uint8Array, targetCount: number, bound: TargetBound, sourceTime?: ArrayLike<number>): void {
    this.reset();
    this.labelled = false;
    let remaining = targetCount;
    const g = this.graph;
    const dist = this.dist;
    const sec = this.edgeSeconds;
    const time = this.time;
    // The bound of each node, computed once when the node is first reached.
    const h = this.guide ?? (this.guide = new Float64Array(g.nodeCount));
    for (let i = 0; i < sourceNodes.length; i++) {
      const n = sourceNodes[i];
      const d = sourceDist[i];
      if (!(d < dist[n])) continue;
      if (dist[n] === Infinity) {
        this.touched[this.touchedCount++] = n;
        h[n] = bound.at(n);
      }
      dist[n] = d;
      if (sec) time[n] = sourceTime ? sourceTime[i] : 0;
      this.push(d + h[n], n);
    }
    while (this.heapSize > 0 && remaining > 0) {
      const n = this.pop();
      if (this.done[n]) continue;
      this.done[n] = 1;
      this.settled[this.settledCount++] = n;
      if (targets[n]) remaining--;
      const d = dist[n];
      for (let k = g.adjStart[n]; k < g.adjStart[n + 1]; k++) {
        const e = g.adjEdge[k];
        const m = g.edgeA[e] === n ? g.edgeB[e] : g.edgeA[e];
        if (this.done[m]) continue;
        const dm = d + g.edgeLength[e];
        if (!(dm < dist[m])) continue;
        if (dist[m] === Infinity) {
          this.touched[this.touchedCount++] = m;
          h[m] = bound.at(m);
        }
        dist[m] = dm;
        if (sec) time[m] = time[n] + sec[e];
        this.push(dm + h[m], m);
      }
    }
    for (let i = 0; i < this.touchedCount; i++) {
      const n = this.touched[i];
      if (!this.done[n]) dist[n] = Infinity;
    }
  }

  private reset(): void {
    for (let i = 0; i < this.touchedCount; i++) {
      const n = this.touched[i];
      this.dist[n] = Infinity;
      this.done[n] = 0;
    }
    this.touchedCount = 0;
    this.settledCount = 0;
    this.heapSize = 0;
  }

  private relax(n: number, d: number, label: number): boolean {
    if (!(d < this.dist[n])) return false;
    if (this.dist[n] === Infinity) this.touched[this.touchedCount++] = n;
    this.dist[n] = d;
    if (this.labelled) this.label[n] = label;
    this.push(d, n);
    return true;
  }

  private push(key: number, node: number): void {
    if (this.heapSize === this.heapKey.length) {
      const k = new Float64Array(this.heapKey.length * 2);
      k.set(this.heapKey);
      const v = new Int32Array(this.heapNode.length * 2);
      v.set(this.heapNode);
      this.heapKey = k;
      this.heapNode = v;
    }
    let i = this.heapSize++;
    const keys = this.heapKey, nodes = this.heapNode;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (keys[p] <= key) break;
      keys[i] = keys[p];
      nodes[i] = nodes[p];
      i = p;
    }
    keys[i] = key;
    nodes[i] = node;
  }

  private pop(): number {
    const keys = this.heapKey, nodes = this.heapNode;
    const top = nodes[0];
    const n = --this.heapSize;
    const key = keys[n], node = nodes[n];
    let i = 0;
    for (;;) {
      let c = 2 * i + 1;
      if (c >= n) break;
      if (c + 1 < n && keys[c + 1] < keys[c]) c++;
      if (keys[c] >= key) break;
      keys[i] = keys[c];
      nodes[i] = nodes[c];
      i = c;
    }
    keys[i] = key;
    nodes[i] = node;
    return top;
  }
}
