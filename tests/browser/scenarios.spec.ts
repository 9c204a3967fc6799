/**
 * Scenarios in the browser, end to end with real mouse events: edits survive a reload (the
 * scenario, the numbers, the selected school, undo and redo); a scenario file exported and
 * imported again gives identical numbers (and a file from other data warns); the comparison
 * view and workshop mode work; the impact assessment opens with its contents; the map PNG has
 * map pixels; and when IndexedDB is unavailable a banner names the problem while editing
 * still works. Screenshots: test-artifacts/browser/scenarios-*.png.
 */
import { readFile } from 'node:fs/promises';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import initSqlJs from 'sql.js';
import { describe, expect, test } from 'vitest';
import type { NetworkIndicators } from '../../src/core/indicators/indicator-types';
import type { ScenarioTestHook } from '../../src/app/scenarios/setup-scenarios';
import { appUrl, type AppPage } from './harness/app-page';
import { saveScreenshot, writeArtifact } from './harness/artifacts';
import { dragAlong, type Point } from './harness/mouse-path';
import { colourStats } from './harness/pixel-stats';
import { decodePng } from './harness/png-decode';
import { useApp } from './harness/use-browser';
import { decodeGpkgMultiPolygon } from '../../src/core/export/gpkg-geometry';
import { findSelfIntersections } from '../../src/core/validate/self-intersections';

const scope = useApp();

type HookWindow = { __catchmentStudio?: { isReady(): boolean; selectSchool(id: string | null): void; setTool(tool: string): void }; __catchmentStudioScenarios?: ScenarioTestHook };

const scenarioState = (page: Page) => page.evaluate(() => (window as unknown as HookWindow).__catchmentStudioScenarios!.state());
const flush = (page: Page) => page.evaluate(() => (window as unknown as HookWindow).__catchmentStudioScenarios!.flush());
const indicatorsOf = async (app: AppPage) => (await app.state()).indicators as NetworkIndicators;
type ScenarioState = Awaited<ReturnType<ScenarioTestHook['state']>>;

/**
 * Waits until the scenario list satisfies `ready` and the app is ready in the same poll. A
 * scenario operation shows in the list (a new active id, one more scenario) before the engine's
 * numbers for it arrive, so reading the numbers after the list alone races with the refresh.
 */
async function untilScenarios(app: AppPage, ready: (s: ScenarioState) => boolean, timeoutMs = 60_000): Promise<ScenarioState> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const isReady = await app.page.evaluate(() => (window as unknown as HookWindow).__catchmentStudio!.isReady());
    const state = await scenarioState(app.page);
    if (isReady && ready(state)) return state;
    if (Date.now() > deadline) throw new Error(`scenario state not reached within ${timeoutMs} ms: ${JSON.stringify(state)}`);
    await app.page.waitForTimeout(100);
  }
}

const shareIdOf = (ind: NetworkIndicators) => Object.keys(ind.indices)[0];

/** The bytes of a download. */
async function downloadBytes(page: Page, click: () => Promise<void>): Promise<{ name: string; bytes: Uint8Array }> {
  const [d] = await Promise.all([page.waitForEvent('download', { timeout: 60_000 }), click()]);
  return { name: d.suggestedFilename(), bytes: new Uint8Array(await readFile((await d.path())!)) };
}

async function openXlsx(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
  return wb;
}

/** The rows of a sheet as arrays (index 0 = column A). */
const sheetRows = (ws: ExcelJS.Worksheet) => (ws.getSheetValues().slice(1) as unknown[][]).map((r) => (r ?? []).slice(1));

/** A little smaller than the default: software GL renders each frame faster. */
const VIEWPORT = { width: 1280, height: 720 };
/** Generous per-test time: every pointer move redraws the map in software GL on a shared machine. */
const SLOW = 400_000;

/** Zooms the map in one wheel notch around a point (real events), then waits for it to settle. */
async function zoomIn(app: AppPage): Promise<void> {
  const r = await app.mapRegion();
  await app.page.mouse.move(r.x + r.width / 2, r.y + r.height / 2);
  await app.page.mouse.wheel(0, -120);
  await app.page.waitForTimeout(1500);
  await app.waitReady();
}

