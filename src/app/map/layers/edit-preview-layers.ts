/**
 * Ephemeral drawing feedback: the lasso being drawn ("lasso-preview") and the cells painted
 * by the current brush stroke ("brush-preview"). Both are in lon/lat.
 */
import { PolygonLayer } from '@deck.gl/layers';

type Rgb = readonly [number, number, number];

export function buildLassoLayer(path: [number, number][], colour: Rgb): PolygonLayer<[number, number][]> {
  return new PolygonLayer<[number, number][]>({
    id: 'lasso-preview',
    data: path.length > 1 ? [path] : [],
    getPolygon: (d) => d,
    filled: true,
    stroked: true,
    getFillColor: [colour[0], colour[1], colour[2], 70],
    getLineColor: [20, 20, 20, 255],
    getLineWidth: 2,
    lineWidthUnits: 'pixels',
  });
}

/** @param cells painted cells as lon/lat closed rings */
export function buildBrushLayer(cells: [number, number][][], colour: Rgb): PolygonLayer<[number, number][]> {
  return new PolygonLayer<[number, number][]>({
    id: 'brush-preview',
    data: cells,
    getPolygon: (d) => d,
    filled: true,
    stroked: true,
    getFillColor: [colour[0], colour[1], colour[2], 190],
    getLineColor: [20, 20, 20, 200],
    getLineWidth: 1,
    lineWidthUnits: 'pixels',
  });
}

/**
 * The keyboard cell cursor ("cell-cursor"): the footprint Enter would assign, as a dark outline
 * on a white halo with a light tint of the selected school's colour. `ring` is lon/lat, closed.
 */
export function buildCursorLayer(ring: [number, number][] | null, colour: Rgb): PolygonLayer<[number, number][]>[] {
  const data = ring ? [ring] : [];
  const base = { data, getPolygon: (d: [number, number][]) => d, lineWidthUnits: 'pixels' as const, stroked: true };
  return [
    new PolygonLayer<[number, number][]>({ ...base, id: 'cell-cursor-halo', filled: false, getLineColor: [255, 255, 255, 255], getLineWidth: 6 }),
    new PolygonLayer<[number, number][]>({ ...base, id: 'cell-cursor', filled: true, getFillColor: [colour[0], colour[1], colour[2], 110], getLineColor: [10, 10, 10, 255], getLineWidth: 2.5 }),
  ];
}
