/**
 * Shared types of catchment validation and repair: a Problem with the geometry to draw, its
 * area in m² and the people living in it; and the population context (units + one value per
 * unit) used to count people in any polygon. Geometry in EPSG:3067 metres.
 */
import { multiPolygonCentroid } from '../geometry/centroid';
import { multiPolygonArea } from '../geometry/area';
import type { MultiPolygon, Polygon, Position } from '../model/geometry-types';
import type { Problem } from '../model/result';
import type { Units } from '../model/units';
import { polygonUnitAreas, unitCoverage } from '../overlay/unit-coverage';
import { buildUnitLookup } from '../overlay/unit-lookup';
import type { UnitLookup } from '../overlay/unit-lookup';

export type GeometryProblemKind = 'gap' | 'overlap' | 'self-intersection' | 'sliver' | 'multipart' | 'island' | 'outside-outline';

/** A catchment problem the app can draw on a map of its own. */
export interface GeometryProblem extends Problem {
  kind: GeometryProblemKind;
  /** The problem area (the gap, the overlap, the sliver part …), EPSG:3067. */
  geometry: MultiPolygon;
  /** Crossing points of self-intersections, EPSG:3067. */
  points?: Position[];
  /** Area of `geometry` in m². */
  areaM2: number;
  /** People (per the population context's values) living in `geometry`; absent without units. */
  population?: number;
  /** Ids of the schools concerned (owner of a sliver, both of an overlap, neighbours of a gap). */
  schools: string[];
}

/** Units and one value per unit (people, children …) to count in polygons. NaN counts as 0. */
export interface PopulationContext {
  units: Units;
  values: Float64Array;
  lookup: UnitLookup | null;
  areas: Float64Array | null;
}

/** Prepares counting `values` (one per unit, e.g. the population column) in polygons. */
export function populationContext(units: Units, values: Float64Array): PopulationContext {
  return {
    units,
    values,
    lookup: units.kind === 'grid' ? buildUnitLookup(units) : null,
    areas: units.kind === 'polygons' ? polygonUnitAreas(units) : null,
  };
}

/** Σ over units of (fraction of the unit's area inside mp) × value; NaN values count as 0. */
export function populationIn(mp: MultiPolygon, ctx: PopulationContext | undefined): number | undefined {
  if (!ctx) return undefined;
  if (mp.length === 0) return 0;
  const cov = unitCoverage(ctx.units, mp, ctx.lookup, ctx.areas);
  let sum = 0;
  for (let i = 0; i < cov.count; i++) {
    const v = ctx.values[cov.units[i]];
    if (Number.isFinite(v)) sum += cov.fractions[i] * v;
  }
  return sum;
}

/** A GeometryProblem with area and population filled in. */
export function geometryProblem(
  base: Omit<GeometryProblem, 'areaM2' | 'population'>,
  ctx: PopulationContext | undefined,
): GeometryProblem {
  const population = populationIn(base.geometry, ctx);
  return { ...base, areaM2: multiPolygonArea(base.geometry), ...(population === undefined ? {} : { population }) };
}

/** Area-weighted centre of a polygon's outer ring, EPSG:3067. */
export function polygonCentroid(polygon: Polygon): Position {
  return multiPolygonCentroid([[polygon[0]]]);
}
