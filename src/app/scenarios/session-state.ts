/**
 * What "where the user was" means (pure helpers): the active scenario, the network, a few
 * UI-store fields (selected school, colour mode, cell measure, share, layer toggles) and the
 * map camera. Only fields the current UI store has, with a value of the same type, are
 * restored, so a renamed or removed field never breaks a reload.
 */
import type { StoredData } from '../persistence/scenario-storage';
import type { BundleSource, DatasetSource } from '../workers/engine-protocol';
import type { MapCamera, SessionRecord } from './scenario-protocol';

/** UI-store fields kept in the session. */
export const SESSION_UI_KEYS = ['selectedSchoolId', 'selectedShareId', 'colourBy', 'cellMeasureId', 'showCatchments', 'showChanged'] as const;

type Primitive = string | number | boolean | null;

const isPrimitive = (v: unknown): v is Primitive => v === null || ['string', 'number', 'boolean'].includes(typeof v);

/** The session fields of a UI state. */
export function pickSessionUi(ui: object): Record<string, Primitive> {
  const out: Record<string, Primitive> = {};
  for (const key of SESSION_UI_KEYS) {
    const v = (ui as Record<string, unknown>)[key];
    if (key in ui && isPrimitive(v)) out[key] = v;
  }
  return out;
}

/**
 * The saved UI fields that can be put back into `current`: the key exists there, and the saved
 * value has the same type as the current one (null fits a field that is null now or a string field).
 * @param schoolIds ids of the schools that exist; a saved school that does not is left out
 */
export function restorableUi(saved: Record<string, Primitive>, current: object, schoolIds: readonly string[]): Record<string, Primitive> {
  const out: Record<string, Primitive> = {};
  for (const key of SESSION_UI_KEYS) {
    if (!(key in saved) || !(key in current)) continue;
    const v = saved[key];
    const now = (current as Record<string, unknown>)[key];
    const fits = v === null ? now === null || typeof now === 'string' : now === null ? typeof v === 'string' : typeof v === typeof now;
    if (!fits) continue;
    if (key === 'selectedSchoolId' && v !== null && !schoolIds.includes(String(v))) continue;
    out[key] = v;
  }
  return out;
}

/** A camera that can be used: finite centre in degrees and a zoom in 0–24. */
export function validCamera(view: MapCamera | null | undefined): MapCamera | null {
  if (!view || !Array.isArray(view.center)) return null;
  const [lon, lat] = view.center;
  const ok = Number.isFinite(lon) && Number.isFinite(lat) && Math.abs(lon) <= 180 && Math.abs(lat) <= 90 && Number.isFinite(view.zoom) && view.zoom >= 0 && view.zoom <= 24;
  return ok ? { center: [lon, lat], zoom: view.zoom } : null;
}

export function sessionRecord(datasetHash: string, activeScenarioId: string | null, networkId: string | null, ui: object, view: MapCamera | null, now: string): SessionRecord {
  return { datasetHash, activeScenarioId, networkId, ui: pickSessionUi(ui), view, savedAt: now };
}

/** What the page address asks to open: `?dataset=sample|<hash>`, or a `?bundle=` folder. */
export interface DatasetRequest {
  dataset?: string | null;
  explicitBundle?: boolean;
}

/**
 * The dataset to open at start-up: an explicit `?bundle=` folder; else `?dataset=` (the sample
 * city, or a dataset kept in the browser by its hash); else the dataset of the most recently
 * saved session when it is a kept (imported) one, so a reload reopens the user's own data;
 * else the bundled sample city (or, without it, the most recently kept dataset).
 */
export function chooseDataset(bundle: BundleSource | null, request: DatasetRequest, data: StoredData): DatasetSource | null {
  const kept = [...(data.datasets ?? [])].sort((a, b) => b.savedAt.localeCompare(a.savedAt));
  const stored = (hash: string): DatasetSource | null => (kept.some((d) => d.hash === hash) ? { storedHash: hash } : null);
  const fallback = bundle ?? (kept[0] ? { storedHash: kept[0].hash } : null);
  if (request.explicitBundle) return bundle;
  if (request.dataset === 'sample') return fallback;
  if (request.dataset) return stored(request.dataset) ?? fallback;
  const latest = [...data.sessions].sort((a, b) => b.savedAt.localeCompare(a.savedAt))[0];
  return (latest && stored(latest.datasetHash)) || fallback;
}
