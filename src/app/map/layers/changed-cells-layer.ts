/**
 * Units whose assignment changed from the baseline ("changed-cells"): diagonal hatching over a
 * light veil (deck.gl FillStyleExtension, procedural pattern, constant on screen), readable over
 * both the catchment colours and the dark end of the choropleth.
 *
 * The layer draws only the flagged units: a small pre-triangulated mesh made from the unit
 * outlines whenever the flag array changes (changed-units-mesh.ts), with constant colours, so
 * neither an edit nor a plan preview runs an accessor over the other units' vertices.
 * With polygon units the changed region itself is hatched instead (buildChangedRegionLayer).
 */
import { FillStyleExtension } from '@deck.gl/extensions';
import { PolygonLayer, SolidPolygonLayer } from '@deck.gl/layers';
import type { MultiPolygon, Polygon } from '../../../core/model/geometry-types';
import type { UnitDisplay } from '../../workers/engine-protocol';
import { ChangedUnitsMesher } from '../changed-units-mesh';
import { memoLast } from '../memo-last';

/** Hatch line colour and the veil behind it (RGBA). */
export const HATCH_COLOUR: [number, number, number, number] = [20, 20, 24, 255];
export const VEIL_COLOUR: [number, number, number, number] = [255, 255, 255, 120];

const meshers = new WeakMap<UnitDisplay, ChangedUnitsMesher>();

/** The layer's binary data for the flags (null: nothing flagged yet, a zero-area polygon that links the program). */
const meshData = memoLast((units: UnitDisplay, flags: Uint8Array | null) => {
  let mesher = meshers.get(units);
  if (!mesher) meshers.set(units, (mesher = new ChangedUnitsMesher(units)));
  let mesh = flags ? mesher.build(flags) : null;
  if (!mesh || mesh.length === 0) mesh = mesher.degenerate();
  return { length: mesh.length, startIndices: mesh.startIndices, attributes: { getPolygon: { value: mesh.positions, size: 2 }, indices: mesh.indices } };
});

const hatch = new FillStyleExtension({ proceduralPattern: true });
/**
 * One object for every layer built: the extension re-creates its pattern texture and re-reads
 * every polygon's pattern whenever the mapping is a different object.
 */
const HATCH_MAPPING = { hatch: { type: 'hatch', angle: 45, strokeWidth: 2, gap: 4 } };
const hatchPattern = () => 'hatch';

/**
 * The hatch over the flagged units of `unitChanged` (null: none yet; the layer is then kept
 * linked and drawing nothing, so the first edit does not wait for its GL program).
 */
export function buildChangedCellsLayer(units: UnitDisplay, unitChanged: Uint8Array | null, visible: boolean): SolidPolygonLayer {
  return new SolidPolygonLayer({
    id: 'changed-cells',
    data: meshData(units, unitChanged),
    _normalize: false,
    _windingOrder: 'CCW',
    visible,
    pickable: false,
    getFillColor: HATCH_COLOUR,
    extensions: [hatch],
    fillPatternMapping: HATCH_MAPPING,
    fillPatternSizeUnits: 'pixels',
    fillPatternMask: true,
    getFillPattern: hatchPattern,
    getFillPatternBackgroundColor: VEIL_COLOUR,
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
