/**
 * Editing end to end with real mouse events. A lasso drawn with the mouse gives a region to a
 * school; the school table and the indices must then show exactly what the core computes when
 * the same edit record is applied to the same bundle in Node; Ctrl+Z must bring the baseline back.
 * Screenshots: test-artifacts/browser/app-edit-*.png.
 */
import { beforeAll, describe, expect, test } from 'vitest';
import { presets, type PresetId } from '../../src/core/config/presets';
import type { NetworkIndicators } from '../../src/core/indicators/indicator-types';
import { multiPolygonArea } from '../../src/core/geometry/area';
import type { Dataset } from '../../src/core/model/dataset';
import type { Edit } from '../../src/core/scenario/edit';
import { ScenarioEngine } from '../../src/core/scenario/scenario-engine';
import { loadFixtureBundle } from '../helpers/load-fixture-bundle';
import { saveScreenshot } from './harness/artifacts';
import type { AppPage } from './harness/app-page';
import { closedRing, dragAlong, type Point } from './harness/mouse-path';
import { decodePng } from './harness/png-decode';
import { countDifferent } from './harness/pixel-stats';
import { useApp } from './harness/use-browser';
import manifest from '../../data/sample-city/manifest.json';

const scope = useApp();
const NETWORK = 'fi-lower';
let dataset: Dataset;

beforeAll(async () => {
  dataset = await loadFixtureBundle('data/sample-city');
});

/**
 * The target school and a donor: the donor is the school nearest to the target whose
 * catchment is larger than 25 km², so that a 1.5 km lasso around the donor's school can never
 * leave it without area.
 */
function pickSchools() {
  const network = dataset.networks.find((n) => n.id === NETWORK)!;
  const partition = dataset.partitions[NETWORK];
  const loc = (id: string) => dataset.schools.find((s) => s.id === id)!.location;
  const target = network.schoolIds[0];
  const [tx, ty] = loc(target);
  const donor = network.schoolIds
    .map((id, i) => ({ id, area: multiPolygonArea(partition.catchments[i]), d: Math.hypot(loc(id)[0] - tx, loc(id)[1] - ty) }))
    .filter((c) => c.id !== target && c.area > 25e6)
    .sort((a, b) => a.d - b.d)[0];
  return { target, donor: donor.id, centre: loc(donor.id) };
}

/** A 24-gon of radius `r` metres around `centre`, in page pixels. */
async function circlePixels(app: AppPage, centre: [number, number], r: number): Promise<Point[]> {
  const points: Point[] = [];
  for (let i = 0; i < 24; i++) {
    const a = (2 * Math.PI * i) / 24;
    points.push(await app.project(centre[0] + r * Math.cos(a), centre[1] + r * Math.sin(a)));
  }
  return points;
}

/**
 * The edit may ask for confirmation (docs/travel.md): a region away from the target's catchment
 * is a detached piece, and its children may be more than 5 km from the target. Confirm it.
 */
async function confirmIfAsked(app: AppPage): Promise<void> {
  const apply = app.page.getByRole('button', { name: 'Apply anyway' });
  await expect.poll(async () => (await apply.isVisible()) || (await app.state()).canUndo, { timeout: 30_000 }).toBe(true);
  if (await apply.isVisible()) await apply.click();
}

async function appEdits(app: AppPage): Promise<Edit[]> {
  return app.page.evaluate(() => (window as unknown as { __catchmentStudio: { edits(): Promise<Edit[]> } }).__catchmentStudio.edits());
}

function digits(text: string): string {
  return text.replace(/[^0-9]/g, '');
}

/** Every number of `actual` within 1e-9 (relative) of `expected`, same shape otherwise. */
function expectSameFigures(actual: unknown, expected: unknown, path = 'indicators'): void {
  if (typeof expected === 'number') {
    expect(typeof actual, path).toBe('number');
    expect(Math.abs((actual as number) - expected), path).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(expected)));
  } else if (expected && typeof expected === 'object') {
    for (const key of Object.keys(expected)) expectSameFigures((actual as Record<string, unknown>)[key], (expected as Record<string, unknown>)[key], `${path}.${key}`);
  } else {
    expect(actual, path).toEqual(expected);
  }
}

