/**
 * Housing projects end to end (issue 9) with real mouse and keyboard events: draw a project with
 * the lasso from the housing panel, change its tenure, move the year control, and the school
 * table and the figures are the core's (the same records replayed on the same bundle in Node).
 */
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, test } from 'vitest';
import { validateConfig } from '../../src/core/config/validate-config';
import type { Dataset } from '../../src/core/model/dataset';
import type { Edit } from '../../src/core/scenario/edit';
import { ScenarioEngine } from '../../src/core/scenario/scenario-engine';
import { loadFixtureBundle } from '../helpers/load-fixture-bundle';
import type { AppPage } from './harness/app-page';
import { closedRing, dragAlong, type Point } from './harness/mouse-path';
import { useApp } from './harness/use-browser';

const scope = useApp();
const NETWORK = 'fi-lower';
/** Suvelan ala-asteen koulu (fi-021) of the sample city: a populated district. */
const CENTRE: [number, number] = [380_625, 6_685_125];
let dataset: Dataset;

beforeAll(async () => {
  dataset = await loadFixtureBundle('data/sample-city');
});

async function ringPixels(app: AppPage, r: number): Promise<Point[]> {
  const points: Point[] = [];
  for (let i = 0; i < 12; i++) {
    const a = (2 * Math.PI * i) / 12;
    points.push(await app.project(CENTRE[0] + r * Math.cos(a), CENTRE[1] + r * Math.sin(a)));
  }
  return points;
}

type Figures = { schools: { id: string; children: number }[] };

describe('housing projects in the app', () => {
  test('draw a project, change its tenure, move the year: the table shows the core\'s figures', async () => {
    const t0 = Date.now();
    const step = (what: string) => console.info(`housing spec: ${what} at ${((Date.now() - t0) / 1000).toFixed(1)} s`);
    const app = await scope.openApp();
    step('app ready');
    await app.page.locator('[data-testid="housing-panel"] button').first().click();
    step('draw button clicked');
    await dragAlong(app.page, closedRing(await ringPixels(app, 400)), { maxStepPx: 16 });
    await app.waitReady();
    step('lasso drawn');
    await expect.poll(() => app.page.locator('[data-testid="housing-tenure"]').count(), { timeout: 10_000 }).toBe(1);
    await app.page.locator('[data-testid="housing-tenure"]').selectOption('social_rental');
    await app.waitReady();
    step('tenure changed');
    const year = app.page.locator('[data-testid="year-control"]');
    await year.focus();
    for (let i = 0; i < 4; i++) await app.page.keyboard.press('ArrowDown');
    await expect.poll(() => year.inputValue()).toBe('2028');
    await app.waitReady();
    step('year moved');

    const edits = await app.page.evaluate(() => (window as unknown as { __catchmentStudio: { edits(): Promise<Edit[]> } }).__catchmentStudio.edits());
    expect(edits.map((e) => e.kind)).toEqual(['housing-project', 'housing-project']);
    expect(edits[1]).toMatchObject({ tenure: 'social_rental', year: 2024 });

    const config = validateConfig(readFileSync('data/sample-city/indicator-config.json', 'utf8'));
    if (!config.ok) throw new Error('config');
    const engine = new ScenarioEngine(dataset, config.value);
    expect(engine.replay(edits).ok).toBe(true);
    engine.setYear(2028);
    const core = engine.indicators(NETWORK);
    const baseline = engine.baselineIndicators(NETWORK);
    await expect.poll(async () => ((await app.state()).indicators as Figures).schools.map((s) => Math.round(s.children * 1e6))).toEqual(core.schools.map((s) => Math.round(s.children * 1e6)));
    // The school that gained most from the project shows the core's rounded count in its row.
    const gains = core.schools.map((s, i) => ({ id: s.id, children: s.children, gain: s.children - baseline.schools[i].children })).sort((a, b) => b.gain - a.gain);
    expect(gains[0].gain).toBeGreaterThan(5);
    const row = app.page.locator(`.school-table tbody tr[data-id="${gains[0].id}"] td.children-cell`).first();
    await expect.poll(async () => (await row.innerText()).replace(/[^0-9+−-]/g, '')).toContain(String(Math.round(gains[0].children)));
  });
});
