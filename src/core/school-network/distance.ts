/**
 * Distances between a home (unit centre) and a school, EPSG:3067 metres. The school-network
 * records ("nearest" catchments of open-school and close-school) and trip lengths ask this
 * interface, so a street-network provider (src/core/travel/, issue 11) can replace the
 * straight line without touching them.
 */
import type { Position } from '../model/geometry-types';

export interface DistanceProvider {
  /** Distance in metres from `from` to `to`; Infinity when unreachable. */
  distance(from: Position, to: Position): number;
  /** Short name for reports, e.g. "straight-line" or "street". */
  readonly kind: string;
  /**
   * Unit-based rule (a street network, core/travel/street-distance-provider.ts): the distance from
   * unit `unit` to `to`, or NaN when it is only known to exceed `limitM` (not searched yet).
   */
  tryUnitDistance?(unit: number, to: Position): number;
  /** The exact distance from unit `unit` to `to` (searches when needed). */
  unitDistance?(unit: number, to: Position): number;
  /** Searches, in one pass per location, the pairs `tryUnitDistance` did not know. */
  prefetch?(to: Position, units: number[]): void;
  /** Every unknown pair is longer than this (metres). */
  readonly limitM?: number;
}

/**
 * Index (into `locations`) of the nearest location to unit `unit` by `provider`'s unit rule;
 * ties go to the lowest index. Pairs beyond the provider's search limit are searched only when no
 * known pair is within it. Requires `provider.tryUnitDistance`.
 */
export function nearestByUnit(provider: DistanceProvider, unit: number, locations: Position[]): number {
  let best = -1;
  let bestDistance = Infinity;
  let unknown = false;
  for (let i = 0; i < locations.length; i++) {
    const d = provider.tryUnitDistance!(unit, locations[i]);
    if (Number.isNaN(d)) unknown = true;
    else if (d < bestDistance) {
      best = i;
      bestDistance = d;
    }
  }
  if (!unknown || bestDistance <= (provider.limitM ?? Infinity)) return best;
  best = -1;
  bestDistance = Infinity;
  for (let i = 0; i < locations.length; i++) {
    const d = provider.unitDistance!(unit, locations[i]);
    if (d < bestDistance) {
      best = i;
      bestDistance = d;
    }
  }
  return best;
}

export const straightLine: DistanceProvider = {
  kind: 'straight-line',
  distance(from, to) {
    const dx = to[0] - from[0];
    const dy = to[1] - from[1];
    return Math.sqrt(dx * dx + dy * dy);
  },
};
