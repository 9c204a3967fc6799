/**
 * Core benchmark (`npm run bench`): overlay build, incremental edits and the
 * straightforward baseline on a synthetic 250 000-cell grid with 300 schools; then the import
 * of generated national files with a municipality filter (national-import.ts).
 * Prints ONE JSON object on stdout; progress goes to stderr. See docs/overlay-and-edits.md.
 */
import type { IndicatorConfig } from '../../src/core/config/indicator-config';
import { presets } from '../../src/core/config/presets';
import type { School } from '../../src/core/model/school';
import { networkIndicators } from '../../src/core/pupil-base/network-indicators';
import type { UnitValueLayout } from '../../src/core/pupil-base/unit-values';
import * as turf from '@turf/turf';
import { NetworkOverlay } from '../../src/core/overlay/network-overlay';
import { aggregateSums } from '../../src/core/overlay/school-sums';
import { EditableNetwork } from '../../src/core/edits/editable-network';
import { planAssign } from '../../src/core/edits/plan-assign';
import { multiPolygonBBox } from '../../src/core/geometry/bbox';
import { pointInMultiPolygon } from '../../src/core/geometry/point-in-polygon';
import type { MultiPolygon } from '../../src/core/model/geometry-types';
import { lcg } from '../core/random-shapes';
import { X0, X1, Y0, Y1, randomLasso, syntheticCity } from './synthetic-city';
import type { BenchCity } from './synthetic-city';
import { nationalImport, nationalImportUnfiltered } from './national-import';
import { paavoNational, registerNational } from '../helpers/national-files';
import { runTravelBench } from './travel-bench';
import { timeBench } from './time-bench';
import { optimiserBench } from './run-optimiser-bench';
import { networkBench } from './network-bench';
import { workerEditBench } from './worker-edit-bench';

const LASSO_RADIUS = 6_300; // π·6.3 km² ≈ 125 km² ≈ 2 000 cells of 250 m
const WARMUP_EDITS = 30;
/** The first edits of a fresh process, reported separately (JIT still cold). */
const COLD_EDITS = 8;
const log = (s: string) => process.stderr.write(`${s}\n`);

function quantile(xs: number[], q: number): number {
  const s = xs.slice().sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * (s.length - 1) + 0.5))];
}

/**
 * The indicator layer of the synthetic city: column 0 = children, five shares (with = columns
 * 1–5 over base = children), one multigroup partition of columns 6–9, composite of the five
 * shares: the same work networkIndicators does after every edit in the app.
 */
function indicatorSetup(city: BenchCity) {
  const shares = [1, 2, 3, 4, 5].map((c) => ({ id: `s${c}`, base: 0, with: c }));
  const layout: UnitValueLayout = {
    width: city.width,
    children: 0,
    childrenImputed: 15,
    population: 14,
    shares,
    multigroup: [{ id: 'g', base: 0, categories: [6, 7, 8, 9].map((c) => ({ id: `c${c}`, column: c })) }],
    names: Array.from({ length: city.width }, (_, i) => `col${i}`),
  };
  const label = { fi: 'x', sv: 'x', en: 'x' };
  const config: IndicatorConfig = {
    ...presets['statfi-grid'],
    shares: shares.map((s) => ({ id: s.id, label, numerator: `n${s.id}`, denominator: 'he_vakiy' })),
    multigroup: [{ id: 'g', label, categories: [6, 7, 8, 9].map((c) => ({ id: `c${c}`, field: `f${c}` })) }],
    composite: { weights: Object.fromEntries(shares.map((s) => [s.id, 1])) },
  };
  const schools: School[] = city.network.schoolIds.map((id, i) => ({ id, name: id, language: 'fi', grades: '1-6', capacity: 400 + (i % 7) * 50, location: [0, 0] }));
  return (sums: Float64Array) => networkIndicators(sums, layout, city.network, schools, config);
}

function lassoEdit(city: BenchCity, rand: () => number) {
  const cx = X0 + 8_000 + rand() * (X1 - X0 - 16_000);
  const cy = Y0 + 8_000 + rand() * (Y1 - Y0 - 16_000);
  const region = randomLasso(rand, cx, cy, LASSO_RADIUS);
  // Extend the school whose catchment holds the lasso's centre (the typical planner's move).
  let s = city.partition.catchments.findIndex((c) => pointInMultiPolygon([cx, cy], c));
  if (s < 0) s = 0;
  return { kind: 'assign-region' as const, networkId: 'bench', schoolId: city.network.schoolIds[s], region };
}

/** Baseline: new polygons (same boolean operations as the edit), then centroid assignment with turf for every cell and a full sums recompute. */
function baselineEdit(city: BenchCity, edit: ReturnType<typeof lassoEdit>, indicators: (sums: Float64Array) => unknown): number {
  const t0 = performance.now();
  const catchments = city.partition.catchments.slice();
  const target = city.network.schoolIds.indexOf(edit.schoolId);
  const plan = planAssign(catchments, catchments.map(multiPolygonBBox), target, edit.region);
  plan?.changedSchools.forEach((s, i) => (catchments[s] = plan.newCatchments[i]));
  const features = catchments.map((c) => {
    const f = turf.multiPolygon(c as MultiPolygon);
    f.bbox = turf.bbox(f);
    return f;
  });
  const { grid } = city.units;
  const W = city.width;
  const sums = new Float64Array(catchments.length * W);
  for (let u = 0; u < city.units.count; u++) {
    const pt = [grid.originX + (city.units.col[u] + 0.5) * grid.cellSize, grid.originY + (city.units.row[u] + 0.5) * grid.cellSize];
    const s = features.findIndex((f) => turf.booleanPointInPolygon(pt, f));
    if (s < 0) continue;
    for (let k = 0; k < W; k++) sums[s * W + k] += city.matrix[u * W + k];
  }
  indicators(sums);
  return performance.now() - t0;
}

