/** Starts Debian's Chromium through playwright-core. Never downloads a browser. */
import { existsSync } from 'node:fs';
import { chromium, type Browser, type BrowserContext } from 'playwright-core';
import { CHROMIUM_FLAGS, CHROMIUM_PATH } from './chromium-flags';

/** Launches headless Chromium with the software-GL flags; throws with a fix when it is missing. */
export async function launchChromium(extraArgs: readonly string[] = []): Promise<Browser> {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(
      `Chromium not found at ${CHROMIUM_PATH}. Install it with "apt-get install -y chromium" ` +
        '(Debian) or set CHROMIUM_PATH to a Chromium binary.',
    );
  }
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [...CHROMIUM_FLAGS, ...extraArgs],
    // CI has no display or stdin; keep the browser's own output out of the test log.
    handleSIGINT: true,
    handleSIGTERM: true,
  });
}

/**
 * A fresh browser context (own cookies/storage) at device scale 1, so screenshot pixels are CSS
 * pixels. Defines a no-op `__name` in every page: tsx/esbuild wrap named inner functions of
 * page.evaluate callbacks in `__name(fn, "name")`, which does not exist in the page.
 */
export async function newTestContext(browser: Browser, viewport = { width: 1280, height: 800 }): Promise<BrowserContext> {
  const context = await browser.newContext({ viewport, deviceScaleFactor: 1 });
  await context.addInitScript({ content: 'globalThis.__name = globalThis.__name || ((fn) => fn);' });
  return context;
}
