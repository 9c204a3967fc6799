/**
 * axe-core in every view: the main view, the Propose panel, the comparison, the export menu, the scenario manager,
 * workshop mode and the import wizard have no critical or serious violation. axe is injected from
 * node_modules/axe-core (no network; evaluated through the DevTools protocol, since the page's
 * CSP refuses inline scripts) and run on the whole page with each view open.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { PROJECT_ROOT } from './harness/paths';
import { useApp } from './harness/use-browser';

const scope = useApp();
const AXE = readFileSync(resolve(PROJECT_ROOT, 'node_modules/axe-core/axe.min.js'), 'utf8');

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

/** Critical and serious violations on the page as it is now, one line each. */
async function seriousViolations(page: Page): Promise<string[]> {
  // Evaluated through the DevTools protocol: the page's CSP rightly refuses an inline <script>
  // (page.addScriptTag), and the test must not weaken the policy it runs under.
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE);
  const violations = (await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(ctx: Document, opts: object): Promise<{ violations: unknown[] }> } }).axe;
    return (await axe.run(document, { resultTypes: ['violations'] })).violations;
  })) as AxeViolation[];
  return violations
    .filter((v) => v.impact === 'critical' || v.impact === 'serious')
    .map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`);
}

describe('accessibility', () => {
  test('no critical or serious axe violations in any view', async () => {
    const app = await scope.openApp('lang=en');
    const page = app.page;
    const found: Record<string, string[]> = {};
    found.main = await seriousViolations(page);

    // Propose, open, with the weights of a weighted sum and the locks (fieldsets, labels).
    await page.click('.propose-panel summary');
    await page.getByLabel('Measure to lower').selectOption({ label: 'Weighted sum of several measures' });
    await expect.poll(() => page.locator('.propose-weights input').count()).toBeGreaterThan(1);
    found.propose = await seriousViolations(page);
    await page.click('.propose-panel summary');

    await page.getByTestId('export-menu-button').click();
    found.exportMenu = await seriousViolations(page);
    await page.keyboard.press('Escape');

    // The manager is loaded on first use (lazy chunk): check it once it is on screen, and that
    // Escape closes it before going on.
    await page.getByTestId('open-scenario-manager').click();
    const manager = page.locator('dialog.scenario-dialog');
    await expect.poll(() => manager.isVisible()).toBe(true);
    found.scenarioManager = await seriousViolations(page);
    await page.keyboard.press('Escape');
    await expect.poll(() => manager.isVisible()).toBe(false);

    await page.getByTestId('open-compare').click();
    await expect.poll(() => page.getByTestId('compare-view').locator('tbody tr').count(), { timeout: 60_000 }).toBeGreaterThan(0);
    await app.waitReady();
    found.comparison = await seriousViolations(page);
    await page.getByTestId('compare-view').getByRole('button', { name: 'Close comparison' }).click();

    await page.getByRole('button', { name: 'Import data' }).click();
    await expect.poll(() => page.getByRole('dialog').count()).toBeGreaterThan(0);
    found.importWizard = await seriousViolations(page);
    await page.keyboard.press('Escape');
    await expect.poll(() => page.locator('dialog[open]').count()).toBe(0);

    await page.getByTestId('open-workshop').click();
    await expect.poll(() => page.getByTestId('workshop-bar').isVisible()).toBe(true);
    found.workshop = await seriousViolations(page);

    expect(found).toEqual({ main: [], propose: [], exportMenu: [], scenarioManager: [], comparison: [], importWizard: [], workshop: [] });
  });
});
