/**
 * "Bring your own data" in the browser, through the real file inputs (setInputFiles) of the
 * import wizard, on the real open data in ../shared/data/real (skipped with a message when
 * absent): the HSY 2015 grid (5 784 cells, Σ ASUKKAITA 1 117 552, 2 743 cells with a suppressed
 * IKA0_9 by the core's default "plausible" rule — SOURCE.md counts 2 746 rows with 99s, of which
 * 3 have a 99 that is plausible as a real count), the 2022 school register (267 schools) with
 * catchments generated for Espoo (kunta 049: 88 schools) inside Espoo's Paavo postal areas as the
 * planning area (the cells kept and their inhabitants are counted here independently with turf); the Paavo 2018 file as 167 polygon
 * units (he_vakiy by kuntano: Helsinki 620 107, Espoo 268 713, Vantaa 211 673, Kauniainen
 * 9 244 — SOURCE.md); a malformed file gets its named error and leaves the dataset untouched.
 * Screenshots of every step: test-artifacts/browser/import-*.png.
 */
import { existsSync, readFileSync } from 'node:fs';
import { booleanPointInPolygon, point } from '@turf/turf';
import type { FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import type { NetworkIndicators } from '../../src/core/indicators/indicator-types';
import { saveScreenshot } from './harness/artifacts';
import { PROJECT_ROOT } from './harness/paths';
import { useApp } from './harness/use-browser';

const scope = useApp();
const REAL = resolve(PROJECT_ROOT, '../shared/data/real');
const present = existsSync(REAL);
if (!present) console.warn(`Skipping the import wizard tests on real data: ${REAL} is absent.`);
const MALFORMED = resolve(PROJECT_ROOT, 'tests/fixtures/malformed');

const HSY = resolve(REAL, 'hsy-pop-grid-2015/hsy_pop_grid_2015_4326.geojson');
const SCHOOLS = resolve(REAL, 'statfi-schools-2022/schools_capital_region_2022_4326.geojson');
const PAAVO = resolve(REAL, 'paavo-2018/paavo_2018_capital_region_4326.geojson');
const VIEWPORT = { width: 1440, height: 900 };
const SLOW = 300_000;

/** Text with the thousands separators removed (en-GB "1,117,552"). */
const digits = (s: string | null) => (s ?? '').replace(/[,\s\u00a0]/g, '');

async function openWizard(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Import data' }).click();
  await page.locator('dialog.import-dialog[open]').waitFor();
}

async function setFile(page: Page, role: string, path: string, features?: number): Promise<void> {
  await page.setInputFiles(`#import-file-${role}`, path);
  if (features !== undefined) await expect.poll(async () => digits(await page.getByTestId(`${role}-features`).textContent().catch(() => '')), { timeout: 60_000, interval: 200 }).toBe(String(features));
}

async function next(page: Page, step: string): Promise<void> {
  await page.getByRole('button', { name: 'Next' }).click();
  await page.locator('.import-steps li.current', { hasText: step }).waitFor();
  await page.waitForFunction(() => !document.querySelector('.import-body[aria-busy="true"]'), null, { timeout: 120_000, polling: 200 });
}

/**
 * HSY cells whose centre lies in Espoo (Paavo kuntano 049), worked out here in EPSG:4326 with
 * turf (not the app's geometry code): the centre is the mean of the cell's four corners.
 */
function espooCells(): { ASUKKAITA: number }[] {
  const paavo = JSON.parse(readFileSync(PAAVO, 'utf8')) as FeatureCollection<Polygon | MultiPolygon, { kuntano: string }>;
  const espoo = paavo.features.filter((f) => f.properties.kuntano === '049');
  const hsy = JSON.parse(readFileSync(HSY, 'utf8')) as FeatureCollection<Polygon | MultiPolygon, { ASUKKAITA: number }>;
  return hsy.features
    .filter((f) => {
      const ring = (f.geometry.type === 'Polygon' ? f.geometry.coordinates[0] : f.geometry.coordinates[0][0]).slice(0, 4);
      const c = point([ring.reduce((a, p) => a + p[0], 0) / 4, ring.reduce((a, p) => a + p[1], 0) / 4]);
      return espoo.some((e) => booleanPointInPolygon(c, e));
    })
    .map((f) => f.properties);
}
let espooMemo: { ASUKKAITA: number }[] | null = null;
const espooCellCount = () => (espooMemo ??= espooCells()).length;
const espooPopulation = () => (espooMemo ??= espooCells()).reduce((a, p) => a + p.ASUKKAITA, 0);

const indicatorsOf = async (page: Page) => (await page.evaluate(() => (window as unknown as { __catchmentStudio: { state(): { indicators: unknown } } }).__catchmentStudio.state().indicators)) as NetworkIndicators;

describe.skipIf(!present)('import wizard on real data', () => {
  test('HSY grid + school register + catchments generated for Espoo: counts, totals, suppression, finish', { timeout: SLOW }, async () => {
    const app = await scope.openApp('lang=en', { viewport: VIEWPORT });
    const { page } = app;
    await openWizard(page);
    await setFile(page, 'units', HSY, 5784);
    await setFile(page, 'schools', SCHOOLS, 267);
    await saveScreenshot(page, 'import-1-files');

    await next(page, 'Coordinate system');
    const unitsRow = page.locator('.crs-table tr[data-role="units"]');
    await expect.poll(() => unitsRow.textContent(), { timeout: 30_000 }).toContain('EPSG:4326');
    await saveScreenshot(page, 'import-2-crs');

    await next(page, 'Fields');
    expect(await page.getByTestId('preset-detected').textContent()).toContain('HSY population grid');
    // The default apportioning: 3/10 of 0–9 and 3/10 of 10–19 for grades 1–6 (HSY_AGE_BANDS, uniform ages).
    const shares = await page.locator('.fractions input[type="number"]').evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value));
    expect(shares).toEqual(['0.3', '0.3', '0.3']);
    await saveScreenshot(page, 'import-3-fields');

    await next(page, 'Schools');
    expect(digits(await page.getByTestId('school-summary').textContent())).toContain('267schoolsinthefile');
    await page.locator('.filter-row select').selectOption('kunta');
    await page.locator('.filter-row input').fill('049');
    await page.getByRole('button', { name: 'Apply' }).click();
    // SOURCE.md: Espoo has 88 schools in the register.
    await expect.poll(async () => digits(await page.getByTestId('school-summary').textContent()), { timeout: 60_000, interval: 200 }).toContain('88afterthefilter');
    expect(await page.locator('.generate-option input').isChecked()).toBe(true);
    await saveScreenshot(page, 'import-4-schools');

    await next(page, 'Check');
    expect(digits(await page.getByTestId('unit-count').textContent())).toContain('5784');
    expect(digits(await page.getByTestId('population-total').textContent())).toContain('1117552');
    expect(digits(await page.getByTestId('suppressed-ika0_9').textContent())).toBe('2743');
    await saveScreenshot(page, 'import-5-check');
    // A repair shows what it changed and can be undone.
    await page.getByRole('button', { name: 'Snap borders (1 m)' }).click();
    await page.getByTestId('repair-result').waitFor({ timeout: 60_000 });
    await page.getByRole('button', { name: 'Undo repair' }).click();
    await page.getByTestId('repair-result').waitFor({ state: 'detached', timeout: 60_000 });

    // The planning area: Espoo's postal-code areas (Paavo kuntano = 049) turn the regional grid
    // into Espoo's, so the generated catchments do not take in Helsinki's or Vantaa's children.
    await page.locator('.import-steps').getByRole('button', { name: /Files/ }).click();
    await setFile(page, 'boundary', PAAVO, 167);
    await page.locator('.import-steps').getByRole('button', { name: /Schools/ }).click();
    await page.getByTestId('area-summary').waitFor({ timeout: 120_000 });
    await page.getByTestId('area-field').selectOption('kuntano');
    await page.getByTestId('area-value').fill('049');
    await page.getByTestId('area-summary').getByRole('button', { name: 'Apply' }).click();
    const inEspoo = espooCellCount();
    await expect.poll(async () => digits(await page.getByTestId('area-kept').textContent().catch(() => '')), { timeout: 60_000, interval: 200 }).toContain(`${inEspoo}of5784units`);
    await saveScreenshot(page, 'import-4b-area');
    await next(page, 'Check');
    expect(digits(await page.getByTestId('unit-count').textContent())).toContain(String(inEspoo));
    expect(digits(await page.getByTestId('population-total').textContent())).toContain(String(espooPopulation()));

    await page.getByRole('button', { name: 'Finish: use this data' }).click();
    await page.locator('dialog.import-dialog').waitFor({ state: 'detached', timeout: 120_000 });
    await app.waitReady(120_000);
    const state = await app.state();
    expect(state.networkId).toBe('fi-lower');
    await expect.poll(() => page.locator('#school-table').textContent(), { timeout: 30_000 }).toContain('Tapiolan koulu');
    // Expected from the raw register: Espoo (kunta 049), not special (oltyp 12), a Finnish name
    // ("…koulu"), no "yläaste" in it (so grades 1–6 or 1–9), one school per distinct point.
    const raw = JSON.parse(await readFile(SCHOOLS, 'utf8')) as { features: { properties: Record<string, string>; geometry: { coordinates: number[] } }[] };
    const points = new Set(
      raw.features
        .filter(({ properties: p }) => p.kunta === '049' && p.oltyp !== '12' && /koulu(n|t)?\b/i.test(p.onimi) && !/ylä-?aste|yläkoulu/i.test(p.onimi))
        .map((f) => f.geometry.coordinates.join(',')),
    );
    expect((await indicatorsOf(page)).schools.length).toBe(points.size);
    // HSY's grid has ages only: the indices panel says why there are no segregation indices.
    expect(await page.getByTestId('no-shares').count()).toBe(1);
    await saveScreenshot(page, 'import-6-finished');
  });

  test('Paavo as polygon units: 167 areas, he_vakiy by municipality', { timeout: SLOW }, async () => {
    const app = await scope.openApp('lang=en', { viewport: VIEWPORT });
    const { page } = app;
    await openWizard(page);
    await setFile(page, 'units', PAAVO, 167);
    await setFile(page, 'schools', SCHOOLS, 267);
    await next(page, 'Coordinate system');
    await next(page, 'Fields');
    expect(await page.getByTestId('preset-detected').textContent()).toContain('Paavo');
    await next(page, 'Schools');
    await next(page, 'Check');
    expect(digits(await page.getByTestId('unit-count').textContent())).toContain('167');
    await page.locator('.totals-row select').selectOption('kuntano');
    const table = page.getByTestId('totals-table');
    await table.waitFor();
    const row = async (v: string) => digits(await table.locator(`tr[data-value="${v}"] td`).nth(1).textContent());
    expect(await row('091')).toBe('620107');
    expect(await row('049')).toBe('268713');
    expect(await row('092')).toBe('211673');
    expect(await row('235')).toBe('9244');
    await saveScreenshot(page, 'import-paavo-check');
    await page.getByRole('button', { name: 'Cancel' }).click();
  });
});

