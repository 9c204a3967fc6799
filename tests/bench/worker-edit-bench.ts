/**
 * The whole answer of the engine worker to one boundary edit at 250 000 cells and 300 schools
 * (`worker_edit_p50_ms`, `worker_edit_p95_ms`): EngineService.apply — the engine's edit, every
 * figure of the network in the selected year, privacy, the changed catchments in lon/lat, colours,
 * per-unit school and change flags, travel — plus structuredClone of the response (what
 * postMessage does). Baseline in the same run: the same edit answered with a complete snapshot
 * (every catchment reprojected and labelled, as a reload of the network does).
 */
import { presets } from '../../src/core/config/presets';
import { ScenarioEngine } from '../../src/core/scenario/scenario-engine';
import { createEngineService } from '../../src/app/workers/engine-service';
import type { EngineLike } from '../../src/app/workers/engine-like';
import { lcg } from '../core/random-shapes';
import type { BenchCity } from './synthetic-city';
import { X0, X1, Y0, Y1, randomLasso } from './synthetic-city';
import { benchDataset } from './time-bench';

function quantile(xs: number[], q: number): number {
  const s = xs.slice().sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * (s.length - 1) + 0.5))];
}

export async function workerEditBench(city: BenchCity, log: (s: string) => void): Promise<Record<string, number>> {
  const dataset = benchDataset(city);
  const service = createEngineService((d, c) => new ScenarioEngine(d, c) as unknown as EngineLike, async () => new Uint8Array());
  const adopted = await service.adopt(dataset, presets['statfi-grid'], 'statfi-grid', []);
  if (!adopted.ok) throw new Error(adopted.problems[0].message);
  await service.snapshot('bench');
  const rand = lcg(2026);
  const times: number[] = [];
  const full: number[] = [];
  /** CPU time of this process (wall time includes waiting when the machine is shared). */
  const cpu: number[] = [];
  for (let i = 0; i < 50; i++) {
    const cx = X0 + 8_000 + rand() * (X1 - X0 - 16_000);
    const cy = Y0 + 8_000 + rand() * (Y1 - Y0 - 16_000);
    const edit = { kind: 'assign-region' as const, networkId: 'bench', schoolId: city.network.schoolIds[(i * 37) % 300], region: randomLasso(rand, cx, cy, 2_000) };
    const c = process.cpuUsage();
    const t = performance.now();
    const r = await service.apply(edit, true);
    if (r.ok) structuredClone(r.value);
    const dt = performance.now() - t;
    const dc = process.cpuUsage(c);
    if (!r.ok) continue;
    if (i >= 15) {
      times.push(dt);
      cpu.push((dc.user + dc.system) / 1000);
    }
    if (i >= 15 && i % 5 === 0) {
      const t2 = performance.now();
      structuredClone(await service.snapshot('bench'));
      full.push(performance.now() - t2);
    }
    await service.undo();
  }
  // A year switch answered by the worker (EngineService.setYear + structuredClone): every figure of the network in that year.
  const years: number[] = [];
  const base = adopted.value.years?.base ?? 0;
  for (let i = 0; i < 25; i++) {
    const t = performance.now();
    const r = await service.setYear!(base + 1 + (i % 10), 'bench');
    if (r.ok) structuredClone(r.value);
    if (i >= 5) years.push(performance.now() - t);
  }
  await service.setYear!(base, 'bench');
  const p95 = quantile(times, 0.95);
  const baseline = quantile(full, 0.5);
  log(`worker edit: p50 ${quantile(times, 0.5).toFixed(1)} ms, p95 ${p95.toFixed(1)} ms; complete snapshot ${baseline.toFixed(1)} ms; year switch p95 ${quantile(years, 0.95).toFixed(1)} ms`);
  return {
    worker_edit_p50_ms: +quantile(times, 0.5).toFixed(2),
    worker_edit_p95_ms: +p95.toFixed(2),
    worker_edit_cpu_p50_ms: +quantile(cpu, 0.5).toFixed(2),
    worker_edit_cpu_p95_ms: +quantile(cpu, 0.95).toFixed(2),
    worker_full_snapshot_ms: +baseline.toFixed(1),
    worker_edit_speedup_vs_full_snapshot: +(baseline / quantile(times, 0.5)).toFixed(1),
    worker_year_switch_p50_ms: +quantile(years, 0.5).toFixed(2),
    worker_year_switch_p95_ms: +quantile(years, 0.95).toFixed(2),
    worker_year_switch_speedup_vs_full_snapshot: +(baseline / quantile(years, 0.95)).toFixed(1),
  };
}

if (process.argv[1]?.endsWith('worker-edit-bench.ts')) {
  const { syntheticCity } = await import('./synthetic-city');
  workerEditBench(syntheticCity(), (s) => process.stderr.write(`${s}\n`)).then((r) => console.log(JSON.stringify(r)));
}
