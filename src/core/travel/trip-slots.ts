/**
 * The trips of a network in typed arrays: one slot per (unit, school) with weight > 0, holding
 * the trip length and its weight (children × catchment weight) in one 64-byte record, linked into
 * two lists (the unit's slots, the slots of its 4-metre length bin) and copied into its school's
 * packed array (length, weight, extra per trip, contiguous, so that a school's figures read its
 * trips in order rather than chasing pointers), plus the weight of each bin and the weight and
 * count of each block of 256 bins. Adding or removing a slot is O(1) amortised (a removal moves
 * the school's last trip into the gap), so an edit costs O(changed units); a weighted quantile of
 * the whole network scans ≤ 256 blocks and ≤ 256 bins and selects within one bin (exact: the bins only
 * narrow the search). The bin arrays are kept small (65 536 bins) so that they stay in cache.
 */
import { weightedSelect } from './weighted-quantile';

const BIN_M = 4;
const MAX_BIN = 1 << 16; // × 4 m = 262 144 m; longer trips share the last bin
const BLOCK_BITS = 8;
const BLOCK = 1 << BLOCK_BITS;
const BLOCKS = MAX_BIN >> BLOCK_BITS;
export const QUANTILE_TOLERANCE = 1e-9;

/**
 * Slot record layout: 64 bytes (one cache line) per slot, so that moving a slot touches one line
 * per slot instead of one per field. Int32 words: (free), school, next of unit, position in the
 * school's packed array, bin next, bin prev; Float64 words 4–7: trip length, weight, extra (the
 * tracker's daily travel time), (free). A school's packed array holds per trip: length, weight,
 * extra, slot.
 */
const STRIDE_I = 16;
const STRIDE_F = 8;
const SCHOOL = 1, NEXT_OF_UNIT = 2, POS = 3, BIN_NEXT = 5, BIN_PREV = 6;
const D = 4, W = 5, EXTRA = 6;
/** Float64 words per trip in a school's packed array: length, weight, extra, slot. */
export const PACKED = 4;

export class TripSlots {
  private ints: Int32Array;
  private floats: Float64Array;
  private capacity: number;
  private freeHead = -1;
  private used: number;
  /** Slot u (< unit count) is unit u's own first slot: 1 while in use. Units close together (an edit's) thus have their records close together. */
  private readonly ownUsed: Uint8Array;
  readonly unitHead: Int32Array;
  private readonly packed: Float64Array[];
  private readonly schoolCount: Int32Array;
  private readonly binHead = new Int32Array(MAX_BIN).fill(-1);
  private readonly binWeight = new Float64Array(MAX_BIN);
  private readonly blockWeight = new Float64Array(BLOCKS);
  private readonly blockCount = new Int32Array(BLOCKS);
  totalWeight = 0;
  count = 0;
  /** Scratch: the trips of the bin a quantile falls in. */
  private binD = new Float64Array(256);
  private binW = new Float64Array(256);

  constructor(units: number, schools: number) {
    this.capacity = units + 1024;
    this.used = units;
    this.ownUsed = new Uint8Array(units);
    const buffer = new ArrayBuffer(this.capacity * 64);
    this.ints = new Int32Array(buffer);
    this.floats = new Float64Array(buffer);
    this.unitHead = new Int32Array(units).fill(-1);
    this.packed = Array.from({ length: schools }, () => new Float64Array(64 * PACKED));
    this.schoolCount = new Int32Array(schools);
  }

  /** School, trip length, weight and extra value of slot k. */
  school(k: number): number {
    return this.ints[k * STRIDE_I + SCHOOL];
  }
  d(k: number): number {
    return this.floats[k * STRIDE_F + D];
  }
  w(k: number): number {
    return this.floats[k * STRIDE_F + W];
  }
  extra(k: number): number {
    return this.floats[k * STRIDE_F + EXTRA];
  }

  /** Adds a slot (with an extra value kept beside it) and returns its index (stable until the slot is removed). */
  add(u: number, s: number, d: number, w: number, extra = NaN): number {
    const k = this.alloc(u);
    const I = this.ints, F = this.floats;
    const i = k * STRIDE_I, f = k * STRIDE_F;
    I[i + SCHOOL] = s;
    F[f + D] = d;
    F[f + W] = w;
    F[f + EXTRA] = extra;
    I[i + NEXT_OF_UNIT] = this.unitHead[u];
    this.unitHead[u] = k;
    const n = this.schoolCount[s]++;
    let P = this.packed[s];
    if ((n + 1) * PACKED > P.length) {
      const grown = new Float64Array(2 * P.length);
      grown.set(P);
      this.packed[s] = P = grown;
    }
    const p = n * PACKED;
    P[p] = d;
    P[p + 1] = w;
    P[p + 2] = extra;
    P[p + 3] = k;
    I[i + POS] = n;
    const b = binOf(d);
    I[i + BIN_PREV] = -1;
    const bh = this.binHead[b];
    I[i + BIN_NEXT] = bh;
    if (bh >= 0) I[bh * STRIDE_I + BIN_PREV] = k;
    this.binHead[b] = k;
    this.bump(b, w, 1);
    return k;
  }

