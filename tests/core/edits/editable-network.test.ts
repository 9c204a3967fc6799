import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { EditableNetwork } from '../../../src/core/edits/editable-network';
import type { BoundaryEdit as Edit } from '../../../src/core/scenario/edit';
import type { MultiPolygon, Ring } from '../../../src/core/model/geometry-types';
import { multiPolygonArea } from '../../../src/core/geometry/area';
import { intersect } from '../../../src/core/geometry/boolean-ops';
import { bboxIntersects, multiPolygonBBox } from '../../../src/core/geometry/bbox';
import { columnTotals } from '../../../src/core/overlay/school-sums';
import { SIDE, WIDTH, rect, syntheticNetwork } from './synthetic-network';

interface State {
  catchments: MultiPolygon[];
  entries: { schools: number[]; weights: number[] }[];
  sums: Float64Array;
}

function snapshot(ed: EditableNetwork): State {
  const entries = [];
  for (let u = 0; u < ed.overlay.unitCount; u++) entries.push(ed.overlay.entries(u));
  return { catchments: structuredClone(ed.partition.catchments), entries, sums: ed.sums.slice() };
}

function expectSameState(a: State, b: State): void {
  expect(a.catchments).toEqual(b.catchments);
  expect(a.entries).toEqual(b.entries);
  // Bit-identical sums: compare the raw bytes.
  expect(Buffer.from(a.sums.buffer).equals(Buffer.from(b.sums.buffer))).toBe(true);
}

function checkPartition(catchments: MultiPolygon[]): void {
  let total = 0;
  const bbs = catchments.map(multiPolygonBBox);
  for (let i = 0; i < catchments.length; i++) {
    total += multiPolygonArea(catchments[i]);
    for (let j = i + 1; j < catchments.length; j++) {
      if (!bboxIntersects(bbs[i], bbs[j])) continue;
      expect(multiPolygonArea(intersect(catchments[i], catchments[j]))).toBeLessThan(1e-6);
    }
  }
  // Disjoint parts: Σ areas = union area, which must equal the domain (the 10 km square).
  expect(Math.abs(total - SIDE * SIDE) / (SIDE * SIDE)).toBeLessThan(1e-6);
}

const star = (cx: number, cy: number, r: number, radii: number[]): Ring => {
  const n = radii.length;
  const ring: Ring = radii.map((k, i) => [cx + r * k * Math.cos((2 * Math.PI * i) / n), cy + r * k * Math.sin((2 * Math.PI * i) / n)]);
  ring.push([ring[0][0], ring[0][1]]);
  return ring;
};

const lassoArb = fc.record({
  kind: fc.constant('assign-region' as const),
  school: fc.integer({ min: 0, max: 8 }),
  cx: fc.double({ min: -1000, max: SIDE + 1000, noNaN: true }),
  cy: fc.double({ min: -1000, max: SIDE + 1000, noNaN: true }),
  r: fc.double({ min: 300, max: 3500, noNaN: true }),
  radii: fc.array(fc.double({ min: 0.3, max: 1, noNaN: true }), { minLength: 5, maxLength: 14 }),
});
const cellsArb = fc.record({
  kind: fc.constant('assign-cells' as const),
  school: fc.integer({ min: 0, max: 8 }),
  cells: fc.array(fc.tuple(fc.integer({ min: -2, max: 41 }), fc.integer({ min: -2, max: 41 })), { minLength: 1, maxLength: 60 }),
  block: fc.tuple(fc.integer({ min: 0, max: 39 }), fc.integer({ min: 0, max: 39 }), fc.integer({ min: 1, max: 8 })),
});

type RawEdit = (typeof lassoArb extends fc.Arbitrary<infer T> ? T : never) | (typeof cellsArb extends fc.Arbitrary<infer U> ? U : never);

function toEdit(e: RawEdit): Edit {
  if (e.kind === 'assign-region') {
    return { kind: 'assign-region', networkId: 'fi-lower', schoolId: `s${e.school}`, region: [[star(e.cx, e.cy, e.r, e.radii)]] };
  }
  const cells: [number, number][] = e.cells.slice();
  const [c0, r0, k] = e.block;
  for (let dc = 0; dc < k; dc++) for (let dr = 0; dr < k; dr++) cells.push([c0 + dc, r0 + dr]);
  return { kind: 'assign-cells', networkId: 'fi-lower', schoolId: `s${e.school}`, cells };
}

