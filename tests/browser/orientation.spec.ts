/**
 * Finding one's way with real input: the search box (typed query, arrow key, Enter) selects a
 * school and zooms to it, and zooms to named areas of the data (a lake and a district of the
 * sample city's context file); a school chosen in the table comes into view; zoom buttons and the home button
 * move the map and the scale bar follows; at 1600 × 1000 the chosen share is in view next to
 * each school and the table is one tab stop with arrow keys inside. Links: ?basemap= is only
 * offered and ?bundle= on another origin asks first; neither makes a request to that origin.
 */
import { beforeAll, describe, expect, test } from 'vitest';
import type { Dataset } from '../../src/core/model/dataset';
import { loadFixtureBundle } from '../helpers/load-fixture-bundle';
import type { AppPage } from './harness/app-page';
import { useApp } from './harness/use-browser';

const scope = useApp();
const NETWORK = 'fi-lower';
const VIEWPORT = { width: 1600, height: 1000 };
let dataset: Dataset;

beforeAll(async () => {
  dataset = await loadFixtureBundle('data/sample-city');
});

/** Whether EPSG:3067 point (x, y) is inside the map area, `margin` px in from its edges. */
async function inMap(app: AppPage, x: number, y: number, margin = 20): Promise<boolean> {
  const [px, py] = await app.project(x, y);
  const r = await app.mapRegion();
  return px >= r.x + margin && px <= r.x + r.width - margin && py >= r.y + margin && py <= r.y + r.height - margin;
}

/** Metres per CSS pixel at the map centre (from two projected points 1 km apart). */
async function metresPerPixel(app: AppPage): Promise<number> {
  const r = await app.mapRegion();
  const [x, y] = await app.unproject(r.x + r.width / 2, r.y + r.height / 2);
  const [ax] = await app.project(x, y);
  const [bx] = await app.project(x + 1000, y);
  return 1000 / Math.abs(bx - ax);
}

