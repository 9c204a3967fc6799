/**
 * Planar geometry types used throughout the core.
 *
 * All coordinates are projected metres (EPSG:3067, ETRS-TM35FIN) unless a
 * function says otherwise. The layout mirrors GeoJSON coordinate arrays so that
 * turf, polyclip-ts and FlatGeobuf can consume them without copying, but the
 * core never uses degrees: reprojection to EPSG:4326 happens only for display.
 */

/** [x, y] in metres. */
export type Position = [number, number];
/** A closed ring; the first and last positions are equal. */
export type Ring = Position[];
/** Outer ring first, then holes. Outer rings are counter-clockwise, holes clockwise (see normaliseOrientation). */
export type Polygon = Ring[];
/** A catchment or unit area: one or more polygons. */
export type MultiPolygon = Polygon[];

/** Axis-aligned bounding box [minX, minY, maxX, maxY] in metres. */
export type BBox = [number, number, number, number];
