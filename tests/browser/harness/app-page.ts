/**
 * Opening the built app in test mode and talking to its test hook
 * (window.__catchmentStudio, installed by src/app/test-hook.ts under ?test=1).
 */
import type { Browser, Page } from 'playwright-core';
import type { CatchmentStudioTestHook } from '../../../src/app/test-hook';
import { guardConsole, type ConsoleGuard, type GuardOptions } from './console-guard';
import { newTestContext } from './launch-chromium';
import type { Region } from './pixel-stats';

export type TestHookState = ReturnType<CatchmentStudioTestHook['state']>;

export interface AppPage {
  page: Page;
  guard: ConsoleGuard;
  /** The hook's state(), read now. */
  state(): Promise<TestHookState>;
  /** EPSG:3067 metres → page CSS pixels (for page.mouse). */
  project(x: number, y: number): Promise<[number, number]>;
  /** Page CSS pixels → EPSG:3067 metres. */
  unproject(px: number, py: number): Promise<[number, number]>;
  /** Bounding box of the map container in CSS pixels. */
  mapRegion(): Promise<Region>;
  /** Resolves once isReady() is true again (after an edit, a network switch, …). */
  waitReady(timeoutMs?: number): Promise<void>;
}

export interface OpenAppOptions extends GuardOptions {
  /** Viewport in CSS pixels; default 1280 × 800. */
  viewport?: { width: number; height: number };
  /** How long to wait for isReady(), ms; default 90 000 (software GL on 2 cores is slow). */
  readyTimeoutMs?: number;
  /** Called with the new page before navigation (the Vitest helpers track it for clean-up). */
  onPage?: (page: Page, guard: ConsoleGuard) => void;
}

type HookWindow = { __catchmentStudio?: CatchmentStudioTestHook };

/** The app URL for `query` ("network=fi-upper&lang=sv" or "") with test=1 added. */
export function appUrl(baseUrl: string, query = ''): string {
  const q = query.replace(/^[?&]+/, '');
  return `${baseUrl}?test=1${q ? `&${q}` : ''}`;
}

/**
 * Opens a new page on the app at `?test=1&<query>` and waits until the hook reports ready.
 * The console guard is attached before navigation, so load-time errors are caught too.
 */
export async function openApp(browser: Browser, baseUrl: string, query = '', opts: OpenAppOptions = {}): Promise<AppPage> {
  const context = await newTestContext(browser, opts.viewport);
  const page = await context.newPage();
  page.on('close', () => void context.close().catch(() => undefined));
  const guard = guardConsole(page, opts);
  opts.onPage?.(page, guard);
  await page.goto(appUrl(baseUrl, query), { waitUntil: 'load' });
  const app = wrap(page, guard);
  try {
    // Ready, or an alert (the load-status panel's "could not load the data") to fail fast on.
    const handle = await page.waitForFunction(
      () =>
        (window as unknown as HookWindow).__catchmentStudio?.isReady() === true
          ? 'ready'
          : (document.querySelector('[role="alert"]')?.textContent ?? null),
      null,
      { timeout: opts.readyTimeoutMs ?? 90_000, polling: 100 },
    );
    const outcome = await handle.jsonValue();
    if (outcome !== 'ready') throw new Error(`the page shows an alert: ${outcome}`);
  } catch (err) {
    const hookState = await describeHook(page);
    const details = guard.errors.length ? `\nBrowser errors:\n  ${guard.errors.join('\n  ')}` : '';
    throw new Error(`The app did not become ready: ${(err as Error).message}\nTest hook: ${hookState}${details}`);
  }
  return app;
}

function wrap(page: Page, guard: ConsoleGuard): AppPage {
  return {
    page,
    guard,
    state: () => page.evaluate(() => (window as unknown as HookWindow).__catchmentStudio!.state()),
    project: (x, y) => page.evaluate(([a, b]) => (window as unknown as HookWindow).__catchmentStudio!.project(a, b), [x, y] as const),
    unproject: (px, py) =>
      page.evaluate(([a, b]) => (window as unknown as HookWindow).__catchmentStudio!.unproject(a, b), [px, py] as const),
    async mapRegion() {
      const box = await page.locator('.maplibregl-canvas').first().boundingBox();
      if (!box) throw new Error('map canvas (.maplibregl-canvas) not found or not visible');
      return { x: box.x, y: box.y, width: box.width, height: box.height };
    },
    async waitReady(timeoutMs = 60_000) {
      await page.waitForFunction(() => (window as unknown as HookWindow).__catchmentStudio?.isReady() === true, null, {
        timeout: timeoutMs,
        polling: 100,
      });
    },
  };
}

/** A short description of the hook for failure messages: absent, or its state() without the big parts. */
async function describeHook(page: Page): Promise<string> {
  try {
    return await page.evaluate(() => {
      const hook = (window as unknown as HookWindow).__catchmentStudio;
      if (!hook) return 'window.__catchmentStudio is missing (was ?test=1 ignored, or did main.tsx fail early?)';
      const { indicators, baseline, ...rest } = hook.state();
      return `${JSON.stringify(rest)} indicators: ${indicators ? 'present' : 'null'}, baseline: ${baseline ? 'present' : 'null'}`;
    });
  } catch (e) {
    return `could not be read (${(e as Error).message})`;
  }
}
