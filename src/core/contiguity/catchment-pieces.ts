/**
 * The separate pieces of every catchment, kept up to date after each edit: a school's units are
 * those it holds the largest share of (the dominant school, as the map colours them); its pieces
 * are the groups of those units connected through shared edges (unit-adjacency.ts). After an
 * update only the schools whose units changed are recounted (breadth-first search over their units).
 */
import type { UnitAdjacency } from './unit-adjacency';

export interface PieceChange {
  school: number;
  before: number;
  after: number;
}

export class CatchmentPieces {
  private readonly adjacency: UnitAdjacency;
  private readonly owner: Int32Array;
  private readonly members: Set<number>[];
  /** Number of pieces of each school's catchment (0 when it has no units). */
  readonly counts: Int32Array;
  /** Piece label of each unit within its school (0 = the largest piece), −1 when it has no school. */
  readonly piece: Int32Array;
  private readonly queue: Int32Array;

  /** @param dominant live dominant school per unit (−1 none) */
  constructor(adjacency: UnitAdjacency, dominant: Int32Array, schoolCount: number) {
    this.adjacency = adjacency;
    const n = dominant.length;
    this.owner = Int32Array.from(dominant);
    this.members = Array.from({ length: schoolCount }, () => new Set<number>());
    for (let u = 0; u < n; u++) if (this.owner[u] >= 0) this.members[this.owner[u]].add(u);
    this.counts = new Int32Array(schoolCount);
    this.piece = new Int32Array(n).fill(-1);
    this.queue = new Int32Array(n);
    for (let s = 0; s < schoolCount; s++) this.recount(s);
  }

  /** Re-reads the changed units' dominant school and recounts the schools they left or joined. */
  update(dominant: Int32Array, units: ArrayLike<number>): PieceChange[] {
    const touched = new Set<number>();
    for (let i = 0; i < units.length; i++) {
      const u = units[i];
      const before = this.owner[u];
      const after = dominant[u];
      if (before === after) continue;
      if (before >= 0) {
        this.members[before].delete(u);
        touched.add(before);
      }
      if (after >= 0) {
        this.members[after].add(u);
        touched.add(after);
      }
      this.owner[u] = after;
      if (after < 0) this.piece[u] = -1;
    }
    const changes: PieceChange[] = [];
    for (const s of touched) {
      const before = this.counts[s];
      this.recount(s);
      if (this.counts[s] !== before) changes.push({ school: s, before, after: this.counts[s] });
    }
    return changes;
  }

  /** The school whose catchment the unit belonged to at the last update (−1 none). */
  ownerOf(u: number): number {
    return this.owner[u];
  }

  /** Units of the school's detached pieces (every piece but the largest). */
  detachedUnits(s: number): number[] {
    return [...this.members[s]].filter((u) => this.piece[u] > 0);
  }

  private recount(s: number): void {
    const { start, neighbours } = this.adjacency;
    const sizes: number[] = [];
    const label = this.piece;
    for (const u of this.members[s]) label[u] = -1;
    for (const seed of this.members[s]) {
      if (label[seed] >= 0) continue;
      const id = sizes.length;
      let head = 0, tail = 0;
      this.queue[tail++] = seed;
      label[seed] = id;
      while (head < tail) {
        const u = this.queue[head++];
        for (let k = start[u]; k < start[u + 1]; k++) {
          const v = neighbours[k];
          if (this.owner[v] === s && label[v] < 0) {
            label[v] = id;
            this.queue[tail++] = v;
          }
        }
      }
      sizes.push(tail);
    }
    this.counts[s] = sizes.length;
    // Relabel so that the largest piece is 0.
    let largest = 0;
    sizes.forEach((n, i) => (n > sizes[largest] ? (largest = i) : 0));
    if (largest !== 0) for (const u of this.members[s]) label[u] = label[u] === largest ? 0 : label[u] === 0 ? largest : label[u];
  }
}
