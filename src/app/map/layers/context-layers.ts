/**
 * Municipal context drawn from the data when there is no background map: land inside the
 * boundary and water, in muted colours. Stable ids: "context-land", "context-water".
 */
import { SolidPolygonLayer } from '@deck.gl/layers';
import type { MultiPolygon, Polygon } from '../../../core/model/geometry-types';
import { memoLast } from '../memo-last';

const toParts = memoLast((mp: MultiPolygon | null): Polygon[] => mp ?? []);
const toWaterParts = memoLast((mp: MultiPolygon | null): Polygon[] => mp ?? []);

export const LAND_COLOUR: [number, number, number, number] = [236, 234, 226, 255];
export const WATER_COLOUR: [number, number, number, number] = [200, 219, 230, 255];

/** @param land @param water lon/lat multipolygons (null: not drawn) */
export function buildContextLayers(land: MultiPolygon | null, water: MultiPolygon | null): SolidPolygonLayer<Polygon>[] {
  return [
    new SolidPolygonLayer<Polygon>({
      id: 'context-land',
      data: toParts(land),
      getPolygon: (p) => p,
      getFillColor: LAND_COLOUR,
    }),
    new SolidPolygonLayer<Polygon>({
      id: 'context-water',
      data: toWaterParts(water),
      getPolygon: (p) => p,
      getFillColor: WATER_COLOUR,
    }),
  ];
}
