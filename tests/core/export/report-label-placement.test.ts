import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { boxesOverlap, placeLabels, textWidth, type Box } from '../../../src/core/export/report-label-placement';
import { reportMap } from '../../../src/core/export/report-map-svg';

const O = { fontSize: 10, width: 400, height: 300, pointRadius: 4 };

describe('placeLabels', () => {
  it('puts a lone label to the right of its point, vertically centred on it', () => {
    const { placed, dropped } = placeLabels([{ x: 100, y: 100, text: 'Koulu', priority: 0 }], O);
    expect(dropped).toEqual([]);
    // gap = radius 4 + 3 = 7 → x = 107, anchor start; width 5 × 10 × 0.6 = 30.
    expect(placed[0]).toMatchObject({ x: 107, anchor: 'start', leader: null });
    expect(textWidth('Koulu', 10)).toBe(30);
    expect(placed[0].box[2] - placed[0].box[0]).toBeCloseTo(30 + 3, 9);
  });

  it('moves a second label to the other side, and drops what cannot fit without overlapping', () => {
    // Two points 20 px apart: the second cannot go right (the first label is there).
    const two = placeLabels([{ x: 100, y: 100, text: 'Alpha', priority: 0 }, { x: 120, y: 100, text: 'Beta', priority: 0 }], O);
    expect(two.dropped).toEqual([]);
    expect(boxesOverlap(two.placed[0].box, two.placed[1].box)).toBe(false);
    // Forty long names on one spot in a 100 × 60 map: most are dropped, none overlap.
    const crowd = placeLabels(Array.from({ length: 40 }, (_, i) => ({ x: 50 + (i % 5), y: 30, text: 'Keskustan koulu', priority: 0 })), { ...O, width: 100, height: 60 });
    expect(crowd.dropped.length).toBeGreaterThan(30);
  });

  it('labels changed schools first', () => {
    const r = placeLabels([{ x: 100, y: 100, text: 'Muuttumaton', priority: 0 }, { x: 100, y: 100, text: 'Muuttuva', priority: 1 }], { ...O, width: 180, height: 200 });
    expect(r.placed[0].index).toBe(1);
  });

  it('never overlaps labels with each other, with points or with the edge (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.record({ x: fc.integer({ min: 0, max: 400 }), y: fc.integer({ min: 0, max: 300 }), text: fc.string({ minLength: 1, maxLength: 20 }), priority: fc.integer({ min: 0, max: 1 }) }), { maxLength: 60 }), (reqs) => {
        const { placed, dropped } = placeLabels(reqs, O);
        expect(placed.length + dropped.length).toBe(reqs.length);
        const points: Box[] = reqs.map((p) => [p.x - 5, p.y - 5, p.x + 5, p.y + 5]);
        for (let i = 0; i < placed.length; i++) {
          const b = placed[i].box;
          expect(b[0] >= 0 && b[1] >= 0 && b[2] <= O.width && b[3] <= O.height).toBe(true);
          for (let j = i + 1; j < placed.length; j++) expect(boxesOverlap(b, placed[j].box)).toBe(false);
          for (const q of points) expect(boxesOverlap(b, q)).toBe(false);
        }
      }),
      { numRuns: 60 },
    );
  });

  it('the report map says how many labels it left off', () => {
    const square: [number, number][][][] = [[[[0, 0], [1000, 0], [1000, 1000], [0, 1000], [0, 0]]]];
    const schools = Array.from({ length: 30 }, (_, i) => ({ label: `Koulu numero ${i}`, location: [500 + i, 500] as [number, number] }));
    const { svg, dropped } = reportMap({ title: 't', catchments: [square], changed: [], changedArea: [], schools, width: 300, maxHeight: 300 });
    expect(dropped).toBeGreaterThan(0);
    expect((svg.match(/class="school-label"/g) ?? []).length).toBe(30 - dropped);
  });
});
