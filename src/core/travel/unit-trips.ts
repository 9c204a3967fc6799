/**
 * Per-unit trip figures for the map, kept up to date from the changed units only: the trip
 * length from each unit to its (dominant) school, and whether the unit lies in a detached piece
 * of its school's catchment (outside its largest piece: catchment-pieces.ts), set by ScenarioTravel.
 */
import type { TravelDistances } from './travel-distances';

export class UnitTrips {
  /** Metres from each unit to its dominant school; NaN without one. */
  readonly trip: Float32Array;
  /** 1 for units in a detached piece of their school's catchment (written by ScenarioTravel). */
  readonly detached: Uint8Array;

  constructor(distances: TravelDistances, dominant: Int32Array) {
    const n = dominant.length;
    this.trip = new Float32Array(n).fill(NaN);
    this.detached = new Uint8Array(n);
    this.patchTrips(Int32Array.from({ length: n }, (_, u) => u), dominant, distances);
  }

  /** Re-reads the trips of `units` (one batched search per school for pairs beyond its search limit). */
  patchTrips(units: ArrayLike<number>, dominant: Int32Array, distances: TravelDistances): void {
    if (distances.prefetch) {
      let bySchool: Map<number, number[]> | null = null;
      for (let i = 0; i < units.length; i++) {
        const u = units[i];
        const s = dominant[u];
        if (s < 0 || distances.known?.(s, u)) continue;
        bySchool ??= new Map();
        (bySchool.get(s) ?? bySchool.set(s, []).get(s)!).push(u);
      }
      if (bySchool) for (const [s, list] of bySchool) distances.prefetch(s, list);
    }
    for (let i = 0; i < units.length; i++) {
      const u = units[i];
      this.trip[u] = dominant[u] >= 0 ? distances.distance(dominant[u], u) : NaN;
    }
  }

  /** Units of school `s` in detached pieces. */
  detachedOf(s: number, dominant: Int32Array): number[] {
    const out: number[] = [];
    for (let u = 0; u < dominant.length; u++) if (dominant[u] === s && this.detached[u]) out.push(u);
    return out;
  }
}
