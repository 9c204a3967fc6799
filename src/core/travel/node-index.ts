/**
 * Vertices → graph nodes: coordinates are rounded to the nearest millimetre, and vertices with
 * equal rounded coordinates are one node (an open-addressing hash on the two integers).
 */
export class NodeIndex {
  private keysX: Float64Array;
  private keysY: Float64Array;
  private slots: Int32Array;
  private mask: number;
  /** First-seen coordinates of each node (metres). */
  xs: number[] = [];
  ys: number[] = [];

  /** @param expected the largest number of nodes (the number of vertices) */
  constructor(expected: number) {
    let size = 16;
    while (size < expected * 2) size *= 2;
    this.mask = size - 1;
    this.keysX = new Float64Array(size);
    this.keysY = new Float64Array(size);
    this.slots = new Int32Array(size).fill(-1);
  }

  get count(): number {
    return this.xs.length;
  }

  /** Node of (x, y), created when new. */
  node(x: number, y: number): number {
    const kx = Math.round(x * 1000);
    const ky = Math.round(y * 1000);
    let h = Math.imul(kx | 0, 0x9e3779b1) ^ Math.imul(ky | 0, 0x85ebca77);
    h = (h ^ (h >>> 15)) & this.mask;
    for (;;) {
      const slot = this.slots[h];
      if (slot < 0) break;
      if (this.keysX[h] === kx && this.keysY[h] === ky) return slot;
      h = (h + 1) & this.mask;
    }
    const id = this.xs.length;
    if (id * 2 > this.mask) throw new Error('NodeIndex: more nodes than expected');
    this.slots[h] = id;
    this.keysX[h] = kx;
    this.keysY[h] = ky;
    this.xs.push(x);
    this.ys.push(y);
    return id;
  }
}
