/**
 * Sliver removal: clipping leaves hair-thin or tiny polygon parts where two
 * boundaries nearly coincide. A part (an outer ring with its holes) is a sliver
 * when its area is below `minArea` m² or its mean width, 2·area/perimeter, is below
 * `minWidth` m. Holes are never filled here (filling would create overlap with
 * whatever lies in the hole); only whole parts are dropped.
 */
import type { MultiPolygon, Polygon } from '../model/geometry-types';
import { polygonArea, ringPerimeter } from './area';

export interface SliverOptions {
  /** Parts smaller than this are slivers, m². Default 1. */
  minArea?: number;
  /** Parts thinner than this (2·area/outer perimeter) are slivers, m. Default 0.5. */
  minWidth?: number;
}

export const DEFAULT_SLIVER_AREA = 1;
export const DEFAULT_SLIVER_WIDTH = 0.5;

/** True when the polygon part is a sliver under the options. */
export function isSliver(polygon: Polygon, options: SliverOptions = {}): boolean {
  const minArea = options.minArea ?? DEFAULT_SLIVER_AREA;
  const minWidth = options.minWidth ?? DEFAULT_SLIVER_WIDTH;
  if (polygon.length === 0) return true;
  const area = polygonArea(polygon);
  if (area < minArea) return true;
  const perimeter = ringPerimeter(polygon[0]);
  return perimeter > 0 && (2 * area) / perimeter < minWidth;
}

/** Splits a MultiPolygon into the parts kept and the sliver parts dropped. */
export function splitSlivers(mp: MultiPolygon, options: SliverOptions = {}): { kept: MultiPolygon; slivers: MultiPolygon } {
  const kept: MultiPolygon = [];
  const slivers: MultiPolygon = [];
  for (const p of mp) (isSliver(p, options) ? slivers : kept).push(p);
  return { kept, slivers };
}

/** The MultiPolygon without its sliver parts (same array when nothing is dropped). */
export function removeSlivers(mp: MultiPolygon, options: SliverOptions = {}): MultiPolygon {
  const { kept, slivers } = splitSlivers(mp, options);
  return slivers.length === 0 ? mp : kept;
}