describe('import wizard with a malformed file', () => {
  test('names the error in the wizard and leaves the current dataset untouched', { timeout: SLOW }, async () => {
    const app = await scope.openApp('lang=en', { viewport: VIEWPORT });
    const { page } = app;
    const before = JSON.stringify(await indicatorsOf(page));
    await openWizard(page);
    await setFile(page, 'units', resolve(MALFORMED, 'truncated.geojson'));
    const problem = page.locator('.file-slot[data-role="units"] [data-code="invalid-json"]');
    await problem.waitFor({ timeout: 30_000 });
    expect(await problem.textContent()).toContain('truncated.geojson');
    await setFile(page, 'schools', resolve(MALFORMED, 'schools-polygon.geojson'));
    await page.locator('.file-slot[data-role="schools"].ready, .file-slot[data-role="schools"].error').waitFor({ timeout: 30_000 });
    expect(await page.getByRole('button', { name: 'Next' }).isDisabled()).toBe(true);
    await saveScreenshot(page, 'import-malformed');
    await page.getByRole('button', { name: 'Cancel' }).click();
    await page.locator('dialog.import-dialog').waitFor({ state: 'detached' });
    await app.waitReady();
    expect(JSON.stringify(await indicatorsOf(page))).toBe(before);
  });
});

describe('imported data are kept in the browser', () => {
  test('Tiny City imported through the wizard reopens after a reload; the list opens the sample city again', { timeout: SLOW }, async () => {
    const TINY = resolve(PROJECT_ROOT, 'tests/fixtures/tiny-city');
    const app = await scope.openApp('lang=en', { viewport: VIEWPORT });
    const { page } = app;
    const sampleSchools = (await indicatorsOf(page)).schools.length;
    await openWizard(page);
    await expect.poll(() => page.getByTestId('kept-sample').textContent()).toContain('Open now');
    await setFile(page, 'units', resolve(TINY, 'units.geojson'), 16);
    await setFile(page, 'schools', resolve(TINY, 'schools.geojson'), 2);
    await setFile(page, 'catchments', resolve(TINY, 'catchments.geojson'), 2);
    await next(page, 'Coordinate system');
    await next(page, 'Fields');
    await next(page, 'Schools');
    await next(page, 'Check');
    await page.getByRole('button', { name: 'Finish: use this data' }).click();
    await page.locator('dialog.import-dialog').waitFor({ state: 'detached', timeout: 120_000 });
    await app.waitReady(120_000);
    // tests/fixtures/tiny-city/README.md: grades 1–6, A (Länsikoulu) 100 children, B (Itäkoulu) 180.
    const children = async () => Object.fromEntries((await indicatorsOf(page)).schools.map((s) => [s.id, s.children]));
    expect(await children()).toEqual({ A: 100, B: 180 });
    await page.evaluate(() => (window as unknown as { __catchmentStudioScenarios: { flush(): Promise<void> } }).__catchmentStudioScenarios.flush());

    // A reload opens the imported data, not the sample city.
    await page.reload({ waitUntil: 'load' });
    await app.waitReady(120_000);
    expect(await children()).toEqual({ A: 100, B: 180 });
    await expect.poll(() => page.locator('#school-table').textContent(), { timeout: 30_000 }).toContain('Länsikoulu');

    // The wizard lists the kept data (open now) and opens the sample city again.
    await openWizard(page);
    const kept = page.getByTestId('kept-dataset');
    await expect.poll(() => kept.count()).toBe(1);
    expect(await kept.textContent()).toContain('Open now');
    await saveScreenshot(page, 'import-kept-datasets');
    await Promise.all([page.waitForEvent('load', { timeout: 60_000 }), page.getByTestId('kept-sample').getByRole('button', { name: 'Open' }).click()]);
    await app.waitReady(120_000);
    expect((await indicatorsOf(page)).schools.length).toBe(sampleSchools);
    expect(page.url(), 'the one-off ?dataset= is gone from the address').not.toContain('dataset=');
    await page.evaluate(() => (window as unknown as { __catchmentStudioScenarios: { flush(): Promise<void> } }).__catchmentStudioScenarios.flush());
    await page.reload({ waitUntil: 'load' });
    await app.waitReady(120_000);
    expect((await indicatorsOf(page)).schools.length, 'and the sample city stays after a reload').toBe(sampleSchools);
  });
});
