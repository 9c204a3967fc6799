/**
 * Validation of one network's catchments as a partition: gaps (holes between catchments inside
 * the network's outer boundary, or inside a given outline), overlaps, self-intersections,
 * slivers (thin or tiny parts), and multipart oddities (a school with several disjoint parts;
 * tiny islands). Each problem carries its geometry, its area in m² and, given units, the people
 * living in it. Geometry in EPSG:3067 metres.
 */
import { multiPolygonArea, polygonArea } from '../geometry/area';
import { bboxIntersects, multiPolygonBBox } from '../geometry/bbox';
import { intersect, subtract, unionAll } from '../geometry/boolean-ops';
import { isSliver } from '../geometry/remove-slivers';
import type { MultiPolygon } from '../model/geometry-types';
import type { Partition } from '../model/school';
import { geometryProblem, type GeometryProblem, type GeometryProblemKind, type PopulationContext } from './geometry-problem';
import { findSelfIntersections } from './self-intersections';
import { DEFAULT_BORDER_TOLERANCE, sharedBorderLength } from './shared-border';

export interface PartitionCheckOptions {
  /** Area the catchments should cover (e.g. the municipality); default: the union of the catchments with its holes filled. */
  outline?: MultiPolygon;
  /** Units and values to count the people affected by each problem. */
  population?: PopulationContext;
  /** A part smaller than this is a sliver, m². Default 100. */
  sliverArea?: number;
  /** A part thinner than this (mean width 2·area/perimeter) is a sliver, m. Default 2. */
  sliverWidth?: number;
  /** A disjoint part (not the school's largest) smaller than this is an island, m²; larger ones are "multipart". Default 10 000. */
  islandArea?: number;
  /** Gaps, overlaps and parts outside the outline smaller than this are numerical noise and ignored, m². Default 0.01. */
  minArea?: number;
  /** Tolerance for "shares a border", m. Default 0.01. */
  borderTolerance?: number;
  file?: string;
}

export interface PartitionReport {
  problems: GeometryProblem[];
  /** Number of problems of each kind. */
  counts: Record<GeometryProblemKind, number>;
  /** Area of the outer boundary (outline or filled union), m². */
  outlineArea: number;
}

export const DEFAULT_SLIVER_AREA_M2 = 100;
export const DEFAULT_SLIVER_WIDTH_M = 2;
export const DEFAULT_ISLAND_AREA_M2 = 10_000;
export const DEFAULT_MIN_AREA_M2 = 0.01;

/** Resolved thresholds. */
export function partitionThresholds(o: PartitionCheckOptions) {
  return {
    sliverArea: o.sliverArea ?? DEFAULT_SLIVER_AREA_M2,
    sliverWidth: o.sliverWidth ?? DEFAULT_SLIVER_WIDTH_M,
    islandArea: o.islandArea ?? DEFAULT_ISLAND_AREA_M2,
    minArea: o.minArea ?? DEFAULT_MIN_AREA_M2,
    borderTolerance: o.borderTolerance ?? DEFAULT_BORDER_TOLERANCE,
  };
}

/** The outer boundary of a union: its polygons without their holes. */
export function fillHoles(mp: MultiPolygon): MultiPolygon {
  return mp.map((p) => [p[0]]);
}

/** The gaps of a partition: outline (default: filled union) minus the union of the catchments. */
export function partitionGaps(catchments: readonly MultiPolygon[], outline?: MultiPolygon): MultiPolygon {
  const union = unionAll(...catchments);
  return subtract(outline ?? fillHoles(union), union);
}

/**
 * Every problem of the partition; `schoolIds` is parallel to partition.catchments (Network.schoolIds).
 * Problems are warnings: the engine computes on any partition, counting gap and overlap children.
 */