describe('EditableNetwork properties', () => {
  it('random edit sequences keep the partition valid, conserve totals and undo/redo exactly', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1000 }), fc.array(fc.oneof(lassoArb, cellsArb), { minLength: 1, maxLength: 15 }), (seed, raw) => {
        const syn = syntheticNetwork(seed);
        const ed = new EditableNetwork({ ...syn, width: WIDTH });
        const total0 = columnTotals(ed.sums, WIDTH)[0];
        const states: State[] = [snapshot(ed)];
        for (const r of raw) {
          const before = states[states.length - 1];
          const res = ed.apply(toEdit(r));
          if (!res.ok) {
            expectSameState(snapshot(ed), before);
            continue;
          }
          checkPartition(ed.partition.catchments);
          for (let u = 0; u < ed.overlay.unitCount; u++) expect(ed.overlay.covered(u)).toBeLessThanOrEqual(1 + 1e-9);
          const total = columnTotals(ed.sums, WIDTH)[0];
          expect(Math.abs(total - total0)).toBeLessThanOrEqual(1e-9 * total0);
          states.push(snapshot(ed));
        }
        const final = states[states.length - 1];
        for (let i = states.length - 2; i >= 0; i--) {
          expect(ed.undo()).not.toBeNull();
          expectSameState(snapshot(ed), states[i]);
        }
        expect(ed.canUndo).toBe(false);
        while (ed.canRedo) ed.redo();
        expectSameState(snapshot(ed), final);
      }),
      { numRuns: 60, seed: 20240601 },
    );
  });
});

describe('EditableNetwork failures leave state untouched', () => {
  it('a region outside the domain, a region already in the school, an unknown school', () => {
    const syn = syntheticNetwork(3);
    const ed = new EditableNetwork({ ...syn, width: WIDTH });
    const ok1 = ed.apply({ kind: 'assign-region', networkId: 'fi-lower', schoolId: 's0', region: [[rect(4000, 4000, 6000, 6000)]] });
    expect(ok1.ok).toBe(true);
    ed.undo(); // leave one step on the redo stack: failures must not clear it
    const s0 = snapshot(ed);
    const outside = ed.apply({ kind: 'assign-region', networkId: 'fi-lower', schoolId: 's0', region: [[rect(20_000, 0, 21_000, 1000)]] });
    expect(outside.ok).toBe(false);
    if (!outside.ok) expect(outside.problems[0].code).toBe('edit-no-change');
    // A small square in the middle of catchment s0 (s0 spans at least [0, 2333·0.7] in x and y).
    const inside = ed.apply({ kind: 'assign-region', networkId: 'fi-lower', schoolId: 's0', region: [[rect(100, 100, 600, 600)]] });
    expect(inside.ok).toBe(false);
    const unknown = ed.apply({ kind: 'assign-region', networkId: 'fi-lower', schoolId: 'nope', region: [[rect(4000, 4000, 6000, 6000)]] });
    expect(unknown.ok).toBe(false);
    const wrongNet = ed.apply({ kind: 'assign-cells', networkId: 'sv-lower', schoolId: 's0', cells: [[20, 20]] });
    expect(wrongNet.ok).toBe(false);
    expectSameState(snapshot(ed), s0);
    expect(ed.canUndo).toBe(false);
    expect(ed.canRedo).toBe(true);
  });

  it('flags a school left with no area', () => {
    const syn = syntheticNetwork(5);
    const ed = new EditableNetwork({ ...syn, width: WIDTH });
    const res = ed.apply({ kind: 'assign-region', networkId: 'fi-lower', schoolId: 's4', region: [[rect(-1, -1, SIDE + 1, SIDE + 1)]] });
    expect(res.ok).toBe(true);
    if (!res.ok) return;
    expect(res.value.emptiedSchools).toEqual([0, 1, 2, 3, 5, 6, 7, 8]);
    expect(res.warnings.map((w) => w.code)).toContain('edit-empties-school');
    // Everything now belongs to s4: its children equal the network total.
    const totals = columnTotals(ed.sums, WIDTH);
    expect(ed.sums[4 * WIDTH] / totals[0]).toBeCloseTo(1, 9);
    expect(multiPolygonArea(ed.partition.catchments[4])).toBeCloseTo(SIDE * SIDE, 3);
  });
});
