/**
 * Browser benchmark: brush-painting in the built app with real mouse events.
 *
 *   npm run bench:browser                 # vite build, then this script
 *   npx tsx tests/bench/run-browser-bench.ts [--query "network=fi-upper"] [--school ID] [--cells 300] [--load-only]
 *
 * First the first load (tests/bench/first-load.ts: first_interactive_ms and the longest
 * main-thread task until then), then the painting below, then "Propose" (issue 12: the main
 * thread's long tasks while the optimiser runs 12 s with the default limits and the map shows
 * the best plan so far).
 * Starts `vite preview` of dist/ and Chromium (tests/browser/harness), opens the app on the
 * sample city in test mode, selects a school, picks the brush tool, zooms until a 250 m cell is
 * at least 8 CSS px, paints a serpentine stroke over ≈300 cells, and records the rAF frame
 * deltas in the page while painting. Prints ONE JSON object on stdout; progress goes to stderr.
 * Exit code 1 (with the reason on stderr) when a step fails.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { Browser } from 'playwright-core';
import type { GridSpec } from '../../src/core/model/grid-spec';
import { openApp, type AppPage } from '../browser/harness/app-page';
import { planBrushStroke } from '../browser/harness/brush-path';
import { startFrameRecorder, stopFrameRecorder, summariseFrames } from '../browser/harness/frame-stats';
import { launchChromium } from '../browser/harness/launch-chromium';
import { dragAlong } from '../browser/harness/mouse-path';
import { PROJECT_ROOT } from '../browser/harness/paths';
import { startPreview, type PreviewHandle } from '../browser/harness/preview-server';
import { measureFirstLoad } from './first-load';

const MIN_CELL_PX = 8;
const log = (msg: string) => process.stderr.write(`[bench:browser] ${msg}\n`);

const { values: args } = parseArgs({
  options: {
    query: { type: 'string', default: '' },
    school: { type: 'string' },
    cells: { type: 'string', default: '300' },
    /** Only the first-load figures (no painting, no Propose). */
    'load-only': { type: 'boolean', default: false },
    /** Seconds of the Propose run. */
    'propose-seconds': { type: 'string', default: '12' },
  },
});

/** The sample city's grid, from its manifest (EPSG:3067 metres). */
function sampleGrid(): GridSpec {
  const manifest = JSON.parse(readFileSync(resolve(PROJECT_ROOT, 'data/sample-city/manifest.json'), 'utf8')) as { grid?: GridSpec };
  if (!manifest.grid) throw new Error('data/sample-city/manifest.json has no grid: run "npm run sample-data"');
  return manifest.grid;
}

/** Zooms in with the mouse wheel over the map centre until a cell spans MIN_CELL_PX. */
async function zoomToCells(app: AppPage, cellSize: number): Promise<number> {
  const r = await app.mapRegion();
  const cx = r.x + r.width / 2;
  const cy = r.y + r.height / 2;
  for (let i = 0; i < 12; i++) {
    const [x, y] = await app.unproject(cx, cy);
    const [x0] = await app.project(x, y);
    const [x1] = await app.project(x + cellSize, y);
    const px = x1 - x0;
    if (px >= MIN_CELL_PX) return px;
    await app.page.mouse.move(cx, cy);
    await app.page.mouse.wheel(0, -300);
    await app.page.waitForTimeout(400);
    await app.waitReady();
  }
  throw new Error(`could not zoom in to ${MIN_CELL_PX} px per cell`);
}

/** Brush size from the tool panel's slider, or the app's default 3. */
async function brushSize(app: AppPage): Promise<number> {
  const v = await app.page.locator('.brush-size input[type="range"]').first().inputValue({ timeout: 2000 }).catch(() => null);
  const n = v === null ? NaN : Number(v);
  return Number.isFinite(n) && n > 0 ? n : 3;
}

type TimingWindow = { __editTiming?: { upAt: number | null; updatedAt: number | null } };

/** Records in the page the time of the next pointerup and of the first school-table change after it. */
async function armEditTiming(app: AppPage): Promise<void> {
  await app.page.evaluate(() => {
    const w = window as unknown as TimingWindow;
    const timing = { upAt: null as number | null, updatedAt: null as number | null };
    w.__editTiming = timing;
    window.addEventListener('pointerup', () => void (timing.upAt ??= performance.now()), { capture: true, once: true });
    const table = document.querySelector('.school-table tbody') ?? document.querySelector('.school-table');
    if (!table) return;
    const obs = new MutationObserver(() => {
      if (timing.upAt !== null && timing.updatedAt === null) {
        timing.updatedAt = performance.now();
        obs.disconnect();
      }
    });
    obs.observe(table, { childList: true, subtree: true, characterData: true });
  });
}

