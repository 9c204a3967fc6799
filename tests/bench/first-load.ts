/**
 * First load of the built app on the sample city: from navigation to a usable map and table.
 *
 * `first_interactive_ms`: time from navigation start (performance.now() = 0) to the first moment
 * the test hook reports ready (data loaded, no engine call in flight, map loaded and still) and
 * the school table has rows. `load_longest_task_ms` / `load_long_tasks`: the main thread's long
 * tasks (PerformanceObserver "longtask", > 50 ms, buffered from the start of the page) until then.
 * Each run uses a fresh browser context (empty IndexedDB, cold HTTP cache).
 */
import type { Browser } from 'playwright-core';
import { appUrl } from '../browser/harness/app-page';
import { newTestContext } from '../browser/harness/launch-chromium';

export interface FirstLoad {
  first_interactive_ms: number;
  load_longest_task_ms: number;
  load_long_tasks: number;
}

type LoadWindow = { __loadTasks: number[]; __catchmentStudio?: { isReady(): boolean } };

export async function measureFirstLoad(browser: Browser, baseUrl: string, query = ''): Promise<FirstLoad> {
  const context = await newTestContext(browser, { width: 1280, height: 800 });
  try {
    const page = await context.newPage();
    await page.addInitScript(() => {
      const w = window as unknown as LoadWindow;
      w.__loadTasks = [];
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) w.__loadTasks.push(e.duration);
      }).observe({ type: 'longtask', buffered: true });
    });
    await page.goto(appUrl(baseUrl, query), { waitUntil: 'commit' });
    const handle = await page.waitForFunction(
      () => {
        const w = window as unknown as LoadWindow;
        const ready = w.__catchmentStudio?.isReady() === true && document.querySelectorAll('.school-table tbody tr[data-id]').length > 0;
        return ready ? { at: performance.now(), tasks: w.__loadTasks.slice() } : null;
      },
      null,
      { timeout: 120_000, polling: 'raf' },
    );
    const { at, tasks } = (await handle.jsonValue()) as { at: number; tasks: number[] };
    return { first_interactive_ms: Math.round(at), load_longest_task_ms: Math.round(Math.max(0, ...tasks)), load_long_tasks: tasks.length };
  } finally {
    await context.close();
  }
}
