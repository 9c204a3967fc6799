/**
 * Boolean operations on MultiPolygons in metres (EPSG:3067), on Clipper2
 * (@countertype/clipper2-ts, integer arithmetic on a 1 mm grid; see clipper-io.ts
 * for how the exact input coordinates are put back on the output). About 0.2–0.8 ms
 * for two polygons of ~50 vertices; prefilter by bbox before calling.
 *
 * Contract: rings of the inputs may come in any orientation (each polygon's first
 * ring is its outer ring, the rest are holes; overlapping parts of one input are
 * merged). The output is normalised: outer rings counter-clockwise, holes
 * clockwise, rings closed, no empty polygons. Parts thinner than the grid (below
 * ~1 mm) may vanish. Empty inputs give [] (or `a` itself for subtract).
 */
import * as C2 from '@countertype/clipper2-ts';
import type { MultiPolygon } from '../model/geometry-types';
import { ClipperIO } from './clipper-io';

function nonEmpty(geoms: MultiPolygon[]): MultiPolygon[] {
  return geoms.filter((g) => g.length > 0);
}

/** Union of any number of MultiPolygons (overlaps merged). */
export function unionAll(...geoms: MultiPolygon[]): MultiPolygon {
  const parts = nonEmpty(geoms);
  if (parts.length === 0) return [];
  const io = new ClipperIO();
  const subject = parts.flatMap((g) => io.add(g));
  return io.run(C2.ClipType.Union, subject, null);
}

/** a ∩ b. */
export function intersect(a: MultiPolygon, b: MultiPolygon): MultiPolygon {
  if (a.length === 0 || b.length === 0) return [];
  const io = new ClipperIO();
  const subject = io.add(a);
  const clip = io.add(b);
  if (clip.length === 0) return [];
  return io.run(C2.ClipType.Intersection, subject, clip);
}

/** a \ (b ∪ …). */
export function subtract(a: MultiPolygon, ...bs: MultiPolygon[]): MultiPolygon {
  if (a.length === 0) return [];
  const parts = nonEmpty(bs);
  if (parts.length === 0) return a;
  const io = new ClipperIO();
  const subject = io.add(a);
  const clip = parts.flatMap((g) => io.add(g));
  return io.run(C2.ClipType.Difference, subject, clip);
}
