/**
 * What the rest of the core asks of travel: the trip length from a school to a unit, why it fell
 * back to a straight line when it did, and each unit's nearest school. School locations are an
 * input (a relocated school in some years is another TravelDistances, not a patched one).
 */
import type { Position } from '../model/geometry-types';

/** How a trip was measured: on the street network, or a straight line because the unit or the school is off the network, or the two lie in parts of the network that do not connect. */
export type TripFallback = 'none' | 'unit-off-network' | 'school-off-network' | 'unreachable';

export interface TravelDistances {
  readonly unitCount: number;
  readonly schoolCount: number;
  /** True when every trip is a straight line (no street network loaded). */
  readonly straightLine: boolean;
  /** Trip length from school `school` to unit `unit`, metres (straight-line fallback included). */
  distance(school: number, unit: number): number;
  fallback(school: number, unit: number): TripFallback;
  /** Optional: compute in one go the pairs `distance` will be asked for next (a street network batches its searches). */
  prefetch?(school: number, units: number[]): void;
  /** Optional: true when `distance(school, unit)` is answered without a search. */
  known?(school: number, unit: number): boolean;
  /** Optional: `distance(school, unit)` when it needs no search, else NaN (the allocation-free edit path). */
  tryDistance?(school: number, unit: number): number;
  /** Optional: one-way driving time of a transported pupil's trip, hours (default: the trip length at the one driving speed). */
  driveHours?(school: number, unit: number): number;
  /** Each unit's nearest school by `distance` (ties: the lowest school index) and its distance; −1 / Infinity without schools. */
  nearest(): { school: Int32Array; distance: Float64Array };
}

/** Straight-line distance between interleaved unit point u and a school location. */
export function straightDistance(unitPoints: ArrayLike<number>, u: number, p: Position): number {
  return Math.hypot(unitPoints[2 * u] - p[0], unitPoints[2 * u + 1] - p[1]);
}

/** Every trip a straight line from the unit's point to the school's location (no street network). */
export class StraightLineDistances implements TravelDistances {
  readonly straightLine = true;
  readonly unitCount: number;
  readonly schoolCount: number;
  private readonly unitPoints: Float64Array;
  private readonly schools: Position[];
  private cached: { school: Int32Array; distance: Float64Array } | null = null;

  /** @param unitPoints interleaved [x0, y0, x1, y1, …] (EPSG:3067) */
  constructor(unitPoints: Float64Array, schools: Position[]) {
    this.unitPoints = unitPoints;
    this.schools = schools;
    this.unitCount = unitPoints.length / 2;
    this.schoolCount = schools.length;
  }

  distance(school: number, unit: number): number {
    return straightDistance(this.unitPoints, unit, this.schools[school]);
  }

  fallback(): TripFallback {
    return 'none';
  }

  nearest(): { school: Int32Array; distance: Float64Array } {
    if (this.cached) return this.cached;
    const school = new Int32Array(this.unitCount).fill(-1);
    const distance = new Float64Array(this.unitCount).fill(Infinity);
    for (let u = 0; u < this.unitCount; u++)
      for (let s = 0; s < this.schoolCount; s++) {
        const d = this.distance(s, u);
        if (d < distance[u]) {
          distance[u] = d;
          school[u] = s;
        }
      }
    this.cached = { school, distance };
    return this.cached;
  }
}
