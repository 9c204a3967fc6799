/**
 * Weighted quantile by selection (expected O(n), no allocation): the smallest value L among
 * d[0..n) such that the weights of the values ≤ L make up at least `target`. Reorders d and w in
 * place (pairs stay together). Returns the largest value when the weights never reach `target`
 * (rounding) and null when n = 0. Equal to scanning the values in ascending order and stopping
 * where the running weight first reaches `target`.
 */
export function weightedSelect(d: Float64Array, w: Float64Array, n: number, target: number): number | null {
  return weightedSelectFrom(d, w, n, 0, 0, target);
}

/**
 * Where the last selection left the values: every value before `start` is smaller than the one it
 * returned, and they weigh `below`. A second selection for a larger target may start there.
 */
export const lastSelection = { start: 0, below: 0 };

/**
 * Two weighted quantiles in one pass and a half: the second selection (target2 ≥ target1) starts
 * where the first left off. Same results as two weightedSelect calls.
 */
export function weightedSelectTwo(d: Float64Array, w: Float64Array, n: number, target1: number, target2: number): [number | null, number | null] {
  const first = weightedSelectFrom(d, w, n, 0, 0, target1);
  if (first === null) return [null, null];
  return [first, weightedSelectFrom(d, w, n, lastSelection.start, lastSelection.below, target2)];
}

/** Scratch for weightedQuantilesPacked: bucket weights and the values of the buckets that hold the answers. */
export interface QuantileScratch {
  bucket: Float64Array;
  d: Float64Array;
  w: Float64Array;
}

export function quantileScratch(): QuantileScratch {
  return { bucket: new Float64Array(BUCKETS), d: new Float64Array(256), w: new Float64Array(256) };
}

/** Buckets of the bucketed selection; a school's ~1 000 trips give about 4 per bucket. */
const BUCKETS = 256;

/**
 * Two weighted quantiles (target1 ≤ target2, as weightedSelectTwo) of values strided in one
 * array — value at P[i × stride], weight at P[i × stride + 1], i < n — all in [min, max], without
 * reordering P: one pass spreads the weights over 256 equal-width buckets of [min, max] (a
 * monotone map, so every value of a lower bucket is smaller and equal values share a bucket), the
 * cumulative bucket weights find the bucket of each answer, and a second pass copies only that
 * bucket's values for a selection. Same results as weightedSelectTwo on the copied values, in two
 * branch-free passes instead of a partitioning selection.
 */
export function weightedQuantilesPacked(P: Float64Array, stride: number, n: number, min: number, max: number, target1: number, target2: number, scratch: QuantileScratch): [number | null, number | null] {
  if (n === 0) return [null, null];
  if (!(max > min) || !Number.isFinite(max - min)) {
    // One value (or a range a bucket cannot divide): the selection over a plain copy.
    const { d, w } = gather(P, stride, n, -1, 0, 0, scratch);
    return weightedSelectTwo(d, w, n, target1, target2);
  }
  const B = scratch.bucket;
  B.fill(0);
  const scale = BUCKETS / (max - min);
  for (let p = 0, end = n * stride; p < end; p += stride) B[Math.min(BUCKETS - 1, ((P[p] - min) * scale) | 0)] += P[p + 1];
  let below = 0;
  let b = 0;
  while (b < BUCKETS - 1 && below + B[b] < target1) below += B[b++];
  const g1 = gather(P, stride, n, b, min, scale, scratch);
  const first = weightedSelect(g1.d, g1.w, g1.n, target1 - below);
  if (first === null) return [null, null];
  let b2 = b;
  let below2 = below;
  while (b2 < BUCKETS - 1 && below2 + B[b2] < target2) below2 += B[b2++];
  if (b2 === b) return [first, weightedSelect(g1.d, g1.w, g1.n, target2 - below)];
  const g2 = gather(P, stride, n, b2, min, scale, scratch);
  return [first, weightedSelect(g2.d, g2.w, g2.n, target2 - below2)];
}

/** The values (and weights) of bucket `bucket` (−1: all) into the scratch arrays, grown as needed. */
function gather(P: Float64Array, stride: number, n: number, bucket: number, min: number, scale: number, scratch: QuantileScratch): { d: Float64Array; w: Float64Array; n: number } {
  if (scratch.d.length < n) {
    scratch.d = new Float64Array(2 * n);
    scratch.w = new Float64Array(2 * n);
  }
  const { d, w } = scratch;
  let k = 0;
  for (let p = 0, end = n * stride; p < end; p += stride) {
    if (bucket >= 0 && Math.min(BUCKETS - 1, ((P[p] - min) * scale) | 0) !== bucket) continue;
    d[k] = P[p];
    w[k++] = P[p + 1];
  }
  return { d, w, n: k };
}

/** weightedSelect over d[start..n), the values before `start` (all smaller) weighing `below0`. */
function weightedSelectFrom(d: Float64Array, w: Float64Array, n: number, start: number, below0: number, target: number): number | null {
  if (n === 0) return null;
  let lo = start;
  let hi = n;
  let below = below0;
  lastSelection.start = 0;
  lastSelection.below = 0;
  while (hi - lo > 16) {
    const p = median3(d[lo], d[(lo + hi) >> 1], d[hi - 1]);
    // Three-way partition of [lo, hi): < p in [lo, lt), = p in [lt, i), > p in [gt, hi).
    let lt = lo;
    let i = lo;
    let gt = hi;
    let wLess = 0;
    let wEq = 0;
    while (i < gt) {
      const x = d[i];
      if (x < p) {
        wLess += w[i];
        swap(d, w, lt++, i++);
      } else if (x > p) swap(d, w, i, --gt);
      else {
        wEq += w[i];
        i++;
      }
    }
    if (below + wLess >= target) hi = lt;
    else if (below + wLess + wEq >= target) {
      lastSelection.start = lt;
      lastSelection.below = below + wLess;
      return p;
    } else {
      below += wLess + wEq;
      lo = gt;
    }
    if (lo >= hi) return maxOf(d, n);
  }
  insertionSort(d, w, lo, hi);
  const sortedFrom = lo, belowSorted = below;
  for (let i = lo; i < hi; i++) {
    below += w[i];
    if (below >= target) {
      lastSelection.start = sortedFrom;
      lastSelection.below = belowSorted;
      return d[i];
    }
  }
  return maxOf(d, n);
}

function median3(a: number, b: number, c: number): number {
  if (a < b) return b < c ? b : a < c ? c : a;
  return a < c ? a : b < c ? c : b;
}

function swap(d: Float64Array, w: Float64Array, i: number, j: number): void {
  const x = d[i];
  d[i] = d[j];
  d[j] = x;
  const y = w[i];
  w[i] = w[j];
  w[j] = y;
}

function insertionSort(d: Float64Array, w: Float64Array, lo: number, hi: number): void {
  for (let i = lo + 1; i < hi; i++) {
    const x = d[i];
    const y = w[i];
    let j = i - 1;
    while (j >= lo && d[j] > x) {
      d[j + 1] = d[j];
      w[j + 1] = w[j];
      j--;
    }
    d[j + 1] = x;
    w[j + 1] = y;
  }
}

function maxOf(d: Float64Array, n: number): number {
  let m = -Infinity;
  for (let i = 0; i < n; i++) if (d[i] > m) m = d[i];
  return m;
}
