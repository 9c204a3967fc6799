/**
 * Time-axis figures of `npm run bench` (issue 9): a ScenarioEngine on the synthetic 250 000-cell
 * city with 300 schools, Statistics Finland fields and 200 housing projects.
 * - year_switch_p95_ms: setYear(another year) + every figure of the network for it (indicators);
 * - housing_edit_p95_ms: add or change one project + every figure of the network in the selected year;
 * - baseline: the straightforward way — per unit single-age ageing (projectAges) to a full V_t
 *   matrix, a full aggregation of the sums, every project re-resolved from its geometry, indicators.
 */
import { presets } from '../../src/core/config/presets';
import { configFields } from '../../src/core/config/config-fields';
import { BUILDING_TYPES, TENURES } from '../../src/core/housing/housing-config';
import { addHousing } from '../../src/core/housing/housing-sums';
import { resolveProject } from '../../src/core/housing/resolve-project';
import type { Dataset } from '../../src/core/model/dataset';
import type { School } from '../../src/core/model/school';
import { aggregateSums } from '../../src/core/overlay/school-sums';
import { projectAges, singleAges } from '../../src/core/projection/cohort-model';
import { STATFI_BANDS } from '../../src/core/projection/projection-config';
import { averageComposition } from '../../src/core/projection/year-rows';
import { networkIndicators } from '../../src/core/pupil-base/network-indicators';
import type { HousingProjectRecord } from '../../src/core/scenario/edit';
import { ScenarioEngine } from '../../src/core/scenario/scenario-engine';
import { lcg } from '../core/random-shapes';
import type { BenchCity } from './synthetic-city';
import { X0, X1, Y0, Y1, randomLasso } from './synthetic-city';

const BASE_YEAR = 2024;

/** CPU milliseconds of this process so far (the machine may be shared: wall time includes waiting). */
function cpuMs(): number {
  const c = process.cpuUsage();
  return (c.user + c.system) / 1000;
}

function quantile(xs: number[], q: number): number {
  const s = xs.slice().sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * (s.length - 1) + 0.5))];
}

export function benchDataset(city: BenchCity): Dataset {
  const rand = lcg(77);
  const n = city.units.count;
  const columns: Record<string, Float64Array> = {};
  for (const f of new Set([...configFields(presets['statfi-grid']), ...STATFI_BANDS.map((b) => b.field)])) {
    const c = new Float64Array(n);
    for (let u = 0; u < n; u++) c[u] = Math.floor(rand() * 40);
    columns[f] = c;
  }
  for (let u = 0; u < n; u++) columns.he_vakiy[u] = 200 + Math.floor(rand() * 100);
  const schools: School[] = city.network.schoolIds.map((id, i) => ({ id, name: id, language: 'fi', grades: '1-6', capacity: 400 + (i % 7) * 50, location: [0, 0] }));
  return {
    name: 'bench', source: '', schools, networks: [city.network], partitions: { bench: city.partition }, year: BASE_YEAR,
    units: { ...city.units, attributes: { names: Object.keys(columns), columns } },
  };
}

function project(rand: () => number, i: number): HousingProjectRecord {
  const x = X0 + 2_000 + rand() * (X1 - X0 - 4_000);
  const y = Y0 + 2_000 + rand() * (Y1 - Y0 - 4_000);
  const w = 150 + rand() * 500;
  const h = 150 + rand() * 500;
  return {
    kind: 'housing-project', id: `p${i}`, name: `P${i}`, year: BASE_YEAR + Math.floor(rand() * 8), dwellings: 20 + Math.floor(rand() * 600),
    tenure: TENURES[i % TENURES.length], buildingType: BUILDING_TYPES[i % BUILDING_TYPES.length],
    region: [[[[x, y], [x + w, y], [x + w, y + h], [x, y + h], [x, y]]]],
  };
}

/** The straightforward recompute of one year, from scratch. */
function straightforwardYear(engine: ScenarioEngine, dataset: Dataset, year: number, projects: HousingProjectRecord[]): void {
  const { matrix, width, layout } = engine.unitValues('bench');
  const n = dataset.units.count;
  const cols = STATFI_BANDS.map((b) => engine.units.attributes.columns[b.field]);
  const vt = new Float64Array(n * width);
  const counts = new Float64Array(cols.length);
  for (let u = 0; u < n; u++) {
    for (let b = 0; b < cols.length; b++) counts[b] = cols[b][u];
    const ages = projectAges(singleAges(STATFI_BANDS, counts), year - BASE_YEAR, BASE_YEAR, undefined, undefined);
    let c = 0;
    for (let a = 7; a <= 12; a++) c += ages[a];
    const c0 = matrix[u * width];
    for (let k = 0; k < width; k++) vt[u * width + k] = c0 > 0 ? (matrix[u * width + k] * c) / c0 : 0;
    vt[u * width + layout.population] = matrix[u * width + layout.population];
  }
  const overlay = engine.overlay('bench');
  const sums = aggregateSums(overlay, vt, width);
  const active = projects.map((record) => {
    const where = resolveProject(record, engine.units, overlay, BASE_YEAR, BASE_YEAR + 10);
    if (!where.ok) throw new Error(where.problems[0].message);
    return { record, where: where.value };
  });
  addHousing(active, year, 'lower', undefined, overlay, matrix, layout, averageComposition(matrix, layout), sums, new Float64Array(n), { gapChildren: 0, overlapChildren: 0 });
  networkIndicators(sums, layout, engine.network('bench'), dataset.schools, engine.config);
}