  /** Removes every slot of unit u. */
  clearUnit(u: number): void {
    let k = this.unitHead[u];
    while (k >= 0) {
      const next = this.ints[k * STRIDE_I + NEXT_OF_UNIT];
      this.unlink(k);
      k = next;
    }
    this.unitHead[u] = -1;
  }

  /** School s's trips, packed: trip i's length, weight, extra and slot at [PACKED × i …], for i < schoolSize(s). Valid until the next change. */
  schoolTrips(s: number): Float64Array {
    return this.packed[s];
  }

  /** The next slot of the same unit (−1 at the end), for loops from unitHead[u]. */
  nextSlotOfUnit(k: number): number {
    return this.ints[k * STRIDE_I + NEXT_OF_UNIT];
  }

  /** Number of slots of school s. */
  schoolSize(s: number): number {
    return this.schoolCount[s];
  }

  private unlink(k: number): void {
    const I = this.ints;
    const i = k * STRIDE_I;
    const s = I[i + SCHOOL];
    // The school's last trip fills the gap.
    const last = --this.schoolCount[s];
    const pos = I[i + POS];
    if (pos !== last) {
      const P = this.packed[s];
      const a = pos * PACKED, b = last * PACKED;
      P[a] = P[b];
      P[a + 1] = P[b + 1];
      P[a + 2] = P[b + 2];
      P[a + 3] = P[b + 3];
      I[P[a + 3] * STRIDE_I + POS] = pos;
    }
    const b = binOf(this.floats[k * STRIDE_F + D]);
    const bp = I[i + BIN_PREV], bn = I[i + BIN_NEXT];
    if (bp >= 0) I[bp * STRIDE_I + BIN_NEXT] = bn;
    else this.binHead[b] = bn;
    if (bn >= 0) I[bn * STRIDE_I + BIN_PREV] = bp;
    this.bump(b, -this.floats[k * STRIDE_F + W], -1);
    if (k < this.ownUsed.length) this.ownUsed[k] = 0;
    else {
      I[i + NEXT_OF_UNIT] = this.freeHead;
      this.freeHead = k;
    }
  }

  private alloc(u: number): number {
    if (!this.ownUsed[u]) {
      this.ownUsed[u] = 1;
      return u;
    }
    if (this.freeHead >= 0) {
      const k = this.freeHead;
      this.freeHead = this.ints[k * STRIDE_I + NEXT_OF_UNIT];
      return k;
    }
    if (this.used === this.capacity) this.grow();
    return this.used++;
  }

  private grow(): void {
    this.capacity *= 2;
    const buffer = new ArrayBuffer(this.capacity * 64);
    new Int32Array(buffer).set(this.ints);
    this.ints = new Int32Array(buffer);
    this.floats = new Float64Array(buffer);
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
      // The bin's trips, copied for a selection (its weight reaches the target, up to rounding).
      let n = 0;
      let weight = 0;
      for (let k = this.binHead[b]; k >= 0; k = this.ints[k * STRIDE_I + BIN_NEXT]) {
        if (n === this.binD.length) {
          this.binD = growTo(this.binD, 2 * n);
          this.binW = growTo(this.binW, 2 * n);
        }
        this.binD[n] = this.floats[k * STRIDE_F + D];
        weight += this.binW[n++] = this.floats[k * STRIDE_F + W];
      }
      if (below + weight >= target) return weightedSelect(this.binD, this.binW, n, target - below);
      below += weight;
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
    for (let k = this.binHead[bin]; k >= 0; k = this.ints[k * STRIDE_I + BIN_NEXT]) best = Math.max(best, this.d(k));
    return best;
  }
}

/** A copy of `a` in a longer array of length n. */
export function growTo(a: Float64Array, n: number): Float64Array<ArrayBuffer> {
  const b = new Float64Array(n);
  b.set(a);
  return b;
}

function binOf(d: number): number {
  return Math.min(MAX_BIN - 1, Math.max(0, Math.floor(d / BIN_M)));
}
