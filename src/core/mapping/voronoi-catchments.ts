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
import { fail, ok, type Result } from '../model/result';
import { CLIP_MAX_METRES, clipExtentProblem } from '../geometry/clipper-io';

/**
 * One catchment per school, parallel to `schools`: its Voronoi cell ∩ outline.
 * Schools at exactly the same point share one cell: the first of them gets it, the others an
 * empty catchment. A school whose cell misses the outline gets an empty catchment.
 *
 * The Voronoi diagram is bounded by the outline's box (plus a margin), never by the schools: a
 * school far away (another municipality, a wrong coordinate) cannot stretch the box, so every
 * boolean operation stays within the outline's extent. An outline too large for the clipper's
 * integer range (about 2 147 km) is a 'geometry-too-large' problem, not an exception.
 *
 * @param schools school points in EPSG:3067 (School or anything with a location)
 * @param outline area to partition (e.g. the municipality), EPSG:3067
 * @param networkId id put on the Partition
 */
export function generateCatchments(schools: readonly { location: Position }[], outline: MultiPolygon, networkId = 'generated'): Result<Partition> {
  if (schools.length === 0 || outline.length === 0) return ok({ networkId, catchments: schools.map(() => []) });
  const [minX, minY, maxX, maxY] = multiPolygonBBox(outline);
  // A margin so that d3's clipping to the box never touches the outline.
  const margin = Math.max(1000, 0.01 * Math.max(maxX - minX, maxY - minY));
  const extent = Math.max(maxX - minX, maxY - minY) + 2 * margin;
  if (!(extent < CLIP_MAX_METRES)) return fail(clipExtentProblem(extent));
  const firstAt = new Map<string, number>();
  const unique: number[] = [];
  schools.forEach((s, i) => {
    const key = `${s.location[0]},${s.location[1]}`;
    if (!firstAt.has(key)) {
      firstAt.set(key, unique.length);
      unique.push(i);
    }
  });
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
  return ok({ networkId, catchments });
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
