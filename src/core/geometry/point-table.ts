/**
 * Open-addressing hash table from integer grid points (x, y) to a value index.
 * Keys are whole numbers of any magnitude below 2^53 (millimetres of EPSG:3067
 * metres: |x|, |y| < 1e10); no allocation per entry, and `clear()` is O(1)
 * (entries carry a generation stamp), so one table can serve every operation.
 * Used to map the integer vertices that Clipper2 returns back to the exact float
 * positions they came from.
 */
export class PointTable {
  private keysX: Float64Array;
  private keysY: Float64Array;
  private values: Int32Array;
  /** An entry is live when its stamp equals `gen`. */
  private stamps: Uint32Array;
  private gen = 1;
  private mask: number;
  private size = 0;

  /** `expected`: number of points expected (the table doubles when half full). */
  constructor(expected = 64) {
    let cap = 16;
    while (cap < expected * 2) cap *= 2;
    this.keysX = new Float64Array(cap);
    this.keysY = new Float64Array(cap);
    this.values = new Int32Array(cap);
    this.stamps = new Uint32Array(cap);
    this.mask = cap - 1;
  }

  /** Removes every entry in O(1). */
  clear(): void {
    this.size = 0;
    this.gen++;
    if (this.gen === 0xffffffff) {
      this.stamps.fill(0);
      this.gen = 1;
    }
  }

  private static hash(x: number, y: number): number {
    // ToInt32 keeps the low 32 bits; the high part is folded in separately.
    const hx = Math.imul(x | 0, 0x9e3779b1) ^ Math.imul((x / 4294967296) | 0, 0x7feb352d);
    const hy = Math.imul(y | 0, 0x85ebca77) ^ Math.imul((y / 4294967296) | 0, 0x27d4eb2f);
    let h = hx ^ (hy + 0x165667b1 + (hx << 6) + (hx >>> 2));
    h = Math.imul(h ^ (h >>> 15), 0x2c1b3c6d);
    return (h ^ (h >>> 12)) >>> 0;
  }

  /** Value stored for (x, y), or −1. */
  get(x: number, y: number): number {
    let i = PointTable.hash(x, y) & this.mask;
    for (;;) {
      if (this.stamps[i] !== this.gen) return -1;
      if (this.keysX[i] === x && this.keysY[i] === y) return this.values[i];
      i = (i + 1) & this.mask;
    }
  }

  /** Stores `value` for (x, y) unless the point is already present (the first value wins). */
  setIfAbsent(x: number, y: number, value: number): void {
    if ((this.size + 1) * 2 > this.values.length) this.rehash();
    let i = PointTable.hash(x, y) & this.mask;
    for (;;) {
      if (this.stamps[i] !== this.gen) break;
      if (this.keysX[i] === x && this.keysY[i] === y) return;
      i = (i + 1) & this.mask;
    }
    this.keysX[i] = x;
    this.keysY[i] = y;
    this.values[i] = value;
    this.stamps[i] = this.gen;
    this.size++;
  }

  private rehash(): void {
    const { keysX, keysY, values, stamps, gen } = this;
    const cap = values.length * 2;
    this.keysX = new Float64Array(cap);
    this.keysY = new Float64Array(cap);
    this.values = new Int32Array(cap);
    this.stamps = new Uint32Array(cap);
    this.gen = 1;
    this.mask = cap - 1;
    this.size = 0;
    for (let i = 0; i < values.length; i++) if (stamps[i] === gen) this.setIfAbsent(keysX[i], keysY[i], values[i]);
  }
}
