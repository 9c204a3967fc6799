/**
 * Fraction of each unit's area inside a MultiPolygon (EPSG:3067 metres).
 * Grid units: the exact raster kernel (coverageRaster) plus the cell lookup.
 * Polygon units (postal areas): Clipper2 intersection areas after a bbox
 * pre-filter — slower, fine for hundreds of units. Fractions are of the unit's
 * own planar area (shoelace of its geometry), so that a unit split between
 * catchments sums to 1 even when the source's `areas` column is a land area.
 */
import type { MultiPolygon } from '../model/geometry-types';
import type { PolygonUnits, Units } from '../model/units';
import { bboxIntersects, bboxIsEmpty, multiPolygonBBox } from '../geometry/bbox';
import { multiPolygonArea } from '../geometry/area';
import { intersect } from '../geometry/boolean-ops';
import { coverageRaster, COVERAGE_EPSILON } from './coverage-raster';
import type { UnitLookup } from './unit-lookup';

/** Sparse unit coverage: unit `units[i]` has `fractions[i]` (0–1] of its area inside the geometry. */
export interface UnitCoverage {
  units: Int32Array;
  fractions: Float64Array;
  count: number;
}

/** Planar area (m²) of each polygon unit's geometry. */
export function polygonUnitAreas(units: PolygonUnits): Float64Array {
  const areas = new Float64Array(units.count);
  for (let u = 0; u < units.count; u++) areas[u] = multiPolygonArea(units.geometries[u]);
  return areas;
}

/**
 * Coverage of `mp` over `units`. `lookup` is required for grid units, `areas`
 * (from polygonUnitAreas) for polygon units.
 */
export function unitCoverage(units: Units, mp: MultiPolygon, lookup: UnitLookup | null, areas: Float64Array | null): UnitCoverage {
  if (units.kind === 'grid') {
    const cells = coverageRaster(mp, units.grid);
    const out = new Int32Array(cells.count);
    const fr = new Float64Array(cells.count);
    let n = 0;
    for (let i = 0; i < cells.count; i++) {
      const u = lookup!.get(cells.cols[i], cells.rows[i]);
      if (u < 0) continue;
      out[n] = u;
      fr[n] = cells.fractions[i];
      n++;
    }
    return { units: out.subarray(0, n), fractions: fr.subarray(0, n), count: n };
  }
  return polygonCoverage(units, mp, areas!);
}

function polygonCoverage(units: PolygonUnits, mp: MultiPolygon, areas: Float64Array): UnitCoverage {
  const bb = multiPolygonBBox(mp);
  const ids: number[] = [];
  const fr: number[] = [];
  if (!bboxIsEmpty(bb)) {
    for (let u = 0; u < units.count; u++) {
      if (!bboxIntersects(units.bboxes[u], bb) || !(areas[u] > 0)) continue;
      const f = Math.min(1, multiPolygonArea(intersect(units.geometries[u], mp)) / areas[u]);
      if (f < COVERAGE_EPSILON) continue;
      ids.push(u);
      fr.push(f);
    }
  }
  return { units: Int32Array.from(ids), fractions: Float64Array.from(fr), count: ids.length };
}
