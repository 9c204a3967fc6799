/** Axis-aligned bounding boxes [minX, minY, maxX, maxY] in metres (EPSG:3067). */
import type { BBox, MultiPolygon } from '../model/geometry-types';

/** The empty box: min = +∞, max = −∞; `bboxIsEmpty` is true for it. */
export function emptyBBox(): BBox {
  return [Infinity, Infinity, -Infinity, -Infinity];
}

export function bboxIsEmpty(b: BBox): boolean {
  return !(b[0] <= b[2] && b[1] <= b[3]);
}

/** Bounding box of all positions of a MultiPolygon (holes included); empty box for an empty geometry. */
export function multiPolygonBBox(mp: MultiPolygon): BBox {
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (const polygon of mp) {
    for (const ring of polygon) {
      for (const p of ring) {
        if (p[0] < minX) minX = p[0];
        if (p[0] > maxX) maxX = p[0];
        if (p[1] < minY) minY = p[1];
        if (p[1] > maxY) maxY = p[1];
      }
    }
  }
  return [minX, minY, maxX, maxY];
}

/** True when the closed boxes share at least one point. False if either is empty. */
export function bboxIntersects(a: BBox, b: BBox): boolean {
  return a[0] <= b[2] && b[0] <= a[2] && a[1] <= b[3] && b[1] <= a[3];
}

/** Smallest box containing both. */
export function bboxUnion(a: BBox, b: BBox): BBox {
  return [Math.min(a[0], b[0]), Math.min(a[1], b[1]), Math.max(a[2], b[2]), Math.max(a[3], b[3])];
}
