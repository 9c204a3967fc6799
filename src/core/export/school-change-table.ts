/**
 * The school table that serves a report: every school of one or more networks with side A
 * (the baseline, or a scenario in a comparison), side B (the scenario) and the change B − A of
 * its children, utilisation and each share. Two variants of the same rows:
 * - "report": headers in the interface language, shares and utilisation as percentages, their
 *   change in percentage points, whole children, the network's label and the school's name;
 * - "data": ids and fractions with English snake_case headers (units in brackets), for scripts.
 * The input tables are privacy-applied (compareIndicators of applyPrivacy): a hidden count reads
 * "<threshold", any other hidden figure, and a change involving a hidden value, is blank.
 */
import type { IndicatorComparison, ValueChange } from '../compare/compare-indicators';
import type { LocalisedLabel } from '../config/indicator-config';
import { nameFor } from './anonymise';
import type { ReportLanguage } from './anonymise';
import { TABLE_TEXT } from './table-text';

export type TableVariant = 'report' | 'data';

/** Kinds of number cells; the writers (CSV, XLSX) format each kind per variant. */
export type ChangeCellKind = 'places' | 'count' | 'countChange' | 'ratio' | 'ratioChange' | 'share' | 'shareChange';
export type ChangeCell = { kind: 'text'; value: string } | { kind: ChangeCellKind; value: number | null } | { kind: 'year'; value: number };

export interface ChangeTableOptions {
  variant: TableVariant;
  language: ReportLanguage;
  /** Shares in column order (config.shares). */
  shares: { id: string; label: LocalisedLabel }[];
  /** Header names of side A and B; default the language's "baseline" and "scenario". */
  sideNames?: { a: string; b: string };
  /** Network id → label in the language (report variant); the id when absent. */
  networkLabels?: Record<string, string>;
  /** School id → alias (workshop anonymisation). */
  aliases?: Map<string, string> | null;
  /** Column suffixes of the data variant; default baseline / scenario (a comparison: a / b). */
  dataSuffixes?: [string, string];
  /** The year the figures are for (a column when given). */
  year?: number | null;
}

export interface ChangeTable {
  headers: string[];
  rows: ChangeCell[][];
}

const text = (value: string): ChangeCell => ({ kind: 'text', value });

function headers(o: ChangeTableOptions): string[] {
  const t = TABLE_TEXT[o.language];
  const year = o.year != null;
  if (o.variant === 'data') {
    const [sa, sb] = o.dataSuffixes ?? ['baseline', 'scenario'];
    const triple = (name: string, unit: string) => [`${name}_${sa} (${unit})`, `${name}_${sb} (${unit})`, `${name}_change (${unit})`];
    return ['network', ...(year ? ['year'] : []), 'school_id', 'school_name', 'capacity (places)', ...triple('children', 'count'), ...triple('utilisation', 'children/capacity'), ...o.shares.flatMap((s) => triple(s.id, 'share 0–1'))];
  }
  const a = o.sideNames?.a ?? t.baseline;
  const b = o.sideNames?.b ?? t.scenario;
  const triple = (name: string, unit: string, changeUnit: string) => [`${name}, ${a} (${unit})`, `${name}, ${b} (${unit})`, `${name}, ${t.change} (${changeUnit})`];
  return [
    t.network, ...(year ? [t.year] : []), t.school, t.capacity,
    ...triple(t.children, t.count, t.count),
    ...triple(t.utilisation, t.percent, t.points),
    ...o.shares.flatMap((s) => triple(s.label[o.language], t.percent, t.points)),
  ];
}

function triple(v: ValueChange | undefined, kind: 'count' | 'ratio' | 'share'): ChangeCell[] {
  const change = kind === 'count' ? 'countChange' : kind === 'ratio' ? 'ratioChange' : 'shareChange';
  return [{ kind, value: v?.a ?? null }, { kind, value: v?.b ?? null }, { kind: change, value: v?.change ?? null }];
}

/** Rows of every school of every table (networks in the given order, schools in each table's order). */
export function schoolChangeTable(tables: IndicatorComparison[], o: ChangeTableOptions): ChangeTable {
  const rows = tables.flatMap((table) =>
    table.schools.map((s): ChangeCell[] => [
      text(o.variant === 'report' ? o.networkLabels?.[table.network] ?? table.network : table.network),
      ...(o.year != null ? [{ kind: 'year', value: o.year } as ChangeCell] : []),
      ...(o.variant === 'data' ? [text(s.id)] : []),
      text(nameFor(o.aliases, s.id, s.name)),
      { kind: 'places', value: s.capacity },
      ...triple(s.children, 'count'),
      ...triple(s.utilisation, 'ratio'),
      ...o.shares.flatMap((d) => triple(s.shares[d.id], 'share')),
    ]),
  );
  return { headers: headers(o), rows };
}
