/**
 * Local search on a PlanState: simulated annealing over moves of units on catchment borders
 * to a neighbouring school, with a compensating second move when the first leaves a school
 * outside its utilisation band. Every accepted state keeps every limit: a move is tried only
 * if it keeps the trip limits, the locks and the catchment pieces; after it is applied the
 * bands and the rezoning cap are checked, and it is undone if any fails.
 *
 * Seeded (mulberry32), so a seed and a number of iterations give the same plan.
 */
import { ConnectivityChecker } from './catchment-connectivity';
import type { OptimiserProblem } from './optimiser-problem';
import { startWeight } from './optimiser-problem';
import { PlanState } from './plan-state';

export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface SearchStats {
  iterations: number;
  accepted: number;
  improvements: number;
}

export class PlanSearch {
  readonly p: OptimiserProblem;
  readonly state: PlanState;
  /** Best plan found (states per unit, as PlanState.assigned). */
  readonly best: Int32Array;
  bestMeasure: number;
  bestRezoned = 0;
  readonly stats: SearchStats = { iterations: 0, accepted: 0, improvements: 0 };
  /** Typical size of a worsening move (set by calibrate). */
  scale = 0;
  private readonly rand: () => number;
  private readonly conn: ConnectivityChecker;
  /** Movable units with a neighbour in another school (the only ones a move can take), as an indexable set. */
  private readonly border: Int32Array;
  private borderCount = 0;
  private readonly borderPos: Int32Array;
  /** Units whose state changed since `best` was last brought up to date. */
  private readonly dirty: number[] = [];
  private readonly isDirty: Uint8Array;
  /** Penalty per child rezoned, so that moves that do not help are undone (set by calibrate). */
  private penalty = 0;
  /** Penalty per unit away from its start (so that moves of empty units that do not help are undone). */
  private unitPenalty = 0;
  private readonly journal: { u: number; before: number }[] = [];
  private readonly scratch: number[] = [];

  constructor(p: OptimiserProblem, seed: number) {
    this.p = p;
    this.state = new PlanState(p);
    this.best = this.state.assigned.slice();
    this.bestMeasure = this.state.measure;
    this.rand = mulberry32(seed);
    this.conn = new ConnectivityChecker(p.adjacency);
    this.border = new Int32Array(p.unitCount);
    this.borderPos = new Int32Array(p.unitCount).fill(-1);
    for (let u = 0; u < p.unitCount; u++) this.refreshBorder(u);
    this.isDirty = new Uint8Array(p.unitCount);
  }

  get borderUnits(): number {
    return this.borderCount;
  }

  /** The unit's school, or −2 for a unit split between schools (always on a border). */
  private key(u: number): number {
    const a = this.state.assigned[u];
    return a >= 0 ? a : this.p.startSingle[u];
  }

  private refreshBorder(u: number): void {
    let on = false;
    if (this.p.movable[u]) {
      const k = this.key(u);
      const { offsets, neighbours } = this.p.adjacency;
      for (let i = offsets[u]; i < offsets[u + 1] && !on; i++) on = k === -2 || this.key(neighbours[i]) !== k;
    }
    const at = this.borderPos[u];
    if (on && at < 0) {
      this.borderPos[u] = this.borderCount;
      this.border[this.borderCount++] = u;
    } else if (!on && at >= 0) {
      const last = this.border[--this.borderCount];
      this.border[at] = last;
      this.borderPos[last] = at;
      this.borderPos[u] = -1;
    }
  }

  /** Moves u in the state and keeps the border set up to date. */
  private moveUnit(u: number, state: number): number {
    const before = this.state.move(u, state);
    this.refreshBorder(u);
    const { offsets, neighbours } = this.p.adjacency;
    for (let i = offsets[u]; i < offsets[u + 1]; i++) this.refreshBorder(neighbours[i]);
    return before;
  }

  /** Samples worsening moves (applied and undone) to set the temperature scale and the rezoning penalty. */
  calibrate(samples = 400): void {
    const ups: number[] = [];
    let kids = 0;
    let units = 0;
    for (let i = 0; i < samples * 10 && ups.length < samples; i++) {
      const before = this.state.measure;
      if (!this.tryRandomMove()) continue;
      const d = this.state.measure - before;
      if (d > 0) ups.push(d);
      for (const j of this.journal) {
        kids += this.p.children[j.u];
        units++;
      }
      this.rollback();
    }
    ups.sort((a, b) => a - b);
    this.scale = ups.length ? ups[Math.floor(ups.length / 2)] : 1e-6;
    this.penalty = units > 0 && kids > 0 ? (0.01 * this.scale) / (kids / units) : 0;
    this.unitPenalty = 0.001 * this.scale;
  }

