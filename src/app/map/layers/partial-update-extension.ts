/**
 * A deck.gl layer extension that re-computes chosen accessors for some rows only. The layer is
 * given a `partialUpdate` prop ({ accessors, ranges }); whenever that object changes, the named
 * attributes are invalidated for the [startRow, endRow) ranges alone, so deck.gl calls the
 * accessor for those rows and uploads just their part of the GPU buffer. Everything else about
 * the layer (geometry, tessellation, the other rows' colours) is left alone. A full update is
 * still requested the usual way, through `updateTriggers`.
 */
import { LayerExtension, type Layer, type UpdateParameters } from '@deck.gl/core';

export interface PartialUpdate {
  /** Accessor names, e.g. "getFillColor". */
  accessors: readonly string[];
  /** Merged [startRow, endRow) ranges (partial-update.ts). */
  ranges: readonly [number, number][];
}

export interface PartialUpdateProps {
  partialUpdate?: PartialUpdate | null;
}

export class PartialUpdateExtension extends LayerExtension {
  static override extensionName = 'PartialUpdateExtension';
  static override defaultProps = { partialUpdate: null };

  override updateState(this: Layer<PartialUpdateProps>, { props, oldProps, changeFlags }: UpdateParameters<Layer<PartialUpdateProps>>): void {
    const update = props.partialUpdate;
    if (!update || update === oldProps.partialUpdate || changeFlags.dataChanged) return;
    const manager = this.getAttributeManager();
    if (!manager) return;
    for (const accessor of update.accessors) for (const [startRow, endRow] of update.ranges) manager.invalidate(accessor, { startRow, endRow });
  }
}
