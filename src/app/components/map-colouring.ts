/**
 * Derived map colours: catchment palette indices (stable across edits) and the cell
 * choropleth. Pure helpers used by map-canvas.tsx.
 */
import { assignColours, bboxAdjacency, CATCHMENT_PALETTE, gridAdjacency } from '../map/catchment-palette';
import { choroplethDomain, unitColours, type ChoroplethDomain } from '../map/cell-colours';
import type { SequentialRamp } from '../map/colour-ramps';
import type { MultiPolygon } from '../../core/model/geometry-types';
import type { UnitDisplay, UnitMeasure } from '../workers/engine-protocol';

/** Lon/lat bounding box of a multipolygon, null when empty. */
function bboxOf(mp: MultiPolygon): [number, number, number, number] | null {
  let b: [number, number, number, number] | null = null;
  for (const polygon of mp)
    for (const [x, y] of polygon[0] ?? []) {
      if (!b) b = [x, y, x, y];
      else b = [Math.min(b[0], x), Math.min(b[1], y), Math.max(b[2], x), Math.max(b[3], y)];
    }
  return b;
}

/** Palette index per school: neighbours differ; `previous` kept where possible. */
export function catchmentColours(units: UnitDisplay, unitSchool: Int32Array, catchments: MultiPolygon[], previous?: Int32Array): Int32Array {
  const adjacency =
    units.kind === 'grid' && units.col && units.row
      ? gridAdjacency(units.col, units.row, unitSchool, catchments.length)
      : bboxAdjacency(catchments.map(bboxOf), 1e-6);
  return assignColours(adjacency, CATCHMENT_PALETTE.length, previous);
}

export interface Choropleth {
  measure: UnitMeasure;
  domain: ChoroplethDomain;
  colours: Uint8Array;
}

export function choropleth(measure: UnitMeasure, threshold: number, ramp: SequentialRamp): Choropleth {
  const domain = choroplethDomain(measure.values, measure.base, threshold);
  return { measure, domain, colours: unitColours(measure.values, measure.base, threshold, domain, ramp) };
}