  /** Runs `iterations` proposals at `temperature` (in units of `scale`; 0 = only improvements). */
  step(iterations: number, temperature: number): void {
    const T = temperature * this.scale;
    for (let i = 0; i < iterations; i++) {
      this.stats.iterations++;
      const m0 = this.state.measure;
      const r0 = this.state.rezoned;
      if (!this.tryRandomMove()) continue;
      const delta = this.state.measure - m0 + this.penalty * (this.state.rezoned - r0) + this.unitPenalty * this.movedUnitsDelta();
      if (delta <= 0 || (T > 0 && this.rand() < Math.exp(-delta / T))) {
        this.stats.accepted++;
        this.commit();
      } else this.rollback();
    }
    if (this.stats.iterations % 1_000_000 < iterations) this.state.refreshTerms();
  }

  /** Puts the current state back to the best plan found (e.g. before a final greedy phase). */
  restoreBest(): void {
    for (const u of this.dirty) {
      this.moveUnit(u, this.best[u]);
      this.isDirty[u] = 0;
    }
    this.dirty.length = 0;
    this.state.refreshTerms();
  }

  /** Change in the number of units away from their start over the journalled moves. */
  private movedUnitsDelta(): number {
    let d = 0;
    for (const j of this.journal) d += (this.state.assigned[j.u] >= 0 ? 1 : 0) - (j.before >= 0 ? 1 : 0);
    return d;
  }

  private commit(): void {
    for (const j of this.journal) {
      if (!this.isDirty[j.u]) {
        this.isDirty[j.u] = 1;
        this.dirty.push(j.u);
      }
    }
    this.journal.length = 0;
    if (this.state.measure < this.bestMeasure - 1e-15) {
      this.stats.improvements++;
      this.bestMeasure = this.state.measure;
      this.bestRezoned = this.state.rezoned;
      for (const u of this.dirty) {
        this.best[u] = this.state.assigned[u];
        this.isDirty[u] = 0;
      }
      this.dirty.length = 0;
    }
  }

  private rollback(): void {
    for (let i = this.journal.length - 1; i >= 0; i--) this.moveUnit(this.journal[i].u, this.journal[i].before);
    this.journal.length = 0;
  }

  /** Applies a random feasible move (one, or two when the first needs compensation); false when none was found. */
  private tryRandomMove(): boolean {
    if (this.borderCount === 0) return false;
    const u = this.border[Math.floor(this.rand() * this.borderCount)];
    const t = this.randomNeighbourSchool(u, -1);
    if (t === null) return false;
    if (!this.apply(u, t)) return false;
    const bad = this.outOfBand();
    if (bad < 0) return this.withinCap() || (this.rollback(), false);
    for (let attempt = 0; attempt < 3; attempt++) {
      if (this.compensate(u, bad)) {
        if (this.outOfBand() < 0 && this.withinCap()) return true;
        const last = this.journal.pop()!;
        this.moveUnit(last.u, last.before);
      }
    }
    this.rollback();
    return false;
  }

  /**
   * A second move that brings school `bad` back towards its band: a random walk inside the
   * school from next to u (0–30 steps, so both near and farther borders are tried) ends at a
   * unit of the school; an over-full school then hands that unit (if on its border) to a
   * neighbouring school, an under-full one takes a neighbour of it.
   */
  private compensate(u: number, bad: number): boolean {
    const over = this.state.kids[bad] > this.p.high[bad];
    const { offsets, neighbours } = this.p.adjacency;
    const st = this.state;
    let cur = st.member(u, bad) ? u : -1;
    for (let i = offsets[u]; i < offsets[u + 1] && cur < 0; i++) if (st.member(neighbours[i], bad)) cur = neighbours[i];
    if (cur < 0) return false;
    const steps = Math.floor(this.rand() * 31);
    const cands = this.scratch;
    for (let k = 0; k <= steps + 5; k++) {
      if (k >= steps) {
        cands.length = 0;
        if (over) {
          if (cur !== u && this.p.movable[cur]) cands.push(cur);
        } else {
          for (let i = offsets[cur]; i < offsets[cur + 1]; i++) {
            const w = neighbours[i];
            if (w !== u && this.p.movable[w] && !st.member(w, bad)) cands.push(w);
          }
        }
        if (cands.length) {
          const v = cands[Math.floor(this.rand() * cands.length)];
          const t = over ? this.randomNeighbourSchool(v, bad) : bad;
          if (t !== null && this.apply(v, t)) return true;
        }
      }
      // Step to a random neighbour inside the school.
      const deg = offsets[cur + 1] - offsets[cur];
      let next = -1;
      for (let tries = 0; tries < 4 && next < 0 && deg > 0; tries++) {
        const w = neighbours[offsets[cur] + Math.floor(this.rand() * deg)];
        if (st.member(w, bad)) next = w;
      }
      if (next < 0) return false;
      cur = next;
    }
    return false;
  }

