/**
 * A uniform-grid index of polygon vertices and edges inside a region, for snapping queries
 * ("the nearest vertex within d", "the nearest point on an edge within d"). Cells outside the
 * region are never filled, so long edges cost at most the cells of the region. Metres, EPSG:3067.
 */
import type { BBox, MultiPolygon, Position } from '../model/geometry-types';

type Segment = [Position, Position];

export class SegmentHash {
  private readonly cell: number;
  private readonly region: BBox;
  private readonly cols: number;
  private readonly rows: number;
  private readonly vertices = new Map<number, Position[]>();
  private readonly edges = new Map<number, Segment[]>();
  private readonly seen = new Set<string>();
  private count = 0;

  /** @param cell cell side in metres; @param region the only area queries will touch */
  constructor(cell: number, region: BBox) {
    this.cell = cell;
    this.region = region;
    this.cols = Math.max(1, Math.ceil((region[2] - region[0]) / cell));
    this.rows = Math.max(1, Math.ceil((region[3] - region[1]) / cell));
  }

  isEmpty(): boolean {
    return this.count === 0;
  }

  private range(minX: number, minY: number, maxX: number, maxY: number): [number, number, number, number] | null {
    const r = this.region;
    if (maxX < r[0] || maxY < r[1] || minX > r[2] || minY > r[3]) return null;
    const c0 = Math.max(0, Math.floor((minX - r[0]) / this.cell));
    const r0 = Math.max(0, Math.floor((minY - r[1]) / this.cell));
    const c1 = Math.min(this.cols - 1, Math.floor((maxX - r[0]) / this.cell));
    const r1 = Math.min(this.rows - 1, Math.floor((maxY - r[1]) / this.cell));
    return [c0, r0, c1, r1];
  }

  addMultiPolygon(mp: MultiPolygon): void {
    for (const polygon of mp)
      for (const ring of polygon)
        for (let i = 0; i < ring.length; i++) {
          this.addVertex(ring[i]);
          if (i + 1 < ring.length) this.addEdge(ring[i], ring[i + 1]);
        }
  }

  private addVertex(p: Position): void {
    const key = `${p[0]},${p[1]}`;
    if (this.seen.has(key)) return;
    const cr = this.range(p[0], p[1], p[0], p[1]);
    if (!cr) return;
    this.seen.add(key);
    const k = cr[1] * this.cols + cr[0];
    (this.vertices.get(k) ?? this.vertices.set(k, []).get(k)!).push(p);
    this.count++;
  }

  private addEdge(a: Position, b: Position): void {
    const cr = this.range(Math.min(a[0], b[0]), Math.min(a[1], b[1]), Math.max(a[0], b[0]), Math.max(a[1], b[1]));
    if (!cr) return;
    for (let r = cr[1]; r <= cr[3]; r++)
      for (let c = cr[0]; c <= cr[2]; c++) {
        const k = r * this.cols + c;
        (this.edges.get(k) ?? this.edges.set(k, []).get(k)!).push([a, b]);
      }
    this.count++;
  }

  /** Items of `map` in the cells overlapping the box, cell by cell (an edge may come more than once). */
  private *inBox<T>(map: Map<number, T[]>, minX: number, minY: number, maxX: number, maxY: number): Generator<T> {
    const cr = this.range(minX, minY, maxX, maxY);
    if (!cr) return;
    for (let r = cr[1]; r <= cr[3]; r++) for (let c = cr[0]; c <= cr[2]; c++) yield* map.get(r * this.cols + c) ?? [];
  }

  /** Of the points `toPoint(item)` for the items near p, the nearest within `d`, or null (ties: the last). */
  private nearestWithin<T>(map: Map<number, T[]>, p: Position, d: number, toPoint: (item: T) => Position): Position | null {
    let best: Position | null = null;
    let bestD = d;
    for (const item of this.inBox(map, p[0] - d, p[1] - d, p[0] + d, p[1] + d)) {
      const q = toPoint(item);
      const dist = Math.hypot(q[0] - p[0], q[1] - p[1]);
      if (dist <= bestD) {
        bestD = dist;
        best = q;
      }
    }
    return best;
  }

  /** The nearest indexed vertex within `d` of p, or null. */
  nearestVertex(p: Position, d: number): Position | null {
    return this.nearestWithin(this.vertices, p, d, (v) => v);
  }

  /** The nearest point on an indexed edge within `d` of p, or null. */
  nearestOnEdge(p: Position, d: number): Position | null {
    return this.nearestWithin(this.edges, p, d, ([a, b]) => nearest(p, a, b));
  }

  /**
   * Indexed vertices within `d` of segment ab and farther than `d` from both of its ends,
   * ordered from a to b.
   */
  verticesNearSegment(a: Position, b: Position, d: number): Position[] {
    const hits: { p: Position; t: number }[] = [];
    const dx = b[0] - a[0];
    const dy = b[1] - a[1];
    const len2 = dx * dx + dy * dy;
    if (len2 === 0) return [];
    for (const v of this.inBox(this.vertices, Math.min(a[0], b[0]) - d, Math.min(a[1], b[1]) - d, Math.max(a[0], b[0]) + d, Math.max(a[1], b[1]) + d)) {
      if (Math.hypot(v[0] - a[0], v[1] - a[1]) <= d || Math.hypot(v[0] - b[0], v[1] - b[1]) <= d) continue;
      const q = nearest(v, a, b);
      if (Math.hypot(q[0] - v[0], q[1] - v[1]) <= d) hits.push({ p: v, t: ((v[0] - a[0]) * dx + (v[1] - a[1]) * dy) / len2 });
    }
    return hits.sort((x, y) => x.t - y.t).map((h) => h.p);
  }
}

function nearest(p: Position, a: Position, b: Position): Position {
  const dx = b[0] - a[0];
  const dy = b[1] - a[1];
  const len2 = dx * dx + dy * dy;
  const t = len2 === 0 ? 0 : Math.max(0, Math.min(1, ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / len2));
  return [a[0] + t * dx, a[1] + t * dy];
}
