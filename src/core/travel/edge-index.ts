/**
 * A uniform-grid spatial index of the graph's edges, for snapping a point to the nearest point
 * on the nearest edge. Each edge is registered in every cell it passes through (sampled every
 * quarter cell, with the 3 × 3 neighbourhood of each sample's cell, so no cell it crosses is
 * missed); a query searches rings of cells outwards and stops as soon as no unsearched cell can
 * hold anything nearer, or the rings are beyond the search radius.
 */
import type { StreetGraph } from './street-graph';

/** Where a point meets the network: edge, position along it (0 at edgeA, 1 at edgeB) and the connector length. */
export interface Snap {
  edge: number;
  t: number;
  /** Straight connector from the point to the nearest point of the edge, metres. */
  distance: number;
}

export class EdgeIndex {
  readonly graph: StreetGraph;
  readonly cellSize: number;
  private readonly x0: number;
  private readonly y0: number;
  private readonly cols: number;
  private readonly rows: number;
  private readonly cellStart: Int32Array;
  private readonly cellEdges: Int32Array;

  constructor(graph: StreetGraph, cellSize = 200) {
    this.graph = graph;
    this.cellSize = cellSize;
    let minX = Infinity, minY = Infinity, maxX = -Infinity, maxY = -Infinity;
    for (let n = 0; n < graph.nodeCount; n++) {
      minX = Math.min(minX, graph.nodeX[n]);
      minY = Math.min(minY, graph.nodeY[n]);
      maxX = Math.max(maxX, graph.nodeX[n]);
      maxY = Math.max(maxY, graph.nodeY[n]);
    }
    if (graph.nodeCount === 0) minX = minY = maxX = maxY = 0;
    this.x0 = minX - cellSize;
    this.y0 = minY - cellSize;
    this.cols = Math.max(1, Math.ceil((maxX - this.x0) / cellSize) + 2);
    this.rows = Math.max(1, Math.ceil((maxY - this.y0) / cellSize) + 2);
    const counts = new Int32Array(this.cols * this.rows + 1);
    this.visitCells((cell) => counts[cell + 1]++);
    for (let i = 0; i < this.cols * this.rows; i++) counts[i + 1] += counts[i];
    this.cellStart = counts;
    this.cellEdges = new Int32Array(counts[this.cols * this.rows]);
    const fill = counts.slice(0, this.cols * this.rows);
    this.visitCells((cell, e) => (this.cellEdges[fill[cell]++] = e));
  }

  /** Calls fn(cell, edge) once for every cell an edge is registered in. */
  private visitCells(fn: (cell: number, edge: number) => void): void {
    const g = this.graph;
    const seen = new Set<number>();
    for (let e = 0; e < g.edgeCount; e++) {
      const ax = g.nodeX[g.edgeA[e]], ay = g.nodeY[g.edgeA[e]];
      const bx = g.nodeX[g.edgeB[e]], by = g.nodeY[g.edgeB[e]];
      const c0 = this.col(Math.min(ax, bx)), c1 = this.col(Math.max(ax, bx));
      const r0 = this.row(Math.min(ay, by)), r1 = this.row(Math.max(ay, by));
      if ((c1 - c0 + 1) * (r1 - r0 + 1) <= 9) {
        for (let r = r0; r <= r1; r++) for (let c = c0; c <= c1; c++) fn(r * this.cols + c, e);
        continue;
      }
      seen.clear();
      const steps = Math.ceil(g.edgeLength[e] / (this.cellSize / 4));
      for (let k = 0; k <= steps; k++) {
        const cx = this.col(ax + ((bx - ax) * k) / steps);
        const cy = this.row(ay + ((by - ay) * k) / steps);
        for (let dr = -1; dr <= 1; dr++)
          for (let dc = -1; dc <= 1; dc++) {
            const c = cx + dc, r = cy + dr;
            if (c < 0 || r < 0 || c >= this.cols || r >= this.rows) continue;
            const cell = r * this.cols + c;
            if (!seen.has(cell)) {
              seen.add(cell);
              fn(cell, e);
            }
          }
      }
    }
  }

  private col(x: number): number {
    return Math.min(this.cols - 1, Math.max(0, Math.floor((x - this.x0) / this.cellSize)));
  }

  private row(y: number): number {
    return Math.min(this.rows - 1, Math.max(0, Math.floor((y - this.y0) / this.cellSize)));
  }

  /** The nearest point on the nearest edge within `limit` metres (inclusive), or null when every edge is strictly farther. */
  nearest(x: number, y: number, limit: number): Snap | null {
    const g = this.graph;
    const cx = Math.floor((x - this.x0) / this.cellSize);
    const cy = Math.floor((y - this.y0) / this.cellSize);
    let best = -1, bestD2 = Infinity, bestT = 0;
    // Distance from the point to the nearest cell outside ring r is at least (r) cells minus its offset in its own cell.
    const inset = Math.min(x - (this.x0 + cx * this.cellSize), this.x0 + (cx + 1) * this.cellSize - x, y - (this.y0 + cy * this.cellSize), this.y0 + (cy + 1) * this.cellSize - y);
    const maxRing = Math.max(this.cols, this.rows) + Math.abs(cx) + Math.abs(cy);
    for (let r = 0; r <= maxRing; r++) {
      const reach = (r - 1) * this.cellSize + Math.max(0, inset);
      if (r > 0 && (reach > limit || reach * reach >= bestD2)) break;
      for (let dy = -r; dy <= r; dy++) {
        const row = cy + dy;
        if (row < 0 || row >= this.rows) continue;
        const step = dy === -r || dy === r ? 1 : 2 * r;
        for (let dx = -r; dx <= r; dx += step || 1) {
          const col = cx + dx;
          if (col < 0 || col >= this.cols) continue;
          const cell = row * this.cols + col;
          for (let k = this.cellStart[cell]; k < this.cellStart[cell + 1]; k++) {
            const e = this.cellEdges[k];
            const ax = g.nodeX[g.edgeA[e]], ay = g.nodeY[g.edgeA[e]];
            const dxE = g.nodeX[g.edgeB[e]] - ax, dyE = g.nodeY[g.edgeB[e]] - ay;
            const len2 = dxE * dxE + dyE * dyE;
            let t = len2 > 0 ? ((x - ax) * dxE + (y - ay) * dyE) / len2 : 0;
            t = t < 0 ? 0 : t > 1 ? 1 : t;
            const px = ax + t * dxE - x, py = ay + t * dyE - y;
            const d2 = px * px + py * py;
            if (d2 < bestD2) {
              bestD2 = d2;
              best = e;
              bestT = t;
            }
          }
        }
      }
    }
    if (best < 0) return null;
    const distance = Math.sqrt(bestD2);
    return distance > limit ? null : { edge: best, t: bestT, distance };
  }
}
