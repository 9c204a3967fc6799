/**
 * The locked-down page: the built index.html carries the static Content-Security-Policy, the
 * first module adds `connect-src 'self'`, the app loads the sample city and opens its lazy
 * panels under both policies without a single violation, every worker starts from a
 * same-origin URL (no blob:), no request leaves the page's origin, a request to another
 * origin is refused, and no CDN address is left in the build.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { DIST_DIR } from './harness/paths';
import { useApp } from './harness/use-browser';

const scope = useApp();

type ViolationWindow = { __violations: { directive: string; blocked: string }[] };

function builtFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? builtFiles(join(dir, e.name)) : [join(dir, e.name)]));
}

describe('content security policy', () => {
  test('no CDN address in the build; the page works under its policy and talks only to its own origin', async () => {
    const cdn = builtFiles(DIST_DIR)
      .filter((f) => /\.(m?js|html|css)$/.test(f))
      .flatMap((f) => (readFileSync(f, 'utf8').match(/unpkg\.com|jsdelivr|cdnjs|esm\.sh|skypack/g) ?? []).map((m) => `${f}: ${m}`));
    expect(cdn).toEqual([]);

    const requests: string[] = [];
    const workers: string[] = [];
    const app = await scope.openApp('lang=en', {
      ignore: [/Refused to connect/, /example\.invalid/, /Failed to fetch/],
      onPage: (page) => {
        page.context().on('request', (r) => requests.push(r.url()));
        page.on('worker', (w) => workers.push(w.url()));
        void page.addInitScript(() => {
          const w = window as unknown as ViolationWindow;
          w.__violations = [];
          document.addEventListener('securitypolicyviolation', (e) => w.__violations.push({ directive: e.effectiveDirective, blocked: e.blockedURI }));
        });
      },
    });
    const origin = new URL(scope.baseUrl()).origin;
    const page = app.page;

    const policies = await page.locator('meta[http-equiv="Content-Security-Policy"]').evaluateAll((els) => els.map((e) => e.getAttribute('content') ?? ''));
    expect(policies).toHaveLength(2);
    expect(policies).toContain("connect-src 'self'");
    const fixed = policies.find((p) => p.includes('script-src'))!;
    expect(fixed).toContain("script-src 'self' 'wasm-unsafe-eval'");
    expect(fixed).toContain("worker-src 'self'");
    expect(fixed).not.toMatch(/'unsafe-eval'|default-src|connect-src/);
    for (const d of fixed.split(';').filter((d) => /script-src|worker-src/.test(d))) expect(d).not.toMatch(/blob:|data:|\*|'unsafe-inline'/);
    expect(await page.locator('script:not([src])').count()).toBe(0);

    // The lazily loaded parts: comparison view, export menu, scenario manager, import wizard.
    await page.getByRole('button', { name: /^Export/ }).click();
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: /^Compare/ }).click();
    await app.waitReady();
    await page.keyboard.press('Escape');

    const violations = await page.evaluate(() => (window as unknown as ViolationWindow).__violations);
    expect(violations).toEqual([]);
    expect(workers.length).toBeGreaterThan(0);
    for (const w of workers) expect(w.startsWith(`${origin}/`), `worker ${w}`).toBe(true);
    // The GPU warm-up worker (first-load/gpu-warmup.ts) is a file of the page's own origin too.
    expect(workers.some((w) => /gpu-warmup/.test(w))).toBe(true);
    const outside = requests.filter((u) => !u.startsWith(`${origin}/`) && !u.startsWith('data:'));
    expect(outside).toEqual([]);

    // Another origin is refused by the connect-src policy the first module added.
    const refused = await page.evaluate(() => fetch('https://example.invalid/tile.png').then(() => 'fetched', () => 'refused'));
    expect(refused).toBe('refused');
    await expect.poll(() => page.evaluate(() => (window as unknown as ViolationWindow).__violations), { timeout: 5000 }).toEqual([{ directive: 'connect-src', blocked: 'https://example.invalid/tile.png' }]);
  });
});
