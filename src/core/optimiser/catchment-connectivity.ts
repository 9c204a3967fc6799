/**
 * Whether taking one unit out of a catchment splits it: the catchment's units (those holding
 * any weight of the school) connect through the unit adjacency (shared edges). Removing u
 * cannot add a piece unless u's neighbours in the catchment stop being connected to each other
 * without u; a breadth-first search from one of them checks that, stopping as soon as it has
 * reached all the others.
 */
import type { UnitAdjacency } from './unit-adjacency';

/** Membership test of the current plan: does unit `u` hold part of school `s`? */
export type MemberTest = (u: number, s: number) => boolean;

/** A search exploring more units than this gives up and answers "splits" (conservative). */
const VISIT_BUDGET = 60_000;

export class ConnectivityChecker {
  private readonly stamp: Int32Array;
  private readonly queue: Int32Array;
  private current = 0;
  private readonly targets: number[] = [];

  private readonly adjacency: UnitAdjacency;

  constructor(adjacency: UnitAdjacency) {
    this.adjacency = adjacency;
    const n = adjacency.offsets.length - 1;
    this.stamp = new Int32Array(n);
    this.queue = new Int32Array(Math.max(1, n));
  }

  /** True when removing `u` from school `s` leaves u's neighbours in s connected to each other. */
  staysConnected(u: number, s: number, member: MemberTest): boolean {
    const { offsets, neighbours } = this.adjacency;
    const targets = this.targets;
    targets.length = 0;
    for (let i = offsets[u]; i < offsets[u + 1]; i++) if (member(neighbours[i], s)) targets.push(neighbours[i]);
    if (targets.length <= 1) return true;
    if (++this.current === 0x7fffffff) {
      this.stamp.fill(0);
      this.current = 1;
    }
    const mark = this.current;
    const stamp = this.stamp;
    const queue = this.queue;
    stamp[u] = mark;
    stamp[targets[0]] = mark;
    let remaining = 0;
    for (let i = 1; i < targets.length; i++) if (stamp[targets[i]] !== mark) remaining++;
    // Targets are found when visited: mark them with −mark until reached.
    for (let i = 1; i < targets.length; i++) if (stamp[targets[i]] !== mark) stamp[targets[i]] = -mark;
    let head = 0;
    let tail = 0;
    queue[tail++] = targets[0];
    while (head < tail) {
      if (tail > VISIT_BUDGET) return false;
      const v = queue[head++];
      for (let i = offsets[v]; i < offsets[v + 1]; i++) {
        const w = neighbours[i];
        const st = stamp[w];
        if (st === mark) continue;
        if (!member(w, s)) continue;
        if (st === -mark && --remaining === 0) return true;
        stamp[w] = mark;
        queue[tail++] = w;
      }
    }
    return remaining === 0;
  }
}

/**
 * Number of pieces (connected components) of each school's catchment: the units where
 * `member(u, s)` holds, connected through the adjacency.
 */
export function countPieces(adjacency: UnitAdjacency, schoolCount: number, schoolsOf: (u: number) => number[]): number[] {
  const n = adjacency.offsets.length - 1;
  const members: number[][] = Array.from({ length: n }, (_, u) => schoolsOf(u));
  const bySchool: number[][] = Array.from({ length: schoolCount }, () => []);
  members.forEach((list, u) => list.forEach((s) => bySchool[s].push(u)));
  const pieces = new Array<number>(schoolCount).fill(0);
  const stamp = new Int32Array(n);
  const stack: number[] = [];
  bySchool.forEach((units, s) => {
    const mark = s + 1;
    for (const u of units) {
      if (stamp[u] === mark) continue;
      pieces[s]++;
      stamp[u] = mark;
      stack.push(u);
      while (stack.length) {
        const v = stack.pop()!;
        for (let i = adjacency.offsets[v]; i < adjacency.offsets[v + 1]; i++) {
          const w = adjacency.neighbours[i];
          if (stamp[w] !== mark && members[w].includes(s)) {
            stamp[w] = mark;
            stack.push(w);
          }
        }
      }
    }
  });
  return pieces;
}
