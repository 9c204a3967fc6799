/**
 * Optimiser benchmark (part of `npm run bench`): the sample city (fi-lower, foreign-language
 * share, default limits) and the 250 000-cell, 300-school optimiser city, each against the
 * straightforward baseline of keeping the start (drop 0). Wall-clock seconds include building
 * the problem, the search and the verification through the engine.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { IndicatorConfig } from '../../src/core/config/indicator-config';
import { loadBundle } from '../../src/core/load/load-bundle';
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
  return {
    s: +((performance.now() - t0) / 1000).toFixed(1),
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
    optimise_250k_s: big.s,
    optimise_250k_drop_d: big.dropD,
    optimise_250k_rezoned: big.rezoned,
    optimise_250k_d_before: big.dBefore,
  };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const [a, b] = process.argv.slice(2).map(Number);
  process.stdout.write(`${JSON.stringify(await optimiserBench(a || undefined, b || undefined))}\n`);
}