export function timeBench(city: BenchCity, log: (s: string) => void): Record<string, number> {
  const dataset = benchDataset(city);
  let t = performance.now();
  const created = ScenarioEngine.create(dataset, presets['statfi-grid'], { horizon: 10 });
  if (!created.ok) throw new Error(created.problems[0].message);
  const engine = created.value;
  const engineBuildMs = performance.now() - t;
  const rand = lcg(4242);
  const projects = Array.from({ length: 200 }, (_, i) => project(rand, i));
  for (const p of projects) if (!engine.apply(p).ok) throw new Error(`project ${p.id} refused`);
  log(`time bench: engine ${engineBuildMs.toFixed(0)} ms, ${engine.housingProjects().length} projects`);

  const yearTimes: number[] = [];
  const yearCpu: number[] = [];
  for (let i = 0; i < 60; i++) {
    const year = BASE_YEAR + 1 + ((i * 7) % 10);
    // A housing change and its undo between measurements clear the indicator caches, so every
    // switch computes the year's figures (only the per-year children of the projection stay cached).
    engine.apply({ ...projects[i % 200], dwellings: projects[i % 200].dwellings + 1 });
    engine.undo();
    const c = cpuMs();
    t = performance.now();
    engine.setYear(year);
    engine.indicators('bench');
    if (i >= 11) {
      yearTimes.push(performance.now() - t);
      yearCpu.push(cpuMs() - c);
    }
  }
  const housingTimes: number[] = [];
  const housingCpu: number[] = [];
  engine.setYear(BASE_YEAR + 4);
  for (let i = 0; i < 60; i++) {
    const p = projects[(i * 13) % 200];
    const changed: HousingProjectRecord = i % 2 === 0 ? { ...p, tenure: TENURES[(i >> 1) % TENURES.length] } : { ...project(rand, 1000 + i) };
    const c = cpuMs();
    t = performance.now();
    engine.apply(changed);
    engine.indicators('bench');
    if (i >= 10) {
      housingTimes.push(performance.now() - t);
      housingCpu.push(cpuMs() - c);
    }
    engine.undo();
  }
  // A boundary edit through the engine: the EditableNetwork's work plus the projected years' rows
  // of the changed schools (every year of the horizon) and the indicators of the selected year.
  const boundaryTimes: number[] = [];
  for (let i = 0; i < 40; i++) {
    const cx = X0 + 8_000 + rand() * (X1 - X0 - 16_000);
    const cy = Y0 + 8_000 + rand() * (Y1 - Y0 - 16_000);
    const edit = { kind: 'assign-region' as const, networkId: 'bench', schoolId: city.network.schoolIds[i % 300], region: randomLasso(rand, cx, cy, 2_000) };
    t = performance.now();
    const r = engine.apply(edit, { allowEmptying: true });
    engine.indicators('bench');
    if (r.ok && i >= 10) boundaryTimes.push(performance.now() - t);
    if (r.ok) engine.undo();
  }
  const base: number[] = [];
  for (let i = 0; i < 4; i++) {
    t = performance.now();
    straightforwardYear(engine, dataset, BASE_YEAR + 3 + i, projects);
    if (i > 0) base.push(performance.now() - t);
  }
  const yearP95 = quantile(yearTimes, 0.95);
  const housingP95 = quantile(housingTimes, 0.95);
  const baseline = quantile(base, 0.5);
  return {
    time_engine_build_ms: +engineBuildMs.toFixed(0),
    housing_projects: 200,
    year_switch_p50_ms: +quantile(yearTimes, 0.5).toFixed(2),
    year_switch_p95_ms: +yearP95.toFixed(2),
    housing_edit_p50_ms: +quantile(housingTimes, 0.5).toFixed(2),
    housing_edit_p95_ms: +housingP95.toFixed(2),
    year_switch_cpu_p95_ms: +quantile(yearCpu, 0.95).toFixed(2),
    housing_edit_cpu_p95_ms: +quantile(housingCpu, 0.95).toFixed(2),
    year_baseline_ms: +baseline.toFixed(1),
    year_switch_speedup_vs_baseline: +(baseline / yearP95).toFixed(1),
    housing_edit_speedup_vs_baseline: +(baseline / housingP95).toFixed(1),
    engine_boundary_edit_p50_ms: +quantile(boundaryTimes, 0.5).toFixed(2),
    engine_boundary_edit_p95_ms: +quantile(boundaryTimes, 0.95).toFixed(2),
  };
}
