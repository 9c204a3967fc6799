/**
 * Schools as circles ("schools"): area proportional to capacity, fill by utilisation on a
 * diverging blue–orange scale, heavier outline for the selected school.
 */
import { ScatterplotLayer } from '@deck.gl/layers';
import { utilisationColour } from '../colour-ramps';
import type { SchoolStatus } from '../../../core/school-network/school-timeline';

/** Closed schools: grey; not yet open: white with a grey ring (status, not utilisation). */
const CLOSED_FILL: [number, number, number, number] = [150, 150, 150, 200];
const NOT_YET_FILL: [number, number, number, number] = [255, 255, 255, 160];

export interface SchoolPoint {
  index: number;
  id: string;
  name: string;
  lonLat: [number, number];
  capacity: number | null;
  utilisation: number | null;
  /** School-network status in the selected year: closed ones grey, not-yet-open ones hollow. */
  status?: SchoolStatus;
  /** In temporary premises: the school's own address (lonLat is the temporary one); temporary-premises-layers.ts. */
  homeLonLat?: [number, number];
}

/** Circle radius in metres: area ∝ capacity (400 places → 160 m); unknown capacity → 120 m. */
export function schoolRadiusMetres(capacity: number | null): number {
  return capacity && capacity > 0 ? 8 * Math.sqrt(capacity) : 120;
}

export function buildSchoolLayer(points: SchoolPoint[], selectedIndex: number): ScatterplotLayer<SchoolPoint> {
  return new ScatterplotLayer<SchoolPoint>({
    id: 'schools',
    data: points,
    pickable: true,
    stroked: true,
    filled: true,
    radiusUnits: 'meters',
    radiusMinPixels: 5,
    radiusMaxPixels: 28,
    lineWidthUnits: 'pixels',
    getPosition: (d) => d.lonLat,
    getRadius: (d) => schoolRadiusMetres(d.capacity),
    getFillColor: (d) => (d.status === 'closed' ? CLOSED_FILL : d.status === 'not-yet-open' ? NOT_YET_FILL : [...utilisationColour(d.utilisation), 255]),
    getLineColor: (d) => (d.index === selectedIndex ? [0, 0, 0, 255] : d.status === 'closed' || d.status === 'not-yet-open' ? [90, 90, 90, 255] : [255, 255, 255, 255]),
    getLineWidth: (d) => (d.index === selectedIndex ? 3.5 : 1.5),
    updateTriggers: { getLineColor: selectedIndex, getLineWidth: selectedIndex },
  });
}
