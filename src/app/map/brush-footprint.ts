/**
 * Cells painted by the brush: a square of `size` × `size` cells around the cell under the
 * pointer. For odd sizes the pointer cell is the centre (size 3 → offsets −1…1: 9 cells);
 * for even sizes the extra column goes east and the extra row north (size 2 → offsets 0…1).
 * Cells outside the grid [0, cols) × [0, rows) are dropped.
 */

/** Smallest and largest brush size, in cells. */
export const BRUSH_MIN = 1;
export const BRUSH_MAX = 15;

export function clampBrushSize(size: number): number {
  return Math.min(BRUSH_MAX, Math.max(BRUSH_MIN, Math.round(size)));
}

/** [col, row] pairs painted by a brush of `size` cells centred on (col, row), row-major from south-west. */
export function brushFootprint(col: number, row: number, size: number, cols: number, rows: number): [number, number][] {
  const n = clampBrushSize(size);
  const lo = -Math.floor((n - 1) / 2);
  const out: [number, number][] = [];
  for (let dr = lo; dr < lo + n; dr++) {
    for (let dc = lo; dc < lo + n; dc++) {
      const c = col + dc;
      const r = row + dr;
      if (c >= 0 && c < cols && r >= 0 && r < rows) out.push([c, r]);
    }
  }
  return out;
}

/**
 * Accumulates the cells of one brush stroke without duplicates, in the order first painted.
 * `add` returns the cells that were new, so the preview layer can grow incrementally.
 */
export class BrushStroke {
  private readonly seen = new Set<string>();
  readonly cells: [number, number][] = [];

  add(cells: readonly [number, number][]): [number, number][] {
    const fresh: [number, number][] = [];
    for (const [c, r] of cells) {
      const key = `${c},${r}`;
      if (this.seen.has(key)) continue;
      this.seen.add(key);
      this.cells.push([c, r]);
      fresh.push([c, r]);
    }
    return fresh;
  }

  get size(): number {
    return this.cells.length;
  }
}
