/** Small builders of GeoJSON text for loader tests. */
import type { Position } from '../../../src/core/model/geometry-types';

export const CRS_3067 = { type: 'name', properties: { name: 'urn:ogc:def:crs:EPSG::3067' } };

export function square(x: number, y: number, size: number): Position[][] {
  return [[[x, y], [x + size, y], [x + size, y + size], [x, y + size], [x, y]]];
}

export function featureCollection(features: unknown[], crs: unknown = CRS_3067): string {
  return JSON.stringify({ type: 'FeatureCollection', ...(crs ? { crs } : {}), features });
}

export function polygonFeature(rings: Position[][], properties: Record<string, unknown>) {
  return { type: 'Feature', properties, geometry: { type: 'Polygon', coordinates: rings } };
}

export function pointFeature(p: Position, properties: Record<string, unknown>) {
  return { type: 'Feature', properties, geometry: { type: 'Point', coordinates: p } };
}
