/**
 * Centre of every statistical unit in EPSG:3067 metres: the cell centre for grid units, the
 * area-weighted centroid of the (multi)polygon for polygon units (holes subtracted). Used as
 * the home location of the unit's children for straight-line trip distances.
 */
import { multiPolygonCentroid } from '../geometry/centroid';
import type { Units } from '../model/units';


/** Interleaved [x0, y0, x1, y1, …] centres of every unit, EPSG:3067 metres. */
export function unitCentres(units: Units): Float64Array {
  const out = new Float64Array(units.count * 2);
  if (units.kind === 'grid') {
    const g = units.grid;
    for (let u = 0; u < units.count; u++) {
      out[2 * u] = g.originX + (units.col[u] + 0.5) * g.cellSize;
      out[2 * u + 1] = g.originY + (units.row[u] + 0.5) * g.cellSize;
    }
  } else {
    for (let u = 0; u < units.count; u++) {
      const [x, y] = multiPolygonCentroid(units.geometries[u]);
      out[2 * u] = x;
      out[2 * u + 1] = y;
    }
  }
  return out;
}
