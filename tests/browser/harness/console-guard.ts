/**
 * Collects console errors, uncaught page errors and failed requests of a page so a test can
 * fail on any of them. Warnings are kept for the failure message but never fail a test.
 */
import type { ConsoleMessage, Page } from 'playwright-core';

export interface ConsoleGuard {
  /** Console errors, page errors and crashes, in order. */
  readonly errors: string[];
  /** Console warnings (informational). */
  readonly warnings: string[];
  /** Throws listing every collected error; call at the end of each test. */
  assertClean(): void;
  /** Forgets what was collected so far (e.g. after an expected failure). */
  clear(): void;
}

/** Regular expressions of console errors that are expected and harmless. */
export interface GuardOptions {
  ignore?: RegExp[];
}

function describe(msg: ConsoleMessage): string {
  const loc = msg.location();
  const where = loc.url ? ` (${loc.url}:${loc.lineNumber})` : '';
  return `console.${msg.type()}: ${msg.text()}${where}`;
}

/** Attaches listeners to `page`; nothing is collected from before this call. */
export function guardConsole(page: Page, opts: GuardOptions = {}): ConsoleGuard {
  const errors: string[] = [];
  const warnings: string[] = [];
  const ignored = (text: string) => (opts.ignore ?? []).some((re) => re.test(text));
  page.on('console', (msg) => {
    const text = describe(msg);
    if (msg.type() === 'error' && !ignored(text)) errors.push(text);
    else if (msg.type() === 'warning') warnings.push(text);
  });
  page.on('pageerror', (err) => {
    const text = `pageerror: ${err.stack ?? err.message}`;
    if (!ignored(text)) errors.push(text);
  });
  page.on('crash', () => errors.push('page crashed'));
  page.on('requestfailed', (req) => {
    const reason = req.failure()?.errorText ?? '?';
    const text = `request failed: ${req.method()} ${req.url()} (${reason})`;
    // ERR_ABORTED is the browser cancelling its own request because the page navigated (or
    // the app aborted a fetch it no longer needs, e.g. the favicon while the test reloads):
    // nothing failed, so it is kept as a warning. Blocked or refused requests still fail.
    if (reason === 'net::ERR_ABORTED') warnings.push(text);
    else if (!ignored(text)) errors.push(text);
  });
  return {
    errors,
    warnings,
    assertClean() {
      if (errors.length > 0) {
        throw new Error(`${errors.length} browser error(s):\n  ${errors.join('\n  ')}`);
      }
    },
    clear() {
      errors.length = 0;
      warnings.length = 0;
    },
  };
}
