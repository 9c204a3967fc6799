/**
 * Catchment meshes (catchment-mesh.ts): the chunk layout worked out by hand, the triangles
 * covering exactly each polygon's area (shoelace of the rings, independent of earcut) on random
 * star-shaped catchments with holes, and chunks rebuilt only when one of their catchments changed.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { MultiPolygon, Ring } from '../../../src/core/model/geometry-types';
import { buildChunk, CatchmentChunks, CHUNK_SCHOOLS, type CatchmentChunk } from '../../../src/app/map/catchment-mesh';
import { lcg, randomStar } from '../../core/random-shapes';

const square = (x: number, y: number, s: number): Ring => [[x, y], [x + s, y], [x + s, y + s], [x, y + s], [x, y]];

function shoelace(ring: Ring): number {
  let a = 0;
  for (let i = 0; i + 1 < ring.length; i++) a += ring[i][0] * ring[i + 1][1] - ring[i + 1][0] * ring[i][1];
  return Math.abs(a) / 2;
}

/** Total triangle area of polygon p of the chunk. */
function triangleArea(chunk: CatchmentChunk, p: number): number {
  const P = chunk.positions;
  let total = 0;
  for (let t = 0; t < chunk.indices.length; t += 3) {
    const [a, b, c] = [chunk.indices[t], chunk.indices[t + 1], chunk.indices[t + 2]];
    if (a < chunk.polygonStarts[p] || a >= chunk.polygonStarts[p + 1]) continue;
    total += Math.abs((P[2 * b] - P[2 * a]) * (P[2 * c + 1] - P[2 * a + 1]) - (P[2 * c] - P[2 * a]) * (P[2 * b + 1] - P[2 * a + 1])) / 2;
  }
  return total;
}

describe('buildChunk', () => {
  it('hand example: a square, an empty catchment and a square with a square hole', () => {
    // School 0: one closed ring of 5 vertices → 2 triangles. School 1: empty. School 2: outer ring
    // and hole of 5 vertices each → 4 + 4 corners, 1 hole: 4 + 4 + 2·1 − 2 = 8 triangles.
    const catchments: MultiPolygon[] = [[[square(24.9, 60.1, 0.01)]], [], [[square(25, 60, 0.03), square(25.01, 60.01, 0.01).reverse()]]];
    const chunk = buildChunk(catchments, 0);
    expect(chunk.first).toBe(0);
    expect(chunk.positions.length).toBe(2 * 15);
    expect([...chunk.polygonStarts]).toEqual([0, 5, 15]);
    expect([...chunk.polygonSchool]).toEqual([0, 2]);
    expect([...chunk.ringStarts]).toEqual([0, 5, 10, 15]);
    expect(chunk.indices.length).toBe(3 * (2 + 8));
    expect([...chunk.positions.slice(10, 12)]).toEqual([25, 60]);
    // The lon/lat areas: 1e-4 and 9e-4 − 1e-4 square degrees.
    expect(triangleArea(chunk, 0)).toBeCloseTo(1e-4, 12);
    expect(triangleArea(chunk, 1)).toBeCloseTo(8e-4, 12);
  });

  it('only the chunk’s schools: first … first + count − 1', () => {
    const catchments: MultiPolygon[] = Array.from({ length: 40 }, (_, s) => [[square(24 + s * 0.01, 60, 0.005)]]);
    const chunk = buildChunk(catchments, CHUNK_SCHOOLS);
    expect([...chunk.polygonSchool]).toEqual(Array.from({ length: CHUNK_SCHOOLS }, (_, i) => CHUNK_SCHOOLS + i));
    expect(buildChunk(catchments, 32).polygonSchool.length).toBe(8);
  });

  it('property: each polygon’s triangles cover its area (outer ring minus holes) and stay within its vertices', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 2 ** 31 }), fc.integer({ min: 1, max: 20 }), (seed, schools) => {
        const rand = lcg(seed);
        const catchments: MultiPolygon[] = Array.from({ length: schools }, (_, s) => {
          if (rand() < 0.1) return [];
          const parts = 1 + Math.floor(rand() * 3);
          return Array.from({ length: parts }, (_, k) => {
            const cx = 24 + s * 0.2 + k * 0.05, cy = 60 + rand() * 0.1, r = 0.01 + rand() * 0.01;
            const outer = randomStar(rand, cx, cy, r, 12 + Math.floor(rand() * 30));
            // A hole well inside the star: its vertices are at least 0.3 r from the centre and at
            // most (1 + 0.8) · 2π / 12 apart in angle, so its edges stay over 0.25 r away.
            return rand() < 0.5 ? [outer, square(cx - r / 16, cy - r / 16, r / 8).reverse()] : [outer];
          });
        });
        const chunk = buildChunk(catchments, 0, schools);
        let p = 0;
        catchments.forEach((mp, s) =>
          mp.forEach((polygon) => {
            expect(chunk.polygonSchool[p]).toBe(s);
            const area = shoelace(polygon[0]) - polygon.slice(1).reduce((a, h) => a + shoelace(h), 0);
            // Within 1e-7 of the area: earcut may leave out a near-degenerate sliver of a few mm² (a triangle or polygon gone would be ≥ 1e-3).
            expect(Math.abs(triangleArea(chunk, p) - area)).toBeLessThan(1e-7 * area);
            p++;
          }),
        );
        expect(p).toBe(chunk.polygonSchool.length);
        for (let t = 0; t < chunk.indices.length; t++) expect(chunk.indices[t]).toBeLessThan(chunk.positions.length / 2);
      }),
      { numRuns: 150 },
    );
  });
});

describe('CatchmentChunks', () => {
  it('keeps the chunks whose catchments are the same objects and rebuilds the one that changed', () => {
    const catchments: MultiPolygon[] = Array.from({ length: 3 * CHUNK_SCHOOLS }, (_, s) => [[square(24 + s * 0.01, 60, 0.005)]]);
    const chunks = new CatchmentChunks();
    const first = chunks.get(catchments);
    expect(first.length).toBe(3);
    expect(chunks.get(catchments)).toBe(first);
    const edited = catchments.slice();
    edited[CHUNK_SCHOOLS + 2] = [[square(30, 61, 0.01)]];
    const second = chunks.get(edited);
    expect(second[0]).toBe(first[0]);
    expect(second[2]).toBe(first[2]);
    expect(second[1]).not.toBe(first[1]);
    // The edited school is the chunk's third: its ring starts at vertex 2 × 5.
    expect([...second[1].positions.slice(20, 22)]).toEqual([30, 61]);
    // A school added (a new school's catchment): the last chunk grows, the others stay.
    const third = chunks.get([...edited, [[square(31, 61, 0.01)]]]);
    expect(third.length).toBe(4);
    expect(third[0]).toBe(first[0]);
    expect(third[1]).toBe(second[1]);
  });
});
