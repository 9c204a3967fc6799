/**
 * Rows of the school table: current and baseline figures side by side, and sorting.
 * Pure, so the table component stays thin.
 */
import type { PublicNetworkIndicators, PublicSchoolFigures } from '../../core/pupil-base/privacy';
import type { SortColumn } from '../stores/ui-store';

export interface SchoolRow {
  index: number;
  id: string;
  name: string;
  capacity: number | null;
  now: PublicSchoolFigures | null;
  before: PublicSchoolFigures | null;
}

export function schoolRows(current: PublicNetworkIndicators, baseline: PublicNetworkIndicators): SchoolRow[] {
  const before = new Map(baseline.schools.map((s) => [s.id, s]));
  return current.schools.map((s, index) => ({ index, id: s.id, name: s.name, capacity: s.capacity, now: s, before: before.get(s.id) ?? null }));
}

/** Value of a row in a column; null sorts last. */
export function sortValue(row: SchoolRow, column: SortColumn): string | number | null {
  switch (column) {
    case 'name':
      return row.name;
    case 'children':
      return row.now?.children ?? null;
    case 'capacity':
      return row.capacity;
    case 'utilisation':
      return row.now?.utilisation ?? null;
    default:
      return row.now?.shares[column.slice('share:'.length)] ?? null;
  }
}

/** Rows sorted by a column (names by the language's collation); nulls last in either direction; ties by name. */
export function sortRows(rows: readonly SchoolRow[], column: SortColumn, descending: boolean, locale: string): SchoolRow[] {
  const collator = new Intl.Collator(locale);
  return [...rows].sort((a, b) => {
    const va = sortValue(a, column);
    const vb = sortValue(b, column);
    if (va === null || vb === null) {
      if (va !== vb) return va === null ? 1 : -1;
      return collator.compare(a.name, b.name);
    }
    const c = typeof va === 'string' || typeof vb === 'string' ? collator.compare(String(va), String(vb)) : va - vb;
    return (descending ? -c : c) || collator.compare(a.name, b.name);
  });
}

/** Difference now − before, or null when either is hidden or undefined. */
export function delta(now: number | null | undefined, before: number | null | undefined): number | null {
  return now === null || now === undefined || before === null || before === undefined ? null : now - before;
}

/**
 * Direction of a formatted change: "up" for a leading "+", "down" for a minus (U+2212 or "-"),
 * "none" for an empty text or a "±0" that rounds to nothing.
 */
export function changeDirection(text: string): 'up' | 'down' | 'none' {
  if (!text || text.startsWith('±')) return 'none';
  return text.startsWith('\u2212') || text.startsWith('-') ? 'down' : 'up';
}
