/**
 * Catchments generated from school points, for schools whose real catchments are missing:
 * the Voronoi cell of each school (all places nearer to it than to any other school of the
 * network, straight-line distance) clipped to an outline (the municipality). The cells tile the
 * plane, neighbours share their edges vertex for vertex, and clipping puts the same crossing
 * points on both sides, so the result is a partition of the outline without gaps or overlaps.
 * Coordinates in EPSG:3067 metres.
 */
import { Delaunay } from 'd3-delaunay';
import { multiPolygonBBox } from '../geometry/bbox';
import { intersect } from '../geometry/boolean-ops';
import type { MultiPolygon, Position } from '../model/geometry-types';
import type { Partition } from '../model/school';

/**
 * One catchment per school, parallel to `schools`: its Voronoi cell ∩ outline.
 * Schools at exactly the same point share one cell: the first of them gets it, the others an
 * empty catchment. A school whose cell misses the outline gets an empty catchment.
 *
 * @param schools school points in EPSG:3067 (School or anything with a location)
 * @param outline area to partition (e.g. the municipality), EPSG:3067
 * @param networkId id put on the Partition
 */
export function generateCatchments(schools: readonly { location: Position }[], outline: MultiPolygon, networkId = 'generated'): Partition {
  if (schools.length === 0 || outline.length === 0) return { networkId, catchments: schools.map(() => []) };
  const firstAt = new Map<string, number>();
  const unique: number[] = [];
  schools.forEach((s, i) => {
    const key = `${s.location[0]},${s.location[1]}`;
    if (!firstAt.has(key)) {
      firstAt.set(key, unique.length);
      unique.push(i);
    }
  });
  const [minX, minY, maxX, maxY] = boundsOf(schools, outline);
  // Bounds far outside the outline, so that d3's clipping to them never touches the outline.
  const margin = Math.max(maxX - minX, maxY - minY, 1000);
  const delaunay = Delaunay.from(unique.map((i) => schools[i].location));
  const voronoi = delaunay.voronoi([minX - margin, minY - margin, maxX + margin, maxY + margin]);
  const cells: MultiPolygon[] = unique.map((_, k) => {
    const polygon = voronoi.cellPolygon(k) as unknown as Position[] | null;
    return polygon && polygon.length >= 4 ? intersect([[polygon.map((p) => [p[0], p[1]] as Position)]], outline) : [];
  });
  const catchments = schools.map((s, i) => {
    const k = firstAt.get(`${s.location[0]},${s.location[1]}`)!;
    return unique[k] === i ? cells[k] : [];
  });
  return { networkId, catchments };
}

function boundsOf(schools: readonly { location: Position }[], outline: MultiPolygon): [number, number, number, number] {
  const b = multiPolygonBBox(outline);
  for (const s of schools) {
    b[0] = Math.min(b[0], s.location[0]);
    b[1] = Math.min(b[1], s.location[1]);
    b[2] = Math.max(b[2], s.location[0]);
    b[3] = Math.max(b[3], s.location[1]);
  }
  return b;
}

/** Schools at exactly the point of an earlier school: one Voronoi cell per point, so they get none. */
export function colocatedSchools(schools: readonly { id: string; location: readonly number[] }[]): Set<string> {
  const seen = new Set<string>();
  const out = new Set<string>();
  for (const s of schools) {
    const key = s.location.join(',');
    if (seen.has(key)) out.add(s.id);
    seen.add(key);
  }
  return out;
}
