/**
 * CSV of a comparison (two scenarios, or a scenario against the baseline): every school with A,
 * B and the change B − A of its children, utilisation and each share; and every index with A, B
 * and the change. Same conventions as csv-export.ts (UTF-8 BOM, comma, full stop, CRLF, units in
 * the headers). The table is the privacy-applied one: a hidden count reads "<threshold", a
 * hidden share, ratio or index is blank, and a change involving a hidden value is blank.
 */
import type { IndicatorComparison, ValueChange } from '../compare/compare-indicators';
import { csvText } from './csv-export';
import { fmt, fmtCount, type FigureKind } from './export-format';
import { travelCsvCells, travelCsvHeaders, type TravelChangeInput } from './travel-change-table';

export interface ComparisonCsvOptions {
  /** Names of the two sides (columns scenario_a and scenario_b of every row). */
  a: string;
  b: string;
  /** Share ids in column order. */
  shareIds: string[];
  threshold: number;
  /** School trips of both sides (by school index, as the table's rows): adds every travel figure, A / B / change. */
  travel?: TravelChangeInput | null;
}

const triple = (v: ValueChange, kind: FigureKind | 'count', threshold: number): string[] =>
  kind === 'count' ? [fmtCount(v.a, threshold), fmtCount(v.b, threshold), v.change === null ? '' : fmt(v.change, 'count')] : [fmt(v.a, kind), fmt(v.b, kind), fmt(v.change, kind)];

const heads = (name: string, unit: string) => [`${name} A (${unit})`, `${name} B (${unit})`, `${name} change B−A (${unit})`];

/** Every school of the comparison: children, utilisation and each share, A / B / change (and the travel figures, when given). */
export function comparisonSchoolsCsv(table: IndicatorComparison, o: ComparisonCsvOptions): string {
  const travel = o.travel ?? null;
  const header = ['scenario_a', 'scenario_b', 'network', 'school_id', 'school_name', 'capacity (places)', ...heads('children', 'count'), ...heads('utilisation', 'children/capacity'), ...o.shareIds.flatMap((id) => heads(id, 'share 0–1')), ...(travel ? travelCsvHeaders() : [])];
  const rows = table.schools.map((s, i) => [
    o.a,
    o.b,
    table.network,
    s.id,
    s.name,
    s.capacity === null ? '' : String(Math.round(s.capacity)),
    ...triple(s.children, 'count', o.threshold),
    ...triple(s.utilisation, 'ratio', o.threshold),
    ...o.shareIds.flatMap((id) => triple(s.shares[id] ?? { a: null, b: null, change: null }, 'share', o.threshold)),
    ...(travel ? travelCsvCells(travel, i) : []),
  ]);
  return csvText([header, ...rows]);
}

/** Every index of the comparison (two-group per share, multigroup per partition), A / B / change. */
export function comparisonIndicesCsv(table: IndicatorComparison, o: ComparisonCsvOptions): string {
  const header = ['scenario_a', 'scenario_b', 'network', 'type', 'group', 'index', 'A (0–1; M in nats)', 'B (0–1; M in nats)', 'change B−A'];
  const rows = table.indices.map((x) => [o.a, o.b, table.network, x.kind, x.group, x.index, ...triple(x.value, 'index', o.threshold)]);
  return csvText([header, ...rows]);
}