async function main(optimiser: Record<string, number>): Promise<void> {
  log('building synthetic city…');
  const city = syntheticCity();
  const verts = city.partition.catchments.reduce((n, c) => n + c[0][0].length, 0);

  let t = performance.now();
  const overlay = NetworkOverlay.build(city.units, city.partition);
  const overlayBuildMs = performance.now() - t;
  log(`overlay built in ${overlayBuildMs.toFixed(0)} ms`);

  const ed = new EditableNetwork({ ...city, overlay });
  const indicators = indicatorSetup(city);
  const indicatorTimes: number[] = [];
  const full: number[] = [];
  for (let i = 0; i < 7; i++) {
    t = performance.now();
    aggregateSums(ed.overlay, city.matrix, city.width);
    full.push(performance.now() - t);
  }

  const rand = lcg(12345);
  const times: number[] = [];
  const cpuTimes: number[] = [];
  const coldTimes: number[] = [];
  const touched: number[] = [];
  const schoolsChanged: number[] = [];
  // Warm-up: the first edits run the clipper (a large library) through V8's JIT tiers and
  // grow the young heap; ~30 edits (~400 boolean operations) reach the steady state.
  const warmup = WARMUP_EDITS;
  const measured = 60;
  for (let i = 0; i < warmup + measured; i++) {
    const edit = lassoEdit(city, rand);
    const c0 = process.cpuUsage();
    t = performance.now();
    const res = ed.apply(edit);
    const ti = performance.now();
    if (res.ok) indicators(ed.sums); // shares, two-group and multigroup indices, composite: what the UI shows
    const dt = performance.now() - t;
    const cpu = process.cpuUsage(c0);
    if (!res.ok) continue;
    if (i >= warmup) indicatorTimes.push(performance.now() - ti);
    ed.undo(); // keep the partition at the baseline so every edit sees the same kind of geometry
    if (i < COLD_EDITS) coldTimes.push(dt);
    if (i < warmup) continue;
    times.push(dt);
    cpuTimes.push((cpu.user + cpu.system) / 1000);
    touched.push(res.value.changedUnits.length);
    schoolsChanged.push(res.value.changedSchools.length);
  }
  log(`edits: p50 ${quantile(times, 0.5).toFixed(1)} ms`);

  const base: number[] = [];
  const brand = lcg(999);
  for (let i = 0; i < 4; i++) {
    const dt = baselineEdit(city, lassoEdit(city, brand), indicators);
    if (i > 0) base.push(dt); // first run is warm-up
    log(`baseline edit ${i}: ${dt.toFixed(0)} ms`);
  }
  log('national import (generated national files, municipality filter)…');
  const files = { paavo: paavoNational(), register: registerNational() };
  await nationalImport(files); // warm-up: the first run pays for the JIT
  const national = await nationalImport(files);
  const nationalBaselineMs = await nationalImportUnfiltered(files);
  log(`national import: ${national.total_ms.toFixed(0)} ms (read ${national.read_ms.toFixed(0)}, schools ${national.schools_ms.toFixed(0)}, check ${national.check_ms.toFixed(0)}); unfiltered baseline ${nationalBaselineMs.toFixed(0)} ms`);
  const editP50 = quantile(times, 0.5);
  const baselineMs = quantile(base, 0.5);
  const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
  log('travel: street network, distances and figures…');
  const travel = runTravelBench(city);
  const time = timeBench(city, log);
  const schoolNetwork = networkBench(city, log);
  const worker = await workerEditBench(city, log);
  process.stdout.write(`${JSON.stringify({
    cells: city.units.count,
    schools: city.partition.catchments.length,
    overlay_build_ms: +overlayBuildMs.toFixed(1),
    edit_p50_ms: +editP50.toFixed(2),
    edit_p95_ms: +quantile(times, 0.95).toFixed(2),
    edit_cpu_p50_ms: +quantile(cpuTimes, 0.5).toFixed(2),
    edit_cpu_p95_ms: +quantile(cpuTimes, 0.95).toFixed(2),
    cold_edits_mean_ms: +mean(coldTimes).toFixed(1),
    full_recompute_ms: +quantile(full, 0.5).toFixed(2),
    baseline_edit_ms: +baselineMs.toFixed(1),
    speedup_vs_baseline: +(baselineMs / editP50).toFixed(1),
    edits_measured: times.length,
    warmup_edits: warmup,
    baseline_edits_measured: base.length,
    indicator_update_p50_ms: +quantile(indicatorTimes, 0.5).toFixed(3),
    cells_touched_mean: Math.round(mean(touched)),
    lasso_cells_mean: Math.round((Math.PI * LASSO_RADIUS ** 2) / 62_500),
    schools_changed_mean: +mean(schoolsChanged).toFixed(1),
    catchment_vertices_mean: Math.round(verts / city.partition.catchments.length),
    split_units: overlay.splitUnitCount,
    national_import_ms: +national.total_ms.toFixed(0),
    national_read_ms: +national.read_ms.toFixed(0),
    national_schools_step_ms: +national.schools_ms.toFixed(0),
    national_check_step_ms: +national.check_ms.toFixed(0),
    national_units_kept: national.units_kept,
    national_schools_chosen: national.schools_chosen,
    national_unfiltered_baseline_ms: +nationalBaselineMs.toFixed(0),
    national_speedup_vs_unfiltered: +(nationalBaselineMs / national.total_ms).toFixed(1),
    ...travel,
    ...time,
    ...optimiser,
    ...schoolNetwork,
    ...worker,
    node: process.version,
  })}\n`);
}

void optimiserBench().then(main);