/** Waits until the indicators differ from `before` or the "empties a school" dialog opens; confirms it. */
async function settleEdit(app: AppPage, before: NetworkIndicators): Promise<boolean> {
  const json = JSON.stringify(before);
  await app.page.waitForFunction(
    (b) => {
      const hook = (window as unknown as HookWindow & { __catchmentStudio: { state(): { indicators: unknown } } }).__catchmentStudio;
      return !!document.querySelector('dialog.confirm-dialog[open]') || (hook.isReady() && JSON.stringify(hook.state().indicators) !== b);
    },
    json,
    { timeout: 30_000, polling: 200 },
  ).catch(() => undefined);
  const confirm = app.page.locator('dialog.confirm-dialog[open] button.primary');
  if (await confirm.count()) await confirm.click();
  await app.waitReady();
  return JSON.stringify(await indicatorsOf(app)) !== json;
}

/**
 * Lassos a small ring (8 vertices, radius `radiusPx`) around the map centre shifted by `offset`
 * pixels for one of the largest schools, with real mouse events, until the numbers change
 * (the ring may lie in that school's own area: then the next school is tried). Returns the school id.
 */
async function lassoEdit(app: AppPage, offset: Point, radiusPx = 16): Promise<string> {
  const before = await indicatorsOf(app);
  const candidates = [...before.schools].sort((a, b) => b.children - a.children).slice(0, 3);
  const r = await app.mapRegion();
  const cx = r.x + r.width / 2 + offset[0];
  const cy = r.y + r.height / 2 + offset[1];
  const ring: Point[] = Array.from({ length: 8 }, (_, k) => [cx + radiusPx * Math.cos((2 * Math.PI * k) / 8), cy + radiusPx * Math.sin((2 * Math.PI * k) / 8)]);
  for (const school of candidates) {
    await app.page.evaluate((id) => {
      const hook = (window as unknown as HookWindow).__catchmentStudio!;
      hook.selectSchool(id);
      hook.setTool('lasso');
    }, school.id);
    // Released away from the start (the tool closes the ring): a release at the start reads as a click.
    await dragAlong(app.page, ring, { maxStepPx: 40 });
    const changed = await settleEdit(app, before);
    await app.page.evaluate(() => (window as unknown as HookWindow).__catchmentStudio!.setTool('pan'));
    if (changed) return school.id;
  }
  throw new Error('no lasso edit changed the numbers');
}

/** The map centre in EPSG:3067 metres. */
async function mapCentre(app: AppPage): Promise<[number, number]> {
  const r = await app.mapRegion();
  return app.unproject(r.x + r.width / 2, r.y + r.height / 2);
}

async function reloadApp(app: AppPage): Promise<void> {
  await app.page.reload({ waitUntil: 'load' });
  await app.waitReady(90_000);
}

/** An AppPage for a page opened by hand (without the harness's console guard). */
function appOn(page: Page): AppPage {
  return {
    page,
    guard: undefined as never,
    state: () => page.evaluate(() => (window as unknown as { __catchmentStudio: { state(): never } }).__catchmentStudio.state()),
    project: async () => [0, 0],
    unproject: (px, py) => page.evaluate(([a, b]) => (window as unknown as { __catchmentStudio: { unproject(a: number, b: number): [number, number] } }).__catchmentStudio.unproject(a, b), [px, py] as const),
    mapRegion: async () => {
      const box = (await page.locator('.maplibregl-canvas').first().boundingBox())!;
      return { x: box.x, y: box.y, width: box.width, height: box.height };
    },
    waitReady: async (timeout = 60_000) => {
      await page.waitForFunction(() => (window as unknown as HookWindow).__catchmentStudio?.isReady() === true, null, { timeout, polling: 100 });
    },
  };
}

