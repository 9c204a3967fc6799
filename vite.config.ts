import react from '@vitejs/plugin-react';
import type { Plugin } from 'vite';
import { defineConfig } from 'vitest/config';
import { STATIC_POLICY } from './src/app/security/content-policy';

/**
 * The built index.html gets the static Content-Security-Policy meta tag (not the dev server:
 * React's fast refresh injects an inline script there). See src/app/security/content-policy.ts.
 */
function contentSecurityPolicy(): Plugin {
  return {
    name: 'catchment-studio:csp',
    apply: 'build',
    transformIndexHtml: () => [{ tag: 'meta', attrs: { 'http-equiv': 'Content-Security-Policy', content: STATIC_POLICY }, injectTo: 'head-prepend' }],
  };
}

/**
 * Removes library defaults that would fetch code from a CDN: loaders.gl (pulled in by deck.gl)
 * falls back to workers and libraries on unpkg.com. The app never uses them (its data reach
 * deck.gl as arrays), so the fallbacks are cut out of the bundle, not only blocked by the CSP.
 * Fails the build when a pattern is no longer found (a library update must be looked at).
 */
const CDN_FALLBACKS: { file: RegExp; from: string; to: string }[] = [
  {
    file: /@loaders\.gl\/worker-utils\/dist\/lib\/worker-api\/get-worker-url\.js$/,
    from: 'url = `https://unpkg.com/@loaders.gl/${worker.module}${versionTag}/dist/${workerFile}`;',
    to: 'throw new Error(`loaders.gl worker ${worker.id} needs a same-origin workerUrl (CDN fallback removed) ${versionTag}`);',
  },
  { file: /@loaders\.gl\/core\/dist\/lib\/loader-utils\/option-defaults\.js$/, from: "CDN: 'https://unpkg.com/@loaders.gl',", to: "CDN: '',"
  },
];

function noCdnFallbacks(): Plugin {
  return {
    name: 'catchment-studio:no-cdn-fallbacks',
    transform(code, id) {
      const rule = CDN_FALLBACKS.find((r) => r.file.test(id.split('?')[0]));
      if (!rule) return null;
      if (!code.includes(rule.from)) this.error(`${id}: the CDN fallback to remove was not found; check the library update`);
      return { code: code.replace(rule.from, rule.to), map: null };
    },
  };
}

// One config for the app build and both test projects:
// - unit: pure core, CLI, stores and component logic, run in Node;
// - browser: Playwright drives Debian's Chromium against the built app (see tests/browser/).
export default defineConfig({
  plugins: [react(), contentSecurityPolicy(), noCdnFallbacks()],
  base: './',
  worker: { format: 'es' },
  build: { target: 'es2022', chunkSizeWarningLimit: 4000 },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['tests/**/*.test.ts', 'tests/**/*.test.tsx'],
          exclude: ['tests/browser/**'],
          environment: 'node',
          testTimeout: 60_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'browser',
          include: ['tests/browser/**/*.spec.ts'],
          environment: 'node',
          testTimeout: 120_000,
          hookTimeout: 120_000,
          fileParallelism: false,
          // A real browser on a shared 2-core machine: in CI a failed browser test runs once more
          // (and is reported as retried); a test that fails twice fails the run.
          retry: process.env.CI ? 1 : 0,
        },
      },
    ],
  },
});
