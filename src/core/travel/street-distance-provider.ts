/**
 * Distances for the school-network records ("nearest" catchments, trip lengths) on the street
 * network, by the travel rule of street-distances.ts: the same trip length the travel figures use
 * between a unit and a school location, searched once per location and kept. A position that is
 * not a unit centre gets the straight line.
 */
import type { Position } from '../model/geometry-types';
import type { DistanceProvider } from '../school-network/distance';
import { straightLine } from '../school-network/distance';
import { StreetDistances } from './street-distances';
import type { StreetNetwork } from './street-network';

export function streetDistanceProvider(net: StreetNetwork): DistanceProvider {
  const byLocation = new Map<string, StreetDistances>();
  const at = (to: Position): StreetDistances => {
    const key = `${to[0]},${to[1]}`;
    let d = byLocation.get(key);
    if (!d) byLocation.set(key, (d = new StreetDistances(net, [to])));
    return d;
  };
  return {
    kind: 'street',
    limitM: net.settings.searchLimitM,
    distance: (from, to) => straightLine.distance(from, to),
    tryUnitDistance: (unit, to) => at(to).tryDistance(0, unit),
    unitDistance: (unit, to) => at(to).distance(0, unit),
    prefetch: (to, units) => at(to).prefetch(0, units),
  };
}