/** Starts collecting the main thread's long tasks (> 50 ms, PerformanceObserver "longtask"). */
async function startLongTasks(app: AppPage): Promise<void> {
  await app.page.evaluate(() => {
    const w = window as unknown as { __longTasks: number[]; __longTaskObserver?: PerformanceObserver };
    w.__longTasks = [];
    w.__longTaskObserver?.disconnect();
    w.__longTaskObserver = new PerformanceObserver((list) => {
      for (const e of list.getEntries()) w.__longTasks.push(e.duration);
    });
    w.__longTaskObserver.observe({ entryTypes: ['longtask'] });
  });
}

async function stopLongTasks(app: AppPage): Promise<number[]> {
  return app.page.evaluate(() => {
    const w = window as unknown as { __longTasks: number[]; __longTaskObserver?: PerformanceObserver };
    w.__longTaskObserver?.disconnect();
    return w.__longTasks.slice();
  });
}

async function run(browser: Browser, preview: PreviewHandle): Promise<Record<string, number | null>> {
  const target = Number(args.cells);
  if (!Number.isInteger(target) || target < 1) throw new Error(`--cells must be a positive integer, got "${args.cells}"`);
  const grid = sampleGrid();
  log('opening the app');
  const app = await openApp(browser, preview.url, args.query ?? '', { viewport: { width: 1280, height: 800 } });
  const state = await app.state();
  const schools = (state.indicators as { schools?: { id: string }[] } | null)?.schools ?? [];
  const schoolId = args.school ?? schools[0]?.id;
  if (!schoolId) throw new Error('no school to paint for: the current network has no schools in state().indicators');
  await app.page.evaluate((id) => {
    const hook = (window as unknown as { __catchmentStudio: { selectSchool(id: string): void; setTool(t: string): void } }).__catchmentStudio;
    hook.selectSchool(id);
    hook.setTool('brush');
  }, schoolId);
  const cellPx = await zoomToCells(app, grid.cellSize);
  const size = await brushSize(app);

  // Start the block so that it is centred on the map centre.
  const r = await app.mapRegion();
  const [mx, my] = await app.unproject(r.x + r.width / 2, r.y + r.height / 2);
  const probe = planBrushStroke(grid, [0, 0], size, target);
  const start: [number, number] = [
    Math.floor((mx - grid.originX) / grid.cellSize) - Math.floor(probe.passLength / 2),
    Math.floor((my - grid.originY) / grid.cellSize) - Math.floor((probe.passes * size) / 2),
  ];
  const plan = planBrushStroke(grid, start, size, target);
  const path = await Promise.all(plan.points.map(([x, y]) => app.project(x, y)));
  log(`school ${schoolId}, brush ${size}, ${cellPx.toFixed(1)} px per cell, ${plan.passes} passes × ${plan.passLength} cells → ${plan.cells} cells`);

  await armEditTiming(app);
  await startLongTasks(app);
  await startFrameRecorder(app.page);
  await dragAlong(app.page, path, { maxStepPx: Math.max(2, cellPx / 2), release: false });
  const deltas = await stopFrameRecorder(app.page);
  const longTasks = await stopLongTasks(app);
  await app.page.mouse.up();
  // A stroke that detaches a piece of a catchment or gives a child a trip over 5 km asks first
  // (docs/travel.md): confirm it, and time the update from the confirming click.
  const confirm = app.page.locator('.confirm-dialog[open] button.primary');
  const asked = await confirm.waitFor({ state: 'visible', timeout: 3000 }).then(() => true, () => false);
  if (asked) {
    log('the stroke asks for confirmation: confirming (edit_to_update_ms counts from the click)');
    await armEditTiming(app);
    await confirm.click();
  }

  log('waiting for the table to update');
  const timing = await app.page
    .waitForFunction(() => {
      const t = (window as unknown as TimingWindow).__editTiming;
      return t && t.upAt !== null && t.updatedAt !== null ? t : null;
    }, null, { timeout: 60_000, polling: 'raf' })
    .then((h) => h.jsonValue())
    .catch(() => null);
  if (!timing) log('WARNING: no change of the school table within 60 s after mouse-up (edit_to_update_ms is null)');
  await app.waitReady();
  const after = await app.state();
  if (!after.canUndo) log('WARNING: canUndo is false after painting: the stroke may not have been applied');
  if (app.guard.errors.length) log(`browser errors:\n  ${app.guard.errors.join('\n  ')}`);

  // Same-run baseline: the same mouse path with the pan tool, so every pointer move redraws the
  // whole map (all layers) — what any frame costs on this renderer (software GL in CI).
  await app.page.evaluate(() => (window as unknown as { __catchmentStudio: { setTool(t: string): void } }).__catchmentStudio.setTool('pan'));
  await startLongTasks(app);
  await startFrameRecorder(app.page);
  await dragAlong(app.page, path, { maxStepPx: Math.max(2, cellPx / 2), release: false });
  const panDeltas = await stopFrameRecorder(app.page);
  const panLongTasks = await stopLongTasks(app);
  await app.page.mouse.up();

  const frames = summariseFrames(deltas);
  const pan = summariseFrames(panDeltas);
  const ratio = frames.frame_p95_ms !== null && pan.frame_p95_ms ? Math.round((frames.frame_p95_ms / pan.frame_p95_ms) * 100) / 100 : null;
  return {
    cells_painted: plan.cells,
    ...frames,
    edit_to_update_ms: timing ? Math.round((timing.updatedAt! - timing.upAt!) * 10) / 10 : null,
    edit_confirmed: asked ? 1 : 0,
    main_thread_long_tasks: longTasks.length,
    main_thread_longest_task_ms: longTasks.length ? Math.round(Math.max(...longTasks)) : 0,
    pan_frame_p50_ms: pan.frame_p50_ms,
    pan_frame_p95_ms: pan.frame_p95_ms,
    pan_main_thread_long_tasks: panLongTasks.length,
    paint_vs_pan_frame_p95_ratio: ratio,
  };
}

