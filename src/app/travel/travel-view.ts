/** What the map draws of travel (the Map panel's travel options): streets when zoomed in, a school's distance bands, detached pieces. */
import { createStore } from 'zustand/vanilla';

export interface TravelView {
  streets: boolean;
  /** Walking-distance bands (1, 3, 5 km) of the selected school; off until asked for. */
  bands: boolean;
  /** Pieces of catchments detached by edits, outlined. */
  detached: boolean;
}

export const travelView = createStore<TravelView>()(() => ({ streets: true, bands: false, detached: true }));

/** Units drawn as detached: flagged detached and in a catchment with more pieces than before any record. */
export function newlyDetached(detached: Uint8Array, unitSchool: Int32Array, pieces: Int32Array, basePieces: Int32Array): Uint8Array {
  const out = new Uint8Array(detached.length);
  for (let u = 0; u < detached.length; u++) {
    const s = unitSchool[u];
    if (detached[u] && s >= 0 && pieces[s] > (basePieces[s] ?? 0)) out[u] = 1;
  }
  return out;
}
