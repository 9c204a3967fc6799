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
