/**
 * Per-file Vitest helpers: start Chromium (and, for app specs, `vite preview`) once per spec
 * file, give each test fresh pages, and fail a test on any browser console/page error.
 * Pages of a failing test are screenshotted to test-artifacts/browser/failed-<test>-<n>.png.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { openApp, type AppPage, type OpenAppOptions } from './app-page';
import { artifactName, saveScreenshot } from './artifacts';
import { guardConsole, type ConsoleGuard } from './console-guard';
import { launchChromium, newTestContext } from './launch-chromium';
import { startPreview, type PreviewHandle } from './preview-server';

export interface BrowserScope {
  /** The shared browser (valid inside tests). */
  browser(): Browser;
  /** A new page in its own context with a console guard; checked and closed after the test. */
  newPage(viewport?: { width: number; height: number }): Promise<{ page: Page; guard: ConsoleGuard }>;
}

export interface AppScope extends BrowserScope {
  /** Base URL of `vite preview`, ending in "/". */
  baseUrl(): string;
  /** Opens the app at ?test=1&<query> and waits for the hook's isReady(). */
  openApp(query?: string, opts?: OpenAppOptions): Promise<AppPage>;
}

interface Tracked {
  page: Page;
  guard: ConsoleGuard;
}

function createBrowserScope(): { scope: BrowserScope; track: (t: Tracked) => void } {
  let browser: Browser | null = null;
  let current: Tracked[] = [];

  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    browser = null;
  });
  afterEach(async ({ task }) => {
    const pages = current;
    current = [];
    const failed = task.result?.state === 'fail' || pages.some((t) => t.guard.errors.length > 0);
    try {
      if (failed) {
        for (const [i, t] of pages.entries()) {
          if (!t.page.isClosed()) await saveScreenshot(t.page, `failed-${artifactName(task.name)}-${i}`).catch(() => undefined);
        }
      }
      for (const t of pages) t.guard.assertClean();
    } finally {
      for (const t of pages) await t.page.context().close().catch(() => undefined);
    }
  });

  const need = (): Browser => {
    if (!browser) throw new Error('browser not started: call useBrowser()/useApp() at the top level of the spec file');
    return browser;
  };
  const track = (t: Tracked) => void current.push(t);
  const scope: BrowserScope = {
    browser: need,
    async newPage(viewport = { width: 1280, height: 800 }) {
      const context = await newTestContext(need(), viewport);
      const page = await context.newPage();
      const t = { page, guard: guardConsole(page) };
      track(t);
      return t;
    },
  };
  return { scope, track };
}

/** Registers beforeAll/afterAll/afterEach hooks for a spec that needs Chromium only. */
export function useBrowser(): BrowserScope {
  return createBrowserScope().scope;
}

/** Registers hooks for a spec that drives the built app: `vite preview` of dist/ + Chromium. */
export function useApp(): AppScope {
  const { scope, track } = createBrowserScope();
  let preview: PreviewHandle | null = null;

  beforeAll(async () => {
    preview = await startPreview();
  });
  afterAll(async () => {
    await preview?.close();
    preview = null;
  });

  const baseUrl = (): string => {
    if (!preview) throw new Error('vite preview not started');
    return preview.url;
  };
  return {
    ...scope,
    baseUrl,
    openApp: (query = '', opts = {}) =>
      openApp(scope.browser(), baseUrl(), query, {
        ...opts,
        onPage: (page, guard) => {
          track({ page, guard });
          opts.onPage?.(page, guard);
        },
      }),
  };
}
