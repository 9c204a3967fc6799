/**
 * Restricting an import to the planning area (a municipality): the area is made of the
 * polygons of a boundary file (optionally only the features whose field equals a value, e.g.
 * Paavo postal areas with kuntano = 049), and a unit belongs to it when its centre lies inside
 * (a grid cell's centre, a polygon unit's area centroid). A regional grid such as HSY's then
 * becomes the municipality's, so catchments generated from the municipality's schools do not
 * reach into the neighbours' population. Geometry in EPSG:3067 metres.
 */
import { unionAll } from '../geometry/boolean-ops';
import { multiPolygonCentroid } from '../geometry/centroid';
import { pointInPolygon } from '../geometry/point-in-polygon';
import { bboxIsEmpty, bboxUnion, emptyBBox, multiPolygonBBox } from '../geometry/bbox';
import type { BBox, MultiPolygon } from '../model/geometry-types';
import { fail, ok, type Result } from '../model/result';
import type { Units } from '../model/units';
import type { FeatureGeometry, FeatureTable, PropertyColumn } from '../load/feature-table';
import { conditionsText, equalsConditions, featuresWhere, type FieldCondition } from './feature-filter';

/**
 * The boundary file's polygons that satisfy every condition (all polygons for none), e.g. Paavo
 * areas with kuntano = 837, as one MultiPolygon whose polygons may touch or overlap (not unioned:
 * testing points against them needs no union, which on a national file costs seconds).
 * `{ field, value }` is the single condition field = value.
 */
export function areaPolygons(table: FeatureTable, filter: readonly FieldCondition[] | { field: string; value: string } | null = null): Result<MultiPolygon> {
  const conditions = Array.isArray(filter) ? (filter as readonly FieldCondition[]) : equalsConditions(filter as { field: string; value: string } | null);
  const where = featuresWhere(table, conditions, 'planning-area file');
  if (!where.ok) return where;
  const parts: MultiPolygon = [];
  for (let i = 0; i < table.count; i++) {
    const g = table.geometries[i];
    if (g?.kind === 'polygons' && where.value[i]) parts.push(...g.polygons);
  }
  if (parts.length === 0)
    return fail({
      code: 'area-empty',
      message: conditions.length ? `No polygon of the boundary file has ${conditionsText(conditions)}.` : 'The boundary file has no polygons.',
      fix: conditions.length ? 'Check the fields and the values (e.g. kuntano = 049 for Espoo in Paavo data).' : 'Give a file of the planning area as polygons (e.g. the municipality, or its postal-code areas).',
      file: table.file,
      ...(conditions.length ? { field: conditions.map((c) => c.field).join(', ') } : {}),
    });
  return ok(parts);
}

/** The union of the polygons areaPolygons selects: the planning area's outline. */
export function areaOutline(table: FeatureTable, filter: readonly FieldCondition[] | { field: string; value: string } | null = null): Result<MultiPolygon> {
  const parts = areaPolygons(table, filter);
  return parts.ok ? ok(unionAll(parts.value)) : parts;
}

/**
 * A point test for a MultiPolygon of many polygons (a national file's areas): each polygon's
 * box first, so a point is tested against the few polygons around it. On an edge counts as inside.
 */
export function pointInAreaTest(area: MultiPolygon): (x: number, y: number) => boolean {
  const boxes = area.map((polygon) => multiPolygonBBox([polygon]));
  const all = multiPolygonBBox(area);
  return (x, y) => {
    if (x < all[0] || x > all[2] || y < all[1] || y > all[3]) return false;
    for (let k = 0; k < area.length; k++) {
      const b = boxes[k];
      if (x >= b[0] && x <= b[2] && y >= b[1] && y <= b[3] && pointInPolygon([x, y], area[k])) return true;
    }
    return false;
  };
}

/** 1 for each unit whose centre lies inside `area`, else 0. */
export function unitsInArea(units: Units, area: MultiPolygon): Uint8Array {
  const keep = new Uint8Array(units.count);
  const inside = pointInAreaTest(area);
  if (units.kind === 'grid') {
    const { originX, originY, cellSize } = units.grid;
    for (let i = 0; i < units.count; i++) keep[i] = inside(originX + (units.col[i] + 0.5) * cellSize, originY + (units.row[i] + 0.5) * cellSize) ? 1 : 0;
  } else {
    for (let i = 0; i < units.count; i++) {
      const g = units.geometries[i];
      if (g.length === 0) continue;
      const [x, y] = multiPolygonCentroid(g);
      keep[i] = inside(x, y) ? 1 : 0;
    }
  }
  return keep;
}

/** The features of `table` where `keep` is 1, in order: every column, geometry and id. */
export function subsetTable(table: FeatureTable, keep: Uint8Array): FeatureTable {
  const index: number[] = [];
  for (let i = 0; i < table.count; i++) if (keep[i]) index.push(i);
  const remap = new Int32Array(table.count).fill(-1);
  index.forEach((old, k) => (remap[old] = k));
  const columns: Record<string, PropertyColumn> = {};
  for (const [name, col] of Object.entries(table.columns)) {
    const numbers = new Float64Array(index.length);
    const texts = col.texts ? index.map((i) => col.texts![i]) : null;
    let present = 0;
    index.forEach((old, k) => {
      numbers[k] = col.numbers[old];
      if (!Number.isNaN(col.numbers[old]) || (col.texts?.[old] ?? '') !== '') present++;
    });
    const nonNumeric = col.nonNumeric.map((i) => remap[i]).filter((k) => k >= 0);
    columns[name] = { name: col.name, numbers, texts, nonNumeric, present };
  }
  const geometries = index.map((i) => table.geometries[i]);
  return { ...table, count: index.length, geometries, columns, featureIds: index.map((i) => table.featureIds[i]), bbox: geometriesBBox(geometries) };
}

/** Bounding box of points and polygons; null when there are none. */
function geometriesBBox(geometries: (FeatureGeometry | null)[]): BBox | null {
  let bb = emptyBBox();
  for (const g of geometries) {
    if (g?.kind === 'polygons') bb = bboxUnion(bb, multiPolygonBBox(g.polygons));
    else if (g?.kind === 'point') bb = bboxUnion(bb, [g.point[0], g.point[1], g.point[0], g.point[1]]);
  }
  return bboxIsEmpty(bb) ? null : bb;
}
