/**
 * Catchments ("catchments", a composite of one PolygonLayer per school) and their school-name
 * labels ("catchment-labels"). One sub-layer per school means an edit re-tessellates only the
 * catchments it changed (untouched ones keep their array identity, see network-view.ts).
 *
 * Two looks:
 * - "catchments" colouring: distinct colour-blind-safe fills per school (Paul Tol light, greedy
 *   so neighbours differ) with dark boundaries;
 * - "cells" colouring: no fill, strong dark boundaries on a white halo so they read over the
 *   choropleth.
 * A selected school's catchment gets a heavy outline on top, and the others are dimmed.
 * Labels sit at each catchment's pole of inaccessibility and never overprint: MapView decides
 * in screen space which labels show (label-placement.ts; the selected school's always does).
 * Outlines are in pixels so they read at every zoom. All positions lon/lat.
 */
import { CompositeLayer, type Layer, type PickingInfo, type UpdateParameters } from '@deck.gl/core';
import { PolygonLayer, TextLayer } from '@deck.gl/layers';
import type { MultiPolygon, Polygon } from '../../../core/model/geometry-types';
import { CATCHMENT_PALETTE } from '../catchment-palette';
import type { Rgb } from '../colour-ramps';
import { memoLast } from '../memo-last';

export type MapColouring = 'catchments' | 'cells';

export interface CatchmentLabel {
  schoolIndex: number;
  name: string;
  position: [number, number];
}

/** Fill alpha of catchments when coloured by school: normal, dimmed (another school selected), selected. */
export const FILL_ALPHA = { normal: 175, dimmed: 95, selected: 215 } as const;

export function catchmentColour(colourIndex: Int32Array, schoolIndex: number): Rgb {
  return CATCHMENT_PALETTE[Math.max(0, colourIndex[schoolIndex] ?? 0) % CATCHMENT_PALETTE.length];
}

/** Fill RGBA of a catchment in the given colouring. */
export function catchmentFill(colour: Rgb, colouring: MapColouring, schoolIndex: number, selectedIndex: number): [number, number, number, number] {
  if (colouring === 'cells') return [0, 0, 0, 0];
  const alpha = selectedIndex < 0 ? FILL_ALPHA.normal : schoolIndex === selectedIndex ? FILL_ALPHA.selected : FILL_ALPHA.dimmed;
  return [colour[0], colour[1], colour[2], alpha];
}

interface CatchmentsLayerProps {
  catchments: MultiPolygon[];
  colourIndex: Int32Array;
  selectedIndex: number;
  colouring: MapColouring;
}

const DARK: [number, number, number, number] = [35, 38, 42, 235];
const HALO: [number, number, number, number] = [255, 255, 255, 215];

/** One PolygonLayer per school (ids "school-<index>"); picking reports the school index. */
export class CatchmentsLayer extends CompositeLayer<CatchmentsLayerProps> {
  static override layerName = 'CatchmentsLayer';
  static override defaultProps = { catchments: { type: 'object', value: [] }, colourIndex: { type: 'object', value: null }, selectedIndex: -1, colouring: 'catchments' };

  override shouldUpdateState({ changeFlags }: UpdateParameters<this>): boolean {
    return changeFlags.propsOrDataChanged;
  }

  override getPickingInfo({ info, sourceLayer }: { info: PickingInfo; sourceLayer?: Layer | null }): PickingInfo {
    const match = /school-(\d+)$/.exec(sourceLayer?.id ?? '');
    return { ...info, index: match ? Number(match[1]) : -1 };
  }

