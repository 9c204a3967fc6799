/**
 * Weighted quantile by selection (expected O(n), no allocation): the smallest value L among
 * d[0..n) such that the weights of the values ≤ L make up at least `target`. Reorders d and w in
 * place (pairs stay together). Returns the largest value when the weights never reach `target`
 * (rounding) and null when n = 0. Equal to scanning the values in ascending order and stopping
 * where the running weight first reaches `target`.
 */
export function weightedSelect(d: Float64Array, w: Float64Array, n: number, target: number): number | null {
  if (n === 0) return null;
  let lo = 0;
  let hi = n;
  let below = 0;
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
    else if (below + wLess + wEq >= target) return p;
    else {
      below += wLess + wEq;
      lo = gt;
    }
    if (lo >= hi) return maxOf(d, n);
  }
  insertionSort(d, w, lo, hi);
  for (let i = lo; i < hi; i++) {
    below += w[i];
    if (below >= target) return d[i];
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
