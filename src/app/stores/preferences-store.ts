/**
 * Preferences that outlive a session: language, colour ramp and the optional raster background
 * map. Kept in localStorage when there is one; URL parameters (?lang=, ?basemap=) override them
 * for the session without being saved.
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
  setLanguage(language: UiLanguage): void;
  setRamp(ramp: SequentialRamp): void;
  setBasemapUrl(url: string | null): void;
}

export type PreferencesStore = StoreApi<PreferencesState>;

export const DEFAULT_PREFERENCES: Preferences = { language: 'fi', ramp: 'viridis', basemapUrl: null };
const STORAGE_KEY = 'catchment-studio:preferences';

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

/** URL overrides: ?lang=en, ?basemap=<xyz url>. */
export function applyUrlOverrides(prefs: Preferences, search: string): Preferences {
  const params = new URLSearchParams(search);
  const out = { ...prefs };
  const lang = params.get('lang');
  if (isUiLanguage(lang)) out.language = lang;
  const basemap = params.get('basemap');
  if (basemap && /^https?:\/\//.test(basemap)) out.basemapUrl = basemap;
  return out;
}

export function createPreferencesStore(initial: Preferences, storage: Pick<Storage, 'setItem'> | null): PreferencesStore {
  const store = createStore<PreferencesState>()((set) => ({
    ...initial,
    setLanguage: (language) => set({ language }),
    setRamp: (ramp) => set({ ramp }),
    setBasemapUrl: (basemapUrl) => set({ basemapUrl }),
  }));
  if (storage) {
    store.subscribe((s) => {
      try {
        storage.setItem(STORAGE_KEY, JSON.stringify({ language: s.language, ramp: s.ramp, basemapUrl: s.basemapUrl }));
      } catch {
        // Storage full or disabled: preferences then last for the session only.
      }
    });
  }
  return store;
}

/** Reads localStorage and the URL (browser only). */
export function initialPreferences(): Preferences {
  let stored: string | null = null;
  try {
    stored = globalThis.localStorage?.getItem(STORAGE_KEY) ?? null;
  } catch {
    stored = null;
  }
  return applyUrlOverrides(parseStoredPreferences(stored), globalThis.location?.search ?? '');
}
