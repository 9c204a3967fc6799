/**
 * Imported first by main.tsx, so it runs before any other module of the app: adds the page's
 * `connect-src` meta policy (content-policy.ts) allowing the page's origin and the background
 * map host the user switched on (kept in localStorage), plus one confirmed for this tab only
 * (a `?basemap=` link the user accepted, kept in sessionStorage, never in localStorage) and
 * the origins of `?bundle=` links the user confirmed for this tab (confirmed-origins.ts).
 */
import { connectPolicy } from './content-policy';
import { confirmedOrigins } from './confirmed-origins';
import { parseStoredPreferences, SESSION_BASEMAP_KEY, STORAGE_KEY } from '../stores/preferences-store';

function read(storage: () => Storage | undefined, key: string): string | null {
  try {
    return storage()?.getItem(key) ?? null;
  } catch {
    return null;
  }
}

export function installConnectPolicy(doc: Document): string {
  const policy = connectPolicy([parseStoredPreferences(read(() => globalThis.localStorage, STORAGE_KEY)).basemapUrl, read(() => globalThis.sessionStorage, SESSION_BASEMAP_KEY), ...confirmedOrigins()]);
  const meta = doc.createElement('meta');
  meta.httpEquiv = 'Content-Security-Policy';
  meta.content = policy;
  doc.head.prepend(meta);
  return policy;
}

if (typeof document !== 'undefined') installConnectPolicy(document);
