/**
 * Catchments ("catchments": fill + outline per polygon part) and their school-name labels
 * ("catchment-labels"). Colours come from the greedy palette assignment; outlines are in
 * pixels so they read at every zoom; the selected school's outline is heavier.
 */
import { PolygonLayer, TextLayer } from '@deck.gl/layers';
import type { MultiPolygon, Polygon } from '../../../core/model/geometry-types';
import { CATCHMENT_PALETTE } from '../catchment-palette';
import { memoLast } from '../memo-last';

export interface CatchmentPart {
  schoolIndex: number;
  polygon: Polygon;
}

export interface CatchmentLabel {
  schoolIndex: number;
  name: string;
  position: [number, number];
}

/** One object per polygon part of every catchment (lon/lat). */
export const catchmentParts = memoLast((catchments: MultiPolygon[]): CatchmentPart[] =>
  catchments.flatMap((mp, schoolIndex) => mp.map((polygon) => ({ schoolIndex, polygon }))),
);

const labels = memoLast((points: ([number, number] | null)[], names: string[]): CatchmentLabel[] =>
  points.flatMap((position, schoolIndex) => (position ? [{ schoolIndex, name: names[schoolIndex] ?? '', position }] : [])),
);

export interface CatchmentLayerInput {
  catchments: MultiPolygon[];
  labelPoints: ([number, number] | null)[];
  names: string[];
  colourIndex: Int32Array;
  selectedIndex: number;
  /** Fill alpha 0–255 (low when the cell choropleth is shown). */
  fillAlpha: number;
  visible: boolean;
  labelSize: number;
}

export function buildCatchmentLayers(input: CatchmentLayerInput): [PolygonLayer<CatchmentPart>, TextLayer<CatchmentLabel>] {
  const { colourIndex, selectedIndex, fillAlpha } = input;
  return [
    new PolygonLayer<CatchmentPart>({
      id: 'catchments',
      data: catchmentParts(input.catchments),
      visible: input.visible,
      pickable: true,
      stroked: true,
      filled: true,
      getPolygon: (d) => d.polygon,
      getFillColor: (d) => {
        const c = CATCHMENT_PALETTE[Math.max(0, colourIndex[d.schoolIndex]) % CATCHMENT_PALETTE.length];
        return [c[0], c[1], c[2], d.schoolIndex === selectedIndex ? Math.min(255, fillAlpha + 50) : fillAlpha];
      },
      getLineColor: (d) => (d.schoolIndex === selectedIndex ? [0, 0, 0, 255] : [60, 60, 60, 220]),
      getLineWidth: (d) => (d.schoolIndex === selectedIndex ? 3 : 1.25),
      lineWidthUnits: 'pixels',
      updateTriggers: { getFillColor: [colourIndex, selectedIndex, fillAlpha], getLineColor: selectedIndex, getLineWidth: selectedIndex },
    }),
    new TextLayer<CatchmentLabel>({
      id: 'catchment-labels',
      data: labels(input.labelPoints, input.names),
      visible: input.visible,
      getPosition: (d) => d.position,
      getText: (d) => d.name,
      getSize: input.labelSize,
      sizeUnits: 'pixels',
      getColor: [30, 30, 30, 255],
      fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif',
      fontWeight: 600,
      characterSet: 'auto',
      fontSettings: { sdf: true },
      outlineWidth: 3,
      outlineColor: [255, 255, 255, 230],
      getTextAnchor: 'middle',
      getAlignmentBaseline: 'center',
    }),
  ];
}
