/**
 * A plan under construction: each unit either keeps its starting weights (state −1) or lies
 * wholly in one school (state s; it keeps its covered fraction, so a unit half in a gap stays
 * half in the gap). Per-school sums of children and of the measure's columns, each school's
 * term of the measure and the children rezoned are kept up to date on every move, in
 * O(schools the move touches × measure columns): nothing is recomputed over all units.
 *
 * Children rezoned (as in compare/movement.ts): unit u in state s moves
 * children(u) × (covered(u) − startWeight(u, s)) children; in state −1, none.
 */
import type { OptimiserProblem } from './optimiser-problem';
import { startWeight } from './optimiser-problem';

export class PlanState {
  readonly p: OptimiserProblem;
  /** −1 = starting weights; s ≥ 0 = wholly in school s. */
  readonly assigned: Int32Array;
  /** Per school: Σ weight × measure columns (schoolCount × K). */
  readonly rows: Float64Array;
  /** Children per school. */
  readonly kids: Float64Array;
  /** Units holding part of each school. */
  readonly memberCount: Int32Array;
  /** Each school's term of the measure. */
  readonly terms: Float64Array;
  measure = 0;
  rezoned = 0;
  private readonly K: number;
  /** Schools touched by the last move (scratch). */
  private readonly touched: number[] = [];

  constructor(p: OptimiserProblem) {
    this.p = p;
    const S = p.schoolCount;
    this.K = p.measure.columns.length;
    this.assigned = new Int32Array(p.unitCount).fill(-1);
    this.rows = new Float64Array(S * this.K);
    this.kids = new Float64Array(S);
    this.memberCount = new Int32Array(S);
    this.terms = new Float64Array(S);
    for (let u = 0; u < p.unitCount; u++) this.contribute(u, -1, 1);
    this.refreshTerms();
  }

  /** Recomputes every term and the total from the sums (removes accumulated rounding). */
  refreshTerms(): void {
    let total = 0;
    for (let s = 0; s < this.p.schoolCount; s++) {
      this.terms[s] = this.p.measure.term(this.rows, s * this.K);
      total += this.terms[s];
    }
    this.measure = total;
  }

  /** Does unit u hold part of school s in the current plan? */
  readonly member = (u: number, s: number): boolean => {
    const a = this.assigned[u];
    if (a >= 0) return a === s;
    const single = this.p.startSingle[u];
    if (single !== -2) return single === s;
    const { startOffsets, startSchools } = this.p;
    for (let i = startOffsets[u]; i < startOffsets[u + 1]; i++) if (startSchools[i] === s) return true;
    return false;
  };

  /** Calls fn(school, weight) for the unit's current weights. */
  forEachWeight(u: number, fn: (s: number, w: number) => void): void {
    const a = this.assigned[u];
    if (a >= 0) {
      fn(a, this.p.covered[u]);
      return;
    }
    const { startOffsets, startSchools, startWeights } = this.p;
    for (let i = startOffsets[u]; i < startOffsets[u + 1]; i++) fn(startSchools[i], startWeights[i]);
  }

  /** The state a move of u to school t gives: −1 when that is exactly u's start. */
  normalise(u: number, t: number): number {
    return t >= 0 && this.p.startSingle[u] === t ? -1 : t;
  }

  rezonedOf(u: number, state: number): number {
    if (state < 0) return 0;
    return this.p.children[u] * Math.max(0, this.p.covered[u] - startWeight(this.p, u, state));
  }

  /**
   * Moves unit u to `state` (normalised; −1 = back to its start) and updates sums, terms,
   * measure and rezoned. Returns the previous state (to undo, move back to it).
   */
  move(u: number, state: number): number {
    const before = this.assigned[u];
    if (before === state) return before;
    this.touched.length = 0;
    this.contribute(u, before, -1);
    this.assigned[u] = state;
    this.contribute(u, state, 1);
    this.rezoned += this.rezonedOf(u, state) - this.rezonedOf(u, before);
    const K = this.K;
    for (const s of this.touched) {
      const t = this.p.measure.term(this.rows, s * K);
      this.measure += t - this.terms[s];
      this.terms[s] = t;
    }
    return before;
  }

  /** Schools whose sums the last move changed. */
  get lastTouched(): readonly number[] {
    return this.touched;
  }

  /** Children the school may have: within [low, high] (tolerance 1e-9 children). */
  withinBand(s: number): boolean {
    const k = this.kids[s];
    return k <= this.p.high[s] + 1e-9 && k >= this.p.low[s] - 1e-9;
  }

  private contribute(u: number, state: number, sign: 1 | -1): void {
    const K = this.K;
    const { values, children } = this.p;
    const add = (s: number, w: number) => {
      const f = sign * w;
      for (let k = 0; k < K; k++) this.rows[s * K + k] += f * values[u * K + k];
      this.kids[s] += f * children[u];
      this.memberCount[s] += sign;
      if (!this.touched.includes(s)) this.touched.push(s);
    };
    if (state >= 0) add(state, this.p.covered[u]);
    else {
      const { startOffsets, startSchools, startWeights } = this.p;
      for (let i = startOffsets[u]; i < startOffsets[u + 1]; i++) add(startSchools[i], startWeights[i]);
    }
  }
}
