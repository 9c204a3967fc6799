/**
 * Preferences that outlive a session: language, colour ramp and the optional raster background
 * map. Kept in localStorage when there is one; ?lang= overrides the language for the session
 * without being saved. A ?basemap= link is only an offer (`linkBasemap`): nothing is fetched
 * from it until the user accepts, and then for this tab only (sessionStorage,
 * SESSION_BASEMAP_KEY); it is never saved for later visits.
 */
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { UiLanguage } from '../format/format-number';
import type { SequentialRamp } from '../map/colour-ramps';

export interface Preferences {
  language: UiLanguage;
  ramp: SequentialRamp;
  /** XYZ raster tile URL template ({z}/{x}/{y}); null = no background map (the default). */
  basemapUrl: string | null;
}

export interface PreferencesState extends Preferences {
  /** A ?basemap= URL from the link, not used until the user accepts it (then for this tab only). */
  linkBasemap: string | null;
  /** The link's basemap the user accepted for this tab (sessionStorage), or null. */
  sessionBasemap: string | null;
  setLanguage(language: UiLanguage): void;
  setRamp(ramp: SequentialRamp): void;
  setBasemapUrl(url: string | null): void;
}

export type PreferencesStore = StoreApi<PreferencesState>;

export const DEFAULT_PREFERENCES: Preferences = { language: 'fi', ramp: 'viridis', basemapUrl: null };
export const STORAGE_KEY = 'catchment-studio:preferences';
/** sessionStorage key of a link's basemap the user accepted for this tab. */
export const SESSION_BASEMAP_KEY = 'catchment-studio:session-basemap';

/** The basemap the map shows: one accepted for this tab, else the saved one. */
export function effectiveBasemap(s: Pick<PreferencesState, 'basemapUrl' | 'sessionBasemap'>): string | null {
  return s.sessionBasemap ?? s.basemapUrl;
}

export function isUiLanguage(value: unknown): value is UiLanguage {
  return value === 'fi' || value === 'sv' || value === 'en';
}

/** Stored preferences merged over the defaults, ignoring anything malformed. */
export function parseStoredPreferences(text: string | null): Preferences {
  const out = { ...DEFAULT_PREFERENCES };
  if (!text) return out;
  try {
    const v = JSON.parse(text) as Partial<Record<keyof Preferences, unknown>>;
    if (isUiLanguage(v.language)) out.language = v.language;
    if (v.ramp === 'viridis' || v.ramp === 'cividis') out.ramp = v.ramp;
    if (typeof v.basemapUrl === 'string' && /^https?:\/\//.test(v.basemapUrl)) out.basemapUrl = v.basemapUrl;
  } catch {
    // Corrupt storage: fall back to the defaults.
  }
  return out;
}

/** URL overrides for this visit: ?lang=en. (?basemap= is an offer only: `linkBasemapOf`.) */
export function applyUrlOverrides(prefs: Preferences, search: string): Preferences {
  const params = new URLSearchParams(search);
  const out = { ...prefs };
  const lang = params.get('lang');
  if (isUiLanguage(lang)) out.language = lang;
  return out;
}

/** The http(s) tile URL of a ?basemap= link, or null. */
export function linkBasemapOf(search: string): string | null {
  const basemap = new URLSearchParams(search).get('basemap');
  return basemap && /^https?:\/\//.test(basemap) ? basemap : null;
}

export interface InitialPreferences extends Preferences {
  linkBasemap?: string | null;
  sessionBasemap?: string | null;
}

export function createPreferencesStore(initial: InitialPreferences, storage: Pick<Storage, 'setItem'> | null): PreferencesStore {
  const store = createStore<PreferencesState>()((set) => ({
    ...initial,
    linkBasemap: initial.linkBasemap ?? null,
    sessionBasemap: initial.sessionBasemap ?? null,
    setLanguage: (language) => set({ language }),
    setRamp: (ramp) => set({ ramp }),
    setBasemapUrl: (basemapUrl) => set({ basemapUrl }),
  }));
  if (storage) {
    store.subscribe((s, prev) => {
      if (s.language === prev.language && s.ramp === prev.ramp && s.basemapUrl === prev.basemapUrl) return;
      try {
        storage.setItem(STORAGE_KEY, JSON.stringify({ language: s.language, ramp: s.ramp, basemapUrl: s.basemapUrl }));
      } catch {
        // Storage full or disabled: preferences then last for the session only.
      }
    });
  }
  return store;
}

/** Reads localStorage, sessionStorage and the URL (browser only). */
export function initialPreferences(): InitialPreferences {
  const read = (storage: () => Storage | undefined, key: string): string | null => {
    try {
      return storage()?.getItem(key) ?? null;
    } catch {
      return null;
    }
  };
  const search = globalThis.location?.search ?? '';
  const session = read(() => globalThis.sessionStorage, SESSION_BASEMAP_KEY);
  return {
    ...applyUrlOverrides(parseStoredPreferences(read(() => globalThis.localStorage, STORAGE_KEY)), search),
    linkBasemap: linkBasemapOf(search),
    sessionBasemap: session && /^https?:\/\//.test(session) ? session : null,
  };
}
