/**
 * The built app loads the bundled sample city in test mode and draws the map: cells and
 * catchments give many colours in the map area, the school table is filled, and the test
 * hook's projection round-trips. Screenshot: test-artifacts/browser/app-smoke-map.png.
 */
import { describe, expect, test } from 'vitest';
import { saveScreenshot } from './harness/artifacts';
import { decodePng } from './harness/png-decode';
import { colourStats, countDifferent } from './harness/pixel-stats';
import { useApp } from './harness/use-browser';

const scope = useApp();

/** Per-channel difference still taken as background (JPEG-free PNGs, but anti-aliased edges). */
const TOLERANCE = 8;

describe('app smoke', () => {
  test('loads the sample city and draws the map with its cells', async () => {
    // Shader sources the page compiles: MapLibre's transparent default sky is left out (map/no-sky.ts).
    const app = await scope.openApp('', {
      onPage: (page) =>
        void page.addInitScript(() => {
          const w = window as unknown as { __shaders: string[] };
          w.__shaders = [];
          const source = WebGL2RenderingContext.prototype.shaderSource;
          WebGL2RenderingContext.prototype.shaderSource = function (shader, text) {
            w.__shaders.push(text);
            return source.call(this, shader, text);
          };
        }),
    });
    const state = await app.state();
    expect(state.networkId, 'a network is chosen once the data has loaded').not.toBeNull();
    expect(state.indicators, 'indicators are computed for the current network').not.toBeNull();
    expect(state.canUndo).toBe(false);

    const region = await app.mapRegion();
    expect(region.width).toBeGreaterThan(200);
    expect(region.height).toBeGreaterThan(200);
    const img = decodePng(await saveScreenshot(app.page, 'app-smoke-map'));
    const stats = colourStats(img, { region, tolerance: TOLERANCE });
    console.info(`map area ${region.width}×${region.height}: ${stats.distinctColours} colours, ` +
      `${((100 * stats.nonBackground) / stats.pixels).toFixed(1)} % not background rgb(${stats.background.join(',')})`);
    // A blank or single-colour canvas has 1 colour; a background map with a few outlines a
    // handful. Cells coloured on a continuous ramp, catchment outlines and school symbols give
    // hundreds; 32 is a floor that only a map without its data layers misses.
    expect(stats.distinctColours).toBeGreaterThanOrEqual(32);
    // The city covers much of the initial view: at least a fifth of the map is not background.
    expect(stats.nonBackground / stats.pixels).toBeGreaterThanOrEqual(0.2);
    const shaders = await app.page.evaluate(() => (window as unknown as { __shaders: string[] }).__shaders);
    // The map's shaders were recorded (deck.gl's layers), MapLibre's sky shader never compiled.
    expect(shaders.filter((s) => s.includes('void main')).length).toBeGreaterThan(4);
    expect(shaders.filter((s) => s.includes('u_sky_color'))).toEqual([]);

    // The cells themselves: colouring the map by a cell attribute instead of by catchment
    // must change many pixels, and give a continuous ramp of colours.
    await app.page.locator('label:has(input[name="colour-by"][value="cells"])').click();
    await app.waitReady();
    await app.page.waitForTimeout(500);
    const cells = decodePng(await saveScreenshot(app.page, 'app-smoke-map-cells'));
    const changed = countDifferent(img, cells, { region, tolerance: TOLERANCE });
    console.info(`cell colouring: ${changed} pixels changed (${((100 * changed) / stats.pixels).toFixed(1)} %)`);
    expect(changed / stats.pixels).toBeGreaterThanOrEqual(0.05);
    expect(colourStats(cells, { region, tolerance: TOLERANCE }).distinctColours).toBeGreaterThanOrEqual(32);
  });

  test('the school table lists the schools of the network', async () => {
    const app = await scope.openApp();
    const { indicators } = await app.state();
    const schools = (indicators as { schools?: unknown[] } | null)?.schools ?? [];
    expect(schools.length).toBeGreaterThan(0);
    const rows = app.page.locator('.school-table tbody tr');
    await expect.poll(() => rows.count()).toBe(schools.length);
  });

  test('project() and unproject() round-trip through the map centre', async () => {
    const app = await scope.openApp();
    const r = await app.mapRegion();
    const centre: [number, number] = [r.x + r.width / 2, r.y + r.height / 2];
    const [x, y] = await app.unproject(centre[0], centre[1]);
    // EPSG:3067 northings in Finland lie between 6.6 and 7.8 million metres.
    expect(y).toBeGreaterThan(6_600_000);
    expect(y).toBeLessThan(7_800_000);
    const [px, py] = await app.project(x, y);
    expect(Math.abs(px - centre[0])).toBeLessThan(0.5);
    expect(Math.abs(py - centre[1])).toBeLessThan(0.5);
    // 1 km east moves right on screen and keeps the row (north-up map).
    const [ex, ey] = await app.project(x + 1000, y);
    expect(ex).toBeGreaterThan(px);
    expect(Math.abs(ey - py)).toBeLessThan(2);
  });
});
