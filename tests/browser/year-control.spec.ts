/**
 * The year control (issue 9): move it with the keyboard and every school's children in the table
 * are the core's figures for that year (the worker's ScenarioEngine, read through the test hook),
 * different from the base year's, and the control shows the year. A city forecast file (CSV)
 * chosen in the app: the note says the figures come from it, the table = the core with it in Node.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { validateConfig } from '../../src/core/config/validate-config';
import { ScenarioEngine } from '../../src/core/scenario/scenario-engine';
import { loadFixtureBundle } from '../helpers/load-fixture-bundle';
import { useApp } from './harness/use-browser';

const scope = useApp();

type Figures = { schools: { id: string; children: number }[] };

/** The table's children column (whole numbers with locale grouping) by school id. */
async function tableChildren(page: import('playwright-core').Page): Promise<Record<string, number>> {
  return page.$$eval('.school-table tbody tr[data-id]', (rows) =>
    Object.fromEntries(rows.map((r) => [r.getAttribute('data-id'), Number((r.querySelector('td.children-cell')?.firstChild?.textContent ?? '').replace(/[^\d]/g, ''))])),
  );
}

describe('year control', () => {
  test('moving the year with the keyboard shows that year\'s figures in the school table', async () => {
    const app = await scope.openApp();
    const before = (await app.state()).indicators as Figures;
    const select = app.page.locator('[data-testid="year-control"]');
    await select.focus();
    for (let i = 0; i < 4; i++) await app.page.keyboard.press('ArrowDown');
    await app.waitReady();
    await expect.poll(async () => ((await app.state()).indicators as Figures).schools[0].children).not.toBe(before.schools[0].children);
    const after = (await app.state()).indicators as Figures;
    const shown = await tableChildren(app.page);
    for (const s of after.schools) if (s.children >= 10) expect(shown[s.id], s.id).toBe(Math.round(s.children));
    const value = await app.page.$eval('[data-testid="year-control"]', (el) => (el as HTMLSelectElement).value);
    expect(Number(value)).toBe(2028);
  });

  test('a city forecast file replaces the model where it has figures; the note names it and the table = the core', async () => {
    const dataset = await loadFixtureBundle('data/sample-city');
    const config = validateConfig(readFileSync('data/sample-city/indicator-config.json', 'utf8'));
    if (!config.ok) throw new Error('config');
    const app = await scope.openApp();
    const { page } = app;
    await page.locator('[data-testid="year-control"]').focus();
    await page.keyboard.press('ArrowDown');
    await app.waitReady();
    await expect.poll(() => page.$eval('[data-testid="year-control"]', (el) => (el as HTMLSelectElement).value)).toBe('2025');
    // The note names the source of each part (the UI's language, the test's forecast name in any).
    await expect.poll(() => page.locator('[data-testid="children-sources-text"]').innerText()).toContain('2025');
    expect(await page.locator('[data-testid="children-sources-text"]').innerText()).not.toContain('forecast-2025');
    // 150 children of 7–12 in 2025 in the first cell held by a school: far more than the model gives one cell.
    const core0 = new ScenarioEngine(dataset, config.value);
    const held = core0.unitSchool('fi-lower');
    const u = held.findIndex((s) => s >= 0);
    const forecast = { name: 'forecast-2025', rows: [{ id: dataset.units.ids[u], year: 2025, from: 7, to: 12, value: 150 }] };
    await page.setInputFiles('[data-testid="forecast-file"]', { name: 'forecast-2025.csv', mimeType: 'text/csv', buffer: Buffer.from(`id;year;age;people\n${dataset.units.ids[u]};2025;7-12;150\n`) });
    await app.waitReady();
    await expect.poll(() => page.locator('[data-testid="children-sources-text"]').innerText(), { timeout: 20_000 }).toContain('forecast-2025');
    const core = new ScenarioEngine(dataset, config.value, { forecast });
    core.setYear(2025);
    const figures = core.indicators('fi-lower').schools;
    const school = figures[held[u]];
    await expect.poll(async () => (await tableChildren(page))[school.id], { timeout: 20_000 }).toBe(Math.round(school.children));
    const shown = await tableChildren(page);
    for (const s of figures) if (s.children >= 10) expect(shown[s.id], s.id).toBe(Math.round(s.children));
  });
});
