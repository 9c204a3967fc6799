import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { ChangedUnitsMesher, unitRowStarts } from '../../../src/app/map/changed-units-mesh';
import { gridOutlines } from '../../../src/app/map/unit-geometry';
import type { UnitDisplay } from '../../../src/app/workers/engine-protocol';

describe('unitRowStarts', () => {
  it('gives each unit its objects', () => {
    // Objects: unit 0 has 1, unit 1 none, unit 2 three, unit 3 one → starts 0,1,1,4,5.
    expect([...unitRowStarts([0, 2, 2, 2, 3], 4)]).toEqual([0, 1, 1, 4, 5]);
  });
});

/** A 3 × 2 grid of 10 m cells at the origin (coordinates as given: the mesher copies, never reprojects). */
function grid(): UnitDisplay {
  const col = Int32Array.of(0, 1, 2, 0, 1, 2);
  const row = Int32Array.of(0, 0, 0, 1, 1, 1);
  const spec = { originX: 0, originY: 0, cellSize: 10 } as never;
  return { kind: 'grid', count: 6, grid: spec, col, row, ...gridOutlines(spec, col, row) };
}

/** Σ of the triangles' areas (shoelace, absolute). */
function area(positions: Float64Array, indices: Uint32Array): number {
  let a = 0;
  for (let i = 0; i < indices.length; i += 3) {
    const [p, q, r] = [indices[i], indices[i + 1], indices[i + 2]];
    a += Math.abs((positions[2 * q] - positions[2 * p]) * (positions[2 * r + 1] - positions[2 * p + 1]) - (positions[2 * r] - positions[2 * p]) * (positions[2 * q + 1] - positions[2 * p + 1])) / 2;
  }
  return a;
}

describe('ChangedUnitsMesher', () => {
  it('meshes only the flagged cells: their rings, two triangles each', () => {
    const m = new ChangedUnitsMesher(grid()).build(Uint8Array.of(0, 1, 0, 0, 0, 1));
    expect(m.length).toBe(2);
    expect(m.units).toBe(2);
    expect([...m.startIndices]).toEqual([0, 5, 10]);
    // Cell 1 (x 10–20, y 0–10) then cell 5 (x 20–30, y 10–20), closed rings SW SE NE NW SW.
    expect([...m.positions.subarray(0, 10)]).toEqual([10, 0, 20, 0, 20, 10, 10, 10, 10, 0]);
    expect([...m.positions.subarray(10)]).toEqual([20, 10, 30, 10, 30, 20, 20, 20, 20, 10]);
    expect([...m.indices]).toEqual([0, 1, 2, 0, 2, 3, 5, 6, 7, 5, 7, 8]);
    expect(area(m.positions, m.indices)).toBe(200);
  });

  it('gives an empty mesh without flags, and a zero-area polygon to link the program', () => {
    const mesher = new ChangedUnitsMesher(grid());
    expect(mesher.build(new Uint8Array(6)).length).toBe(0);
    const d = mesher.degenerate();
    expect(d.length).toBe(1);
    expect(area(d.positions, d.indices)).toBe(0);
  });

  it('triangulates polygon units (an L-shaped ring, and a unit of two parts) once, with their exact area', () => {
    // Unit 0: an L (area 300) as one closed ring; unit 1: two 10 × 10 squares.
    const ringL = [0, 0, 20, 0, 20, 10, 10, 10, 10, 20, 0, 20, 0, 0];
    const sq = (x: number) => [x, 0, x + 10, 0, x + 10, 10, x, 10, x, 0];
    const positions = Float64Array.from([...ringL, ...sq(30), ...sq(50)]);
    const display: UnitDisplay = { kind: 'polygons', count: 2, grid: null, col: null, row: null, positions, startIndices: Uint32Array.of(0, 7, 12, 17), objectUnit: Uint32Array.of(0, 1, 1) };
    const mesher = new ChangedUnitsMesher(display);
    const l = mesher.build(Uint8Array.of(1, 0));
    expect(l.length).toBe(1);
    expect(area(l.positions, l.indices)).toBeCloseTo(300, 9);
    const both = mesher.build(Uint8Array.of(1, 1));
    expect(both.length).toBe(3);
    expect(area(both.positions, both.indices)).toBeCloseTo(500, 9);
  });

  it('property: the mesh covers exactly the flagged cells (count, area, every vertex inside a flagged cell)', () => {
    const display = grid();
    const mesher = new ChangedUnitsMesher(display);
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 6, maxLength: 6, min: 0, max: 1 }), (flags) => {
        const m = mesher.build(flags);
        const flagged = flags.reduce((n, f) => n + f, 0);
        expect(m.length).toBe(flagged);
        expect(area(m.positions, m.indices)).toBe(100 * flagged);
        for (let i = 0; i < m.indices.length; i++) {
          const v = m.indices[i];
          const p = m.startIndices.findLastIndex((s) => s <= v);
          const x = m.positions[2 * v];
          const y = m.positions[2 * v + 1];
          // The vertex's polygon is a flagged cell and the vertex one of its corners.
          const cell = flags.reduce<number[]>((acc, f, u) => (f ? [...acc, u] : acc), [])[p];
          expect(Math.abs(x - 10 * display.col![cell] - 5)).toBe(5);
          expect(Math.abs(y - 10 * display.row![cell] - 5)).toBe(5);
        }
      }),
    );
  });
});
