/**
 * Trip lengths from units to schools, as the optimiser sees them. The travel issue provides
 * street distances through the same shape; until then, and wherever no street network is
 * loaded, the straight-line implementation here is used and every figure resting on it is
 * labelled "straight line".
 */
import type { Position } from '../model/geometry-types';

export interface TripDistances {
  /** Trip length in metres from unit `unit` (its centre) to school `schoolIndex` of the network. */
  distance(schoolIndex: number, unit: number): number;
  /** True when the lengths are straight lines (label figures as such). */
  readonly straightLine?: boolean;
}

/**
 * Straight-line (planar EPSG:3067) distances from unit centres to school locations.
 * @param centres interleaved [x0, y0, x1, y1, …] unit centres (compare/unit-centres.ts)
 * @param schools school locations in network order, EPSG:3067 metres
 */
export function straightLineDistances(centres: ArrayLike<number>, schools: Position[]): TripDistances {
  const xs = Float64Array.from(schools, (p) => p[0]);
  const ys = Float64Array.from(schools, (p) => p[1]);
  return {
    straightLine: true,
    distance: (s, u) => Math.hypot(centres[2 * u] - xs[s], centres[2 * u + 1] - ys[s]),
  };
}
