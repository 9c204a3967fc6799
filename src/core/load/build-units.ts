/** FeatureTable of statistical units → GridUnits (regular square cells) or PolygonUnits. */
import type { GridSpec } from '../model/grid-spec';
import { gridCovering } from '../model/grid-spec';
import type { MultiPolygon } from '../model/geometry-types';
import { fail, ok, type Problem, type Result } from '../model/result';
import type { Units } from '../model/units';
import { buildAttributes, type AttributeReport } from './attribute-columns';
import { featureLabel, findField, textValue, type FeatureTable } from './feature-table';
import { detectGrid } from './grid-detect';
import { GRID_CELL_SIZE_RANGE } from './manifest';
import { inferCellSize, looksLikeGridId, mixedSizes, parseGridId } from './grid-ids';
import { multiPolygonArea } from '../geometry/area';
import { multiPolygonBBox } from '../geometry/bbox';
import { normaliseMultiPolygon } from './polygon-utils';

/** Id fields of units, in order of preference (lower case). */
export const UNIT_ID_FIELDS = ['grd_id', 'id', 'index', 'postinumero', 'posti_alue', 'nro'] as const;

export interface BuildUnitsOptions {
  /** Grid from the manifest: the cell size, and optionally the full spec the cells must lie on. */
  grid?: Partial<GridSpec> & { cellSize: number };
  /** Largest corner displacement (metres) accepted when snapping near-square cells to the grid. Default 5. */
  snapToleranceMetres?: number;
  /** Fields that must exist and be numeric (those the indicator configuration uses). */
  numericFields?: readonly string[];
}

export interface UnitsReport extends AttributeReport {
  kind: Units['kind'];
  count: number;
  idField: string | null;
  cellSize?: number;
  /** Largest snapping displacement in metres (grid units only). */
  maxSnapMetres?: number;
  /** Why the units were not taken as a grid (polygon units only). */
  notGridReason?: string;
}

/**
 * Build Units from a table in EPSG:3067. Polygons that are all constant-size axis-aligned squares
 * on a grid aligned to multiples of the cell size (or points, given a cell size) become GridUnits;
 * anything else becomes PolygonUnits with areas and bounding boxes.
 */
export function buildUnits(table: FeatureTable, options: BuildUnitsOptions = {}): Result<{ units: Units; report: UnitsReport }> {
  const file = table.file;
  if (table.count === 0) return fail({ code: 'no-features', message: 'The units file has no features.', fix: 'Export the layer again with its features.', file });
  const errors: Problem[] = [];
  const idField = findField(table, UNIT_ID_FIELDS);
  let wrong = 0;
  table.geometries.forEach((g, i) => {
    if ((!g || g.kind === 'other' || g.kind === 'lines') && wrong++ < 20)
      errors.push({
        code: 'wrong-geometry-type',
        message: `Unit feature ${featureLabel(table, i, idField)} has ${g ? `a ${g.type}` : 'no'} geometry; units must be Polygons, MultiPolygons or (for grids) Points.`,
        fix: 'Keep only the polygon (or grid-cell centre point) layer of the statistical units.',
        file,
        feature: featureLabel(table, i, idField),
      });
  });
  if (wrong > 20) errors.push({ code: 'too-many-problems', message: `${wrong - 20} more unit features have no polygon or point geometry.`, fix: 'Keep only the polygon (or grid-cell centre point) layer of the statistical units.', file });
  const ids = unitIds(table, idField);
  const dup = duplicates(ids);
  if (dup.length)
    errors.push({ code: 'duplicate-id', message: `${dup.length} unit id(s) occur more than once${idField ? ` in field "${idField}"` : ''}.`, fix: 'Give every unit a unique id (each grid cell or area once).', file, field: idField ?? undefined, ids: dup });
  const { attributes, report: attrReport, errors: attrErrors } = buildAttributes(table, [idField], options.numericFields);
  errors.push(...attrErrors);
  if (errors.length) return fail(...errors);

  const allPoints = table.geometries.every((g) => g?.kind === 'point');
  const fromIds = idField ? cellSizeFromIds(ids) : { size: undefined, mixed: null };
  if (fromIds.mixed) return fail({ ...fromIds.mixed, file, field: idField ?? undefined });
  const cellSize = options.grid?.cellSize ?? (allPoints ? fromIds.size : undefined);
  const detection = detectGrid(table.geometries, {
    cellSize,
    originX: options.grid?.originX,
    originY: options.grid?.originY,
    tolerance: options.snapToleranceMetres,
  });
  const base = { count: table.count, ids, attributes };
  if (detection.grid && !(detection.grid.cellSize >= GRID_CELL_SIZE_RANGE[0] && detection.grid.cellSize <= GRID_CELL_SIZE_RANGE[1]))
    return fail({ code: 'implausible-grid', message: `The units form a grid of ${detection.grid.cellSize} m cells, outside the plausible range ${GRID_CELL_SIZE_RANGE[0]}–${GRID_CELL_SIZE_RANGE[1]} m for population grids (the cell size probably comes from a wrong id or unit).`, fix: 'Check the grid ids or the manifest "grid.cellSize" (Statistics Finland grids: 250 m or 1 km).', file });
  if (detection.grid) {
    const { x0, y0, cellSize: size, maxSnap } = detection.grid;
    const spec = gridSpecFor(x0, y0, size, options.grid);
    const col = new Int32Array(table.count);
    const row = new Int32Array(table.count);
    const seen = new Map<string, number>();
    const clash: string[] = [];
    const outside: string[] = [];
    for (let i = 0; i < table.count; i++) {
      col[i] = Math.round((x0[i] - spec.originX) / size);
      row[i] = Math.round((y0[i] - spec.originY) / size);
      if (col[i] < 0 || row[i] < 0 || col[i] >= spec.cols || row[i] >= spec.rows) outside.push(ids[i]);
      const key = `${col[i]},${row[i]}`;
      if (seen.has(key)) clash.push(ids[i]);
      else seen.set(key, i);
    }
    if (clash.length)
      return fail({ code: 'duplicate-cell', message: `${clash.length} unit(s) fall in a grid cell already taken by another unit.`, fix: 'Each grid cell must appear once: remove duplicate cells or merge their counts.', file, ids: clash });
    if (outside.length)
      return fail({ code: 'cell-outside-grid', message: `${outside.length} cell(s) lie outside the grid given in the manifest.`, fix: 'Correct the manifest "grid" (originX, originY, cols, rows) to cover every cell.', file, ids: outside });
    const warnings: Problem[] = [];
    if (maxSnap > 0.01)
      warnings.push({ code: 'grid-snapped', message: `Grid cells were snapped to the ${size} m grid in EPSG:3067 (largest corner move ${maxSnap.toFixed(2)} m), probably after a round trip through degrees.`, fix: 'None needed; give the data in EPSG:3067 to avoid snapping.', file });
    const report: UnitsReport = { ...attrReport, kind: 'grid', count: table.count, idField, cellSize: size, maxSnapMetres: maxSnap };
    return ok({ units: { kind: 'grid', ...base, grid: spec, col, row }, report }, warnings);
  }
  if (allPoints)
    return fail({ code: 'points-need-grid', message: 'The units are points, but no grid cell size is known.', fix: 'Give units as polygons, or load them in a bundle whose manifest has "grid": {"cellSize": 250, …}.', file });
  const geometries: MultiPolygon[] = table.geometries.map((g) => normaliseMultiPolygon(g && g.kind === 'polygons' ? g.polygons : []));
  const same = sameGeometry(geometries, ids);
  if (same.length)
    return fail({ code: 'duplicate-geometry', message: `${same.length} unit(s) have exactly the same shape as another unit (e.g. ${same[0]}); the people in them would be counted twice.`, fix: 'Remove the duplicated areas (the file may hold a layer twice, or two years of the same areas).', file, ids: same });
  const units: Units = {
    kind: 'polygons',
    ...base,
    geometries,
    bboxes: geometries.map(multiPolygonBBox),
    areas: Float64Array.from(geometries, multiPolygonArea),
  };
  return ok({ units, report: { ...attrReport, kind: 'polygons', count: table.count, idField, notGridReason: detection.reason } });
}

