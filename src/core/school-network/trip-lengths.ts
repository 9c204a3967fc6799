/**
 * Mean home–school distance per school: children-weighted over the units of the catchment,
 * from each unit's centre to the school's location in the year (a relocation moves it),
 * by the DistanceProvider (straight line unless a street network is given):
 *   trip_j = Σ_u w(u, j)·c(u)·d(centre_u, location_j) / Σ_u w(u, j)·c(u)
 * null for a school without children.
 */
import type { Position } from '../model/geometry-types';
import type { NetworkOverlay } from '../overlay/network-overlay';
import type { DistanceProvider } from './distance';

export function meanTripLengths(overlay: NetworkOverlay, children: ArrayLike<number>, centres: Float64Array,
  locations: Position[], distance: DistanceProvider): (number | null)[] {
  const sum = new Float64Array(locations.length);
  const weight = new Float64Array(locations.length);
  for (let u = 0; u < overlay.unitCount; u++) {
    const c = children[u];
    if (!(c > 0)) continue;
    const home: Position = [centres[2 * u], centres[2 * u + 1]];
    overlay.forEach(u, (s, w) => {
      sum[s] += w * c * distance.distance(home, locations[s]);
      weight[s] += w * c;
    });
  }
  return locations.map((_, j) => (weight[j] > 0 ? sum[j] / weight[j] : null));
}
