/**
 * The year control (issue 9): move it with the keyboard and every school's children in the table
 * are the core's figures for that year (the worker's ScenarioEngine, read through the test hook),
 * different from the base year's, and the control shows the year.
 */
import { describe, expect, test } from 'vitest';
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
});
