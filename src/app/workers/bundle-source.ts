/**
 * Where the app's dataset comes from. By default the bundled sample city (data/sample-city/,
 * included in the build through Vite `?url` imports); `?bundle=<folder url>` loads another
 * bundle served next to the app (browser-test fixtures). Returns null when the sample city has
 * not been generated.
 */
import type { BundleSource } from './engine-protocol';

const sampleFiles = import.meta.glob('../../../data/sample-city/*.{fgb,gz,geojson,json}', {
  query: '?url',
  import: 'default',
  eager: true,
}) as Record<string, string>;

function baseName(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

/** The bundle to load for this page, with absolute URLs. */
export function bundleSourceFor(search: string, baseUrl: string): BundleSource | null {
  const folder = new URLSearchParams(search).get('bundle');
  if (folder) {
    const dir = new URL(folder.endsWith('/') ? folder : `${folder}/`, baseUrl);
    return { manifestUrl: new URL('manifest.json', dir).href, fileUrls: {} };
  }
  const fileUrls: Record<string, string> = {};
  let manifestUrl: string | null = null;
  for (const [path, url] of Object.entries(sampleFiles)) {
    const absolute = new URL(url, baseUrl).href;
    if (baseName(path) === 'manifest.json') manifestUrl = absolute;
    else fileUrls[baseName(path)] = absolute;
  }
  return manifestUrl ? { manifestUrl, fileUrls } : null;
}
