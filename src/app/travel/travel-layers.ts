/**
 * Travel on the map (deck.gl layers, built here and handed to MapView through the snapshot):
 * the street network under the catchments when zoomed in ("travel-streets"), a selected
 * school's walking-distance bands (1, 3, 5 km: "travel-bands" with their labels) and the
 * detached pieces of catchments ("travel-detached"), both over the catchments. Colours are
 * colour-blind safe (dark blue shades with a white halo; black with a white halo).
 */
import type { Layer } from '@deck.gl/core';
import { PathLayer, TextLayer } from '@deck.gl/layers';
import { cellsToMultiPolygon } from '../../core/geometry/cells-to-multi-polygon';
import type { MultiPolygon } from '../../core/model/geometry-types';
import { multiPolygonToLonLat } from '../map/display-projection';
import { memoLast } from '../map/memo-last';
import type { UnitDisplay } from '../workers/engine-protocol';
import type { StreetLinesDisplay, TravelBands } from './travel-registry';

/** Streets are drawn from this zoom level on (a 250 m cell is then about 15 px). */
export const STREETS_MIN_ZOOM = 12.5;

/** Band colours, 1 km → 5 km: dark to light blue (ColorBrewer Blues, distinct in every colour-vision type by lightness). */
export const BAND_COLOURS: [number, number, number][] = [
  [8, 48, 107],
  [33, 113, 181],
  [107, 174, 214],
];
const BAND_WIDTHS = [3.5, 3, 2.5];
const WHITE: [number, number, number, number] = [255, 255, 255, 230];

const streetData = memoLast((lines: StreetLinesDisplay) => ({
  length: lines.startIndices.length - 1,
  startIndices: lines.startIndices,
  attributes: { getPath: { value: lines.positions, size: 2 } },
}));

export function buildStreetLayer(lines: StreetLinesDisplay, visible: boolean): PathLayer {
  return new PathLayer({
    id: 'travel-streets',
    data: streetData(lines),
    _pathType: 'open',
    visible,
    pickable: false,
    widthUnits: 'pixels',
    getWidth: 1,
    getColor: [45, 45, 45, 170],
  });
}

interface RingPath {
  path: number[][];
  band: number;
}

/** Outer and inner rings of every band as paths, widest band first (drawn under the narrower ones). */
export function bandPaths(bands: TravelBands): RingPath[] {
  const out: RingPath[] = [];
  for (let b = bands.bands.length - 1; b >= 0; b--) for (const polygon of bands.bands[b].outline) for (const ring of polygon) out.push({ path: ring, band: b });
  return out;
}

/** The northernmost point of a band's outline, where its label goes; null for an empty band. */
export function bandLabelPoint(outline: MultiPolygon): [number, number] | null {
  let best: [number, number] | null = null;
  for (const polygon of outline) for (const [x, y] of polygon[0] ?? []) if (!best || y > best[1]) best = [x, y];
  return best;
}

export function buildBandLayers(bands: TravelBands, labelOf: (limitM: number) => string): Layer[] {
  const paths = bandPaths(bands);
  const labels = bands.bands.flatMap((b, i) => {
    const at = bandLabelPoint(b.outline);
    return at ? [{ at, text: labelOf(b.limitM), band: i }] : [];
  });
  return [
    new PathLayer<RingPath>({
      id: 'travel-bands-halo',
      data: paths,
      widthUnits: 'pixels',
      getPath: (d) => d.path as [number, number][],
      getWidth: (d) => BAND_WIDTHS[d.band] + 2.5,
      getColor: WHITE,
    }),
    new PathLayer<RingPath>({
      id: 'travel-bands',
      data: paths,
      widthUnits: 'pixels',
      getPath: (d) => d.path as [number, number][],
      getWidth: (d) => BAND_WIDTHS[d.band],
      getColor: (d) => [...BAND_COLOURS[d.band % BAND_COLOURS.length], 255],
    }),
    new TextLayer<{ at: [number, number]; text: string; band: number }>({
      id: 'travel-band-labels',
      data: labels,
      getPosition: (d) => d.at,
      getText: (d) => d.text,
      getSize: 13,
      getColor: (d) => [...BAND_COLOURS[d.band % BAND_COLOURS.length], 255],
      fontWeight: 700,
      outlineWidth: 3,
      outlineColor: [255, 255, 255, 255],
      fontSettings: { sdf: true, fontSize: 48, buffer: 6, radius: 12 },
      getTextAnchor: 'middle',
      getAlignmentBaseline: 'bottom',
      characterSet: 'auto',
    }),
  ];
}

/** Outlines (lon/lat) of the units flagged detached: grid cells traced into pieces, polygon units ring by ring. */
export function detachedOutlines(units: UnitDisplay, detached: Uint8Array): number[][][] {
  if (units.kind === 'grid' && units.grid && units.col && units.row) {
    const cells: [number, number][] = [];
    for (let u = 0; u < detached.length; u++) if (detached[u]) cells.push([units.col[u], units.row[u]]);
    if (!cells.length) return [];
    return multiPolygonToLonLat(cellsToMultiPolygon(units.grid, cells)).flatMap((polygon) => polygon);
  }
  const out: number[][][] = [];
  for (let i = 0; i < units.objectUnit.length; i++) {
    if (!detached[units.objectUnit[i]]) continue;
    const ring: number[][] = [];
    for (let k = units.startIndices[i]; k < units.startIndices[i + 1]; k++) ring.push([units.positions[2 * k], units.positions[2 * k + 1]]);
    out.push(ring);
  }
  return out;
}

export function buildDetachedLayers(rings: number[][][]): Layer[] {
  const common = { data: rings, widthUnits: 'pixels' as const, getPath: (d: number[][]) => d as [number, number][] };
  return [
    new PathLayer<number[][]>({ id: 'travel-detached-halo', ...common, getWidth: 5, getColor: WHITE }),
    new PathLayer<number[][]>({ id: 'travel-detached', ...common, getWidth: 2.5, getColor: [0, 0, 0, 255] }),
  ];
}
