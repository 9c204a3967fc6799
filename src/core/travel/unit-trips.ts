/**
 * Per-unit trip figures for the map, kept up to date from the changed units only: the trip
 * length from each unit to its (dominant) school, and whether the unit lies in a detached piece
 * of its school's catchment (its point outside the catchment's largest polygon).
 */
import { ringSignedArea } from '../geometry/area';
import { multiPolygonBBox } from '../geometry/bbox';
import { pointInMultiPolygon } from '../geometry/point-in-polygon';
import type { BBox, MultiPolygon } from '../model/geometry-types';
import type { NetworkOverlay } from '../overlay/network-overlay';
import type { TravelDistances } from './travel-distances';

export class UnitTrips {
  /** Metres from each unit to its dominant school; NaN without one. */
  readonly trip: Float32Array;
  /** 1 for units in a detached piece of their school's catchment. */
  readonly detached: Uint8Array;
  private readonly unitPoints: Float64Array;

  constructor(unitPoints: Float64Array, distances: TravelDistances, dominant: Int32Array, overlay: NetworkOverlay, catchments: MultiPolygon[]) {
    this.unitPoints = unitPoints;
    const n = dominant.length;
    this.trip = new Float32Array(n).fill(NaN);
    this.detached = new Uint8Array(n);
    this.patchTrips(Int32Array.from({ length: n }, (_, u) => u), dominant, distances);
    this.patchDetached([], catchments.map((_, s) => s), dominant, overlay, catchments);
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

  /** Re-reads the detached flags of the changed units and of every unit of the changed schools. */
  patchDetached(units: ArrayLike<number>, schools: ArrayLike<number>, dominant: Int32Array, overlay: NetworkOverlay, catchments: MultiPolygon[]): void {
    for (let i = 0; i < units.length; i++) this.detached[units[i]] = 0;
    const flags = new Uint8Array(catchments.length);
    const boxes: BBox[] = [];
    const mains: (MultiPolygon | null)[] = new Array(catchments.length).fill(null);
    for (let i = 0; i < schools.length; i++) {
      const s = schools[i];
      if (s >= catchments.length) continue;
      flags[s] = 1;
      boxes.push(multiPolygonBBox(catchments[s]));
      mains[s] = largestPolygon(catchments[s]);
    }
    if (!boxes.length) return;
    const members = overlay.unitsOfSchools(flags, boxes);
    for (const u of members) {
      const s = dominant[u];
      if (s < 0 || !flags[s]) continue;
      const main = mains[s];
      this.detached[u] = main && !pointInMultiPolygon([this.unitPoints[2 * u], this.unitPoints[2 * u + 1]], main) ? 1 : 0;
    }
  }

  /** Units of school `s` in detached pieces. */
  detachedOf(s: number, dominant: Int32Array): number[] {
    const out: number[] = [];
    for (let u = 0; u < dominant.length; u++) if (dominant[u] === s && this.detached[u]) out.push(u);
    return out;
  }
}

/** The largest polygon of a catchment with more than one; null for one piece or none. */
function largestPolygon(mp: MultiPolygon): MultiPolygon | null {
  if (mp.length < 2) return null;
  const area = (i: number) => Math.abs(ringSignedArea(mp[i][0]));
  let largest = 0;
  for (let i = 1; i < mp.length; i++) if (area(i) > area(largest)) largest = i;
  return [mp[largest]];
}
