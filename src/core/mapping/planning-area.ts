/**
 * The planning area of an import (the wizard's worker and the CLI's --area): the units of the Fields step cut to
 * the boundary polygons that satisfy the area conditions (a unit belongs when its centre lies
 * inside), and the outline generated catchments are clipped to: the area together with the kept
 * units (grid cells whole), so every kept unit is covered. Geometry in EPSG:3067 metres.
 */
import { buildUnits, type UnitsReport } from '../load/build-units';
import type { FeatureTable } from '../load/feature-table';
import { areaPolygons, subsetTable, unitsInArea } from './area-filter';
import { conditionsText, type FieldCondition } from './feature-filter';
import { cellsToMultiPolygon } from '../geometry/cells-to-multi-polygon';
import { unionAll } from '../geometry/boolean-ops';
import type { MultiPolygon } from '../model/geometry-types';
import { fail, ok, type Problem, type Result } from '../model/result';
import type { Units } from '../model/units';

/** The units of the Fields step: their table, as built, and the warnings so far. */
export interface AreaInput {
  table: FeatureTable;
  units: Result<{ units: Units; report: UnitsReport }>;
  warnings: Problem[];
}

export interface AreaCut {
  table: FeatureTable;
  units: Result<{ units: Units; report: UnitsReport }>;
  warnings: Problem[];
  /** The polygons making the planning area (not unioned): schools must lie in one of them. */
  area: MultiPolygon;
  /** Area ∪ kept units, what generated catchments partition: computed on first call (a union costs seconds on a national file). */
  outline(): MultiPolygon;
  kept: number;
}

/**
 * The units inside the planning area made of `boundary`'s polygons satisfying `conditions`
 * (every polygon for none). A problem names the file when no polygon or no unit is left.
 */
export function restrictToArea(all: AreaInput, boundary: FeatureTable, conditions: readonly FieldCondition[]): Result<AreaCut> {
  if (!all.units.ok) return all.units;
  const area = areaPolygons(boundary, conditions);
  if (!area.ok) return area;
  const units = all.units.value.units;
  const keep = unitsInArea(units, area.value);
  let kept = 0;
  for (let i = 0; i < keep.length; i++) kept += keep[i];
  if (kept === 0)
    return fail({
      code: 'area-no-units',
      message: `None of the ${units.count} units of ${all.table.file} has its centre inside the planning area of ${boundary.file}${conditions.length ? ` (${conditionsText(conditions)})` : ''}.`,
      fix: 'Check that the boundary and the units cover the same place (and their coordinate systems), or change the area filter.',
      file: boundary.file,
    });
  const table = subsetTable(all.table, keep);
  const built = buildUnits(table, { numericFields: [] });
  let outline: MultiPolygon | null = null;
  const outlineOnce = () => {
    if (outline) return outline;
    if (!built.ok) return (outline = unionAll(area.value));
    const u = built.value.units;
    const cover = u.kind === 'grid' ? cellsToMultiPolygon(u.grid, Array.from({ length: u.count }, (_, i) => [u.col[i], u.row[i]] as [number, number])) : unionAll(...u.geometries);
    return (outline = unionAll(area.value, cover));
  };
  const note: Problem = {
    code: 'area-applied',
    message: `${kept} of ${units.count} units lie inside the planning area (${boundary.file}${conditions.length ? `, ${conditionsText(conditions)}` : ''}); the others are left out.`,
    fix: 'Change the area filter (the Schools step of the wizard, --area-where in the CLI), or leave the planning area out to use every unit.',
    file: boundary.file,
  };
  return ok({ table, units: built, warnings: [...all.warnings, note], area: area.value, outline: outlineOnce, kept });
}
