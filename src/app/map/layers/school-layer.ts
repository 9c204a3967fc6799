/**
 * Schools as circles ("schools"): area proportional to capacity, fill by utilisation on a
 * diverging blue–orange scale, heavier outline for the selected school.
 */
import { ScatterplotLayer } from '@deck.gl/layers';
import { utilisationColour } from '../colour-ramps';

export interface SchoolPoint {
  index: number;
  id: string;
  name: string;
  lonLat: [number, number];
  capacity: number | null;
  utilisation: number | null;
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
    getFillColor: (d) => [...utilisationColour(d.utilisation), 255],
    getLineColor: (d) => (d.index === selectedIndex ? [0, 0, 0, 255] : [255, 255, 255, 255]),
    getLineWidth: (d) => (d.index === selectedIndex ? 3.5 : 1.5),
    updateTriggers: { getLineColor: selectedIndex, getLineWidth: selectedIndex },
  });
}
