/**
 * Catchments ("catchments", a composite of one pre-triangulated fill layer and one outline layer
 * per chunk of schools, catchment-mesh.ts) and their school-name labels ("catchment-labels"). An
 * edit rebuilds only the chunks whose catchments it changed (untouched catchments keep their
 * array identity, see network-view.ts).
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
import { PathLayer, PolygonLayer, SolidPolygonLayer, TextLayer } from '@deck.gl/layers';
import type { MultiPolygon, Polygon } from '../../../core/model/geometry-types';
import type { CatchmentChunk } from '../catchment-mesh';
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
  /** The catchments' meshes (catchment-mesh.ts), chunks of consecutive schools. */
  chunks: CatchmentChunk[];
  /** The catchments themselves (lon/lat): the selected one's outline. */
  catchments: MultiPolygon[];
  colourIndex: Int32Array;
  selectedIndex: number;
  colouring: MapColouring;
}

const DARK: [number, number, number, number] = [35, 38, 42, 235];
const HALO: [number, number, number, number] = [255, 255, 255, 215];

/** Binary data of a chunk's fill and outline layers, made once per chunk so that an unchanged chunk's layers see the same data. */
const chunkData = new WeakMap<CatchmentChunk, { fill: unknown; rings: unknown }>();
function dataOf(chunk: CatchmentChunk) {
  let d = chunkData.get(chunk);
  if (!d) {
    const positions = { value: chunk.positions, size: 2 };
    d = {
      fill: { length: chunk.polygonSchool.length, startIndices: chunk.polygonStarts, attributes: { getPolygon: positions, indices: chunk.indices } },
      rings: { length: chunk.ringStarts.length - 1, startIndices: chunk.ringStarts, attributes: { getPath: positions } },
    };
    chunkData.set(chunk, d);
  }
  return d;
}

/**
 * Per chunk of schools one fill layer (ids "fill-<first school>", pre-triangulated, picking
 * reports the school index) and one outline layer, fills below all outlines; with "cells"
 * colouring no fills, white halos below the outlines. The selected school's outline on top.
 */
export class CatchmentsLayer extends CompositeLayer<CatchmentsLayerProps> {
  static override layerName = 'CatchmentsLayer';
  static override defaultProps = { chunks: { type: 'object', value: [] }, catchments: { type: 'object', value: [] }, colourIndex: { type: 'object', value: null }, selectedIndex: -1, colouring: 'catchments' };

  override shouldUpdateState({ changeFlags }: UpdateParameters<this>): boolean {
    return changeFlags.propsOrDataChanged;
  }

  override getPickingInfo({ info, sourceLayer }: { info: PickingInfo; sourceLayer?: Layer | null }): PickingInfo {
    const match = /fill-(\d+)$/.exec(sourceLayer?.id ?? '');
    const chunk = match ? this.props.chunks.find((c) => c.first === Number(match[1])) : undefined;
    return { ...info, index: chunk && info.index >= 0 ? (chunk.polygonSchool[info.index] ?? -1) : -1 };
  }

  override renderLayers(): Layer[] {
    const { chunks, catchments, colourIndex, selectedIndex, colouring } = this.props;
    const cells = colouring === 'cells';
    const drawn = chunks.filter((c) => c.polygonSchool.length > 0);
    const layers: Layer[] = [];
    if (!cells)
      for (const chunk of drawn)
        layers.push(
          new SolidPolygonLayer(
            this.getSubLayerProps({
              id: `fill-${chunk.first}`,
              data: dataOf(chunk).fill,
              _normalize: false,
              pickable: true,
              getFillColor: (_: unknown, { index }: { index: number }) => {
                const school = chunk.polygonSchool[index];
                return catchmentFill(catchmentColour(colourIndex, school), colouring, school, selectedIndex);
              },
              updateTriggers: { getFillColor: [colourIndex, selectedIndex, colouring] },
            }),
          ),
        );
    const outlines = (id: string, color: [number, number, number, number], width: number) =>
      drawn.map((chunk) => new PathLayer(this.getSubLayerProps({ id: `${id}-${chunk.first}`, data: dataOf(chunk).rings, _pathType: 'open', pickable: false, getColor: color, getWidth: width, widthUnits: 'pixels' })));
    if (cells) layers.push(...outlines('halo', HALO, 4));
    layers.push(...outlines('line', cells ? DARK : [55, 60, 66, selectedIndex >= 0 ? 150 : 215], cells ? 1.6 : 1.1));
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
  /** The catchments' meshes (CatchmentChunks.get of `catchments`). */
  chunks: CatchmentChunk[];
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
      chunks: input.chunks,
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
