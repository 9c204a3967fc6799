/**
 * The street file as the import wizard's fifth, optional file, through the real file input:
 * Tiny City with a street lattice (made by the test) is imported; its trips are then measured on
 * the streets (the school table's "Mean trip" column says so), and still after a reload (the
 * street links are kept with the dataset in IndexedDB). Screenshot: import-streets-file.png.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, test } from 'vitest';
import { saveScreenshot } from './harness/artifacts';
import { PROJECT_ROOT } from './harness/paths';
import { useApp } from './harness/use-browser';
import { TINY_STREET_LINKS, tinyStreetsGeoJson } from '../helpers/tiny-streets';

const scope = useApp();
const TINY = resolve(PROJECT_ROOT, 'tests/fixtures/tiny-city');

describe('street file in the import wizard', () => {
  test('Tiny City with streets: trips on the street network, kept after a reload', { timeout: 120_000 }, async () => {
    const streets = join(mkdtempSync(join(tmpdir(), 'catchment-streets-')), 'streets.geojson');
    writeFileSync(streets, tinyStreetsGeoJson());
    const app = await scope.openApp('lang=en', { viewport: { width: 1280, height: 800 } });
    const { page } = app;
    await page.getByRole('button', { name: 'Import data' }).click();
    await page.locator('dialog.import-dialog[open]').waitFor();
    const features = (role: string) => page.getByTestId(`${role}-features`).textContent().catch(() => '');
    for (const [role, file, n] of [['units', 'units.geojson', 16], ['schools', 'schools.geojson', 2], ['catchments', 'catchments.geojson', 2]] as const) {
      await page.setInputFiles(`#import-file-${role}`, resolve(TINY, file));
      await expect.poll(() => features(role), { timeout: 30_000 }).toBe(String(n));
    }
    await page.setInputFiles('#import-file-streets', streets);
    await expect.poll(() => features('streets'), { timeout: 30_000 }).toBe(String(TINY_STREET_LINKS));
    await saveScreenshot(page, 'import-streets-file');
    for (const step of ['Coordinate system', 'Fields', 'Schools', 'Check']) {
      await page.getByRole('button', { name: 'Next' }).click();
      await page.locator('.import-steps li.current', { hasText: step }).waitFor();
      await page.waitForFunction(() => !document.querySelector('.import-body[aria-busy="true"]'), null, { timeout: 60_000, polling: 200 });
    }
    await page.getByRole('button', { name: 'Finish: use this data' }).click();
    await page.locator('dialog.import-dialog').waitFor({ state: 'detached', timeout: 60_000 });
    await app.waitReady(60_000);
    const meanTripTitle = () => page.locator('#school-table th', { hasText: 'Mean trip' }).getAttribute('title');
    await expect.poll(meanTripTitle, { timeout: 30_000 }).toContain('along the street network');
    await page.evaluate(() => (window as unknown as { __catchmentStudioScenarios: { flush(): Promise<void> } }).__catchmentStudioScenarios.flush());
    await page.reload({ waitUntil: 'load' });
    await app.waitReady(60_000);
    await expect.poll(() => page.locator('#school-table').textContent(), { timeout: 30_000 }).toContain('Länsikoulu');
    expect(await meanTripTitle()).toContain('along the street network');
  });
});
