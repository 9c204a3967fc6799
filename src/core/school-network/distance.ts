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
}

export const straightLine: DistanceProvider = {
  kind: 'straight-line',
  distance(from, to) {
    const dx = to[0] - from[0];
    const dy = to[1] - from[1];
    return Math.sqrt(dx * dx + dy * dy);
  },
};