describe('orientation', () => {
  test('search, table selection, zoom and home buttons, scale bar, table layout and keyboard', async () => {
    const app = await scope.openApp(`network=${NETWORK}&lang=en`, { viewport: VIEWPORT });
    const page = app.page;
    const home = await metresPerPixel(app);
    const scale = page.locator('.maplibregl-ctrl-scale');
    expect(await scale.textContent()).toMatch(/^\d+\s?(m|km)$/);

    // Search for a school by the start of its name, without its diacritics, with the keyboard.
    const network = dataset.networks.find((n) => n.id === NETWORK)!;
    const far = dataset.schools.filter((s) => network.schoolIds.includes(s.id)).sort((a, b) => b.location[0] - a.location[0])[0];
    const box = page.getByRole('combobox', { name: 'Search for a school or an area' });
    const options = () => page.getByRole('listbox', { name: 'Search for a school or an area' }).getByRole('option');
    await box.click();
    await page.keyboard.type(far.name.normalize('NFD').replace(/[\u0300-\u036f]/g, '').slice(0, 8));
    await expect.poll(() => options().first().textContent()).toContain(far.name.slice(0, 3));
    const texts = await options().allTextContents();
    const position = texts.findIndex((o) => o.startsWith(far.name));
    expect(position, `${far.name} among ${texts.join(' | ')}`).toBeGreaterThanOrEqual(0);
    for (let i = 0; i < position; i++) await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await expect.poll(async () => (await app.state()).selectedSchoolId).toBe(far.id);
    await app.waitReady();
    expect(await inMap(app, far.location[0], far.location[1])).toBe(true);
    expect(await metresPerPixel(app), 'zoomed in to the catchment').toBeLessThan(home);

    // Search for a named area of the data: the first lake of the context file.
    const lake = dataset.places!.find((p) => p.kind === 'water' && !/lahti|viken/i.test(p.name))!;
    await box.fill('');
    await box.pressSequentially(lake.name.slice(0, 6));
    await expect.poll(() => options().allTextContents()).toContainEqual(expect.stringContaining(lake.name));
    await options().filter({ hasText: lake.name }).first().click();
    await app.waitReady();
    const [x0, y0, x1, y1] = lake.bbox;
    expect(await inMap(app, (x0 + x1) / 2, (y0 + y1) / 2)).toBe(true);

    // A district of the sample city (data/generator/district-areas.ts), typed in lower case:
    // listed as a district, and the map zooms to its whole extent.
    const district = dataset.places!.find((p) => p.kind === 'district' && p.name === 'Louhela')!;
    await box.fill('');
    await box.pressSequentially('louhel');
    const districtOption = options().filter({ hasText: 'Louhela' }).filter({ hasText: 'district' });
    await expect.poll(() => districtOption.count()).toBe(1);
    await districtOption.click();
    await app.waitReady();
    const [dx0, dy0, dx1, dy1] = district.bbox;
    for (const [x, y] of [[dx0, dy0], [dx1, dy1]]) expect(await inMap(app, x, y, 0), `district corner ${x} ${y}`).toBe(true);
    expect(await metresPerPixel(app), 'zoomed in to the district').toBeLessThan(home);

    // Zoom buttons and home: the scale follows the map.
    const before = await metresPerPixel(app);
    const scaleBefore = await scale.textContent();
    await page.getByRole('button', { name: 'Zoom out' }).click();
    await app.waitReady();
    expect(await metresPerPixel(app)).toBeCloseTo(before * 2, 0);
    await expect.poll(() => scale.textContent()).not.toBe(scaleBefore);
    await page.getByRole('button', { name: 'Show the whole area' }).click();
    await app.waitReady();
    expect(await metresPerPixel(app)).toBeCloseTo(home, 0);

    // A school chosen in the table comes into view (the westernmost one, far from the lake).
    const west = dataset.schools.filter((s) => network.schoolIds.includes(s.id)).sort((a, b) => a.location[0] - b.location[0])[0];
    await page.getByRole('button', { name: 'Zoom in' }).click();
    await page.getByRole('button', { name: 'Zoom in' }).click();
    await app.waitReady();
    const row = page.locator(`.school-table tbody tr[data-id="${west.id}"]`);
    await row.click();
    await expect.poll(async () => (await app.state()).selectedSchoolId).toBe(west.id);
    await app.waitReady();
    expect(await inMap(app, west.location[0], west.location[1])).toBe(true);

    // Layout at 1600 × 1000: the chosen share and its column are in view without scrolling sideways,
    // and no school name wraps onto a second line.
    const scroller = page.locator('.school-table .table-scroll');
    const view = await scroller.boundingBox();
    const chosen = await page.locator('.school-table thead th.chosen-share').boundingBox();
    expect(chosen!.x + chosen!.width).toBeLessThanOrEqual(view!.x + view!.width);
    const utilisation = await page.locator('.school-table thead th', { hasText: 'Utilisation' }).boundingBox();
    expect(utilisation!.x + utilisation!.width).toBeLessThanOrEqual(view!.x + view!.width);
    const wrapped = await page.locator('.school-table tbody .school-name').evaluateAll((names) =>
      names
        .filter((n) => {
          // More than one line, or cut short with an ellipsis.
          const lines = new Set([...n.getClientRects()].map((r) => Math.round(r.top))).size;
          return lines > 1 || n.getBoundingClientRect().height > 24 || n.scrollWidth > n.clientWidth + 1;
        })
        .map((n) => n.textContent),
    );
    expect(wrapped).toEqual([]);

    // The table is one tab stop; arrow keys move inside it, Enter selects.
    await page.locator('.column-chooser summary').focus();
    await page.keyboard.press('Tab');
    const focusedRow = () => page.evaluate(() => document.activeElement?.closest('tr')?.getAttribute('data-id') ?? document.activeElement?.tagName ?? null);
    expect(await focusedRow()).toBe(west.id);
    await page.keyboard.press('Home');
    const first = await focusedRow();
    await page.keyboard.press('ArrowDown');
    const second = await focusedRow();
    expect(second).not.toBe(first);
    expect(second).toMatch(/^fi-/);
    // F2 opens the row's capacity field (its ✎ is no tab stop); Escape closes it, the row keeps the focus.
    await page.keyboard.press('F2');
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('capacity-input');
    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByTestId('capacity-input').count()).toBe(0);
    await expect.poll(() => focusedRow()).toBe(second);
    await page.keyboard.press('Enter');
    await expect.poll(async () => (await app.state()).selectedSchoolId).toBe(second);
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => !!document.activeElement?.closest('.school-table table'))).toBe(false);
  });

  test('links: ?basemap= is only offered and ?bundle= on another origin asks first; no request leaves the origin', async () => {
    const requests: string[] = [];
    const outside = () => requests.filter((u) => new URL(u).hostname.endsWith('example.invalid'));
    const tiles = 'https://tiles.example.invalid/{z}/{x}/{y}.png';
    const app = await scope.openApp(`lang=en&basemap=${encodeURIComponent(tiles)}`, { onPage: (p) => p.context().on('request', (r) => requests.push(r.url())) });
    await expect.poll(() => app.page.getByRole('region', { name: 'This link suggests a background map' }).textContent()).toContain('tiles.example.invalid');
    await app.page.getByRole('button', { name: 'Ignore' }).click();
    expect(app.page.url()).not.toContain('basemap=');
    expect(outside()).toEqual([]);

    // ?bundle= on another origin: a question, nothing loaded; declining opens the sample city.
    const page = app.page;
    await page.goto(`${scope.baseUrl()}?test=1&lang=en&bundle=${encodeURIComponent('https://data.example.invalid/city/')}`);
    const dialog = page.getByRole('dialog', { name: 'Load data from another server?' });
    await expect.poll(() => dialog.isVisible()).toBe(true);
    expect(await dialog.textContent()).toContain('https://data.example.invalid');
    await dialog.getByRole('button', { name: 'Open the sample city instead' }).click();
    await page.waitForFunction(() => (window as unknown as { __catchmentStudio?: { isReady(): boolean } }).__catchmentStudio?.isReady(), null, { timeout: 90_000 });
    expect(page.url()).not.toContain('bundle=');
    expect(outside()).toEqual([]);
  });
});
