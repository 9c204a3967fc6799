/**
 * Decide whether unit geometries are cells of a regular square grid in EPSG:3067.
 *
 * Exact grids (Statistics Finland's 250 m grid in EPSG:3067, bundles) pass with zero
 * displacement. Grids that went through EPSG:4326 with rounded coordinates are "near-squares":
 * each cell is snapped to the grid cell whose centre is nearest, and accepted when every corner
 * moves by at most `tolerance` metres. Grids aligned in another CRS (HSY's grid is aligned in
 * ETRS-GK25, EPSG:3879) are rotated by the meridian convergence difference (about 1.7° in the
 * capital region) in EPSG:3067; their corners would move by several metres and their centres by
 * up to half a cell, so they are rejected and loaded as polygons.
 */
import type { FeatureGeometry } from './feature-table';
import { ringSignedArea } from '../geometry/area';

export interface GridCells {
  cellSize: number;
  /** Lower-left corner of each cell, EPSG:3067 metres. */
  x0: Float64Array;
  y0: Float64Array;
  /** Largest corner displacement caused by snapping, metres (0 for exact grids). */
  maxSnap: number;
}

export interface GridDetectOptions {
  /** Cell size in metres when known (manifest); otherwise the median side, rounded to a metre. */
  cellSize?: number;
  /** Grid origin; cells are aligned to originX + k·cellSize. Default 0 (multiples of the cell size). */
  originX?: number;
  originY?: number;
  /** Largest corner displacement accepted when snapping, metres. Default 5. */
  tolerance?: number;
}

/** Result of detection: the cells, or why the geometries are not a grid. */
export type GridDetection = { grid: GridCells } | { grid: null; reason: string };

/** Detect a grid of polygon squares, or of points with a known cell size. */
export function detectGrid(geometries: (FeatureGeometry | null)[], options: GridDetectOptions): GridDetection {
  const n = geometries.length;
  if (n === 0) return { grid: null, reason: 'no features' };
  const tol = options.tolerance ?? 5;
  const allPoints = geometries.every((g) => g?.kind === 'point');
  const size = options.cellSize ?? (allPoints ? undefined : medianSide(geometries));
  if (!size || !(size > 0)) return { grid: null, reason: allPoints ? 'points without a cell size' : 'not squares' };
  const ox = options.originX ?? 0;
  const oy = options.originY ?? 0;
  const x0 = new Float64Array(n);
  const y0 = new Float64Array(n);
  let maxSnap = 0;
  for (let i = 0; i < n; i++) {
    const g = geometries[i];
    if (!g || g.kind === 'other' || g.kind === 'lines') return { grid: null, reason: `feature ${i} is neither a point nor a polygon` };
    if (g.kind === 'point') {
      x0[i] = ox + Math.floor((g.point[0] - ox) / size) * size;
      y0[i] = oy + Math.floor((g.point[1] - oy) / size) * size;
      continue;
    }
    if (g.polygons.length !== 1 || g.polygons[0].length !== 1 || g.polygons[0][0].length !== 5) return { grid: null, reason: `feature ${i} is not a simple quadrilateral` };
    const ring = g.polygons[0][0];
    let cx = 0, cy = 0;
    for (let k = 0; k < 4; k++) {
      cx += ring[k][0] / 4;
      cy += ring[k][1] / 4;
    }
    const area = Math.abs(ringSignedArea(ring));
    if (Math.abs(area - size * size) > 4 * tol * size) return { grid: null, reason: `feature ${i} has an area of ${area.toFixed(0)} m², not ${size * size} m²` };
    const lx = ox + Math.round((cx - size / 2 - ox) / size) * size;
    const ly = oy + Math.round((cy - size / 2 - oy) / size) * size;
    for (let k = 0; k < 4; k++) {
      const [x, y] = ring[k];
      const dx = Math.min(Math.abs(x - lx), Math.abs(x - lx - size));
      const dy = Math.min(Math.abs(y - ly), Math.abs(y - ly - size));
      const d = Math.hypot(dx, dy);
      if (d > tol) {
        const rot = edgeRotation(g);
        const why = rot > 0.1 ? `; its edges are rotated ${rot.toFixed(2)}° from the EPSG:3067 axes, so the grid is aligned in another CRS (HSY's grid is aligned in ETRS-GK25)` : '';
        return { grid: null, reason: `feature ${i} is ${d.toFixed(1)} m from the nearest ${size} m grid cell in EPSG:3067 (tolerance ${tol} m)${why}` };
      }
      if (d > maxSnap) maxSnap = d;
    }
    x0[i] = lx;
    y0[i] = ly;
  }
  return { grid: { cellSize: size, x0, y0, maxSnap } };
}

function medianSide(geometries: (FeatureGeometry | null)[]): number | undefined {
  const sides: number[] = [];
  for (let i = 0; i < geometries.length; i += Math.max(1, Math.floor(geometries.length / 200))) {
    const g = geometries[i];
    if (g?.kind !== 'polygons') return undefined;
    const [a, b] = g.polygons[0][0];
    sides.push(Math.hypot(b[0] - a[0], b[1] - a[1]));
  }
  sides.sort((a, b) => a - b);
  const m = Math.round(sides[Math.floor(sides.length / 2)]);
  return m > 0 ? m : undefined;
}

/** Angle in degrees between the first edge of a polygon and the nearest EPSG:3067 axis. */
function edgeRotation(g: FeatureGeometry): number {
  if (g.kind !== 'polygons') return 0;
  const [a, b] = g.polygons[0][0];
  const deg = (Math.atan2(b[1] - a[1], b[0] - a[0]) * 180) / Math.PI;
  const r = ((deg % 90) + 90) % 90;
  return Math.min(r, 90 - r);
}
