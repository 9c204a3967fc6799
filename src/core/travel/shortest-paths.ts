/**
 * Dijkstra over the street graph with a binary heap in typed arrays (lazy deletion), from one or
 * more sources (a snapped point enters the graph at both ends of its edge), stopping at a cutoff
 * distance. The workspace is reused between runs and reset only where a run wrote.
 */
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

  /**
   * Runs from `sources` (node, starting distance) and settles every node at distance ≤ cutoff;
   * with `targets` (a marker per node, 1 = wanted) it stops as soon as every marked node is settled.
   */
  run(sourceNodes: ArrayLike<number>, sourceDist: ArrayLike<number>, cutoff = Infinity, targets?: Uint8Array, targetCount = 0, sourceLabel?: ArrayLike<number>): void {
    this.reset();
    let remaining = targets ? targetCount : -1;
    const g = this.graph;
    this.labelled = sourceLabel !== undefined;
    for (let i = 0; i < sourceNodes.length; i++) this.relax(sourceNodes[i], sourceDist[i], sourceLabel ? sourceLabel[i] : 0);
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
        if (!this.done[m]) this.relax(m, d + g.edgeLength[e], this.label[n]);
      }
    }
    // Tentative distances beyond the cutoff are not shortest: forget them.
    for (let i = 0; i < this.touchedCount; i++) {
      const n = this.touched[i];
      if (!this.done[n]) this.dist[n] = Infinity;
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

  private relax(n: number, d: number, label: number): void {
    if (!(d < this.dist[n])) return;
    if (this.dist[n] === Infinity) this.touched[this.touchedCount++] = n;
    this.dist[n] = d;
    if (this.labelled) this.label[n] = label;
    this.push(d, n);
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