  private hasMemberNeighbour(v: number, s: number): boolean {
    const { offsets, neighbours } = this.p.adjacency;
    for (let i = offsets[v]; i < offsets[v + 1]; i++) if (this.state.member(neighbours[i], s)) return true;
    return false;
  }

  /** A random school held by a neighbour of u, other than u's current sole school and `exclude`; null if none. */
  private randomNeighbourSchool(u: number, exclude: number): number | null {
    const { offsets, neighbours } = this.p.adjacency;
    const list = this.scratch;
    list.length = 0;
    const own = this.state.assigned[u] >= 0 ? this.state.assigned[u] : this.p.startSingle[u];
    for (let i = offsets[u]; i < offsets[u + 1]; i++) {
      this.state.forEachWeight(neighbours[i], (s) => {
        if (s !== own && s !== exclude && !list.includes(s)) list.push(s);
      });
    }
    return list.length ? list[Math.floor(this.rand() * list.length)] : null;
  }

  private outOfBand(): number {
    for (const j of this.journal) {
      let found = -1;
      this.state.forEachWeight(j.u, (s) => {
        if (found < 0 && !this.state.withinBand(s)) found = s;
      });
      if (found >= 0) return found;
      if (j.before >= 0 && !this.state.withinBand(j.before)) return j.before;
      if (j.before < 0) {
        for (let i = this.p.startOffsets[j.u]; i < this.p.startOffsets[j.u + 1]; i++) {
          if (!this.state.withinBand(this.p.startSchools[i])) return this.p.startSchools[i];
        }
      }
    }
    return -1;
  }

  private withinCap(): boolean {
    return this.state.rezoned <= this.p.maxRezoned + 1e-9;
  }

  /** Checks the static limits and the pieces for moving u wholly to school t, then applies it (journalled). */
  private apply(u: number, t: number): boolean {
    const state = this.state.normalise(u, t);
    if (state === this.state.assigned[u] || !this.allowed(u, state)) return false;
    this.journal.push({ u, before: this.moveUnit(u, state) });
    return true;
  }

  /** Locks, trip limits and catchment pieces for moving u to `state` (normalised). */
  allowed(u: number, state: number): boolean {
    const p = this.p;
    if (!p.movable[u]) return false;
    if (state >= 0) {
      if (p.lockedSchool[state]) return false;
      const w0 = startWeight(p, u, state);
      // A straight line is never longer than the trip: refuse far pairs before a street search.
      if (w0 <= 0 && p.straight.distance(state, u) > p.farTripMetres) return false;
      const d = p.distances.distance(state, u);
      if (w0 <= 0 && d > p.farTripMetres) return false;
      if (w0 < p.covered[u] - 1e-12 && d > p.tripCap[u]) return false;
    }
    const st = this.state;
    // Schools the unit leaves must stay in one piece around it; schools it joins must touch it.
    let ok = true;
    st.forEachWeight(u, (s) => {
      if (!ok) return;
      const stays = state >= 0 ? s === state : startWeight(p, u, s) > 0;
      if (!stays && (st.memberCount[s] <= 1 || !this.conn.staysConnected(u, s, st.member))) ok = false;
    });
    if (!ok) return false;
    const joins = (s: number) => !st.member(u, s) && !this.hasMemberNeighbour(u, s);
    if (state >= 0) return !joins(state);
    for (let i = p.startOffsets[u]; i < p.startOffsets[u + 1]; i++) if (joins(p.startSchools[i])) return false;
    return true;
  }
}
