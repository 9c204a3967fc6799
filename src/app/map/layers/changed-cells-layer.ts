/**
 * Outlines of units whose assignment changed from the baseline ("changed-cells"), as a binary
 * PathLayer built from the unit rings. Rebuilt only when the `unitChanged` array changes.
 */
import { PathLayer } from '@deck.gl/layers';
import type { UnitDisplay } from '../../workers/engine-protocol';
import { memoLast } from '../memo-last';

/** Binary path data of the rings of changed units. */
export function changedPaths(units: UnitDisplay, unitChanged: Uint8Array): { length: number; startIndices: Uint32Array; positions: Float64Array } {
  const { startIndices, objectUnit, positions } = units;
  let objects = 0;
  let vertices = 0;
  for (let o = 0; o < objectUnit.length; o++) {
    if (unitChanged[objectUnit[o]]) {
      objects++;
      vertices += startIndices[o + 1] - startIndices[o];
    }
  }
  const out = new Float64Array(vertices * 2);
  const starts = new Uint32Array(objects + 1);
  let k = 0;
  let v = 0;
  for (let o = 0; o < objectUnit.length; o++) {
    if (!unitChanged[objectUnit[o]]) continue;
    starts[k++] = v;
    out.set(positions.subarray(startIndices[o] * 2, startIndices[o + 1] * 2), v * 2);
    v += startIndices[o + 1] - startIndices[o];
  }
  starts[objects] = v;
  return { length: objects, startIndices: starts, positions: out };
}

const binaryData = memoLast((units: UnitDisplay, unitChanged: Uint8Array) => {
  const p = changedPaths(units, unitChanged);
  return { length: p.length, startIndices: p.startIndices, attributes: { getPath: { value: p.positions, size: 2 } } };
});

export function buildChangedCellsLayer(units: UnitDisplay, unitChanged: Uint8Array, visible: boolean): PathLayer {
  return new PathLayer({
    id: 'changed-cells',
    data: binaryData(units, unitChanged),
    _pathType: 'open',
    visible,
    getColor: [25, 25, 25, 230],
    getWidth: 1.6,
    widthUnits: 'pixels',
    jointRounded: false,
  });
}
