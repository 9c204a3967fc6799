/**
 * Areas kept as they are by Propose ("locked-areas-halo", "locked-areas"): a light grey veil with a
 * dark outline on a white halo, so that they read over the catchment colours and the choropleth.
 * Lon/lat.
 */
import { PolygonLayer } from '@deck.gl/layers';
import type { MultiPolygon, Polygon } from '../../../core/model/geometry-types';
import { memoLast } from '../memo-last';

const polygonsOf = memoLast((areas: MultiPolygon[]): Polygon[] => areas.flat());

export function buildLockedAreaLayers(areas: MultiPolygon[]): PolygonLayer<Polygon>[] {
  if (areas.length === 0) return [];
  const data = polygonsOf(areas);
  const common = { data, getPolygon: (p: Polygon) => p as unknown as [number, number][][], lineWidthUnits: 'pixels' as const, pickable: false };
  return [
    new PolygonLayer<Polygon>({ ...common, id: 'locked-areas-halo', filled: false, stroked: true, getLineColor: [255, 255, 255, 230], getLineWidth: 5 }),
    new PolygonLayer<Polygon>({ ...common, id: 'locked-areas', filled: true, stroked: true, getFillColor: [60, 60, 60, 60], getLineColor: [20, 20, 20, 255], getLineWidth: 2 }),
  ];
}
