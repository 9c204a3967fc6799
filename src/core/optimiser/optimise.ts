/**
 * Propose a plan: build the problem from the engine's current state, run the local search
 * for the time (or iterations) allowed, then verify the best plan through the engine and, if
 * the real edits break a limit the search's model kept (split cells, slivers), take back the
 * moves involved and verify again. The returned plan has passed verifyPlan.
 *
 * Asynchronous so that it can run in a worker and be stopped: it works in slices of a few
 * milliseconds and awaits between them; `shouldStop` ends the search early (the best plan
 * so far is then verified and returned).
 */
import type { Result } from '../model/result';
import { ok } from '../model/result';
import type { Edit } from '../scenario/edit';
import type { OptimiserInput, OptimiserProblem } from './optimiser-problem';
import { buildProblem } from './optimiser-problem';
import { planEdits } from './plan-edits';
import { PlanSearch } from './plan-search';
import type { SearchStats } from './plan-search';
import { verifyPlan } from './verify-plan';
import type { PlanFigures } from './verify-plan';

export interface OptimiseOptions {
  /** Wall-clock budget of the search, seconds. Default 30. */
  seconds?: number;
  /** Stop after this many proposals instead (deterministic for a seed). */
  iterations?: number;
  seed?: number;
  /** Called about every `progressMs` with the best plan so far. */
  onProgress?: (progress: OptimiseProgress) => void;
  progressMs?: number;
  /** Polled between slices: true ends the search (the best plan so far is returned). */
  shouldStop?: () => boolean;
  /** Awaited between slices (default: a resolved promise; the worker passes a macrotask yield). */
  pause?: () => Promise<void>;
  /** Milliseconds of work per slice. Default 20. */
  sliceMs?: number;
  now?: () => number;
}

export interface OptimiseProgress {
  /** 0–1 of the budget. */
  fraction: number;
  seconds: number;
  startMeasure: number;
  bestMeasure: number;
  bestRezonedShare: number;
  iterations: number;
  /** The best plan's unit states (live array: copy before keeping). */
  states: Int32Array;
}

export interface OptimiseResult {
  edits: Edit[];
  figures: PlanFigures;
  stats: SearchStats;
  seconds: number;
  stopped: boolean;
  /** Rounds in which moves were taken back after the engine's check. */
  repairs: number;
  /** Unit states of the returned plan. */
  states: Int32Array;
  problem: OptimiserProblem;
}

/** Annealing cycles before the final greedy phase; each starts again from the best plan. */
export const CYCLES = 3;

/** Temperature (in units of a median worsening move) at fraction f of the budget: CYCLES cooling cycles over the first 85 %, then greedy. */
export function temperatureAt(f: number): number {
  if (f >= 0.85) return 0;
  const g = ((f / 0.85) * CYCLES) % 1;
  return 4 * (1 - g) ** 2;
}

function cycleAt(f: number): number {
  return f >= 0.85 ? CYCLES : Math.floor((f / 0.85) * CYCLES);
}

export async function optimise(input: OptimiserInput, options: OptimiseOptions = {}): Promise<Result<OptimiseResult>> {
  const built = buildProblem(input);
  if (!built.ok) return built;
  const p = built.value;
  const now = options.now ?? (() => performance.now());
  const t0 = now();
  // With an iteration budget the run is deterministic: fixed slices, no clock in the schedule.
  const byIterations = options.iterations !== undefined;
  const seconds = options.seconds ?? (byIterations ? Infinity : 30);
  const maxIterations = options.iterations ?? Infinity;
  const sliceMs = options.sliceMs ?? 20;
  const pause = options.pause ?? (() => Promise.resolve());
  const search = new PlanSearch(p, options.seed ?? 1);
  search.calibrate();
  let chunk = 200;
  let stopped = false;
  let cycle = 0;
  let lastProgress = -Infinity;
  for (;;) {
    const elapsed = (now() - t0) / 1000;
    const f = Math.min(1, Math.max(elapsed / seconds, byIterations ? search.stats.iterations / maxIterations : 0));
    if (f >= 1) break;
    if (options.shouldStop?.()) {
      stopped = true;
      break;
    }
    if (cycleAt(f) !== cycle) {
      cycle = cycleAt(f);
      search.restoreBest();
    }
    const s0 = now();
    const n = Math.min(chunk, Math.max(1, maxIterations - search.stats.iterations));
    search.step(n, temperatureAt(f));
    const took = now() - s0;
    if (!byIterations) chunk = Math.max(50, Math.min(200_000, Math.round(took > 0 ? (chunk * sliceMs) / took : chunk * 2)));
    if (options.onProgress && now() - lastProgress >= (options.progressMs ?? 250)) {
      lastProgress = now();
      options.onProgress(progressOf(p, search, f, (now() - t0) / 1000));
    }
    await pause();
  }
  search.restoreBest();
  const result = verifiedPlan(input, p, search.best.slice());
  return ok({ ...result, stats: { ...search.stats }, seconds: (now() - t0) / 1000, stopped, problem: p });
}

function progressOf(p: OptimiserProblem, search: PlanSearch, fraction: number, seconds: number): OptimiseProgress {
  return {
    fraction, seconds, startMeasure: p.startMeasure, bestMeasure: search.bestMeasure,
    bestRezonedShare: p.totalChildren > 0 ? search.bestRezoned / p.totalChildren : 0,
    iterations: search.stats.iterations, states: search.best,
  };
}

/**
 * Verifies the plan through the engine; while a limit fails, takes back every move touching
 * the schools or units involved (at most 6 rounds, then the empty plan, which keeps every
 * limit by definition).
 */
function verifiedPlan(input: OptimiserInput, p: OptimiserProblem, states: Int32Array): { edits: Edit[]; figures: PlanFigures; repairs: number; states: Int32Array } {
  const units = input.engine.units;
  for (let round = 0; round <= 6; round++) {
    const edits = planEdits(p.networkId, p.schoolIds, units, states, p.year);
    const v = verifyPlan(input.engine, p, edits);
    if (v.violations.length === 0) return { edits, figures: v.figures, repairs: round, states };
    // Too many children rezoned, or an edit refused without a school to blame: no local repair.
    if (round === 6 || v.violations.some((x) => x.code === 'rezoned' || (x.code === 'edit-failed' && x.schools.length === 0))) break;
    const schools = new Set(v.violations.flatMap((x) => x.schools));
    const bad = new Set(v.violations.flatMap((x) => x.units));
    for (let u = 0; u < states.length; u++) {
      if (states[u] < 0) continue;
      let touches = schools.has(states[u]) || bad.has(u);
      for (let i = p.startOffsets[u]; i < p.startOffsets[u + 1] && !touches; i++) touches = schools.has(p.startSchools[i]);
      if (touches) states[u] = -1;
    }
  }
  states.fill(-1);
  return { edits: [], figures: verifyPlan(input.engine, p, []).figures, repairs: 7, states };
}
