/**
 * A multiset of weighted trip lengths with exact weighted quantiles and O(log B) updates: a
 * Fenwick tree over 1-metre bins (0 … MAX_BIN metres, longer trips in the last bin) holds the
 * weight per bin, and each bin keeps its own entries so that the quantile inside the bin is
 * exact. Quantile q = the smallest trip length L such that the weight of trips ≤ L is at least
 * q × the total (compared with a tolerance of 1e-9 × the total, against rounding drift).
 */
const MAX_BIN = 1 << 18; // 262 144 m
const RELATIVE_TOLERANCE = 1e-9;

export class TripHistogram {
  private readonly tree = new Float64Array(MAX_BIN + 1);
  private readonly bins = new Map<number, Map<number, [number, number]>>();
  private total = 0;

  get weight(): number {
    return this.total;
  }

  /** Adds (weight > 0) or removes (the same key) an entry: trip length `d` metres with weight `w`. */
  add(key: number, d: number, w: number): void {
    const bin = binOf(d);
    let entries = this.bins.get(bin);
    if (!entries) this.bins.set(bin, (entries = new Map()));
    entries.set(key, [d, w]);
    this.bump(bin, w);
  }

  remove(key: number, d: number): void {
    const bin = binOf(d);
    const entries = this.bins.get(bin);
    const e = entries?.get(key);
    if (!entries || !e) return;
    entries.delete(key);
    if (entries.size === 0) this.bins.delete(bin);
    this.bump(bin, -e[1]);
  }

  private bump(bin: number, w: number): void {
    this.total += w;
    for (let i = bin + 1; i <= MAX_BIN; i += i & -i) this.tree[i] += w;
  }

  /** The weighted quantile (0 < q ≤ 1) as defined above; null when the total weight is 0. */
  quantile(q: number): number | null {
    if (!(this.total > 0) || this.bins.size === 0) return null;
    const target = q * this.total - RELATIVE_TOLERANCE * this.total;
    // Largest prefix of whole bins whose weight stays below the target.
    let pos = 0;
    let below = 0;
    for (let step = MAX_BIN; step > 0; step >>= 1) {
      const next = pos + step;
      if (next <= MAX_BIN && below + this.tree[next] < target) {
        pos = next;
        below += this.tree[next];
      }
    }
    // Bin `pos` holds the quantile; walk its entries in order (or the next non-empty bin after rounding).
    for (let bin = pos; bin < MAX_BIN; bin++) {
      const entries = this.bins.get(bin);
      if (!entries) continue;
      const sorted = [...entries.values()].sort((a, b) => a[0] - b[0]);
      for (const [d, w] of sorted) {
        below += w;
        if (below >= target) return d;
      }
    }
    return this.max();
  }

  /** The longest trip with weight > 0; null when empty. */
  max(): number | null {
    let best: number | null = null;
    let top = -1;
    for (const bin of this.bins.keys()) if (bin > top) top = bin;
    if (top < 0) return null;
    for (const [d] of this.bins.get(top)!.values()) if (best === null || d > best) best = d;
    return best;
  }
}

function binOf(d: number): number {
  return Math.min(MAX_BIN - 1, Math.max(0, Math.floor(d)));
}

/** Weighted quantile of a small list by sorting (the same definition, used per school). */
export function sortedQuantiles(entries: [number, number][], qs: number[]): (number | null)[] {
  const total = entries.reduce((a, e) => a + e[1], 0);
  if (!(total > 0)) return qs.map(() => null);
  entries.sort((a, b) => a[0] - b[0]);
  return qs.map((q) => {
    const target = q * total - RELATIVE_TOLERANCE * total;
    let acc = 0;
    for (const [d, w] of entries) {
      acc += w;
      if (acc >= target) return d;
    }
    return entries[entries.length - 1][0];
  });
}
