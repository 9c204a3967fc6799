/**
 * Starts `vite preview` programmatically on 127.0.0.1 with a free port, serving the built
 * dist/. The build itself is done beforehand by `npm run test:browser` / `npm run bench:browser`.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { preview } from 'vite';
import { DIST_DIR, PROJECT_ROOT } from './paths';

export interface PreviewHandle {
  /** Base URL ending in "/", e.g. http://127.0.0.1:41234/ */
  url: string;
  close(): Promise<void>;
}

/** Throws with the fix when there is no build to serve. */
export function assertBuilt(): void {
  if (!existsSync(resolve(DIST_DIR, 'index.html'))) {
    throw new Error(
      `No build at ${DIST_DIR}/index.html. Run "npm run test:browser" (it builds first) ` +
        'or "npx vite build" before running a browser spec on its own.',
    );
  }
}

/** Serves dist/ with the project's vite.config.ts (base "./"); port 0 lets the OS choose. */
export async function startPreview(): Promise<PreviewHandle> {
  assertBuilt();
  const server = await preview({
    root: PROJECT_ROOT,
    configFile: resolve(PROJECT_ROOT, 'vite.config.ts'),
    logLevel: 'warn',
    preview: { host: '127.0.0.1', port: 0, strictPort: false, open: false },
  });
  const url = server.resolvedUrls?.local[0];
  if (!url) {
    await server.close();
    throw new Error('vite preview started but reports no local URL');
  }
  return { url: url.endsWith('/') ? url : `${url}/`, close: () => server.close() };
}