/** Ids of polygon units whose bounding box and area equal an earlier unit's (the same area twice). */
function sameGeometry(geometries: MultiPolygon[], ids: string[]): string[] {
  const seen = new Map<string, number>();
  const out: string[] = [];
  geometries.forEach((g, i) => {
    if (!g.length) return;
    const b = multiPolygonBBox(g);
    const key = `${b.map((v) => Math.round(v * 100)).join(',')}|${Math.round(multiPolygonArea(g))}`;
    if (seen.has(key)) out.push(`${ids[i]} = ${ids[seen.get(key)!]}`);
    else seen.set(key, i);
  });
  return out;
}

function unitIds(table: FeatureTable, idField: string | null): string[] {
  const ids: string[] = [];
  for (let i = 0; i < table.count; i++) ids.push((idField ? textValue(table, idField, i) : null) ?? table.featureIds[i] ?? String(i));
  return ids;
}

export function duplicates(ids: readonly string[]): string[] {
  const seen = new Set<string>();
  const dup = new Set<string>();
  for (const id of ids) (seen.has(id) ? dup : seen).add(id);
  return [...dup];
}

/** Cell size from grid ids (every supported form; "N…E…" ids take the spacing of the cells), or why several sizes are refused. */
function cellSizeFromIds(ids: string[]): { size: number | undefined; mixed: Problem | null } {
  if (!ids.length || !ids.every(looksLikeGridId)) return { size: undefined, mixed: null };
  const bare = ids.map((id) => /^N(\d+)E(\d+)$/i.exec(id.trim()));
  const bareSize = bare.every(Boolean) ? inferCellSize(bare.map((m) => Number(m![2])), bare.map((m) => Number(m![1]))) : undefined;
  const cells = ids.map((id) => parseGridId(id, bareSize));
  const mixed = mixedSizes(cells, ids);
  if (mixed) return { size: undefined, mixed };
  return { size: cells.every(Boolean) ? cells[0]!.size : undefined, mixed: null };
}

function gridSpecFor(x0: Float64Array, y0: Float64Array, size: number, given?: Partial<GridSpec>): GridSpec {
  if (given && given.originX !== undefined && given.originY !== undefined && given.cols && given.rows)
    return { originX: given.originX, originY: given.originY, cellSize: size, cols: given.cols, rows: given.rows };
  let minX = Infinity, minY = Infinity, maxX = -Infinity, maxY = -Infinity;
  for (let i = 0; i < x0.length; i++) {
    minX = Math.min(minX, x0[i]);
    minY = Math.min(minY, y0[i]);
    maxX = Math.max(maxX, x0[i] + size);
    maxY = Math.max(maxY, y0[i] + size);
  }
  return gridCovering([minX, minY, maxX, maxY], size);
}
