/**
 * A lower bound of the measure under the limits: the optimum of the LP relaxation
 * (lp-model.ts) solved with HiGHS (WebAssembly). No plan that keeps the limits can have a
 * lower measure, so "plan ÷ bound" says how much room the search may have left. Only for
 * measures made of dissimilarities; HiGHS runs synchronously, so call it in a worker or the CLI.
 */
import highsLoader from 'highs';
import type { OptimiserProblem } from './optimiser-problem';
import { buildLpModel } from './lp-model';

export interface LpBound {
  /** The bound (same units as the measure); null when HiGHS did not prove an optimum. */
  bound: number | null;
  status: string;
  variables: number;
  seconds: number;
}

type Highs = Awaited<ReturnType<typeof highsLoader>>;
let loaded: Promise<Highs> | null = null;

/** HiGHS, loaded once per process. */
export function loadHighs(): Promise<Highs> {
  loaded ??= highsLoader();
  return loaded;
}

export async function lpBound(p: OptimiserProblem, timeLimitSeconds = 120): Promise<LpBound> {
  const t0 = performance.now();
  const model = buildLpModel(p);
  const highs = await loadHighs();
  const solution = highs.solve(model.text, { time_limit: timeLimitSeconds, output_flag: false } as never);
  const optimal = solution.Status === 'Optimal';
  return {
    bound: optimal ? solution.ObjectiveValue + model.constant : null,
    status: solution.Status,
    variables: model.variables.size,
    seconds: (performance.now() - t0) / 1000,
  };
}
