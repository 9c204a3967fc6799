/**
 * Thin wrappers over polyclip-ts for boolean operations on MultiPolygon
 * coordinates in metres (EPSG:3067). Empty inputs are handled here (polyclip
 * expects at least one polygon) and the output is returned in the core's
 * orientation convention (outer rings CCW, holes CW, rings closed).
 * polyclip-ts works in arbitrary precision (bignumber.js): exact but slow,
 * about 1 ms for two polygons of ~50 vertices; prefilter by bbox before calling.
 */
import * as polyclip from 'polyclip-ts';
import type { MultiPolygon } from '../model/geometry-types';
import { normaliseOrientation } from './orientation';

type PcGeom = polyclip.Geom;

function nonEmpty(geoms: MultiPolygon[]): MultiPolygon[] {
  return geoms.filter((g) => g.length > 0);
}

/** Union of any number of MultiPolygons (overlaps merged). */
export function unionAll(...geoms: MultiPolygon[]): MultiPolygon {
  const parts = nonEmpty(geoms);
  if (parts.length === 0) return [];
  const [first, ...rest] = parts;
  return normaliseOrientation(polyclip.union(first as PcGeom, ...(rest as PcGeom[])) as MultiPolygon);
}

/** a ∩ b. */
export function intersect(a: MultiPolygon, b: MultiPolygon): MultiPolygon {
  if (a.length === 0 || b.length === 0) return [];
  return normaliseOrientation(polyclip.intersection(a as PcGeom, b as PcGeom) as MultiPolygon);
}

/** a \ (b ∪ …). */
export function subtract(a: MultiPolygon, ...bs: MultiPolygon[]): MultiPolygon {
  if (a.length === 0) return [];
  const parts = nonEmpty(bs);
  if (parts.length === 0) return a;
  return normaliseOrientation(polyclip.difference(a as PcGeom, ...(parts as PcGeom[])) as MultiPolygon);
}
