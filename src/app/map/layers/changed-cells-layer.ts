/**
 * Units whose assignment changed from the baseline ("changed-cells"): diagonal hatching over a
 * light veil (deck.gl FillStyleExtension, procedural pattern, constant on screen), readable over
 * both the catchment colours and the dark end of the choropleth.
 *
 * The layer covers every unit (the same binary rings as the cell layer, tessellated once) and a
 * unit shows when its flag is 1. After an edit only the changed units' rows are re-coloured
 * (PartialUpdateExtension); `ChangedCellsState` decides between that and a full update.
 * With polygon units the changed region itself is hatched instead (buildChangedRegionLayer).
 */
import { FillStyleExtension } from '@deck.gl/extensions';
import { PolygonLayer, SolidPolygonLayer } from '@deck.gl/layers';
import type { MultiPolygon, Polygon } from '../../../core/model/geometry-types';
import type { UnitDisplay } from '../../workers/engine-protocol';
import { memoLast } from '../memo-last';
import { unitRowRanges, unitRowStarts } from '../partial-update';
import { PartialUpdateExtension, type PartialUpdate } from './partial-update-extension';

/** Hatch line colour and the veil behind it (RGBA). */
export const HATCH_COLOUR: [number, number, number, number] = [20, 20, 24, 255];
export const VEIL_COLOUR: [number, number, number, number] = [255, 255, 255, 120];
const NONE: [number, number, number, number] = [0, 0, 0, 0];

const binaryData = memoLast((units: UnitDisplay) => ({
  length: units.objectUnit.length,
  startIndices: units.startIndices,
  attributes: { getPolygon: { value: units.positions, size: 2 } },
}));

const rowStartsOf = memoLast((units: UnitDisplay) => unitRowStarts(units.objectUnit, units.count));

/** What changed between two flag arrays: the previous array and the units whose flag may differ. */
export interface FlagDelta {
  from: Uint8Array;
  units: Int32Array;
}

/**
 * Remembers which flag array the layer last drew. A new array that is the successor of the
 * drawn one (delta.from === drawn) becomes a partial update of the delta's rows; anything else
 * (first draw, network switch, a missed step) a full one (the generation is bumped).
 */
export class ChangedCellsState {
  private drawn: Uint8Array | null = null;
  private units: UnitDisplay | null = null;
  generation = 0;
  partial: PartialUpdate | null = null;

  track(units: UnitDisplay, flags: Uint8Array, delta: FlagDelta | null): void {
    if (flags === this.drawn && units === this.units) return;
    if (units === this.units && this.drawn && delta && delta.from === this.drawn) {
      this.partial = { accessors: ['getFillColor', 'getFillPatternBackgroundColor'], ranges: unitRowRanges(delta.units, rowStartsOf(units), 8) };
    } else {
      this.generation++;
      this.partial = null;
    }
    this.drawn = flags;
    this.units = units;
  }
}

const hatch = new FillStyleExtension({ proceduralPattern: true });
/**
 * One object for every layer built: the extension re-creates its pattern texture and re-reads
 * every unit's pattern whenever the mapping is a different object (a literal per build cost
 * 10–20 ms of main thread at each redraw of the sample city).
 */
const HATCH_MAPPING = { hatch: { type: 'hatch', angle: 45, strokeWidth: 2, gap: 4 } };
const partial = new PartialUpdateExtension();

export function buildChangedCellsLayer(units: UnitDisplay, unitChanged: Uint8Array, visible: boolean, state: ChangedCellsState): SolidPolygonLayer {
  // The rows of each unit, for the partial updates: made with the layer (first built when the
  // browser is idle, map-view.ts), not in the first update after an edit or a plan preview.
  rowStartsOf(units);
  const objectUnit = units.objectUnit;
  const flag = (index: number) => unitChanged[objectUnit[index]] === 1;
  return new SolidPolygonLayer({
    id: 'changed-cells',
    data: binaryData(units),
    _normalize: false,
    _windingOrder: 'CCW',
    visible,
    pickable: false,
    getFillColor: (_: unknown, { index }: { index: number }) => (flag(index) ? HATCH_COLOUR : NONE),
    extensions: [hatch, partial],
    fillPatternMapping: HATCH_MAPPING,
    fillPatternSizeUnits: 'pixels',
    fillPatternMask: true,
    getFillPattern: () => 'hatch',
    getFillPatternBackgroundColor: (_: unknown, { index }: { index: number }) => (flag(index) ? VEIL_COLOUR : NONE),
    partialUpdate: state.partial,
    updateTriggers: { getFillColor: state.generation, getFillPatternBackgroundColor: state.generation },
  } as ConstructorParameters<typeof SolidPolygonLayer>[0]);
}

const regionData = memoLast((region: MultiPolygon) => region.map((polygon) => polygon));

/**
 * Polygon units (postal areas): the changed region itself hatched ("changed-region"), since an
 * edit moves only the part of an area inside the region drawn. Same hatch and veil as the cells.
 */
export function buildChangedRegionLayer(region: MultiPolygon, visible: boolean): PolygonLayer<Polygon> {
  return new PolygonLayer<Polygon>({
    id: 'changed-region',
    data: regionData(region),
    visible: visible && region.length > 0,
    pickable: false,
    stroked: false,
    filled: true,
    getPolygon: (p: Polygon) => p as unknown as [number, number][][],
    getFillColor: HATCH_COLOUR,
    extensions: [hatch],
    fillPatternMapping: HATCH_MAPPING,
    fillPatternSizeUnits: 'pixels',
    fillPatternMask: true,
    getFillPattern: () => 'hatch',
    getFillPatternBackgroundColor: VEIL_COLOUR,
  } as ConstructorParameters<typeof PolygonLayer<Polygon>>[0]);
}
