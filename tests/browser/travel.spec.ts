/**
 * Travel in the app on the sample city (with its streets.fgb): a lasso that gives a school a
 * region far from its catchment asks for confirmation (a detached piece, children over 5 km) and
 * Cancel changes nothing; colouring the cells by trip length draws the map differently from the
 * catchment colours. The map's travel options: the selected school's walking-distance bands draw
 * in their colours, streets appear only when zoomed in, and a confirmed exclave is outlined and
 * listed among the catchments in several pieces. Screenshots: test-artifacts/browser/travel-*.png.
 */
import { beforeAll, describe, expect, test } from 'vitest';
import type { Dataset } from '../../src/core/model/dataset';
import { loadFixtureBundle } from '../helpers/load-fixture-bundle';
import { saveScreenshot } from './harness/artifacts';
import { closedRing, dragAlong, type Point } from './harness/mouse-path';
import { decodePng } from './harness/png-decode';
import { colourHistogram, countDifferent } from './harness/pixel-stats';
import { useApp } from './harness/use-browser';

const scope = useApp();
const NETWORK = 'fi-lower';
let dataset: Dataset;

beforeAll(async () => {
  dataset = await loadFixtureBundle('data/sample-city');
});

type Hook = { __catchmentStudio: { selectSchool(id: string): void; setTool(t: string): void } };

/** Pixels within `tol` of an RGB colour in a histogram (keys 0xRRGGBB). */
function near(hist: Map<number, number>, rgb: [number, number, number], tol: number): number {
  let n = 0;
  for (const [key, count] of hist) {
    const r = (key >> 16) & 255, g = (key >> 8) & 255, b = key & 255;
    if (Math.abs(r - rgb[0]) <= tol && Math.abs(g - rgb[1]) <= tol && Math.abs(b - rgb[2]) <= tol) n += count;
  }
  return n;
}

