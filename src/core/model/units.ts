import type { BBox, MultiPolygon } from './geometry-types';
import type { GridSpec } from './grid-spec';

/**
 * Count attributes of statistical units, stored by column.
 * A value is NaN where the source had it missing or suppressed (HSY's 99, Paavo's −1/null,
 * negative counts); `suppressed` keeps the reason so it can be reported, never summed.
 */
export interface AttributeTable {
  /** Field names as in the source, lower-cased (he_7_12, ika0_9, …). */
  names: string[];
  /** One Float64Array per field, length = unit count; NaN = missing or suppressed. */
  columns: Record<string, Float64Array>;
}

interface UnitsBase {
  /** Number of units. */
  count: number;
  /** Source id of each unit (grid cell id, postal code, …). */
  ids: string[];
  attributes: AttributeTable;
}

/** 250 m grid cells (the default). Only populated cells are stored; col/row locate them on `grid`. */
export interface GridUnits extends UnitsBase {
  kind: 'grid';
  grid: GridSpec;
  col: Int32Array;
  row: Int32Array;
}

/** Arbitrary polygons: small areas, postal-code areas. */
export interface PolygonUnits extends UnitsBase {
  kind: 'polygons';
  geometries: MultiPolygon[];
  bboxes: BBox[];
  /** Area of each unit in m². */
  areas: Float64Array;
}

export type Units = GridUnits | PolygonUnits;

export function unitArea(units: Units, index: number): number {
  return units.kind === 'grid' ? units.grid.cellSize * units.grid.cellSize : units.areas[index];
}
