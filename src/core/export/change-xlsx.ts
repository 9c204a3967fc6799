/**
 * The school table of a report as an XLSX workbook (exceljs, Node and browser): side A (the
 * baseline, or the first scenario of a comparison), side B and the change, for every school.
 * Sheets: the report table in the interface language ("Koulut" / "Skolor" / "Schools"), the
 * machine-readable table ("schools_data": ids and fractions), the indices with A, B and change
 * (localised names), and notes (source, date, year, privacy threshold, caveats). Numbers stay
 * numbers with a display format; hidden counts are the text "<threshold", other hidden figures
 * empty cells. The tables must be privacy-applied (compareIndicators of applyPrivacy).
 */
import ExcelJS from 'exceljs';
import type { IndicatorComparison } from '../compare/compare-indicators';
import type { LocalisedLabel } from '../config/indicator-config';
import { nameFor, type ReportLanguage } from './anonymise';
import { INDEX_NAMES } from './change-sentence';
import { changeCellXlsx, type XlsxCell } from './change-table-format';
import { schoolChangeTable, type ChangeTableOptions } from './school-change-table';
import { fill } from './report-text';
import { TABLE_TEXT } from './table-text';
import { travelSheet, type TravelChangeInput } from './travel-change-table';

export interface ChangeWorkbookOptions extends Omit<ChangeTableOptions, 'variant'> {
  threshold: number;
  /** Multigroup partitions (config.multigroup), for index group labels. */
  multigroup: { id: string; label: LocalisedLabel }[];
  source: string;
  /** Scenario name (or "A vs B" of a comparison). */
  scenarioName?: string;
  /** ISO 8601 (default now). */
  date?: string;
  /** True when the age band is estimated from wider bands. */
  estimated?: boolean;
  caveats?: string[];
  /** School trips of both sides per table (same order; null where a network has none): adds the "School trips" sheet. */
  travel?: (TravelChangeInput | null)[];
}

function addSheet(wb: ExcelJS.Workbook, name: string, headers: string[], rows: XlsxCell[][]): void {
  const ws = wb.addWorksheet(name);
  ws.addRow(headers).font = { bold: true };
  for (const r of rows) {
    const row = ws.addRow(r.map((c) => c.value));
    r.forEach((c, i) => {
      if (c.numFmt && typeof c.value === 'number') row.getCell(i + 1).numFmt = c.numFmt;
    });
  }
  ws.views = [{ state: 'frozen', ySplit: 1 }];
  headers.forEach((h, i) => (ws.getColumn(i + 1).width = Math.max(10, Math.min(36, h.length + 2))));
}

function indexRows(tables: IndicatorComparison[], o: ChangeWorkbookOptions): XlsxCell[][] {
  const label = (kind: string, group: string) => (kind === 'two-group' ? o.shares : o.multigroup).find((d) => d.id === group)?.label[o.language] ?? group;
  const num = (v: number | null): XlsxCell => (v === null ? { value: null } : { value: v, numFmt: '0.0000' });
  return tables.flatMap((t) =>
    t.indices.map((x) => [
      { value: o.networkLabels?.[t.network] ?? t.network },
      { value: label(x.kind, x.group) },
      { value: INDEX_NAMES[o.language][x.index] ?? x.index },
      num(x.value.a),
      num(x.value.b),
      x.value.change === null ? { value: null } : { value: x.value.change, numFmt: '+0.0000;-0.0000;0.0000' },
    ]),
  );
}

/** The workbook as bytes (.xlsx). */
export async function schoolChangeXlsx(tables: IndicatorComparison[], o: ChangeWorkbookOptions): Promise<Uint8Array> {
  const t = TABLE_TEXT[o.language];
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Catchment Studio';
  for (const variant of ['report', 'data'] as const) {
    const table = schoolChangeTable(tables, { ...o, variant });
    addSheet(wb, variant === 'report' ? t.sheet : t.dataSheet, table.headers, table.rows.map((r) => r.map((c) => changeCellXlsx(c, variant, o.threshold))));
  }
  const a = o.sideNames?.a ?? t.baseline;
  const b = o.sideNames?.b ?? t.scenario;
  addSheet(wb, t.indicesSheet, [t.network, t.group, t.index, a, b, t.change], indexRows(tables, o));
  const trips = (o.travel ?? []).flatMap((travel, k) =>
    travel && tables[k] ? [{ network: o.networkLabels?.[tables[k].network] ?? tables[k].network, travel, schools: tables[k].schools.map((s) => ({ name: nameFor(o.aliases, s.id, s.name) })) }] : [],
  );
  const tripSheet = trips.length ? travelSheet(trips, { language: o.language, sideNames: { a, b } }) : null;
  if (tripSheet) addSheet(wb, tripSheet.name, tripSheet.headers, tripSheet.rows);
  const notes: [string, string][] = [
    [t.source, o.source],
    ...(o.scenarioName ? [[t.scenarioLabel, o.scenarioName] as [string, string]] : []),
    ...(o.year != null ? [[t.year, String(o.year)] as [string, string]] : []),
    [t.date, (o.date ?? new Date().toISOString()).slice(0, 10)],
    [t.caveat, fill(t.hidden, { t: o.threshold })],
    [t.caveat, t.ecological],
    ...(o.estimated ? [[t.caveat, ESTIMATED[o.language]] as [string, string]] : []),
    ...(o.aliases ? [[t.caveat, t.aliases] as [string, string]] : []),
    ...(o.caveats ?? []).map((c): [string, string] => [t.caveat, c]),
    ...(tripSheet ? [[t.caveat, tripSheet.note] as [string, string]] : []),
  ];
  addSheet(wb, t.notesSheet, [t.item, t.note], notes.map(([k, v]) => [{ value: k }, { value: v }]));
  wb.getWorksheet(t.notesSheet)!.getColumn(2).width = 100;
  const buffer = await wb.xlsx.writeBuffer();
  return new Uint8Array(buffer as ArrayBuffer);
}

const ESTIMATED: Record<ReportLanguage, string> = {
  fi: 'Ikäryhmä on arvioitu laajemmista ikäluokista; lasten määrät ovat arvioita.',
  sv: 'Åldersgruppen är uppskattad ur bredare åldersklasser; barnantalen är uppskattningar.',
  en: 'The age band is apportioned from wider age bands; child counts are estimates.',
};
