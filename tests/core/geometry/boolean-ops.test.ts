import { describe, expect, it } from 'vitest';
import * as polyclip from 'polyclip-ts';
import { intersect, subtract, unionAll } from '../../../src/core/geometry/boolean-ops';
import { multiPolygonArea, ringSignedArea } from '../../../src/core/geometry/area';
import { isNormalised } from '../../../src/core/geometry/orientation';
import type { MultiPolygon, Position, Ring } from '../../../src/core/model/geometry-types';
import { lcg, randomStar } from '../random-shapes';

const sq = (x0: number, y0: number, x1: number, y1: number): Ring => [[x0, y0], [x1, y0], [x1, y1], [x0, y1], [x0, y0]];



const positions = (mp: MultiPolygon): Position[] => mp.flat(2);
const has = (mp: MultiPolygon, p: Position) => positions(mp).some((q) => q[0] === p[0] && q[1] === p[1]);

describe('boolean operations (Clipper2 on a millimetre grid, exact coordinates restored)', () => {
  it('keeps input coordinates that are not on the millimetre grid, bit for bit', () => {
    // o = [X0+δ, X0+10] × [Y0, Y0+10] with δ = 0.4567 mm; R = [X0−5, X0+5] × [Y0+2.0001234, Y0+7.0005678].
    // All edges are axis-parallel, so o ∩ R = [X0+δ, X0+5] × [Y0+2.0001234, Y0+7.0005678]: its corners take
    // x from o's or R's vertices and y from R's — the exact input floats, not their millimetre roundings.
    const X0 = 350_000;
    const Y0 = 6_650_000;
    const xo = X0 + 0.0004567;
    const ya = Y0 + 2.0001234;
    const yb = Y0 + 7.0005678;
    const o: MultiPolygon = [[sq(xo, Y0, X0 + 10, Y0 + 10)]];
    const r: MultiPolygon = [[sq(X0 - 5, ya, X0 + 5, yb)]];
    const piece = intersect(o, r);
    expect(piece).toHaveLength(1);
    expect(new Set(positions(piece).map((p) => `${p[0]},${p[1]}`))).toEqual(new Set([`${xo},${ya}`, `${X0 + 5},${ya}`, `${X0 + 5},${yb}`, `${xo},${yb}`]));
    // The rest shares the same border points exactly: the two parts tile o.
    const rest = subtract(o, r);
    for (const p of [[xo, ya], [X0 + 5, ya], [X0 + 5, yb], [xo, yb]] as Position[]) expect(has(rest, p)).toBe(true);
  });

  it('puts a crossing of two slanted edges at its exact float position, the same in o ∩ R and o \\ R', () => {
    // o = [0,10]²; R's edge (−5, 1) → (5, 6.0000001) crosses o's left edge x = 0 at t = 1/2:
    // y = 1 + 5.0000001/2 = 3.50000005 (not on the millimetre grid).
    const o: MultiPolygon = [[sq(0, 0, 10, 10)]];
    const r: MultiPolygon = [[[[-5, 1], [5, 6.0000001], [-5, 9], [-5, 1]]]];
    const piece = intersect(o, r);
    const rest = subtract(o, r);
    const onLeft = (mp: MultiPolygon) => positions(mp).filter((p) => p[0] === 0 && p[1] > 3 && p[1] < 4);
    expect(onLeft(piece)).toHaveLength(1);
    expect(onLeft(piece)[0][1]).toBeCloseTo(3.50000005, 12);
    expect(onLeft(rest).some((p) => p[1] === onLeft(piece)[0][1])).toBe(true);
    // R's other edge (5, 6.0000001) → (−5, 9) crosses x = 0 at y = 7.50000005; the two parts tile o: 100 m².
    expect(multiPolygonArea(piece) + multiPolygonArea(rest)).toBeCloseTo(100, 9);
  });

  it('returns islands inside holes as separate polygons, normalised and closed', () => {
    // A 10×10 square with a 6×6 hole (64 m²) plus a 2×2 island in the hole (4 m²) → 2 polygons, 68 m².
    const frame: MultiPolygon = [[sq(0, 0, 10, 10), sq(2, 2, 8, 8)]];
    const island: MultiPolygon = [[sq(4, 4, 6, 6)]];
    const u = unionAll(frame, island);
    expect(u).toHaveLength(2);
    expect(multiPolygonArea(u)).toBe(68);
    expect(isNormalised(u)).toBe(true);
    const framed = u.find((p) => p.length === 2)!;
    expect(ringSignedArea(framed[1])).toBe(-36);
    for (const ring of u.flat()) expect(ring[0]).toEqual(ring[ring.length - 1]);
  });

  it('accepts rings in any orientation and merges overlapping parts of one input', () => {
    // Two overlapping 2×2 squares given clockwise in one MultiPolygon: union area 4 + 4 − 1 = 7.
    const mp: MultiPolygon = [[sq(0, 0, 2, 2).reverse()], [sq(1, 1, 3, 3).reverse()]];
    expect(multiPolygonArea(unionAll(mp))).toBe(7);
    expect(multiPolygonArea(subtract([[sq(0, 0, 4, 4)]], mp))).toBe(9); // 16 − 7
    expect(subtract(mp)).toBe(mp);
    expect(intersect(mp, [])).toEqual([]);
    expect(unionAll()).toEqual([]);
  });

  it('refuses an operation wider than the port can handle (2^31 mm)', () => {
    expect(() => intersect([[sq(0, 0, 10, 10)]], [[sq(2_200_000, 0, 2_200_010, 10)]])).toThrow(/more than the 2147 km/);
  });

  it('agrees with polyclip-ts (an independent clipper) on random polygons with holes', () => {
    const rand = lcg(2024);
    for (const [cx, cy, tol] of [[3_000, 3_000, 1e-6], [400_000, 6_700_000, 1e-4]] as const) {
      for (let trial = 0; trial < 8; trial++) {
        const a: MultiPolygon = [[randomStar(rand, cx, cy, 2_500, 15 + trial), randomStar(rand, cx, cy, 500, 7).reverse()]];
        const b: MultiPolygon = [[randomStar(rand, cx + 800, cy - 600, 2_000, 12 + trial)]];
        const ref = (g: polyclip.Geom) => multiPolygonArea(g as MultiPolygon);
        expect(Math.abs(multiPolygonArea(intersect(a, b)) - ref(polyclip.intersection(a as polyclip.Geom, b as polyclip.Geom)))).toBeLessThan(tol);
        expect(Math.abs(multiPolygonArea(subtract(a, b)) - ref(polyclip.difference(a as polyclip.Geom, b as polyclip.Geom)))).toBeLessThan(tol);
        expect(Math.abs(multiPolygonArea(unionAll(a, b)) - ref(polyclip.union(a as polyclip.Geom, b as polyclip.Geom)))).toBeLessThan(tol);
      }
    }
  });
});
