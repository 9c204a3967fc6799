/**
 * Travel in the app on the sample city (with its streets.fgb): a lasso that gives a school a
 * region far from its catchment asks for confirmation (a detached piece, children over 5 km) and
 * Cancel changes nothing; colouring the cells by trip length draws the map differently from the
 * catchment colours. Screenshots: test-artifacts/browser/travel-*.png.
 */
import { beforeAll, describe, expect, test } from 'vitest';
import type { Dataset } from '../../src/core/model/dataset';
import { loadFixtureBundle } from '../helpers/load-fixture-bundle';
import { saveScreenshot } from './harness/artifacts';
import { closedRing, dragAlong, type Point } from './harness/mouse-path';
import { decodePng } from './harness/png-decode';
import { countDifferent } from './harness/pixel-stats';
import { useApp } from './harness/use-browser';

const scope = useApp();
const NETWORK = 'fi-lower';
let dataset: Dataset;

beforeAll(async () => {
  dataset = await loadFixtureBundle('data/sample-city');
});

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
});