describe('travel', () => {
  test('an edit that creates an exclave asks for confirmation; Cancel changes nothing; trip colouring draws', async () => {
    const app = await scope.openApp(`network=${NETWORK}&lang=en`);
    const network = dataset.networks.find((n) => n.id === NETWORK)!;
    const loc = (id: string) => dataset.schools.find((s) => s.id === id)!.location;
    const target = network.schoolIds[0];
    const [tx, ty] = loc(target);
    // The school farthest from the target: a lasso around it cannot touch the target's catchment.
    const far = network.schoolIds.map((id) => ({ id, d: Math.hypot(loc(id)[0] - tx, loc(id)[1] - ty) })).sort((a, b) => b.d - a.d)[0];
    const [cx, cy] = loc(far.id);
    await app.page.evaluate((id) => (window as unknown as { __catchmentStudio: { selectSchool(id: string): void } }).__catchmentStudio.selectSchool(id), target);
    await app.page.evaluate(() => (window as unknown as { __catchmentStudio: { setTool(t: string): void } }).__catchmentStudio.setTool('lasso'));
    const ring: Point[] = [];
    for (let i = 0; i < 16; i++) ring.push(await app.project(cx + 600 * Math.cos((2 * Math.PI * i) / 16), cy + 600 * Math.sin((2 * Math.PI * i) / 16)));
    await dragAlong(app.page, closedRing(ring));
    const dialog = app.page.getByRole('dialog');
    await expect.poll(() => dialog.isVisible(), { timeout: 60_000 }).toBe(true);
    await expect.poll(() => dialog.innerText()).toMatch(/separate pieces|more than 5 km/);
    await saveScreenshot(app.page, 'travel-confirm');
    await app.page.getByRole('button', { name: 'Cancel' }).click();
    await expect.poll(() => dialog.isVisible()).toBe(false);
    expect((await app.state()).canUndo).toBe(false);

    // Colour the cells by the trip to the own school.
    const before = decodePng(await saveScreenshot(app.page, 'travel-catchments'));
    await app.page.getByRole('radio', { name: 'Cell data' }).check();
    await app.page.locator('select', { has: app.page.locator('option[value="trip"]') }).selectOption('trip');
    await app.waitReady();
    await app.page.waitForTimeout(500);
    const after = decodePng(await saveScreenshot(app.page, 'travel-trip-colours'));
    expect(countDifferent(before, after, { region: await app.mapRegion(), tolerance: 8 })).toBeGreaterThan(1000);
  });

  test('distance bands of the selected school draw; streets show only when zoomed in', async () => {
    const app = await scope.openApp(`network=${NETWORK}&lang=en`);
    const target = dataset.networks.find((n) => n.id === NETWORK)!.schoolIds[0];
    const name = dataset.schools.find((s) => s.id === target)!.name;
    // Choosing the school in the table selects it and brings its catchment into view.
    await app.page.locator('tr[aria-selected]', { hasText: name }).first().click();
    await expect.poll(async () => (await app.state()).selectedSchoolId).toBe(target);
    await app.page.waitForTimeout(500);
    const region = await app.mapRegion();
    const before = decodePng(await saveScreenshot(app.page, 'travel-no-bands'));
    await app.page.getByTestId('travel-show-bands').check();
    // The bands come from the worker; their darkest ring (1 km, rgb 8 48 107) draws over the catchments.
    let after = before;
    await expect.poll(async () => {
      after = decodePng(await saveScreenshot(app.page, 'travel-bands'));
      return near(colourHistogram(after, region), [8, 48, 107], 12);
    }, { timeout: 30_000 }).toBeGreaterThan(40);
    expect(near(colourHistogram(before, region), [8, 48, 107], 12)).toBeLessThan(10);
    expect(countDifferent(before, after, { region, tolerance: 8 })).toBeGreaterThan(300);
    await app.page.getByTestId('travel-show-bands').uncheck();

    // The catchment in view (zoom below 12.5): streets are not drawn (toggling them changes nothing).
    const streets = app.page.getByTestId('travel-show-streets');
    const wideOn = decodePng(await saveScreenshot(app.page, 'travel-wide-streets-on'));
    await streets.uncheck();
    await app.page.waitForTimeout(300);
    const wideOff = decodePng(await saveScreenshot(app.page, 'travel-wide-streets-off'));
    expect(countDifferent(wideOn, wideOff, { region, tolerance: 8 })).toBeLessThan(50);
    // Zoomed in three steps around the catchment's middle: streets drawn under the catchments.
    for (let i = 0; i < 3; i++) await app.page.getByRole('button', { name: 'Zoom in' }).click();
    await app.page.waitForTimeout(500);
    const closeOff = decodePng(await saveScreenshot(app.page, 'travel-close-streets-off'));
    await streets.check();
    await expect.poll(async () => countDifferent(closeOff, decodePng(await saveScreenshot(app.page, 'travel-close-streets-on')), { region, tolerance: 8 }), { timeout: 20_000 }).toBeGreaterThan(1000);
  });

  test('a confirmed exclave is outlined on the map and listed with its pieces', async () => {
    const app = await scope.openApp(`network=${NETWORK}&lang=en`);
    const network = dataset.networks.find((n) => n.id === NETWORK)!;
    const loc = (id: string) => dataset.schools.find((s) => s.id === id)!.location;
    const target = network.schoolIds[0];
    const name = dataset.schools.find((s) => s.id === target)!.name;
    const [tx, ty] = loc(target);
    const far = network.schoolIds.map((id) => ({ id, d: Math.hypot(loc(id)[0] - tx, loc(id)[1] - ty) })).sort((a, b) => b.d - a.d)[0];
    const [cx, cy] = loc(far.id);
    const pieces = app.page.getByTestId('travel-pieces');
    await pieces.locator('summary').click();
    await expect.poll(() => pieces.innerText()).not.toContain(`${name}: 2 pieces`);
    await app.page.evaluate((id) => (window as unknown as Hook).__catchmentStudio.selectSchool(id), target);
    await app.page.evaluate(() => (window as unknown as Hook).__catchmentStudio.setTool('lasso'));
    const ring: Point[] = [];
    for (let i = 0; i < 16; i++) ring.push(await app.project(cx + 600 * Math.cos((2 * Math.PI * i) / 16), cy + 600 * Math.sin((2 * Math.PI * i) / 16)));
    await dragAlong(app.page, closedRing(ring));
    const dialog = app.page.getByRole('dialog');
    await expect.poll(() => dialog.isVisible(), { timeout: 60_000 }).toBe(true);
    await app.page.getByRole('button', { name: 'Apply anyway' }).click();
    await expect.poll(async () => (await app.state()).canUndo, { timeout: 30_000 }).toBe(true);
    await app.waitReady();
    await expect.poll(() => pieces.innerText(), { timeout: 20_000 }).toMatch(new RegExp(`${name}: \\d+ pieces\\s+\\(was 1\\)`));
    const region = await app.mapRegion();
    const outlined = decodePng(await saveScreenshot(app.page, 'travel-detached'));
    await app.page.getByTestId('travel-show-detached').uncheck();
    await app.page.waitForTimeout(300);
    const plain = decodePng(await saveScreenshot(app.page, 'travel-detached-off'));
    // The exclave (a 1.2 km lasso, a few pixels across at this zoom) gets a black outline with a white halo.
    expect(countDifferent(outlined, plain, { region, tolerance: 8 })).toBeGreaterThan(20);

    // The table shows more trip figures on demand: the longest trip, with its change (the exclave lengthens the target's).
    const table = app.page.locator('#school-table');
    await expect.poll(() => table.locator('thead th').allInnerTexts()).not.toContainEqual(expect.stringContaining('Longest trip'));
    await table.locator('.column-chooser summary').click();
    const chooser = table.getByTestId('travel-columns');
    await chooser.getByLabel('Longest trip').check();
    await chooser.getByLabel('Longest daily travel time').check();
    await table.locator('.column-chooser summary').click();
    const heads = await table.locator('thead th').allInnerTexts();
    expect(heads.some((h) => h.includes('Longest trip') && h.includes('km'))).toBe(true);
    expect(heads.some((h) => h.includes('Longest daily travel time') && h.includes('h'))).toBe(true);
    const km = (text: string) => Number(text.split('\n')[0].replace(',', '.'));
    const rows = table.locator('tbody tr[data-id]');
    for (let i = 0; i < (await rows.count()); i++) {
      const mean = await rows.nth(i).locator('td.travel-mean_m').innerText();
      const max = await rows.nth(i).locator('td.travel-max_m').innerText();
      if (!mean.startsWith('–')) expect(km(max), `row ${i}: longest ≥ mean`).toBeGreaterThanOrEqual(km(mean));
    }
    const targetMax = await table.locator(`tbody tr[data-id="${target}"] td.travel-max_m`).innerText();
    expect(targetMax, 'the exclave lengthens the longest trip').toMatch(/\n\+\d/);
    await saveScreenshot(app.page, 'travel-table-columns');
  });
});
