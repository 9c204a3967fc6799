/**
 * The years ahead in the app (issue 9) with real mouse events: add a housing project by clicking
 * a point, see it on the map with its dwellings, hover it for the pupils it adds per year, and open
 * "Over the years": the selected school's chart table shows the core's figures (the same records
 * replayed on the same bundle in Node).
 */
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, test } from 'vitest';
import { validateConfig } from '../../src/core/config/validate-config';
import { projectPupils } from '../../src/core/housing/project-pupils';
import type { Dataset } from '../../src/core/model/dataset';
import { networkYearSeries } from '../../src/core/projection/year-series';
import type { Edit, HousingProjectRecord } from '../../src/core/scenario/edit';
import { ScenarioEngine } from '../../src/core/scenario/scenario-engine';
import { loadFixtureBundle } from '../helpers/load-fixture-bundle';
import { useApp } from './harness/use-browser';

const scope = useApp();
const NETWORK = 'fi-lower';
/** Suvelan ala-asteen koulu (fi-021) of the sample city: a populated district. */
const CENTRE: [number, number] = [380_625, 6_685_125];
const digits = (s: string) => s.replace(/[^0-9]/g, '');
let dataset: Dataset;

beforeAll(async () => {
  dataset = await loadFixtureBundle('data/sample-city');
});

describe('the years ahead in the app', () => {
  test('a project by a click, its label and pupils on hover, the school chart = the core', async () => {
    const app = await scope.openApp();
    const { page } = app;
    await page.locator('[data-testid="housing-point"]').click();
    const [px, py] = await app.project(CENTRE[0], CENTRE[1]);
    await page.mouse.click(px, py);
    await app.waitReady();
    const marker = page.locator('.housing-marker');
    await expect.poll(() => marker.count(), { timeout: 10_000 }).toBe(1);
    expect(digits(await marker.innerText())).toBe('100');

    const edits = await page.evaluate(() => (window as unknown as { __catchmentStudio: { edits(): Promise<Edit[]> } }).__catchmentStudio.edits());
    expect(edits).toHaveLength(1);
    const record = edits[0] as HousingProjectRecord;
    // The click lands on the point asked for, up to the mouse's whole-pixel rounding (~170 m a pixel at this zoom).
    const metresPerPixel = (await app.unproject(px + 1, py))[0] - (await app.unproject(px, py))[0];
    expect(Math.hypot(record.location![0] - CENTRE[0], record.location![1] - CENTRE[1])).toBeLessThan(1.5 * metresPerPixel);

    const config = validateConfig(readFileSync('data/sample-city/indicator-config.json', 'utf8'));
    if (!config.ok) throw new Error('config');
    const engine = new ScenarioEngine(dataset, config.value);
    expect(engine.replay(edits).ok).toBe(true);

    // Hover: the pupils of the completion year (grades 1–6), one decimal.
    const box = (await marker.boundingBox())!;
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    const hover = page.locator('[data-testid="housing-hover"]');
    await expect.poll(() => hover.locator('td').count(), { timeout: 10_000 }).toBeGreaterThan(0);
    const pupils = projectPupils(record, config.value.housing, engine.years());
    const first = engine.years().indexOf(record.year);
    expect(digits(await hover.locator('td').first().innerText())).toBe(digits(pupils.lower[first].toFixed(1)));

    // Over the years, for the school that gains most in the last year.
    const series = networkYearSeries(engine, NETWORK, config.value.privacyThreshold);
    const last = series.years.length - 1;
    const gain = (s: (typeof series.schools)[number]) => (s.children.scenario[last] ?? 0) - (s.children.baseline[last] ?? 0);
    const school = [...series.schools].sort((a, b) => gain(b) - gain(a))[0];
    expect(gain(school)).toBeGreaterThan(1);
    await page.locator('[data-testid="years-panel"] summary').click();
    await page.locator(`.school-table tbody tr[data-id="${school.id}"]`).first().click();
    const rows = page.locator('[data-testid="school-years-chart"] table tbody tr');
    await expect.poll(() => rows.count(), { timeout: 20_000 }).toBe(series.years.length);
    const cells = rows.nth(last).locator('td');
    expect(digits(await cells.nth(0).innerText())).toBe(String(Math.round(school.children.scenario[last]!)));
    expect(digits(await cells.nth(1).innerText())).toBe(String(Math.round(school.children.baseline[last]!)));
    // The chart itself is drawn: a scenario line with a point per year.
    expect(await page.locator('[data-testid="school-years-chart"] [data-series="scenario"] circle').count()).toBe(series.years.length);
  });
});
