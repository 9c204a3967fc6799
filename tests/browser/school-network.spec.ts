/**
 * School-network changes end to end (issue 10) with real mouse and keyboard events on the sample
 * city: the tooltip of a grades 1–9 school in the grades 1–6 network shows its 1–6 places; open a
 * school by clicking the map, give it temporary premises (drawn on the map: pixels) and a capacity
 * in the school table, close Saarenmaa (selected by a click on its map symbol) into its neighbour
 * Puistola (1.1 km apart, so the travel checks do not ask); the table and figures are the core's (the app's
 * own records replayed on the same bundle in Node); undo restores the baseline.
 * Lean on purpose (one app start, one wait per record, the Node engine built before the test).
 */
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, test } from 'vitest';
import { validateConfig } from '../../src/core/config/validate-config';
import type { Edit } from '../../src/core/scenario/edit';
import { ScenarioEngine } from '../../src/core/scenario/scenario-engine';
import { resolveTravelSettings } from '../../src/core/config/travel-settings';
import { unitCentres } from '../../src/core/compare/unit-centres';
import { readFeatures } from '../../src/core/load/read-features';
import { streetDistanceProvider } from '../../src/core/travel/street-distance-provider';
import { streetLinksFromTable } from '../../src/core/travel/street-links';
import { StreetNetwork } from '../../src/core/travel/street-network';
import { loadFixtureBundle } from '../helpers/load-fixture-bundle';
import { saveScreenshot } from './harness/artifacts';
import { countDifferent } from './harness/pixel-stats';
import { decodePng } from './harness/png-decode';
import { useApp } from './harness/use-browser';

const scope = useApp();
const NETWORK = 'fi-lower';
/** 2 km east of Suvelan ala-asteen koulu (fi-021, at 380 625, 6 685 125): a populated district. */
const NEW_SCHOOL: [number, number] = [382_625, 6_685_125];
/** Its temporary premises: 4 km east, in a populated cell (a location must lie in a unit). */
const TEMPORARY: [number, number] = [386_625, 6_685_125];
/** Saarenmaan koulu (fi-033), 1.1 km from Puistola (fi-028): merging them asks no travel confirmation. */
const SAARENMAA: [number, number] = [370_125, 6_669_875];
/** Riihimaan yhtenäiskoulu: grades 1–9, 1 830 places of which 940 for grades 1–6 (schools.fgb). */
const COMPREHENSIVE = { id: 'fi-001', location: [398_375, 6_689_875] as [number, number], lower: 940, whole: 1830 };
let engine: ScenarioEngine;

beforeAll(async () => {
  const dataset = await loadFixtureBundle('data/sample-city');
  const config = validateConfig(readFileSync('data/sample-city/indicator-config.json', 'utf8'));
  if (!config.ok) throw new Error('sample-city indicator-config.json does not validate');
  // The app measures "nearest" along the sample city's streets (streets.fgb): so does the replay.
  const table = await readFeatures({ name: 'streets.fgb', bytes: new Uint8Array(readFileSync('data/sample-city/streets.fgb')) });
  if (!table.ok) throw new Error('streets.fgb does not read');
  const settings = resolveTravelSettings(config.value.travel);
  const links = streetLinksFromTable(table.value, settings);
  if (!links.ok) throw new Error('streets.fgb has no walkable links');
  const net = StreetNetwork.fromLinks(links.value.links, unitCentres(dataset.units), settings);
  engine = new ScenarioEngine(dataset, config.value, { distance: streetDistanceProvider(net) });
});

type Figures = { schools: { id: string; children: number; capacity: number | null; status?: string }[] };
type Hook = { __catchmentStudio: { edits(): Promise<Edit[]> } };
const byId = (f: Figures) => Object.fromEntries(f.schools.map((s) => [s.id, { children: Math.round(s.children * 1e6), capacity: s.capacity, status: s.status }]));