describe('scenarios in the app', () => {
  test('edits, the selected school and undo/redo history survive a reload', async () => {
    const app = await scope.openApp('lang=en', { viewport: VIEWPORT });
    const baseline = await indicatorsOf(app);
    await lassoEdit(app, [-70, -40]);
    const afterOne = await indicatorsOf(app);
    const school = await lassoEdit(app, [60, 50]);
    await zoomIn(app);
    const centre = await mapCentre(app);
    const afterTwo = await indicatorsOf(app);
    expect(afterOne).not.toEqual(baseline);
    expect(afterTwo).not.toEqual(afterOne);
    await app.page.keyboard.press('Control+z');
    await app.waitReady();
    expect(await indicatorsOf(app)).toEqual(afterOne);
    const before = await scenarioState(app.page);
    expect(before.scenarios).toHaveLength(1);
    expect(before.scenarios[0]).toMatchObject({ editCount: 1, redoCount: 1 });
    await flush(app.page);
    await saveScreenshot(app.page, 'scenarios-before-reload');

    await reloadApp(app);
    const restored = await app.state();
    expect(restored.indicators, 'the numbers are those of the scenario').toEqual(afterOne);
    expect(restored.selectedSchoolId, 'the selected school is selected again').toBe(school);
    expect(restored.canUndo).toBe(true);
    expect(restored.canRedo, 'the redo history survived').toBe(true);
    expect((await scenarioState(app.page)).activeId).toBe(before.activeId);
    const centreAfter = await mapCentre(app);
    expect(Math.hypot(centreAfter[0] - centre[0], centreAfter[1] - centre[1]), 'the map view is restored (metres)').toBeLessThan(50);
    await saveScreenshot(app.page, 'scenarios-after-reload');

    await app.page.keyboard.press('Control+z');
    await app.waitReady();
    expect(await indicatorsOf(app), 'undo after the reload goes back to the baseline').toEqual(baseline);
    await app.page.keyboard.press('Control+Shift+z');
    await app.waitReady();
    await app.page.keyboard.press('Control+Shift+z');
    await app.waitReady();
    expect(await indicatorsOf(app), 'redo after the reload re-applies both edits').toEqual(afterTwo);
  }, SLOW);

  test('a scenario file exported and imported again gives identical numbers; other data warns', async () => {
    const app = await scope.openApp('lang=en', { viewport: VIEWPORT });
    await lassoEdit(app, [-50, 30]);
    const edited = await indicatorsOf(app);
    const original = await scenarioState(app.page);

    await app.page.getByTestId('export-menu-button').click();
    const [download] = await Promise.all([app.page.waitForEvent('download'), app.page.getByTestId('export-scenario').click()]);
    const text = await readFile((await download.path())!, 'utf8');
    const file = JSON.parse(text);
    expect(file).toMatchObject({ format: 'catchment-studio-scenario', version: 3, cursor: 1 });
    expect(file.dataset.hash).toMatch(/^[0-9a-f]{16}$/);
    expect(download.suggestedFilename()).toMatch(/\.scenario\.json$/);

    // Back to the baseline in a new scenario, then import the file: a third scenario with the same numbers.
    await app.page.getByTestId('open-scenario-manager').click();
    await app.page.getByRole('button', { name: 'New scenario' }).click();
    await untilScenarios(app, (s) => s.scenarios.length === 2 && s.activeId !== original.activeId);
    expect(await indicatorsOf(app)).not.toEqual(edited);
    await app.page.getByTestId('scenario-import-input').setInputFiles({ name: 'round-trip.scenario.json', mimeType: 'application/json', buffer: Buffer.from(text) });
    const imported = await untilScenarios(app, (s) => s.scenarios.length === 3);
    expect(imported.activeId).not.toBe(original.activeId);
    expect(imported.scenarios.find((s) => s.id === imported.activeId)).toMatchObject({ name: original.scenarios[0].name, editCount: 1 });
    expect(await indicatorsOf(app), 'the imported scenario has exactly the numbers of the exported one').toEqual(edited);
    expect(await app.page.getByTestId('scenario-notice').count(), 'no warning for the same data').toBe(0);
    await saveScreenshot(app.page, 'scenarios-manager');

    // The same file claiming other data: imported with the dataset-mismatch warning shown.
    const other = JSON.stringify({ ...file, dataset: { name: 'Another town', hash: '0123456789abcdef' } });
    await app.page.getByTestId('scenario-import-input').setInputFiles({ name: 'other.scenario.json', mimeType: 'application/json', buffer: Buffer.from(other) });
    await untilScenarios(app, (s) => s.scenarios.length === 4);
    const notice = app.page.getByTestId('scenario-notice');
    await expect.poll(() => notice.locator('[data-code="dataset-mismatch"]').count()).toBe(1);
    expect(await indicatorsOf(app)).toEqual(edited);
    await saveScreenshot(app.page, 'scenarios-import-mismatch');
  }, SLOW);

  test('comparison view, workshop mode, map PNG and the impact assessment', async () => {
    const app = await scope.openApp('lang=en', { viewport: VIEWPORT });
    await lassoEdit(app, [-60, 20], 22);
    const edited = await indicatorsOf(app);
    const { activeId } = await scenarioState(app.page);
    await flush(app.page);

    // Comparison: baseline (A) against the edited scenario (B).
    await app.page.getByTestId('open-compare').click();
    const view = app.page.getByTestId('compare-view');
    await expect.poll(() => view.locator('[data-testid="compare-schools"] tbody tr').count(), { timeout: 60_000 }).toBe(edited.schools.length);
    await app.waitReady();
    const moved = await view.getByTestId('moved-children').textContent();
    expect(moved, 'children change school').toMatch(/\d/);
    expect(await view.locator('tr.changed').count(), 'changed catchments are marked').toBeGreaterThan(0);
    await app.page.waitForTimeout(1500);
    await saveScreenshot(app.page, 'scenarios-compare');
    // The comparison table as CSV: one row per school, A = baseline and B = the edited scenario's children.
    const [csvDownload] = await Promise.all([app.page.waitForEvent('download'), view.getByTestId('compare-csv-schools').click()]);
    expect(csvDownload.suggestedFilename()).toMatch(/schools\.csv$/);
    const csvLines = (await readFile((await csvDownload.path())!, 'utf8')).replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(csvLines).toHaveLength(edited.schools.length + 1);
    const baselineNow = (await app.state()).baseline as NetworkIndicators;
    const head = csvLines[0].split(',');
    const biggest = [...edited.schools].sort((x, y) => y.children - x.children)[0];
    const row = csvLines.find((l) => l.split(',').includes(biggest.id))!.split(',');
    const cell = (name: string) => row[head.indexOf(name)];
    expect(cell('children A (count)')).toBe(baselineNow.schools.find((x) => x.id === biggest.id)!.children.toFixed(1));
    expect(cell('children B (count)')).toBe(biggest.children.toFixed(1));
    // Every school trip figure too (the sample city has streets): B − A = the change, in metres.
    const [meanA, meanB, meanChange] = ['A', 'B', 'change B−A'].map((side) => Number(cell(`travel_mean_m ${side} (m)`)));
    expect(meanB).toBeGreaterThan(0);
    expect(Math.abs(meanB - meanA - meanChange)).toBeLessThanOrEqual(0.15);
    expect(head).toContain('travel_max_daily_travel_h B (h)');
    // The comparison as XLSX: the school table in English with A, B and the change, numbers as numbers.
    const compareXlsx = await openXlsx((await downloadBytes(app.page, () => view.getByTestId('compare-xlsx').click())).bytes);
    expect(compareXlsx.worksheets.map((w) => w.name)).toEqual(['Schools', 'schools_data', 'Indices', 'School trips', 'Notes']);
    // School trips: the whole network, then every school, with the CSV's mean trips.
    const tripRows = sheetRows(compareXlsx.getWorksheet('School trips')!);
    expect(tripRows).toHaveLength(edited.schools.length + 2);
    expect(tripRows[1][1]).toBe('Whole network');
    const tripRow = tripRows.find((r) => r[1] === biggest.name)!;
    expect(Math.abs((tripRow[3] as number) - meanB)).toBeLessThanOrEqual(0.5);
    const compareRow = sheetRows(compareXlsx.getWorksheet('schools_data')!).find((r) => r[1] === biggest.id)!;
    expect(compareRow[4] as number).toBeCloseTo(baselineNow.schools.find((x) => x.id === biggest.id)!.children, 6);
    expect(compareRow[5] as number).toBeCloseTo(biggest.children, 6);
    await view.getByRole('tab', { name: 'Indices' }).click();
    expect(await view.locator('[data-testid="compare-indices"] tbody tr').count()).toBeGreaterThan(4);
    await view.getByRole('button', { name: 'Close comparison' }).click();

    // Map PNG with legend: map pixels, not a blank canvas.
    await app.page.getByTestId('export-menu-button').click();
    const [png] = await Promise.all([app.page.waitForEvent('download'), app.page.getByTestId('export-png').click()]);
    const pngBytes = new Uint8Array(await readFile((await png.path())!));
    writeArtifact('browser/scenarios-map-export.png', pngBytes);
    const image = decodePng(pngBytes);
    const region = await app.mapRegion();
    // At least 2400 px wide for print, whatever the window; the map keeps its aspect ratio.
    expect(image.width).toBeGreaterThanOrEqual(2400);
    expect(image.height / image.width).toBeCloseTo((region.height + 58 + 26) / region.width, 2);
    const k = image.width / region.width;
    const stats = colourStats(image, { region: { x: 0, y: Math.round(60 * k), width: image.width, height: Math.round(image.height - 90 * k) }, tolerance: 8 });
    expect(stats.distinctColours, 'the PNG holds the map drawing').toBeGreaterThanOrEqual(32);
    expect(stats.nonBackground / stats.pixels).toBeGreaterThan(0.2);

    // School table (XLSX) of the scenario: the data sheet has the engine's numbers for the selected network.
    const networkId = (await app.state()).networkId as string;
    await app.page.getByTestId('export-menu-button').click();
    const xlsx = await openXlsx((await downloadBytes(app.page, () => app.page.getByTestId('export-xlsx').click())).bytes);
    expect(xlsx.worksheets.map((w) => w.name)).toEqual(['Schools', 'schools_data', 'Indices', 'School trips', 'Notes']);
    const dataRows = sheetRows(xlsx.getWorksheet('schools_data')!);
    // The table is for the selected school year (the sample city's base year, 2024).
    expect(dataRows[0].slice(0, 7)).toEqual(['network', 'year', 'school_id', 'school_name', 'capacity (places)', 'children_baseline (count)', 'children_scenario (count)']);
    const xRow = dataRows.find((r) => r[0] === networkId && r[2] === biggest.id)!;
    expect(Number(xRow[1])).toBe(2024);
    expect(xRow[5] as number).toBeCloseTo(baselineNow.schools.find((x) => x.id === biggest.id)!.children, 6);
    expect(xRow[6] as number).toBeCloseTo(biggest.children, 6);
    const reportRow = sheetRows(xlsx.getWorksheet('Schools')!).find((r) => r[2] === biggest.name)!;
    expect(reportRow[5]).toBe(xRow[6]);
    expect(xlsx.getWorksheet('Schools')!.getRow(1).getCell(6).value).toBe('Children, scenario (count)');

    // GeoPackage: one layer per network, the engine's children and shares, valid geometry, QGIS styles.
    await app.page.getByTestId('export-menu-button').click();
    const gpkg = await downloadBytes(app.page, () => app.page.getByTestId('export-gpkg').click());
    const SQL = await initSqlJs();
    const db = new SQL.Database(gpkg.bytes);
    try {
      const q = (sql: string) => db.exec(sql)[0]?.values ?? [];
      const layers = q("SELECT table_name FROM gpkg_contents WHERE data_type = 'features' ORDER BY table_name").map((r) => r[0]);
      // The sample city's three networks (data/sample-city/manifest.json).
      expect(layers).toEqual(['catchments_fi_lower', 'catchments_fi_upper', 'catchments_sv_lower']);
      expect(q('SELECT f_table_name, useAsDefault FROM layer_styles ORDER BY f_table_name')).toEqual(layers.map((l) => [l, 1]));
      expect(String(q('SELECT styleQML FROM layer_styles LIMIT 1')[0][0])).toContain('attr="school_id"');
      const table = `catchments_${networkId.replace(/[^A-Za-z0-9_]/g, '_')}`;
      const [row] = q(`SELECT children, utilisation, "${shareIdOf(edited)}" FROM ${table} WHERE school_id = '${biggest.id}'`);
      expect(row[0]).toBe(Math.round(biggest.children * 10) / 10);
      expect(row[1]).toBe(Math.round(biggest.utilisation! * 1000) / 1000);
      expect(row[2]).toBe(Math.round(biggest.shares[shareIdOf(edited)]! * 1e4) / 1e4);
      for (const layer of layers) for (const [g] of q(`SELECT geom FROM ${layer}`)) expect(findSelfIntersections(decodeGpkgMultiPolygon(g as Uint8Array).geometry)).toEqual([]);
    } finally {
      db.close();
    }

    // Impact assessment in a new tab: scenario name, indices before and after, caveats.
    await app.page.getByTestId('export-menu-button').click();
    await app.page.getByTestId('report-author').fill('Test Author');
    await app.page.getByTestId('report-organisation').fill('City of Example');
    const [report] = await Promise.all([app.page.context().waitForEvent('page'), app.page.getByTestId('open-report').click()]);
    await report.waitForFunction(() => document.querySelector('h1')?.textContent?.includes('segregation impact'), null, { timeout: 60_000 });
    const reportText = (await report.locator('body').textContent()) ?? '';
    const scenarioName = (await scenarioState(app.page)).scenarios.find((s) => s.id === activeId)!.name;
    expect(reportText).toContain(scenarioName);
    expect(reportText).toContain('Before');
    expect(reportText).toContain('After');
    expect(reportText).toContain('Caveats');
    // The sample city has a street network: trips are measured along it (report-travel.ts).
    expect(reportText).toContain('along the street network');
    const shareId = Object.keys(edited.indices)[0];
    const baseline = (await app.state()).baseline as NetworkIndicators;
    expect(reportText, 'index D before').toContain(baseline.indices[shareId]!.D.toFixed(3));
    expect(reportText, 'index D after').toContain(edited.indices[shareId]!.D.toFixed(3));
    expect(await report.getByRole('button', { name: /Print/ }).count()).toBe(1);
    expect(reportText).toContain('Test Author');
    expect(reportText).toContain('City of Example');
    expect(reportText).not.toContain('statfi-grid');
    expect(await report.locator('h2').allTextContents()).toEqual(['Summary', 'The years ahead', 'Details']);
    // Printed to PDF (Chromium): the title block and summary alone make exactly one A4 page; the whole report more.
    const pages = (pdf: Uint8Array) => (Buffer.from(pdf).toString('latin1').match(/\/Type\s*\/Page(?![s\w])/g) ?? []).length;
    const hide = await report.addStyleTag({ content: '.details, .years-section, footer { display: none !important }' });
    expect(pages(await report.pdf({ preferCSSPageSize: true })), 'the summary fits one page').toBe(1);
    await hide.evaluate((el) => (el as unknown as Element).remove());
    const fullPdf = await report.pdf({ preferCSSPageSize: true });
    writeArtifact('browser/scenarios-report.pdf', fullPdf);
    expect(pages(fullPdf)).toBeGreaterThanOrEqual(2);
    await saveScreenshot(report, 'scenarios-report');
    await report.close();

    // Workshop mode: a second scenario, then step with PageDown / PageUp (presentation clickers).
    await app.page.getByTestId('open-scenario-manager').click();
    await app.page.getByRole('button', { name: 'New scenario' }).click();
    const { activeId: second } = await untilScenarios(app, (s) => s.scenarios.length === 2 && s.activeId !== activeId);
    await app.page.keyboard.press('Escape');
    await app.page.getByTestId('open-workshop').click();
    const bar = app.page.getByTestId('workshop-bar');
    await expect.poll(() => bar.isVisible()).toBe(true);
    // The key figures have their own column: they never cover the map.
    await app.page.waitForTimeout(500);
    const figures = (await app.page.getByTestId('workshop-figures').boundingBox())!;
    const mapBox = (await app.page.locator('.maplibregl-canvas').first().boundingBox())!;
    expect(mapBox.x + mapBox.width, 'the map ends where the key figures start').toBeLessThanOrEqual(figures.x + 1);
    // A control is used (the anonymise checkbox keeps the focus): the clicker still steps, and
    // the scenario's own name is hidden with the school names.
    await bar.getByRole('checkbox').click();
    await expect.poll(() => app.page.getByTestId('workshop-scenario-name').textContent()).toBe('Scenario B');
    await app.page.keyboard.press('PageUp');
    await untilScenarios(app, (s) => s.activeId === activeId);
    expect(await app.page.getByTestId('workshop-scenario-name').textContent()).toBe('Scenario A');
    expect(scenarioName, 'the alias differs from the real name').not.toBe('Scenario A');
    await bar.getByRole('checkbox').click();
    expect(await app.page.getByTestId('workshop-scenario-name').textContent()).toBe(scenarioName);
    expect(await indicatorsOf(app)).toEqual(edited);
    await app.page.waitForTimeout(1500);
    await saveScreenshot(app.page, 'scenarios-workshop');
    await bar.getByRole('checkbox').click();
    await app.page.keyboard.press('PageDown');
    await untilScenarios(app, (s) => s.activeId === second);
    // Leaving the mode brings every real name back at once: scenario list and school table.
    await bar.getByRole('button', { name: 'Exit' }).click();
    await expect.poll(() => app.page.getByTestId('scenario-select').locator('option').allTextContents()).toEqual((await scenarioState(app.page)).scenarios.map((s) => s.name));
    await expect.poll(() => app.page.locator('.right-panel').textContent()).toContain(biggest.name);
  }, SLOW);

  test('a second tab does not save over the first; "Continue here" moves the work to it', async () => {
    const first = await scope.openApp('lang=en', { viewport: VIEWPORT });
    await lassoEdit(first, [-50, -20]);
    const edited = await indicatorsOf(first);
    await flush(first.page);

    // The same app in a second tab of the same browser profile: it shows the saved work but does not save.
    const page = await first.page.context().newPage();
    await page.setViewportSize(VIEWPORT);
    await page.goto(appUrl(scope.baseUrl(), 'lang=en'), { waitUntil: 'load' });
    const second = appOn(page);
    await second.waitReady(90_000);
    const banner = page.getByTestId('storage-banner');
    await expect.poll(() => banner.getAttribute('data-code').catch(() => null)).toBe('storage-other-tab');
    expect(await indicatorsOf(second), 'the second tab opens on what the first saved').toEqual(edited);
    expect((await scenarioState(page)).save).toMatchObject({ mode: 'memory', problem: 'storage-other-tab' });
    expect((await scenarioState(first.page)).save, 'the first tab still saves').toMatchObject({ mode: 'indexeddb', problem: null });
    await saveScreenshot(page, 'scenarios-second-tab');

    // Continue here: the first tab stops saving, the second reloads as the saving tab with the same numbers.
    await Promise.all([page.waitForEvent('load', { timeout: 60_000 }), page.getByTestId('storage-take-over').click()]);
    await second.waitReady(90_000);
    expect(await indicatorsOf(second)).toEqual(edited);
    await expect.poll(async () => (await scenarioState(page)).save).toMatchObject({ mode: 'indexeddb', problem: null });
    expect(await banner.count()).toBe(0);
    await expect.poll(() => first.page.getByTestId('storage-banner').getAttribute('data-code').catch(() => null)).toBe('storage-taken-over');
    await saveScreenshot(first.page, 'scenarios-taken-over');

    // An edit in the second tab is saved: a reload of it finds the edit.
    await lassoEdit(second, [60, 40]);
    const twice = await indicatorsOf(second);
    expect(twice).not.toEqual(edited);
    await flush(page);
    await page.reload({ waitUntil: 'load' });
    await second.waitReady(90_000);
    expect(await indicatorsOf(second)).toEqual(twice);
    expect((await scenarioState(page)).save.mode).toBe('indexeddb');
    await page.close();
  }, SLOW);

  test('without IndexedDB a banner names the problem and editing still works', async () => {
    const { page } = await scope.newPage(VIEWPORT);
    await page.addInitScript(() => {
      IDBFactory.prototype.open = function open(): IDBOpenDBRequest {
        throw new DOMException('The operation is insecure.', 'SecurityError');
      };
    });
    await page.goto(appUrl(scope.baseUrl(), 'lang=en'), { waitUntil: 'load' });
    await page.waitForFunction(() => (window as unknown as HookWindow).__catchmentStudio?.isReady() === true, null, { timeout: 90_000, polling: 100 });
    const banner = page.getByTestId('storage-banner');
    await expect.poll(() => banner.count()).toBe(1);
    expect(await banner.getAttribute('data-code')).toBe('storage-unavailable');
    expect(await banner.textContent()).toContain('only in this tab');
    const app = appOn(page);
    const before = await indicatorsOf(app);
    await lassoEdit(app, [-40, 10]);
    expect(await indicatorsOf(app)).not.toEqual(before);
    expect((await app.state()).canUndo).toBe(true);
    expect((await scenarioState(page)).save).toMatchObject({ mode: 'memory', problem: 'storage-unavailable' });
    await saveScreenshot(page, 'scenarios-storage-banner');
    const [download] = await Promise.all([page.waitForEvent('download'), banner.getByRole('button', { name: 'Export scenario' }).click()]);
    expect(JSON.parse(await readFile((await download.path())!, 'utf8')).edits).toHaveLength(1);
  }, SLOW);
});
