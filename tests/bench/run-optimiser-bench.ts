/**
 * Optimiser benchmark (part of `npm run bench`): the sample city (fi-lower, foreign-language
 * share, default limits) and the 250 000-cell, 300-school optimiser city, each against the
 * straightforward baseline of keeping the start (drop 0). Wall-clock seconds include building
 * the problem, the search and the verification through the engine. `max_drop_d` is the largest
 * relative drop any plan under the same limits can reach (1 − dual bound ÷ D before, dual-bound.ts;
 * not timed) and `share_of_max_drop` the part of it the plan took.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { IndicatorConfig } from '../../src/core/config/indicator-config';
import { loadBundle } from '../../src/core/load/load-bundle';
import { dualBound } from '../../src/core/optimiser/dual-bound';
import { optimise } from '../../src/core/optimiser/optimise';
import { DEFAULT_LIMITS } from '../../src/core/optimiser/optimiser-limits';
import { ScenarioEngine } from '../../src/core/scenario/scenario-engine';
import { gridConfig } from '../core/optimiser/grid-city';
import { optimiserCity } from './optimiser-city';

const measure = { terms: [{ kind: 'share' as const, id: 'foreign_language', weight: 1 }] };
const log = (s: string) => process.stderr.write(`${s}\n`);

async function run(engine: ScenarioEngine, networkId: string, seconds: number) {
  const t0 = performance.now();
  const r = await optimise({ engine, networkId, measure, limits: DEFAULT_LIMITS }, { seconds, seed: 1 });
  if (!r.ok) throw new Error(r.problems.map((p) => p.message).join('; '));
  const f = r.value.figures;
  const s = +((performance.now() - t0) / 1000).toFixed(1);
  // Not timed: the dual bound (the LP is too large at 250 000 cells) says how far D can fall at all.
  const bound = dualBound(r.value.problem, { upper: f.measureAfter });
  const maxDrop = 1 - bound.bound / f.measureBefore;
  return {
    s,
    maxDrop: +maxDrop.toFixed(4),
    ofMax: +((1 - f.measureAfter / f.measureBefore) / maxDrop).toFixed(3),
    boundS: +bound.seconds.toFixed(1),
    dropD: +(1 - f.measureAfter / f.measureBefore).toFixed(4),
    rezoned: +f.rezonedShare.toFixed(4),
    dBefore: +f.measureBefore.toFixed(4),
    dAfter: +f.measureAfter.toFixed(4),
  };
}

export async function optimiserBench(sampleSeconds = 8, bigSeconds = 45): Promise<Record<string, number>> {
  const dir = fileURLToPath(new URL('../../data/sample-city/', import.meta.url));
  const manifest = JSON.parse(await readFile(join(dir, 'manifest.json'), 'utf8'));
  const ds = await loadBundle(manifest, async (n) => new Uint8Array(await readFile(join(dir, n))));
  if (!ds.ok) throw new Error('sample city did not load');
  const config = JSON.parse(await readFile(join(dir, 'indicator-config.json'), 'utf8')) as IndicatorConfig;
  log('optimiser: sample city…');
  const sample = await run(new ScenarioEngine(ds.value, config), 'fi-lower', sampleSeconds);
  log(`optimiser: sample city ${JSON.stringify(sample)}; 250k city…`);
  const big = await run(new ScenarioEngine(optimiserCity(), gridConfig), 'bench', bigSeconds);
  log(`optimiser: 250k city ${JSON.stringify(big)}`);
  return {
    optimise_sample_city_s: sample.s,
    optimise_sample_city_drop_d: sample.dropD,
    optimise_sample_city_rezoned: sample.rezoned,
    optimise_sample_city_max_drop_d: sample.maxDrop,
    optimise_sample_city_share_of_max_drop: sample.ofMax,
    optimise_250k_s: big.s,
    optimise_250k_drop_d: big.dropD,
    optimise_250k_rezoned: big.rezoned,
    optimise_250k_d_before: big.dBefore,
    optimise_250k_max_drop_d: big.maxDrop,
    optimise_250k_share_of_max_drop: big.ofMax,
    optimise_250k_bound_s: big.boundS,
  };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const [a, b] = process.argv.slice(2).map(Number);
  process.stdout.write(`${JSON.stringify(await optimiserBench(a || undefined, b || undefined))}\n`);
}