  override renderLayers(): Layer[] {
    const { catchments, colourIndex, selectedIndex, colouring } = this.props;
    const cells = colouring === 'cells';
    const layers: Layer[] = [];
    catchments.forEach((mp, i) => {
      if (mp.length === 0) return;
      const colour = catchmentColour(colourIndex, i);
      if (cells)
        layers.push(
          new PolygonLayer<Polygon>(this.getSubLayerProps({ id: `halo-${i}`, data: mp, filled: false, stroked: true, getPolygon: (p: Polygon) => p, getLineColor: HALO, getLineWidth: 4, lineWidthUnits: 'pixels', pickable: false })),
        );
      layers.push(
        new PolygonLayer<Polygon>(
          this.getSubLayerProps({
            id: `school-${i}`,
            data: mp,
            filled: !cells,
            stroked: true,
            pickable: !cells,
            getPolygon: (p: Polygon) => p,
            getFillColor: catchmentFill(colour, colouring, i, selectedIndex),
            getLineColor: cells ? DARK : [55, 60, 66, selectedIndex >= 0 && i !== selectedIndex ? 150 : 215],
            getLineWidth: cells ? 1.6 : 1.1,
            lineWidthUnits: 'pixels',
          }),
        ),
      );
    });
    const selected = catchments[selectedIndex];
    if (selected && selected.length > 0) {
      const outline = (id: string, colour: [number, number, number, number], width: number) =>
        new PolygonLayer<Polygon>(this.getSubLayerProps({ id, data: selected, filled: false, stroked: true, pickable: false, getPolygon: (p: Polygon) => p, getLineColor: colour, getLineWidth: width, lineWidthUnits: 'pixels' }));
      layers.push(outline('selected-halo', [255, 255, 255, 240], 7), outline('selected-outline', [15, 17, 20, 255], 3.5));
    }
    return layers;
  }
}

const labels = memoLast((points: ([number, number] | null)[], names: string[], shown: Uint8Array | null): CatchmentLabel[] =>
  points.flatMap((position, schoolIndex) => (position && (!shown || shown[schoolIndex]) ? [{ schoolIndex, name: names[schoolIndex] ?? '', position }] : [])),
);

/** Label text size, CSS px: the selected school's label is larger. */
export function labelSize(schoolIndex: number, selectedIndex: number): number {
  return schoolIndex === selectedIndex ? 15 : 12.5;
}

/** CSS font of the labels (for measuring their width). */
export const LABEL_FONT_FAMILY = 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif';

export interface CatchmentLayerInput {
  catchments: MultiPolygon[];
  labelPoints: ([number, number] | null)[];
  /** 1 where the school's label is shown (label-placement.ts), null = all. */
  labelShown: Uint8Array | null;
  names: string[];
  colourIndex: Int32Array;
  selectedIndex: number;
  colouring: MapColouring;
  visible: boolean;
  /** Label size factor (workshop mode); default 1. */
  labelScale?: number;
}

export function buildCatchmentLayers(input: CatchmentLayerInput): [CatchmentsLayer, TextLayer<CatchmentLabel>] {
  const { selectedIndex } = input;
  return [
    new CatchmentsLayer({
      id: 'catchments',
      catchments: input.catchments,
      colourIndex: input.colourIndex,
      selectedIndex,
      colouring: input.colouring,
      visible: input.visible,
      pickable: true,
    }),
    new TextLayer<CatchmentLabel>({
      id: 'catchment-labels',
      data: labels(input.labelPoints, input.names, input.labelShown),
      visible: input.visible,
      getPosition: (d) => d.position,
      getText: (d) => d.name,
      getSize: (d) => labelSize(d.schoolIndex, selectedIndex),
      sizeUnits: 'pixels',
      sizeScale: input.labelScale ?? 1,
      getColor: (d) => (d.schoolIndex === selectedIndex ? [0, 0, 0, 255] : [28, 30, 34, 255]),
      fontFamily: LABEL_FONT_FAMILY,
      fontWeight: 600,
      characterSet: 'auto',
      // A 32 px signed-distance atlas (deck.gl's default is 64): labels are drawn at 12.5–25 px, and
      // the atlas is built on the main thread when the labels first appear (≈ 2.3× faster than 48 px).
      // The outline keeps its share of the glyph size (2/32 = 3/48).
      fontSettings: { sdf: true, fontSize: 32, buffer: 4, radius: 8 },
      outlineWidth: 2,
      outlineColor: [255, 255, 255, 235],
      getTextAnchor: 'middle',
      getAlignmentBaseline: 'center',
      updateTriggers: { getSize: selectedIndex, getColor: selectedIndex },
    }),
  ];
}