export function validatePartition(partition: Partition, schoolIds: readonly string[], options: PartitionCheckOptions = {}): PartitionReport {
  const t = partitionThresholds(options);
  const ctx = options.population;
  const file = options.file;
  const raw = partition.catchments;
  const merged = raw.map((c) => (c.length ? unionAll(c) : []));
  const problems: GeometryProblem[] = [];
  const add = (p: Omit<GeometryProblem, 'areaM2' | 'population' | 'file'>) => problems.push(geometryProblem({ ...p, file }, ctx));

  raw.forEach((c, i) => {
    const points = findSelfIntersections(c);
    if (points.length)
      add({ kind: 'self-intersection', code: 'catchment-self-intersection', schools: [schoolIds[i]], feature: schoolIds[i], geometry: c, points,
        message: `The catchment of ${schoolIds[i]} crosses itself at ${points.length} point(s).`,
        fix: 'Apply "fix self-intersections" (rebuilds the catchment as the area its rings enclose, like QGIS "Fix geometries"), or repair it in a GIS and load it again.' });
  });
  merged.forEach((c, i) => {
    const parts = [...c].sort((a, b) => polygonArea(b) - polygonArea(a));
    parts.forEach((p, k) => {
      const id = schoolIds[i];
      if (isSliver(p, { minArea: t.sliverArea, minWidth: t.sliverWidth }))
        add({ kind: 'sliver', code: 'catchment-sliver', schools: [id], feature: id, geometry: [p],
          message: `The catchment of ${id} has a sliver part of ${polygonArea(p).toFixed(1)} m² (smaller than ${t.sliverArea} m² or thinner than ${t.sliverWidth} m).`,
          fix: 'Apply "dissolve slivers" to give it to the neighbour sharing the longest border.' });
      else if (k > 0 && polygonArea(p) < t.islandArea)
        add({ kind: 'island', code: 'catchment-island', schools: [id], feature: id, geometry: [p],
          message: `The catchment of ${id} has a detached island of ${polygonArea(p).toFixed(0)} m² away from its main area.`,
          fix: 'Check it on the map; apply "dissolve slivers" to give it to the neighbour around it, or keep it if it is a real island.' });
      else if (k > 0)
        add({ kind: 'multipart', code: 'catchment-multipart', schools: [id], feature: id, geometry: [p],
          message: `The catchment of ${id} has ${parts.length} disjoint parts; this one covers ${polygonArea(p).toFixed(0)} m².`,
          fix: 'Check that the school really serves every part (islands, enclaves); otherwise assign the part to another school.' });
    });
  });
  const union = unionAll(...merged);
  const outer = options.outline ?? fillHoles(union);
  for (const g of subtract(outer, union)) {
    if (polygonArea(g) < t.minArea) continue;
    const neighbours = merged.flatMap((c, j) => (c.length && sharedBorderLength(g, c, t.borderTolerance) > 0 ? [schoolIds[j]] : []));
    add({ kind: 'gap', code: 'catchment-gap', schools: neighbours, geometry: [g], ids: neighbours,
      message: `A gap of ${polygonArea(g).toFixed(1)} m² belongs to no catchment${neighbours.length ? ` (between ${neighbours.join(', ')})` : ''}.`,
      fix: 'Apply "fill gaps" to give it to the neighbour sharing the longest border, or assign it by hand.' });
  }
  if (options.outline)
    merged.forEach((c, i) => {
      for (const p of subtract(c, options.outline!)) {
        if (polygonArea(p) < t.minArea) continue;
        add({ kind: 'outside-outline', code: 'catchment-outside-outline', schools: [schoolIds[i]], feature: schoolIds[i], geometry: [p],
          message: `${polygonArea(p).toFixed(1)} m² of the catchment of ${schoolIds[i]} lie outside the outline.`,
          fix: 'Clip the catchments to the municipality, or check that the outline is the right one.' });
      }
    });
  const boxes = merged.map(multiPolygonBBox);
  for (let i = 0; i < merged.length; i++)
    for (let j = i + 1; j < merged.length; j++) {
      if (!merged[i].length || !merged[j].length || !bboxIntersects(boxes[i], boxes[j])) continue;
      for (const o of intersect(merged[i], merged[j])) {
        if (polygonArea(o) < t.minArea) continue;
        add({ kind: 'overlap', code: 'catchment-overlap', schools: [schoolIds[i], schoolIds[j]], geometry: [o], ids: [schoolIds[i], schoolIds[j]],
          message: `The catchments of ${schoolIds[i]} and ${schoolIds[j]} overlap by ${polygonArea(o).toFixed(1)} m².`,
          fix: 'Apply "split overlaps" with a rule (to the larger, to the smaller, to the nearer school), or redraw the border.' });
      }
    }
  const counts = { gap: 0, overlap: 0, 'self-intersection': 0, sliver: 0, multipart: 0, island: 0, 'outside-outline': 0 } as Record<GeometryProblemKind, number>;
  for (const p of problems) counts[p.kind]++;
  return { problems, counts, outlineArea: multiPolygonArea(outer) };
}