/**
 * Propose on a fresh page: the default limits (20 % of children rezoned at most), so the best
 * plan so far moves units all over the city; long tasks from the click until the result shows.
 */
async function measurePropose(browser: Browser, preview: PreviewHandle): Promise<Record<string, number>> {
  const seconds = Number(args['propose-seconds']);
  const query = [args.query, 'lang=en'].filter(Boolean).join('&');
  const app = await openApp(browser, preview.url, query, { viewport: { width: 1280, height: 800 } });
  try {
    await app.page.evaluate(() => new Promise<void>((r) => requestIdleCallback(() => r(), { timeout: 5000 })));
    await app.page.click('.propose-panel summary');
    await app.page.getByLabel('Search time (s)').fill(String(seconds));
    await startLongTasks(app);
    const t0 = Date.now();
    await app.page.getByRole('button', { name: 'Propose', exact: true }).click();
    await app.page.waitForSelector('.propose-result', { timeout: (seconds + 60) * 1000 });
    const elapsed = (Date.now() - t0) / 1000;
    const tasks = await stopLongTasks(app);
    return {
      propose_run_s: Math.round(elapsed * 10) / 10,
      propose_long_tasks: tasks.length,
      propose_longest_task_ms: tasks.length ? Math.round(Math.max(...tasks)) : 0,
    };
  } finally {
    await app.page.context().close().catch(() => undefined);
  }
}

async function main(): Promise<void> {
  let preview: PreviewHandle | null = null;
  let browser: Browser | null = null;
  try {
    preview = await startPreview();
    browser = await launchChromium();
    log('first load (fresh context)');
    const load = await measureFirstLoad(browser, preview.url, args.query ?? '');
    log(`first load: ${JSON.stringify(load)}`);
    const result = args['load-only'] ? {} : await run(browser, preview);
    if (!args['load-only']) log('Propose (default limits)');
    const propose = args['load-only'] ? {} : await measurePropose(browser, preview);
    process.stdout.write(`${JSON.stringify({ ...load, ...result, ...propose })}\n`);
  } finally {
    await browser?.close().catch(() => undefined);
    await preview?.close().catch(() => undefined);
  }
}

main().catch((err: unknown) => {
  log(`FAILED: ${err instanceof Error ? err.message : String(err)}`);
  process.exitCode = 1;
});
