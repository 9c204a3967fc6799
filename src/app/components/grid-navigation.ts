/**
 * Keyboard movement inside the school table (one tab stop, roving tabindex): row −1 is the
 * header row, 0…rowCount−1 the schools. Up/Down move a row, PageUp/PageDown `page` rows,
 * Home/End go to the first/last school; in the header row Left/Right move between columns.
 */
export interface GridPosition {
  /** −1 = header row. */
  row: number;
  /** Header column (only used in the header row). */
  column: number;
}

/** The position after `key`, or null when the key is not a movement (let it through). */
export function moveInGrid(pos: GridPosition, key: string, rowCount: number, columnCount: number, page = 10): GridPosition | null {
  const last = rowCount - 1;
  const row = (r: number) => ({ row: Math.max(-1, Math.min(last, r)), column: pos.column });
  switch (key) {
    case 'ArrowDown':
      return row(pos.row + 1);
    case 'ArrowUp':
      return row(pos.row - 1);
    case 'PageDown':
      return row(Math.max(0, pos.row + page));
    case 'PageUp':
      return row(Math.max(0, pos.row - page));
    case 'Home':
      return row(rowCount > 0 ? 0 : -1);
    case 'End':
      return row(last);
    case 'ArrowLeft':
      return pos.row === -1 ? { row: -1, column: Math.max(0, pos.column - 1) } : null;
    case 'ArrowRight':
      return pos.row === -1 ? { row: -1, column: Math.min(columnCount - 1, pos.column + 1) } : null;
    default:
      return null;
  }
}
