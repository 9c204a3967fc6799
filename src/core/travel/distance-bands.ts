/**
 * Walking-distance bands of one school (issue 11, "on the map"): the units whose trip to the
 * school, by the distance rule of TravelDistances (connectors and straight-line fallbacks
 * included), is at most each limit (default 1, 3 and 5 km), and their outlines. Bands are
 * cumulative: the 3 km band contains the 1 km band. A unit is inside a band when its trip is
 * at most the limit (a trip of exactly 1 000 m is in the 1 km band, as "over 5 km" means
 * strictly longer than 5 000 m).
 */
import { unionAll } from '../geometry/boolean-ops';
import { cellsToMultiPolygon } from '../geometry/cells-to-multi-polygon';
import type { MultiPolygon } from '../model/geometry-types';
import type { Units } from '../model/units';
import type { TravelDistances } from './travel-distances';

/** The bands drawn on the map: 1, 3 and 5 km (5 km: the right to free transport). */
export const DEFAULT_BAND_LIMITS_M: readonly number[] = [1000, 3000, 5000];

/**
 * Units within each limit of school `school`, ascending unit indices per band.
 * @param searchLimitM a street network's search limit: a pair it did not keep (tryDistance NaN)
 *   is longer than this, so it is skipped without a search when every limit is at most this.
 */
export function bandUnits(distances: TravelDistances, school: number, limitsM: readonly number[] = DEFAULT_BAND_LIMITS_M, searchLimitM = 0): Int32Array[] {
  const lists: number[][] = limitsM.map(() => []);
  const largest = Math.max(...limitsM);
  const skipUnknown = largest <= searchLimitM && !!distances.tryDistance;
  for (let u = 0; u < distances.unitCount; u++) {
    let d = distances.tryDistance ? distances.tryDistance(school, u) : distances.distance(school, u);
    if (Number.isNaN(d)) {
      if (skipUnknown) continue;
      d = distances.distance(school, u);
    }
    if (!(d <= largest)) continue;
    for (let b = 0; b < limitsM.length; b++) if (d <= limitsM[b]) lists[b].push(u);
  }
  return lists.map((l) => Int32Array.from(l));
}

/** The outline (EPSG:3067) of a set of units: grid cells traced into polygons, polygon units unioned. */
export function unitsOutline(units: Units, members: ArrayLike<number>): MultiPolygon {
  if (members.length === 0) return [];
  if (units.kind === 'grid') {
    const cells: [number, number][] = [];
    for (let i = 0; i < members.length; i++) cells.push([units.col[members[i]], units.row[members[i]]]);
    return cellsToMultiPolygon(units.grid, cells);
  }
  const parts: MultiPolygon[] = [];
  for (let i = 0; i < members.length; i++) parts.push(units.geometries[members[i]]);
  return unionAll(...parts);
}

/** A school's bands: the limits, the units of each band and its outline (EPSG:3067). */
export interface DistanceBand {
  limitM: number;
  units: Int32Array;
  outline: MultiPolygon;
}

export function distanceBands(units: Units, distances: TravelDistances, school: number, limitsM: readonly number[] = DEFAULT_BAND_LIMITS_M, searchLimitM = 0): DistanceBand[] {
  return bandUnits(distances, school, limitsM, searchLimitM).map((list, b) => ({ limitM: limitsM[b], units: list, outline: unitsOutline(units, list) }));
}
