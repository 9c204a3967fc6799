/**
 * Catchments on the pixel raster: every land pixel goes to the school with the least
 * travel cost (multi-source Dijkstra, 8 neighbours) over a noisy, blocky cost field, so
 * that borders wander like streets instead of following straight Voronoi lines. Each
 * school's region is then made one 4-connected piece containing the school.
 */
import { isLand, type Landscape } from './landscape';
import type { SampleCityConfig } from './sample-city-config';
import { createNoise } from './value-noise';

/** Travel cost per metre for each pixel (0 = not municipal land). Lakes cost three times as much. */
export function buildCostField(cfg: SampleCityConfig, ls: Landscape): Float32Array {
  const noise = createNoise(cfg.seed ^ 0x9e37);
  const k = cfg.layoutScale;
  const cost = new Float32Array(ls.w * ls.h);
  for (let i = 0; i < cost.length; i++) {
    if (!isLand(ls, i)) continue;
    const x = ls.originX + ((i % ls.w) + 0.5) * ls.pixel;
    const y = ls.originY + (Math.floor(i / ls.w) + 0.5) * ls.pixel;
    const c = 1 + 0.6 * noise.fbm(x, y, 1000 * k, 3) + 1.1 * noise.block(x, y, 400);
    cost[i] = ls.lakeId[i] >= 0 ? 3 * c : c;
  }
  return cost;
}

/**
 * Label of the winning source per pixel (-1 off land). `sources` are pixel indices on land,
 * `head` a head start per source in metres of travel (larger = bigger catchment).
 */
export function assignPixels(ls: Landscape, cost: Float32Array, sources: number[], head: number[]): Int32Array {
  const n = ls.w * ls.h;
  const w = ls.w;
  const label = new Int32Array(n).fill(-1);
  const dist = new Float64Array(n).fill(Infinity);
  const heap = new MinHeap(1 << 20);
  const maxHead = Math.max(0, ...head);
  sources.forEach((s, id) => {
    dist[s] = maxHead - head[id];
    label[s] = id;
    heap.push(dist[s], s);
  });
  const locked = new Uint8Array(n);
  for (const s of sources) locked[s] = 1;
  const DC = [-1, 1, 0, 0, -1, 1, -1, 1];
  const DR = [0, 0, -1, 1, -1, -1, 1, 1];
  const settled = new Uint8Array(n);
  while (heap.size) {
    const d = heap.topKey();
    const i = heap.pop();
    if (settled[i] || d > dist[i]) continue;
    settled[i] = 1;
    const c = i % w;
    const r = (i - c) / w;
    for (let m = 0; m < 8; m++) {
      const cc = c + DC[m];
      const rr = r + DR[m];
      if (cc < 0 || rr < 0 || cc >= w || rr >= ls.h) continue;
      const j = rr * w + cc;
      if (!cost[j] || locked[j] || settled[j]) continue;
      const step = (m < 4 ? 1 : Math.SQRT2) * ls.pixel * 0.5 * (cost[i] + cost[j]);
      if (d + step < dist[j]) {
        dist[j] = d + step;
        label[j] = label[i];
        heap.push(dist[j], j);
      }
    }
  }
  makeConnected(ls, label, sources);
  return label;
}

/** Keep each label's 4-connected piece that holds its source; hand stray pieces to a neighbouring region. */
function makeConnected(ls: Landscape, label: Int32Array, sources: number[]): void {
  const n = label.length;
  const w = ls.w;
  const keep = new Uint8Array(n);
  const queue = new Int32Array(n);
  const neighbours = (i: number): number[] => {
    const c = i % w;
    return [c > 0 ? i - 1 : -1, c < w - 1 ? i + 1 : -1, i >= w ? i - w : -1, i + w < n ? i + w : -1];
  };
  let tail = 0;
  sources.forEach((s, id) => {
    let head = tail;
    keep[s] = 1;
    queue[tail++] = s;
    while (head < tail) {
      for (const j of neighbours(queue[head++])) {
        if (j >= 0 && !keep[j] && label[j] === id) {
          keep[j] = 1;
          queue[tail++] = j;
        }
      }
    }
  });
  // Every kept pixel is now in the queue; grow the kept regions into the stray pixels.
  let head = 0;
  while (head < tail) {
    const i = queue[head++];
    for (const j of neighbours(i)) {
      if (j >= 0 && !keep[j] && label[j] >= 0) {
        keep[j] = 1;
        label[j] = label[i];
        queue[tail++] = j;
      }
    }
  }
}

/** Binary min-heap of (key, value) pairs in growable typed arrays. */
class MinHeap {
  private keys: Float64Array;
  private values: Int32Array;
  size = 0;
  constructor(capacity: number) {
    this.keys = new Float64Array(capacity);
    this.values = new Int32Array(capacity);
  }
  topKey(): number {
    return this.keys[0];
  }
  push(key: number, value: number): void {
    if (this.size === this.keys.length) {
      const k = new Float64Array(this.size * 2);
      k.set(this.keys);
      const v = new Int32Array(this.size * 2);
      v.set(this.values);
      this.keys = k;
      this.values = v;
    }
    let i = this.size++;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (this.keys[p] <= key) break;
      this.keys[i] = this.keys[p];
      this.values[i] = this.values[p];
      i = p;
    }
    this.keys[i] = key;
    this.values[i] = value;
  }
  pop(): number {
    const top = this.values[0];
    const key = this.keys[--this.size];
    const value = this.values[this.size];
    let i = 0;
    for (;;) {
      let c = 2 * i + 1;
      if (c >= this.size) break;
      if (c + 1 < this.size && this.keys[c + 1] < this.keys[c]) c++;
      if (this.keys[c] >= key) break;
      this.keys[i] = this.keys[c];
      this.values[i] = this.values[c];
      i = c;
    }
    this.keys[i] = key;
    this.values[i] = value;
    return top;
  }
}
