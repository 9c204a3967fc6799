import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import * as C2 from '@countertype/clipper2-ts';
import { exactIsCollinear, installExactCollinear } from '../../../src/core/geometry/clipper-collinear';
import { PointTable } from '../../../src/core/geometry/point-table';
import '../../../src/core/geometry/clipper-io';

describe('exactIsCollinear', () => {
  it('decides small cases like the cross product', () => {
    expect(exactIsCollinear({ x: 0, y: 0 }, { x: 1, y: 1 }, { x: 2, y: 2 })).toBe(true);
    expect(exactIsCollinear({ x: 0, y: 0 }, { x: 1, y: 1 }, { x: 2, y: 3 })).toBe(false);
    expect(exactIsCollinear({ x: 5, y: 5 }, { x: 5, y: 9 }, { x: 5, y: -3 })).toBe(true); // vertical, with a spike
  });

  it('is exact beyond 2^53 products and beyond the port’s 32-bit truncation', () => {
    // a = 5e9, b = 1e9, c = 1e9, d = 5e9: a·b = c·d = 5e18 > 2^53 → BigInt path; 5e9 > 2^32 would be truncated by the port.
    expect(exactIsCollinear({ x: 0, y: 0 }, { x: 5e9, y: 1e9 }, { x: 1e10, y: 2e9 })).toBe(true);
    // Moving the last point up by 1: b = 1e9 + 1, a·b − c·d = 5e9 ≠ 0.
    expect(exactIsCollinear({ x: 0, y: 0 }, { x: 5e9, y: 1e9 }, { x: 1e10, y: 2e9 + 1 })).toBe(false);
  });

  it('agrees with the library’s own test wherever that one is right (differences < 2^31)', () => {
    // |coordinates| ≤ 2^24 and a multiplier ≤ 50 keep every difference below 2^25 · 51 < 2^31, where the
    // port is right; products reach ~3e18 > 2^53, so both branches of exactIsCollinear run.
    const coord = fc.integer({ min: -(2 ** 24), max: 2 ** 24 });
    const small = fc.integer({ min: -50, max: 50 });
    const pt = fc.record({ x: coord, y: coord });
    fc.assert(
      fc.property(pt, pt, small, small, fc.boolean(), (p1, s, dx, dy, onLine) => {
        // Half of the cases put pt2 on the line through p1 and s (k · (s − p1) from s), the rest off it.
        const p2 = onLine ? { x: s.x + dx * (s.x - p1.x), y: s.y + dx * (s.y - p1.y) } : { x: s.x + dx, y: s.y + dy };
        const a = s.x - p1.x;
        const b = p2.y - s.y;
        const c = s.y - p1.y;
        const d = p2.x - s.x;
        expect(exactIsCollinear(p1, s, p2)).toBe(C2.InternalClipper.productsAreEqual(a, b, c, d));
      }),
      { numRuns: 500, seed: 7 },
    );
  });

  it('is installed on the library by clipper-io', () => {
    expect(C2.InternalClipper.isCollinear).toBe(exactIsCollinear);
    expect(installExactCollinear()).toBe(true);
  });
});

describe('PointTable', () => {
  it('maps large integer points, keeps the first value, grows and clears', () => {
    const t = new PointTable(4);
    const pts: [number, number][] = [];
    for (let i = 0; i < 5000; i++) pts.push([7_000_000_000 + i * 4294967296, -i * 7919]); // high bits differ
    pts.forEach(([x, y], i) => t.setIfAbsent(x, y, i));
    t.setIfAbsent(pts[3][0], pts[3][1], 99); // already present: the first value stays
    pts.forEach(([x, y], i) => expect(t.get(x, y)).toBe(i));
    expect(t.get(1, 2)).toBe(-1);
    t.clear();
    expect(t.get(pts[0][0], pts[0][1])).toBe(-1);
    t.setIfAbsent(1, 2, 7);
    expect(t.get(1, 2)).toBe(7);
  });
});
