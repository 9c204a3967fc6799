/**
 * Ephemeral drawing feedback: the lasso being drawn ("lasso-preview") and the cells painted
 * by the current brush stroke ("brush-preview"). Both are in lon/lat.
 */
import { PolygonLayer } from '@deck.gl/layers';
import { memoLast } from '../memo-last';

type Rgb = readonly [number, number, number];

/**
 * Empty layers keep one empty array and are hidden: a new `[]` at every build would make deck.gl
 * re-process the layer and its sub-layers at every redraw (e.g. each plan preview), and a hidden
 * layer is not drawn.
 */
const NONE: [number, number][][] = [];
const lassoData = memoLast((path: [number, number][]) => (path.length > 1 ? [path] : NONE));
const cursorData = memoLast((ring: [number, number][] | null) => (ring ? [ring] : NONE));

export function buildLassoLayer(path: [number, number][], colour: Rgb): PolygonLayer<[number, number][]> {
  return new PolygonLayer<[number, number][]>({
    id: 'lasso-preview',
    data: lassoData(path),
    visible: path.length > 1,
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
    visible: cells.length > 0,
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
  const data = cursorData(ring);
  const base = { data, visible: data.length > 0, getPolygon: (d: [number, number][]) => d, lineWidthUnits: 'pixels' as const, stroked: true };
  return [
    new PolygonLayer<[number, number][]>({ ...base, id: 'cell-cursor-halo', filled: false, getLineColor: [255, 255, 255, 255], getLineWidth: 6 }),
    new PolygonLayer<[number, number][]>({ ...base, id: 'cell-cursor', filled: true, getFillColor: [colour[0], colour[1], colour[2], 110], getLineColor: [10, 10, 10, 255], getLineWidth: 2.5 }),
  ];
}
