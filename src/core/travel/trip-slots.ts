/**
 * The trips of a network in typed arrays: one slot per (unit, school) with weight > 0, holding
 * the trip length and its weight (children × catchment weight), linked into three lists (the
 * unit's slots, the school's slots, the slots of its 1-metre length bin), plus the weight of
 * each bin and the weight and count of each block of 512 bins. Adding or removing a slot is
 * O(1) without allocation (three writes), so an edit costs O(changed units); a weighted quantile
 * of the whole network scans ≤ 512 blocks and ≤ 512 bins and sorts one bin, and a school's
 * figures are read from its list.
 */
const MAX_BIN = 1 << 18; // 262 144 m; longer trips share the last bin
const BLOCK_BITS = 9;
const BLOCK = 1 << BLOCK_BITS;
const BLOCKS = MAX_BIN >> BLOCK_BITS;
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
  private readonly schoolCount: Int32Array;
  private readonly binHead = new Int32Array(MAX_BIN).fill(-1);
  private readonly binWeight = new Float64Array(MAX_BIN);
  private readonly blockWeight = new Float64Array(BLOCKS);
  private readonly blockCount = new Int32Array(BLOCKS);
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
    this.schoolCount = new Int32Array(schools);
  }

  /** Adds a slot and returns its index (stable until the slot is removed). */
  add(u: number, s: number, d: number, w: number): number {
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
    this.schoolCount[s]++;
    const b = binOf(d);
    this.binPrev[k] = -1;
    this.binNext[k] = this.binHead[b];
    if (this.binHead[b] >= 0) this.binPrev[this.binHead[b]] = k;
    this.binHead[b] = k;
    this.bump(b, w, 1);
    return k;
  }

  /** Removes every slot of unit u. */
  clearUnit(u: number): void {
    let k = this.unitHead[u];
    while (k >= 0) {
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

  /** The next slot of the same unit (−1 at the end), for loops from unitHead[u]. */
  nextSlotOfUnit(k: number): number {
    return this.nextOfUnit[k];
  }

  /** The next slot of the same school (−1 at the end), for loops from schoolHead[s]. */
  nextSlotOfSchool(k: number): number {
    return this.schoolNext[k];
  }

  /** Number of slots of school s. */
  schoolSize(s: number): number {
    return this.schoolCount[s];
  }

  private unlink(k: number): void {
    const s = this.school[k];
    if (this.schoolPrev[k] >= 0) this.schoolNext[this.schoolPrev[k]] = this.schoolNext[k];
    else this.schoolHead[s] = this.schoolNext[k];
    this.schoolCount[s]--;
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
    this.binWeight[bin] += w;
    this.blockWeight[bin >> BLOCK_BITS] += w;
    this.blockCount[bin >> BLOCK_BITS] += c;
  }

  /** Weighted quantile of all slots: the smallest length L whose weight of trips ≤ L is ≥ q × total (tolerance 1e-9 × total). */
  quantile(q: number): number | null {
    if (this.count === 0 || !(this.totalWeight > 0)) return null;
    const target = (q - QUANTILE_TOLERANCE) * this.totalWeight;
    let below = 0;
    let block = 0;
    while (block < BLOCKS - 1 && below + this.blockWeight[block] < target) below += this.blockWeight[block++];
    let bin = block << BLOCK_BITS;
    const end = bin + BLOCK - 1;
    while (bin < end && below + this.binWeight[bin] < target) below += this.binWeight[bin++];
    for (let b = bin; b < MAX_BIN; b++) {
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
    let block = BLOCKS - 1;
    while (block > 0 && this.blockCount[block] === 0) block--;
    let bin = ((block + 1) << BLOCK_BITS) - 1;
    while (bin > 0 && this.binHead[bin] < 0) bin--;
    let best = -Infinity;
    for (let k = this.binHead[bin]; k >= 0; k = this.binNext[k]) best = Math.max(best, this.d[k]);
    return best;
  }
}

function binOf(d: number): number {
  return Math.min(MAX_BIN - 1, Math.max(0, Math.floor(d)));
}
