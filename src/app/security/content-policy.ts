/**
 * The page's Content-Security-Policy, in two parts (docs/app.md, "Locked-down page"):
 *
 * 1. `STATIC_POLICY`, a meta tag written into the built index.html (vite.config.ts): scripts
 *    and workers only from the page's own origin, WebAssembly allowed, no eval, no inline
 *    script. It has no `connect-src` and no `default-src` (which would stand in for it).
 * 2. `connectPolicy(hosts)`, a second meta tag the first module of the page adds before any
 *    other code runs (install-connect-policy.ts): `connect-src 'self'` plus the origin of the
 *    background map the user switched on. Policies only ever narrow: every policy must allow a
 *    request, and a meta policy cannot be changed after it is added, so a different basemap
 *    host takes effect after a reload.
 *
 * Pure: no DOM, so vite.config.ts and the unit tests import it as-is.
 */

/** Directives of the static policy (order kept in the tag). */
export const STATIC_DIRECTIVES: readonly [string, string][] = [
  ['script-src', "'self' 'wasm-unsafe-eval'"],
  ['worker-src', "'self'"],
  ['object-src', "'none'"],
  ['base-uri', "'self'"],
  ['form-action', "'self'"],
  ['frame-src', "'none'"],
  ['img-src', "'self' data: blob:"],
  ['font-src', "'self' data:"],
  // React and MapLibre set element styles; no style sheet is ever loaded from elsewhere.
  ['style-src', "'self' 'unsafe-inline'"],
  ['manifest-src', "'self'"],
];

export const STATIC_POLICY = STATIC_DIRECTIVES.map(([k, v]) => `${k} ${v}`).join('; ');

/**
 * The origin (scheme://host[:port]) of an http(s) URL or XYZ tile template, or null when it is
 * not one (then nothing outside the page's origin is allowed for it).
 */
export function tileOrigin(template: string | null | undefined): string | null {
  if (!template || !/^https?:\/\//i.test(template)) return null;
  try {
    return new URL(template.replace(/\{[^}]*\}/g, '0')).origin;
  } catch {
    return null;
  }
}

/** The connect-src policy: the page's origin plus each distinct basemap origin. */
export function connectPolicy(templates: readonly (string | null | undefined)[]): string {
  const origins = [...new Set(templates.map(tileOrigin).filter((o): o is string => o !== null))];
  return ["connect-src 'self'", ...origins].join(' ');
}
