/**
 * The trips of a network in typed arrays: one slot per (unit, school) with weight > 0, holding
 * the trip length and its weight (children × catchment weight), linked into three lists (the
 * unit's slots, the school's slots, the slots of its 1-metre length bin), plus two Fenwick trees
 * over the bins (weight and count). Adding or removing a slot is O(log bins) without
 * allocation, so an edit costs O(changed units); a weighted quantile of the whole network is
 * O(log bins + one bin), and a school's figures are read from its list.
 */
const MAX_BIN = 1 << 18; // 262 144 m; longer trips share the last bin
export const QUANTILE_TOLERANCE = 1e-9;

export class TripSlots {
  unit: Int32Array;
  school: Int32Array;
  d: Float64Array;
  w: Float64Array;
  private nextOfUnit: Int32Array;
  private schoolNext: Int32Array;
  private schoolPrev: Int32Array;
  private binNext: Int32Array;
  private binPrev: Int32Array;
  private freeHead = -1;
  private used = 0;
  readonly unitHead: Int32Array;
  readonly schoolHead: Int32Array;
  private readonly binHead = new Int32Array(MAX_BIN).fill(-1);
  private readonly weightTree = new Float64Array(MAX_BIN + 1);
  private readonly countTree = new Int32Array(MAX_BIN + 1);
  totalWeight = 0;
  count = 0;

  constructor(units: number, schools: number) {
    const cap = units + 1024;
    this.unit = new Int32Array(cap);
    this.school = new Int32Array(cap);
    this.d = new Float64Array(cap);
    this.w = new Float64Array(cap);
    this.nextOfUnit = new Int32Array(cap);
    this.schoolNext = new Int32Array(cap);
    this.schoolPrev = new Int32Array(cap);
    this.binNext = new Int32Array(cap);
    this.binPrev = new Int32Array(cap);
    this.unitHead = new Int32Array(units).fill(-1);
    this.schoolHead = new Int32Array(schools).fill(-1);
  }

  add(u: number, s: number, d: number, w: number): void {
    const k = this.alloc();
    this.unit[k] = u;
    this.school[k] = s;
    this.d[k] = d;
    this.w[k] = w;
    this.nextOfUnit[k] = this.unitHead[u];
    this.unitHead[u] = k;
    this.schoolPrev[k] = -1;
    this.schoolNext[k] = this.schoolHead[s];
    if (this.schoolHead[s] >= 0) this.schoolPrev[this.schoolHead[s]] = k;
    this.schoolHead[s] = k;
    const b = binOf(d);
    this.binPrev[k] = -1;
    this.binNext[k] = this.binHead[b];
    if (this.binHead[b] >= 0) this.binPrev[this.binHead[b]] = k;
    this.binHead[b] = k;
    this.bump(b, w, 1);
  }

  /** Removes every slot of unit u, calling fn(slot) before each removal. */
  clearUnit(u: number, fn: (slot: number) => void): void {
    let k = this.unitHead[u];
    while (k >= 0) {
      fn(k);
      const next = this.nextOfUnit[k];
      this.unlink(k);
      k = next;
    }
    this.unitHead[u] = -1;
  }

  /** Calls fn(slot) for every slot of school s. */
  forSchool(s: number, fn: (slot: number) => void): void {
    for (let k = this.schoolHead[s]; k >= 0; k = this.schoolNext[k]) fn(k);
  }

  private unlink(k: number): void {
    const s = this.school[k];
    if (this.schoolPrev[k] >= 0) this.schoolNext[this.schoolPrev[k]] = this.schoolNext[k];
    else this.schoolHead[s] = this.schoolNext[k];
    if (this.schoolNext[k] >= 0) this.schoolPrev[this.schoolNext[k]] = this.schoolPrev[k];
    const b = binOf(this.d[k]);
    if (this.binPrev[k] >= 0) this.binNext[this.binPrev[k]] = this.binNext[k];
    else this.binHead[b] = this.binNext[k];
    if (this.binNext[k] >= 0) this.binPrev[this.binNext[k]] = this.binPrev[k];
    this.bump(b, -this.w[k], -1);
    this.nextOfUnit[k] = this.freeHead;
    this.freeHead = k;
  }

  private alloc(): number {
    if (this.freeHead >= 0) {
      const k = this.freeHead;
      this.freeHead = this.nextOfUnit[k];
      return k;
    }
    if (this.used === this.unit.length) this.grow();
    return this.used++;
  }

  private grow(): void {
    const cap = this.unit.length * 2;
    const g = <T extends Int32Array | Float64Array>(a: T): T => {
      const b = new (a.constructor as new (n: number) => T)(cap);
      b.set(a);
      return b;
    };
    this.unit = g(this.unit);
    this.school = g(this.school);
    this.d = g(this.d);
    this.w = g(this.w);
    this.nextOfUnit = g(this.nextOfUnit);
    this.schoolNext = g(this.schoolNext);
    this.schoolPrev = g(this.schoolPrev);
    this.binNext = g(this.binNext);
    this.binPrev = g(this.binPrev);
  }

  private bump(bin: number, w: number, c: number): void {
    this.totalWeight += w;
    this.count += c;
    for (let i = bin + 1; i <= MAX_BIN; i += i & -i) {
      this.weightTree[i] += w;
      this.countTree[i] += c;
    }
  }

  /** Weighted quantile of all slots: the smallest length L whose weight of trips ≤ L is ≥ q × total (tolerance 1e-9 × total). */
  quantile(q: number): number | null {
    if (this.count === 0 || !(this.totalWeight > 0)) return null;
    const target = (q - QUANTILE_TOLERANCE) * this.totalWeight;
    let pos = 0;
    let below = 0;
    for (let step = MAX_BIN; step > 0; step >>= 1) {
      const next = pos + step;
      if (next <= MAX_BIN && below + this.weightTree[next] < target) {
        pos = next;
        below += this.weightTree[next];
      }
    }
    for (let b = pos; b < MAX_BIN; b++) {
      if (this.binHead[b] < 0) continue;
      const slots: number[] = [];
      for (let k = this.binHead[b]; k >= 0; k = this.binNext[k]) slots.push(k);
      slots.sort((x, y) => this.d[x] - this.d[y]);
      for (const k of slots) {
        below += this.w[k];
        if (below >= target) return this.d[k];
      }
    }
    return this.max();
  }

  /** The longest trip of all slots; null when there are none. */
  max(): number | null {
    if (this.count === 0) return null;
    let pos = 0;
    let below = 0;
    for (let step = MAX_BIN; step > 0; step >>= 1) {
      const next = pos + step;
      if (next <= MAX_BIN && below + this.countTree[next] < this.count) {
        pos = next;
        below += this.countTree[next];
      }
    }
    let best = -Infinity;
    for (let k = this.binHead[pos]; k >= 0; k = this.binNext[k]) best = Math.max(best, this.d[k]);
    return best;
  }
}

function binOf(d: number): number {
  return Math.min(MAX_BIN - 1, Math.max(0, Math.floor(d)));
}