describe('app edit', () => {
  test('a lasso drawn with the mouse changes the table and indices to the core values; Ctrl+Z restores the baseline', async () => {
    const app = await scope.openApp(`network=${NETWORK}&lang=en`);
    const before = await app.state();
    expect(before.networkId).toBe(NETWORK);
    const baseline = before.indicators as NetworkIndicators;
    const { target, donor, centre } = pickSchools();
    const targetName = baseline.schools.find((s) => s.id === target)!.name;
    const row = app.page.locator('.school-table tbody tr', { hasText: targetName });
    const rowBefore = await row.first().innerText();
    const shotBefore = decodePng(await saveScreenshot(app.page, 'app-edit-before'));

    await app.page.evaluate((id) => (window as unknown as { __catchmentStudio: { selectSchool(id: string): void } }).__catchmentStudio.selectSchool(id), target);
    await app.page.evaluate(() => (window as unknown as { __catchmentStudio: { setTool(t: string): void } }).__catchmentStudio.setTool('lasso'));
    await dragAlong(app.page, closedRing(await circlePixels(app, centre, 1500)));
    await confirmIfAsked(app);
    await expect.poll(async () => (await app.state()).canUndo, { timeout: 30_000 }).toBe(true);
    await app.waitReady();
    const after = await app.state();
    const shotAfter = decodePng(await saveScreenshot(app.page, 'app-edit-after'));

    // The app made one edit record; the core applies the same record to the same bundle.
    const edits = await appEdits(app);
    expect(edits).toHaveLength(1);
    expect(edits[0]).toMatchObject({ kind: 'assign-region', networkId: NETWORK, schoolId: target });
    const engine = new ScenarioEngine(dataset, presets[manifest.preset as PresetId]);
    const applied = engine.apply(edits[0], { allowEmptying: true });
    expect(applied.ok).toBe(true);
    const core = engine.indicators(NETWORK);
    expectSameFigures(after.indicators, core);

    // The target gained children from the donor; the table row shows the core's rounded count.
    const coreTarget = core.schools.find((s) => s.id === target)!;
    const baseTarget = baseline.schools.find((s) => s.id === target)!;
    expect(coreTarget.children).toBeGreaterThan(baseTarget.children);
    expect(core.schools.find((s) => s.id === donor)!.children).toBeLessThan(baseline.schools.find((s) => s.id === donor)!.children);
    // React renders the store's numbers a frame after they land: poll the row, do not read it once.
    await expect.poll(async () => digits(await row.first().innerText())).toContain(String(Math.round(coreTarget.children)));
    expect(await row.first().innerText()).not.toBe(rowBefore);
    // The indices panel shows the core's D for the first share to three decimals.
    const firstShare = Object.keys(core.indices)[0];
    const d = core.indices[firstShare].D.toFixed(3);
    await expect.poll(() => app.page.locator('body').innerText()).toContain(d);
    // And the map changed where the lasso was.
    expect(countDifferent(shotBefore, shotAfter, { region: await app.mapRegion(), tolerance: 8 })).toBeGreaterThan(50);

    // Undo with the keyboard: the full-precision figures return to the baseline exactly.
    await app.page.locator('.maplibregl-canvas').first().focus();
    await app.page.keyboard.press('Control+z');
    await expect.poll(async () => (await app.state()).canUndo, { timeout: 30_000 }).toBe(false);
    await app.waitReady();
    const undone = await app.state();
    expect(undone.indicators).toEqual(baseline);
    expect(undone.canRedo).toBe(true);
    expect(await appEdits(app)).toHaveLength(0);
    await expect.poll(() => row.first().innerText()).toBe(rowBefore);
    await saveScreenshot(app.page, 'app-edit-undone');
  });

  test('brush-painted cells are highlighted as changed; undo clears them', async () => {
    const app = await scope.openApp(`network=${NETWORK}&lang=en`);
    const { target, centre } = pickSchools();
    await app.page.evaluate((id) => (window as unknown as { __catchmentStudio: { selectSchool(id: string): void } }).__catchmentStudio.selectSchool(id), target);
    await app.page.evaluate(() => (window as unknown as { __catchmentStudio: { setTool(t: string): void } }).__catchmentStudio.setTool('brush'));
    const before = decodePng(await saveScreenshot(app.page, 'app-brush-before'));
    const path: Point[] = [];
    for (let i = -4; i <= 4; i++) path.push(await app.project(centre[0] + i * 250, centre[1]));
    await dragAlong(app.page, path);
    await confirmIfAsked(app);
    await expect.poll(async () => (await app.state()).canUndo, { timeout: 30_000 }).toBe(true);
    await app.waitReady();
    const edits = await appEdits(app);
    expect(edits).toHaveLength(1);
    expect(edits[0].kind).toBe('assign-cells');
    const painted = decodePng(await saveScreenshot(app.page, 'app-brush-after'));
    const region = await app.mapRegion();
    expect(countDifferent(before, painted, { region, tolerance: 8 })).toBeGreaterThan(20);

    await app.page.getByRole('button', { name: /undo/i }).first().click();
    await expect.poll(async () => (await app.state()).canUndo, { timeout: 30_000 }).toBe(false);
    await app.waitReady();
    await app.page.waitForTimeout(300);
    const undone = decodePng(await saveScreenshot(app.page, 'app-brush-undone'));
    // Back to the picture before painting (the selection outline is the same in both).
    expect(countDifferent(before, undone, { region, tolerance: 8 })).toBeLessThan(countDifferent(before, painted, { region, tolerance: 8 }));

    // Redo, zoom in on the stroke with the mouse wheel: the hatch is on the painted cells and
    // nowhere else (switching "Changed cells" off changes pixels near the stroke and in the legend
    // only; the layer draws the changed units alone, changed-units-mesh.ts).
    await app.page.getByRole('button', { name: /redo/i }).first().click();
    await expect.poll(async () => (await app.state()).canUndo, { timeout: 30_000 }).toBe(true);
    await app.waitReady();
    const [cx, cy] = await app.project(centre[0], centre[1]);
    for (let i = 0; i < 6; i++) {
      await app.page.mouse.move(cx, cy);
      await app.page.mouse.wheel(0, -300);
      await app.page.waitForTimeout(300);
    }
    // The pointer off the map (no tooltip), the map settled.
    await app.page.mouse.move(region.x + region.width / 2, 5);
    await app.page.waitForTimeout(1500);
    const hatched = decodePng(await saveScreenshot(app.page, 'app-brush-zoomed'));
    // The legend (over the map) loses its "changed" entry: its box with the entry, and its shadow.
    const box = (await app.page.locator('.legend').boundingBox())!;
    const legend = { x: box.x - 24, y: box.y - 24, width: box.width + 48, height: box.height + 48 };
    await app.page.getByLabel('Changed cells').click();
    await app.page.mouse.move(region.x + region.width / 2, 5);
    await app.page.waitForTimeout(1000);
    const plain = decodePng(await saveScreenshot(app.page, 'app-brush-zoomed-unhatched'));
    const [west, east] = [await app.project(centre[0] - 4 * 250 - 500, centre[1] + 500), await app.project(centre[0] + 4 * 250 + 500, centre[1] - 500)];
    const near = { x: Math.floor(west[0]), y: Math.floor(west[1]), width: Math.ceil(east[0] - west[0]), height: Math.ceil(east[1] - west[1]) };
    expect(countDifferent(hatched, plain, { region: near, tolerance: 8 })).toBeGreaterThan(500);
    expect(countDifferent(hatched, plain, { region, tolerance: 8, exclude: [near, legend] })).toBe(0);
  });
});
