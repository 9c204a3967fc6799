/**
 * "Propose" on the sample city: start the optimiser from the panel, watch the progress and the
 * best plan's numbers, stop it midway, accept the plan as a new scenario (its edits are
 * ordinary assign records: D falls to the proposal's figure), then undo every edit of it with
 * the Undo button and get the starting D back. From "Propose" to the verified result on screen
 * the main-thread tasks are measured (PerformanceObserver "longtask", which reports tasks of 50 ms
 * and more): the search runs in the worker, and the best plan so far redraws only the map, whose
 * changed-units layer is a small mesh of the changed units alone (changed-units-mesh.ts). The
 * assertion is the 50 ms, scaled by the machine's load when it is oversubscribed (a
 * task's wall time stretches when other processes hold the cores). A second run with the default
 * limits (up to 20 % rezoned, previews moving units all over the city) is held to the same limit.
 */
import { cpus, loadavg } from 'node:os';
import { expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import type { Edit } from '../../src/core/scenario/edit';
import { saveScreenshot } from './harness/artifacts';
import { decodePng } from './harness/png-decode';
import { useApp } from './harness/use-browser';
import { closedRing, dragAlong, type Point } from './harness/mouse-path';
import { pointInMultiPolygon } from '../../src/core/geometry/point-in-polygon';
import { loadFixtureBundle } from '../helpers/load-fixture-bundle';

const scope = useApp();
/** Longest main-thread task allowed while optimising: the target (see above). */
const MAIN_THREAD_GUARD_MS = 50;

type Hook = { __catchmentStudio: { state(): { canUndo: boolean; indicators: { indices: Record<string, { D: number }> } }; edits(): Promise<Edit[]> } };
const hook = 'window.__catchmentStudio';

/** Starts recording the page's main-thread long tasks (PerformanceObserver "longtask"); returns the machine's load. */
async function watchLongTasks(page: Page): Promise<number> {
  await page.evaluate(() => {
    const w = window as unknown as { __longTasks: number[] };
    w.__longTasks = [];
    new PerformanceObserver((list) => list.getEntries().forEach((e) => w.__longTasks.push(e.duration))).observe({ type: 'longtask', buffered: false });
  });
  return loadavg()[0];
}

/**
 * The main thread since watchLongTasks: no task over the 50 ms. On a machine with more
 * runnable processes than cores a task's wall time stretches by about load ÷ cores (the main
 * thread gets that share of a core), so the limit scales by that factor when oversubscribed.
 */
async function expectMainThreadFree(page: Page, loadBefore: number, label: string): Promise<void> {
  const tasks = await page.evaluate(() => (window as unknown as { __longTasks: number[] }).__longTasks.splice(0));
  const contention = Math.max(1, Math.min(loadBefore, loadavg()[0]) / cpus().length);
  const longest = Math.max(0, ...tasks);
  console.log(`${label}: longest main-thread task ${longest.toFixed(0)} ms (${tasks.length} over 50 ms); load ${loadavg()[0].toFixed(1)} on ${cpus().length} cores → guard ${(MAIN_THREAD_GUARD_MS * contention).toFixed(0)} ms`);
  expect(longest).toBeLessThanOrEqual(MAIN_THREAD_GUARD_MS * contention);
}

// Accept once lost records: applying the plan's records one by one after a duplicate raced the
// scenario switch. The plan is now imported as one scenario file (propose-panel.tsx), and this
// test checks that the accepted D is the proposal's and that undo restores the start exactly.
test('Propose: stop midway, accept as a scenario, undo it', async () => {
  // On a loaded machine the first page of a run can miss the scenario database's 5 s answer
  // (the "blocked by another tab" banner, app-smoke shows the same): open once more then.
  const app = await scope.openApp('network=fi-lower&lang=en').catch(() => scope.openApp('network=fi-lower&lang=en'));
  const page = app.page;
  const D = () => page.evaluate(() => (window as unknown as Hook).__catchmentStudio.state().indicators.indices.foreign_language.D);
  const edits = () => page.evaluate(() => (window as unknown as Hook).__catchmentStudio.edits().then((e) => e.length));
  const start = await D();
  // Let the page settle first (the map builds its hatch layer when idle, map-view.ts).
  await page.evaluate(() => new Promise<void>((resolve) => requestIdleCallback(() => requestAnimationFrame(() => requestAnimationFrame(() => resolve())), { timeout: 5000 })));
  await page.click('.propose-panel summary');
  await page.getByLabel('Search time (s)').fill('60');
  // A small cap keeps the plan to a few edits (each accepted and undone through the app).
  await page.getByLabel('Most children rezoned (%)').fill('0.05');
  // Measured from "Propose" on (opening the panel and typing are not the optimiser's work).
  const loadBefore = await watchLongTasks(page);
  await page.getByRole('button', { name: 'Propose', exact: true }).click();
  // Progress: the bar moves and the best plan's numbers appear (and the map shows its cells).
  await page.waitForSelector('.propose-best', { timeout: 30_000 });
  await page.waitForFunction(() => Number((document.querySelector('.propose-progress progress') as HTMLProgressElement | null)?.value ?? 0) > 0.01, undefined, { timeout: 60_000 });
  await page.getByRole('button', { name: 'Stop' }).click();
  const result = await page.waitForSelector('.propose-result', { timeout: 30_000 });
  const text = (await result.textContent()) ?? '';
  expect(text).toContain('Stopped early');
  // The sample city's bundle has a street layer: the plan's limits and trips are on the streets.
  expect(text).toContain('along the street network');
  const changes = Number(/(\d+) changes/.exec(text)?.[1]);
  expect(changes).toBeGreaterThan(0);
  await expectMainThreadFree(page, loadBefore, 'propose');
  const t0 = Date.now();
  await page.getByRole('button', { name: 'Accept as a new scenario' }).click();
  await page.waitForFunction(([n]) => (window as unknown as Hook).__catchmentStudio.edits().then((e) => e.length === n), [changes], { timeout: 30_000 });
  await page.waitForFunction(([d]) => (window as unknown as Hook).__catchmentStudio.state().indicators.indices.foreign_language.D < d, [start], { timeout: 30_000 }).catch(() => undefined);
  const after = await D();
  expect(after).toBeLessThan(start);
  // The accepted D is the proposal's (printed to 4 decimals).
  const printed = Number(/→ ([0-9.]+) \(/.exec(text)?.[1]);
  expect(Math.abs(after - printed)).toBeLessThan(6e-5);
  await saveScreenshot(page, 'propose-accepted').catch(() => undefined);
  for (let i = 0; i < changes; i++) {
    await page.getByRole('button', { name: 'Undo' }).click();
    await page.waitForFunction(([n]) => (window as unknown as Hook).__catchmentStudio.edits().then((e) => e.length === n), [changes - i - 1], { timeout: 30_000 });
  }
  expect(await edits()).toBe(0);
  console.log(`propose: ${changes} changes accepted and undone in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  expect(await D()).toBeCloseTo(start, 12);
  const longTasks = await page.evaluate(() => (window as unknown as { __longTasks: number[] }).__longTasks);
  // Accepting switches to a new scenario (as an import does): reported, not asserted.
  console.log(`accept + undo: longest main-thread task ${Math.max(0, ...longTasks).toFixed(0)} ms over ${longTasks.length} long tasks`);
  void hook;
}, 240_000);

// The default limits (up to 20 % of children rezoned): the best plan so far moves units all over
// the city, and each preview redraws the map's changed units (the case that once took 50–80 ms).
test('Propose with the default limits: the previews of a scattered plan leave the main thread free', async () => {
  const app = await scope.openApp('network=fi-lower&lang=en').catch(() => scope.openApp('network=fi-lower&lang=en'));
  const page = app.page;
  await page.evaluate(() => new Promise<void>((resolve) => requestIdleCallback(() => requestAnimationFrame(() => requestAnimationFrame(() => resolve())), { timeout: 5000 })));
  await page.click('.propose-panel summary');
  await page.getByLabel('Search time (s)').fill('8');
  const loadBefore = await watchLongTasks(page);
  await page.getByRole('button', { name: 'Propose', exact: true }).click();
  const result = await page.waitForSelector('.propose-result', { timeout: 90_000 });
  const text = (await result.textContent()) ?? '';
  // A plan of several schools' changes, previewed on the map while it grew.
  expect(Number(/(\d+) changes/.exec(text)?.[1])).toBeGreaterThan(3);
  await expectMainThreadFree(page, loadBefore, 'propose, default limits');
  await page.getByRole('button', { name: 'Discard' }).click();
}, 180_000);

/** Pixels within 40 per channel of `rgb` in a PNG screenshot. */
function pixelsNear(png: Uint8Array, rgb: [number, number, number]): number {
  const img = decodePng(png);
  let n = 0;
  for (let i = 0; i < img.data.length; i += 4) {
    if (Math.abs(img.data[i] - rgb[0]) < 40 && Math.abs(img.data[i + 1] - rgb[1]) < 40 && Math.abs(img.data[i + 2] - rgb[2]) < 40) n++;
  }
  return n;
}

// Locks and seed from the panel reach the search (no plan record gives a locked school anything,
// and its children stay); the trade-off view runs the four caps and draws both lines.
test('Propose: locked schools and a seed; the trade-off view draws its curve', async () => {
  const app = await scope.openApp('network=fi-lower&lang=en').catch(() => scope.openApp('network=fi-lower&lang=en'));
  const page = app.page;
  type Schools = { id: string; children: number }[];
  const schools = () => page.evaluate(() => (window as unknown as { __catchmentStudio: { state(): { indicators: { schools: Schools } } } }).__catchmentStudio.state().indicators.schools.map((s) => ({ id: s.id, children: s.children })));
  const before = await schools();
  await page.click('.propose-panel summary');
  const locked = before.slice(0, 3).map((s) => s.id);
  await page.locator('.propose-lock-schools').selectOption(locked);
  await expect.poll(() => page.locator('.propose-locks > .hint').textContent()).toContain('3 schools kept');
  await page.getByLabel('Seed of the search').fill('7');
  await page.getByLabel('Search time (s)').fill('2');
  await page.getByRole('button', { name: 'Propose', exact: true }).click();
  await page.waitForSelector('.propose-accept', { timeout: 60_000 });
  await page.getByRole('button', { name: 'Accept as a new scenario' }).click();
  await page.waitForFunction(() => (window as unknown as Hook).__catchmentStudio.edits().then((e) => e.length > 0), undefined, { timeout: 30_000 });
  const edits = await page.evaluate(() => (window as unknown as Hook).__catchmentStudio.edits());
  expect(edits.every((e) => !('schoolId' in e) || !locked.includes(e.schoolId))).toBe(true);
  const after = await schools();
  for (const id of locked) expect(after.find((s) => s.id === id)!.children).toBeCloseTo(before.find((s) => s.id === id)!.children, 9);
  // Trade-off: 4 caps × 1 s (half the search time each).
  await page.getByRole('button', { name: /Trade-off/ }).click();
  await page.waitForSelector('.trade-off-chart[data-points="4"]', { timeout: 90_000 });
  await page.waitForSelector('.propose-trade-off', { timeout: 30_000 });
  const png = await page.locator('.trade-off-chart').screenshot();
  expect(pixelsNear(png, [0x00, 0x72, 0xb2])).toBeGreaterThan(30);
  expect(pixelsNear(png, [0xe6, 0x9f, 0x00])).toBeGreaterThan(30);
}, 150_000);

// A weighted sum of two measures and an area drawn on the map with the lasso (real mouse events):
// the plan, accepted, gives no cell whose centre lies in the drawn area to another school.
test('Propose: a weighted sum of measures and an area kept as it is, drawn on the map', async () => {
  const app = await scope.openApp('network=fi-lower&lang=en').catch(() => scope.openApp('network=fi-lower&lang=en'));
  const page = app.page;
  await page.click('.propose-panel summary');
  await page.getByLabel('Measure to lower').selectOption({ label: 'Weighted sum of several measures' });
  const weights = page.getByLabel(/^Weight: /);
  expect(await weights.count()).toBeGreaterThan(1);
  await expect.poll(() => page.locator('.propose-start').isDisabled()).toBe(true); // no weight yet
  await weights.nth(0).fill('1');
  await weights.nth(1).fill('0.5');
  const names = await Promise.all([0, 1].map(async (i) => ((await page.locator('.propose-weights label').nth(i).locator('span').textContent()) ?? '').replace('Weight: ', '')));
  // The area: a circle of 110 px around the map's centre, drawn with the mouse after "Draw an area to keep".
  await page.getByRole('button', { name: 'Draw an area to keep' }).click();
  await expect.poll(() => page.locator('.propose-lock-areas .hint').textContent()).toContain('Draw the area on the map');
  const r = await app.mapRegion();
  const [cx, cy] = [r.x + r.width / 2, r.y + r.height / 2];
  const ring: Point[] = Array.from({ length: 24 }, (_, i) => [cx + 110 * Math.cos((2 * Math.PI * i) / 24), cy + 110 * Math.sin((2 * Math.PI * i) / 24)]);
  // One pointer move per vertex: each move redraws the lasso, ~0.7 s on the software rasteriser.
  await dragAlong(page, closedRing(ring), { maxStepPx: 60 });
  await expect.poll(() => page.locator('.propose-lock-areas .hint').textContent()).toContain('1 areas kept');
  // The kept area stays on the map: a dark outline along the drawn ring (real pixels).
  await page.waitForTimeout(500);
  const shot = decodePng(await page.screenshot());
  const darkNear = ([x, y]: Point) => {
    for (let dy = -3; dy <= 3; dy++)
      for (let dx = -3; dx <= 3; dx++) {
        const i = 4 * (Math.round(y + dy) * shot.width + Math.round(x + dx));
        if (shot.data[i] < 70 && shot.data[i + 1] < 70 && shot.data[i + 2] < 70) return true;
      }
    return false;
  };
  expect(ring.filter(darkNear).length).toBeGreaterThanOrEqual(18);
  const area = await Promise.all(ring.map(([x, y]) => app.unproject(x, y)));
  await page.getByLabel('Most children rezoned (%)').fill('30');
  await page.getByLabel('Search time (s)').fill('3');
  await page.getByRole('button', { name: 'Propose', exact: true }).click();
  const result = await page.waitForSelector('.propose-result', { timeout: 60_000 });
  const text = (await result.textContent()) ?? '';
  // The result names the weighted measure: both measures and their weights.
  expect(text).toContain(`1 × ${names[0]} + 0.5 × ${names[1]}`);
  await page.getByRole('button', { name: 'Accept as a new scenario' }).click();
  await page.waitForFunction(() => (window as unknown as Hook).__catchmentStudio.edits().then((e) => e.length > 0), undefined, { timeout: 30_000 });
  const edits = (await page.evaluate(() => (window as unknown as Hook).__catchmentStudio.edits())) as { kind: string; cells?: [number, number][] }[];
  const dataset = await loadFixtureBundle('data/sample-city');
  if (dataset.units.kind !== 'grid') throw new Error('the sample city is a grid');
  const g = dataset.units.grid;
  let cells = 0;
  let inside = 0;
  for (const e of edits) {
    expect(e.kind).toBe('assign-cells');
    for (const [col, row] of e.cells ?? []) {
      cells++;
      if (pointInMultiPolygon([g.originX + (col + 0.5) * g.cellSize, g.originY + (row + 0.5) * g.cellSize], [[[...area, area[0]]]])) inside++;
    }
  }
  expect(cells).toBeGreaterThan(0);
  expect(inside).toBe(0);
}, 150_000);
