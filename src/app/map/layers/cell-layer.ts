/**
 * The unit choropleth: one binary SolidPolygonLayer ("cells") over precomputed lon/lat rings,
 * so a colour change recomputes only the colour attribute (updateTriggers), never the
 * tessellation. Picking returns the object index; `objectUnit` maps it to the unit.
 */
import { SolidPolygonLayer } from '@deck.gl/layers';
import type { UnitDisplay } from '../../workers/engine-protocol';
import { memoLast } from '../memo-last';

const binaryData = memoLast((units: UnitDisplay) => ({
  length: units.objectUnit.length,
  startIndices: units.startIndices,
  attributes: { getPolygon: { value: units.positions, size: 2 } },
}));

let colourVersion = 0;
const versionOf = memoLast((colours: Uint8Array) => {
  void colours;
  return ++colourVersion;
});

/**
 * @param units unit outlines (lon/lat)
 * @param colours RGBA per unit (units.count × 4); alpha 0 hides a unit
 */
export function buildCellLayer(units: UnitDisplay, colours: Uint8Array, visible: boolean): SolidPolygonLayer {
  const objectUnit = units.objectUnit;
  return new SolidPolygonLayer({
    id: 'cells',
    data: binaryData(units),
    _normalize: false,
    _windingOrder: 'CCW',
    visible,
    pickable: true,
    getFillColor: (_: unknown, { index, target }: { index: number; target: number[] }) => {
      const u = objectUnit[index] * 4;
      target[0] = colours[u];
      target[1] = colours[u + 1];
      target[2] = colours[u + 2];
      target[3] = colours[u + 3];
      return target as [number, number, number, number];
    },
    updateTriggers: { getFillColor: versionOf(colours) },
  });
}
