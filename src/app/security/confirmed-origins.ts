/**
 * Origins the user confirmed for this tab only (sessionStorage): a `?bundle=` folder on another
 * server. Nothing in a link loads data from another origin before the user confirms it here;
 * install-connect-policy.ts then allows the confirmed origins in connect-src after a reload.
 */
export const CONFIRMED_ORIGINS_KEY = 'catchment-studio:confirmed-origins';

type SessionLike = Pick<Storage, 'getItem' | 'setItem'>;

function session(): SessionLike | null {
  try {
    return globalThis.sessionStorage ?? null;
  } catch {
    return null;
  }
}

/** The confirmed origins, [] when there are none or storage is unavailable or malformed. */
export function confirmedOrigins(storage: SessionLike | null = session()): string[] {
  try {
    const v = JSON.parse(storage?.getItem(CONFIRMED_ORIGINS_KEY) ?? '[]') as unknown;
    return Array.isArray(v) ? v.filter((o): o is string => typeof o === 'string' && /^https?:\/\/[^/]+$/.test(o)) : [];
  } catch {
    return [];
  }
}

/** Adds `origin` for this tab; false when sessionStorage is unavailable (then it cannot be kept). */
export function confirmOrigin(origin: string, storage: SessionLike | null = session()): boolean {
  if (!storage) return false;
  try {
    storage.setItem(CONFIRMED_ORIGINS_KEY, JSON.stringify([...new Set([...confirmedOrigins(storage), origin])]));
    return true;
  } catch {
    return false;
  }
}

/** The origin of a `?bundle=` folder when it is not the page's own, else null. */
export function foreignBundleOrigin(search: string, baseUrl: string): string | null {
  const folder = new URLSearchParams(search).get('bundle');
  if (!folder) return null;
  try {
    const origin = new URL(folder, baseUrl).origin;
    return origin === new URL(baseUrl).origin ? null : origin;
  } catch {
    return null;
  }
}