describe('school network in the app', () => {
  test('1–9 capacity in the 1–6 tooltip; open a school by clicking, temporary premises on the map, capacity in the table, merge another, undo all', async () => {
    const t0 = Date.now();
    const step = (what: string) => console.info(`school-network spec: ${what} at ${((Date.now() - t0) / 1000).toFixed(1)} s`);
    const app = await scope.openApp();
    const page = app.page;
    step('app ready');

    // Hover the 1–9 school's symbol: tooltip and table show its grades 1–6 places, not the whole school's.
    const [hx, hy] = await app.project(...COMPREHENSIVE.location);
    await page.mouse.move(hx, hy);
    const tooltip = page.locator('.map-tooltip');
    await expect.poll(() => tooltip.innerText(), { timeout: 10_000 }).toMatch(new RegExp(`\\b${COMPREHENSIVE.lower}\\b`));
    expect(await tooltip.innerText()).not.toMatch(new RegExp(`${COMPREHENSIVE.whole}|1\\s830`));
    expect(await page.locator(`.school-table tbody tr[data-id="${COMPREHENSIVE.id}"]`).innerText()).toMatch(new RegExp(`\\b${COMPREHENSIVE.lower}\\b`));

    step('tooltip checked');
    // Add a school: name, location by a real click on the map, open.
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
    // Its catchment is drawn in a colour of its own.
    const colours = await page.evaluate(() => (window as unknown as { __catchmentStudio: { catchmentColours(): Record<string, number[]> } }).__catchmentStudio.catchmentColours());
    expect(colours['new-uusi-koulu']).toBeDefined();

    // Temporary premises for the new school (selected once opened), typed 4 km east: on the map its
    // symbol moves there, a dashed line leads from its own address, a ring marks that address.
    const own = ((await page.evaluate(() => (window as unknown as Hook).__catchmentStudio.edits()))[0] as { school: { location: [number, number] } }).school.location;
    const home = await app.project(own[0], own[1]);
    const away = await app.project(TEMPORARY[0], TEMPORARY[1]);
    expect(Math.abs(away[0] - home[0])).toBeGreaterThan(20); // far enough apart on screen for three separate checks (symbols ≥ 5 px)
    // Screenshots of the strip around both addresses only (small PNGs), in clip coordinates below.
    const clip = { x: Math.round(Math.min(home[0], away[0])) - 30, y: Math.round(Math.min(home[1], away[1])) - 30, width: Math.round(Math.abs(away[0] - home[0])) + 61, height: Math.round(Math.abs(away[1] - home[1])) + 61 };
    const before = decodePng(await saveScreenshot(page, 'school-network-before-temporary-premises', clip));
    await page.locator('[data-testid="relocate-location-x"]').fill(String(TEMPORARY[0]));
    await page.locator('[data-testid="relocate-location-y"]').fill(String(TEMPORARY[1]));
    await page.locator('[data-testid="relocate-submit"]').click();
    await app.waitReady();
    const after = decodePng(await saveScreenshot(page, 'school-network-temporary-premises', clip));
    const box = ([x, y]: [number, number], r: number) => ({ x: Math.round(x) - clip.x - r, y: Math.round(y) - clip.y - r, width: 2 * r + 1, height: 2 * r + 1 });
    const mid: [number, number] = [(home[0] + away[0]) / 2, (home[1] + away[1]) / 2];
    expect(countDifferent(before, after, { region: box(home, 4), tolerance: 40 })).toBeGreaterThan(0);
    expect(countDifferent(before, after, { region: box(away, 4), tolerance: 40 })).toBeGreaterThan(0);
    expect(countDifferent(before, after, { region: box(mid, 3), tolerance: 40 })).toBeGreaterThan(0);
    step('temporary premises drawn');

    // Capacity inline in its row, with the keyboard: ✎, type, Enter.
    await row.locator('[data-testid="capacity-edit"]').click();
    await page.locator('[data-testid="capacity-input"]').fill('400');
    await page.keyboard.press('Enter');
    await app.waitReady();
    step('capacity set');

    // Close Saarenmaa (fi-033) into Puistola (fi-028): select it by a click on its map symbol (drawn
    // over its neighbours' at this zoom), pick the receiver, close.
    const [sx, sy] = await app.project(...SAARENMAA);
    await page.mouse.click(sx, sy);
    await expect.poll(async () => (await app.state()).selectedSchoolId, { timeout: 10_000 }).toBe('fi-033');
    await page.locator('[data-testid="close-to"]').selectOption('fi-028');
    await page.locator('[data-testid="close-submit"]').click();
    await app.waitReady();
    step('school merged');

    const edits = await page.evaluate(() => (window as unknown as Hook).__catchmentStudio.edits());
    expect(edits.map((e) => e.kind)).toEqual(['open-school', 'relocate-school', 'set-capacity', 'close-school']);
    expect(edits[1]).toMatchObject({ schoolId: 'new-uusi-koulu', from: 2024, to: 2025, location: TEMPORARY });
    expect(edits[2]).toMatchObject({ schoolId: 'new-uusi-koulu', capacity: 400, year: 2024 });
    expect(edits[3]).toMatchObject({ schoolId: 'fi-033', to: 'fi-028', year: 2024 });
    expect(engine.replay(edits).ok).toBe(true);
    const core = engine.indicators(NETWORK);
    await expect.poll(async () => byId((await app.state()).indicators as Figures)).toEqual(byId(core as unknown as Figures));
    const opened = core.schools.find((s) => s.id === 'new-uusi-koulu')!;
    expect(opened.children).toBeGreaterThan(10);
    expect(opened.capacity).toBe(400);
    // Its row shows the core's rounded children; Saarenmaa is marked closed.
    await expect.poll(async () => (await row.locator('td.children-cell').innerText()).replace(/[^0-9]/g, '')).toContain(String(Math.round(opened.children)));
    await expect.poll(() => page.locator('.school-table tbody tr[data-id="fi-033"] .school-status-closed').count()).toBe(1);
    step('figures checked');

    // Undo all four records with the keyboard (focus off the form fields first).
    await page.locator('#map').focus();
    for (let i = 0; i < 4; i++) {
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
