/**
 * The feeder section of the CLI's CSV (docs/cli.md "Feeders in CSV"): after the school rows, one
 * empty line, then a second table with its own header
 *   year,lower_school_id,upper_school_id,children,split_feeder
 * one row per (year, lower school, upper school) with children > 0 (empty below the privacy
 * threshold; one decimal), split_feeder "yes" for a lower school flagged as a split feeder.
 * Written only when a network has a partner network (a grades 1–6 and a 7–9 of one language).
 */
import type { FeederOutput } from './feeders-output';

export const FEEDER_CSV_HEADER = ['year', 'lower_school_id', 'upper_school_id', 'children', 'split_feeder'];

/** Rows (header first) of the feeder section, deduplicated by year and pair; [] without feeders. */
export function feederCsvRows(entries: { year: number; output: FeederOutput }[]): string[][] {
  const rows: string[][] = [];
  const seen = new Set<string>();
  for (const { year, output } of entries) {
    const split = new Set(output.split_feeders ?? []);
    for (const f of output.feeders ?? []) {
      const key = `${year}\u0000${f.lower}\u0000${f.upper}`;
      if (seen.has(key)) continue;
      seen.add(key);
      rows.push([String(year), f.lower, f.upper, f.children === null ? '' : String(f.children), split.has(f.lower) ? 'yes' : 'no']);
    }
  }
  return rows.length ? [FEEDER_CSV_HEADER, ...rows] : [];
}

/** The section as text (a leading empty line), or '' without feeders. */
export function feederCsvSection(entries: { year: number; output: FeederOutput }[], cell: (s: string) => string): string {
  const rows = feederCsvRows(entries);
  return rows.length ? '\n' + rows.map((r) => r.map(cell).join(',')).join('\n') + '\n' : '';
}
