/**
 * WebGL smoke test without the app: Chromium's flags give a WebGL2 context, screenshots decode
 * to the exact colours drawn, and MapLibre GL + deck.gl render into it. If this spec fails, every
 * app spec would fail too: look here first (flags in harness/chromium-flags.ts).
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { MAPLIBRE_DECK_PAGE, QUADRANTS_PAGE, WEBGL2_CLEAR_PAGE } from './fixtures/webgl-pages';
import { saveScreenshot } from './harness/artifacts';
import { decodePng } from './harness/png-decode';
import { colourHistogram, colourStats, pixelAt } from './harness/pixel-stats';
import { startStaticServer, type StaticServer } from './harness/static-server';
import { useBrowser } from './harness/use-browser';

const scope = useBrowser();
let server: StaticServer;

beforeAll(async () => {
  server = await startStaticServer({ '/webgl2': WEBGL2_CLEAR_PAGE, '/quadrants': QUADRANTS_PAGE, '/map': MAPLIBRE_DECK_PAGE });
});
afterAll(async () => {
  await server?.close();
});

interface WebglResult {
  ok: boolean;
  pixel?: number[];
  version?: string;
  renderer?: string;
}

describe('WebGL in headless Chromium', () => {
  test('a WebGL2 context clears to a colour and reads it back', async () => {
    const { page } = await scope.newPage({ width: 200, height: 200 });
    await page.goto(`${server.url}/webgl2`);
    const r = await page.evaluate(() => (window as unknown as { __webgl: WebglResult }).__webgl);
    expect(r.ok, 'no WebGL2 context: check the software-GL flags').toBe(true);
    // clearColor(1, 0.5, 0, 1) → bytes round(1·255)=255, round(0.5·255)=round(127.5)=128, 0, 255.
    expect(r.pixel).toEqual([255, 128, 0, 255]);
    expect(r.version).toMatch(/^WebGL 2\.0/);
    console.info(`WebGL renderer: ${r.renderer}`);
  });

  test('screenshots decode to the colours the page drew', async () => {
    const { page } = await scope.newPage({ width: 300, height: 300 });
    await page.goto(`${server.url}/quadrants`);
    const img = decodePng(await saveScreenshot(page, 'webgl-smoke-quadrants'));
    expect([img.width, img.height]).toEqual([300, 300]);
    // Quadrant centres, colours as written in the page's CSS.
    expect(pixelAt(img, 50, 50)).toEqual([255, 0, 0, 255]);
    expect(pixelAt(img, 150, 50)).toEqual([0, 128, 0, 255]);
    expect(pixelAt(img, 50, 150)).toEqual([0, 0, 255, 255]);
    expect(pixelAt(img, 150, 150)).toEqual([17, 34, 51, 255]);
    expect(pixelAt(img, 250, 250)).toEqual([255, 255, 255, 255]);
    // The 200 × 200 block holds exactly the four colours, 100·100 = 10 000 pixels each;
    // with white as background, all 40 000 pixels differ from it.
    const block = colourStats(img, { region: { x: 0, y: 0, width: 200, height: 200 }, background: [255, 255, 255] });
    expect(block).toEqual({ pixels: 40_000, background: [255, 255, 255], nonBackground: 40_000, distinctColours: 4 });
    // The whole 300 × 300 page: 90 000 − 40 000 = 50 000 white pixels, the most frequent colour.
    const page300 = colourStats(img);
    expect(page300.background).toEqual([255, 255, 255]);
    expect(page300.nonBackground).toBe(40_000);
    expect(page300.distinctColours).toBe(5);
  });

  test('MapLibre GL draws its background and deck.gl draws a layer over it', async () => {
    const { page } = await scope.newPage({ width: 400, height: 300 });
    await page.goto(`${server.url}/map`);
    type MapState = { done: boolean; centrePx: [number, number] | null };
    await page.waitForFunction(() => (window as unknown as { __map: MapState }).__map.done, null, { timeout: 60_000 });
    const { centrePx } = await page.evaluate(() => (window as unknown as { __map: MapState }).__map);
    // The map centre projects to the middle of the 400 × 300 canvas.
    expect(centrePx).toEqual([200, 150]);
    // deck.gl draws on its own animation frame: poll until the disc is there.
    const yellowCount = async () => colourHistogram(decodePng(await page.screenshot())).get(0xffc800) ?? 0;
    await expect.poll(yellowCount, { timeout: 30_000, interval: 500 }).toBeGreaterThan(0);
    const img = decodePng(await saveScreenshot(page, 'webgl-smoke-maplibre-deck'));
    // Background #2040a0 = rgb(32, 64, 160) in a corner, the disc colour at the centre.
    expect(pixelAt(img, 10, 10).slice(0, 3)).toEqual([32, 64, 160]);
    expect(pixelAt(img, 200, 150).slice(0, 3)).toEqual([255, 200, 0]);
    // A 20 px radius disc covers π·20² ≈ 1257 pixels; allow one pixel of edge either way:
    // π·19² ≈ 1134 … π·21² ≈ 1385 (edge pixels may blend with the background and are not counted).
    const yellow = await yellowCount();
    expect(yellow).toBeGreaterThanOrEqual(1134);
    expect(yellow).toBeLessThanOrEqual(1385);
  });
});
