/**
 * School-network changes end to end (issue 10) with real mouse and keyboard events on the sample
 * city: open a school by clicking the map, give it a capacity in the school table, close Suvela
 * into a neighbour; the table and figures are the core's (the app's own records replayed on the
 * same bundle in Node); undo restores the baseline.
 */
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, test } from 'vitest';
import { validateConfig } from '../../src/core/config/validate-config';
import type { Dataset } from '../../src/core/model/dataset';
import type { Edit } from '../../src/core/scenario/edit';
import { ScenarioEngine } from '../../src/core/scenario/scenario-engine';
import { loadFixtureBundle } from '../helpers/load-fixture-bundle';
import { useApp } from './harness/use-browser';

const scope = useApp();
const NETWORK = 'fi-lower';
/** 2 km east of Suvelan ala-asteen koulu (fi-021, at 380 625, 6 685 125): a populated district. */
const NEW_SCHOOL: [number, number] = [382_625, 6_685_125];
let dataset: Dataset;

beforeAll(async () => {
  dataset = await loadFixtureBundle('data/sample-city');
});

type Figures = { schools: { id: string; children: number; capacity: number | null; status?: string }[] };
type Hook = { __catchmentStudio: { edits(): Promise<Edit[]> } };

describe('school network in the app', () => {
  test('open a school by clicking, give it a capacity, close another into a neighbour, undo all', async () => {
    const t0 = Date.now();
    const step = (what: string) => console.info(`school-network spec: ${what} at ${((Date.now() - t0) / 1000).toFixed(1)} s`);
    const app = await scope.openApp();
    const page = app.page;
    step('app ready');
    await page.locator('[data-testid="add-school"]').click();
    await page.locator('[data-testid="add-school-name"]').fill('Uusi koulu');
    await page.locator('[data-testid="add-school-location-pick"]').click();
    const [px, py] = await app.project(NEW_SCHOOL[0], NEW_SCHOOL[1]);
    await page.mouse.click(px, py);
    // The click filled the location (within a few pixels' metres of the point).
    await expect.poll(async () => Math.abs(Number(await page.locator('[data-testid="add-school-location-x"]').inputValue()) - NEW_SCHOOL[0]), { timeout: 10_000 }).toBeLessThan(300);
    await page.locator('[data-testid="add-school-submit"]').click();
    await app.waitReady();
    step('school opened');
    const row = page.locator('.school-table tbody tr[data-id="new-uusi-koulu"]');
    await expect.poll(() => row.count(), { timeout: 10_000 }).toBe(1);

    // Capacity inline in its row, with the keyboard: ✎, type, Enter.
    await row.locator('[data-testid="capacity-edit"]').click();
    await page.locator('[data-testid="capacity-input"]').fill('400');
    await page.keyboard.press('Enter');
    await app.waitReady();
    step('capacity set');

    // Close Suvela (fi-021) into Niittykumpu (fi-029): select its row, pick the receiver, close.
    await page.locator('.school-table tbody tr[data-id="fi-021"]').click();
    await page.locator('[data-testid="close-to"]').selectOption('fi-029');
    await page.locator('[data-testid="close-submit"]').click();
    await app.waitReady();
    // Suvela's children now travel over 5 km: the app asks first (the travel checks), and we confirm.
    const confirm = page.locator('dialog[open] button.primary');
    if ((await confirm.count()) > 0) {
      await confirm.click();
      await app.waitReady();
    }
    step('school merged');

    const edits = await page.evaluate(() => (window as unknown as Hook).__catchmentStudio.edits());
    expect(edits.map((e) => e.kind)).toEqual(['open-school', 'set-capacity', 'close-school']);
    expect(edits[1]).toMatchObject({ schoolId: 'new-uusi-koulu', capacity: 400, year: 2024 });
    expect(edits[2]).toMatchObject({ schoolId: 'fi-021', to: 'fi-029', year: 2024 });
    const config = validateConfig(readFileSync('data/sample-city/indicator-config.json', 'utf8'));
    if (!config.ok) throw new Error('config');
    const engine = new ScenarioEngine(dataset, config.value);
    expect(engine.replay(edits).ok).toBe(true);
    const core = engine.indicators(NETWORK);
    const byId = (f: Figures) => Object.fromEntries(f.schools.map((s) => [s.id, { children: Math.round(s.children * 1e6), capacity: s.capacity, status: s.status }]));
    await expect.poll(async () => byId((await app.state()).indicators as Figures)).toEqual(byId(core as unknown as Figures));
    const opened = core.schools.find((s) => s.id === 'new-uusi-koulu')!;
    expect(opened.children).toBeGreaterThan(10);
    expect(opened.capacity).toBe(400);
    // Its row shows the core's rounded children; Suvela is marked closed.
    await expect.poll(async () => (await row.locator('td.children-cell').innerText()).replace(/[^0-9]/g, '')).toContain(String(Math.round(opened.children)));
    await expect.poll(() => page.locator('.school-table tbody tr[data-id="fi-021"] .school-status-closed').count()).toBe(1);

    // Undo all three records with the keyboard (focus off the form fields first).
    await page.locator('#map').focus();
    for (let i = 0; i < 3; i++) {
      await page.keyboard.press('Control+z');
      await app.waitReady();
    }
    step('undone');
    expect(await page.evaluate(() => (window as unknown as Hook).__catchmentStudio.edits())).toEqual([]);
    const baseline = engine.baselineIndicators(NETWORK);
    await expect.poll(async () => byId((await app.state()).indicators as Figures)).toEqual(byId(baseline as unknown as Figures));
    expect(await row.count()).toBe(0);
  });
});
