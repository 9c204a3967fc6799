/**
 * Reprojection between EPSG:3067 (ETRS-TM35FIN metres, the data) and EPSG:4326
 * longitude/latitude degrees (what MapLibre and deck.gl draw). Used only for display:
 * the core never sees degrees. Safe in the worker and on the main thread (no DOM).
 * Forward uses the core's closed-form JHS 154 series (fast, no allocation); inverse uses proj4.
 */
import proj4 from 'proj4';
import { tm35ToLonLat, tm35ToLonLatArray } from '../../core/load/display-projection';
import type { MultiPolygon, Position } from '../../core/model/geometry-types';

/** proj4 definition of EPSG:3067. */
export const EPSG_3067 = '+proj=utm +zone=35 +ellps=GRS80 +towgs84=0,0,0,0,0,0,0 +units=m +no_defs';

const converter = proj4(EPSG_3067, 'EPSG:4326');

/** [x, y] metres in EPSG:3067 → [longitude, latitude] degrees. */
export function toLonLat(x: number, y: number): [number, number] {
  return tm35ToLonLat(x, y);
}

/** [longitude, latitude] degrees → [x, y] metres in EPSG:3067. */
export function fromLonLat(lon: number, lat: number): [number, number] {
  const p = converter.inverse([lon, lat]);
  return [p[0], p[1]];
}

/** A multipolygon in EPSG:3067 → the same rings in lon/lat (a new array). */
export function multiPolygonToLonLat(mp: MultiPolygon): MultiPolygon {
  return mp.map((polygon) => polygon.map((ring) => ring.map(([x, y]) => toLonLat(x, y) as Position)));
}

/**
 * Reprojects a flat array of EPSG:3067 pairs [x0, y0, x1, y1, …] into a new Float64Array of
 * lon/lat pairs. Fast path for grid cells: a 30,000-cell grid is 150,000 vertices.
 */
export function flatToLonLat(flat: ArrayLike<number>): Float64Array {
  return tm35ToLonLatArray(flat);
}
