/**
 * XLSX export (exceljs; runs in Node and in the browser/worker): sheet "Schools" (the school
 * table), "Indices" (two-group and multigroup indices) and "Notes" (source, date, privacy
 * threshold, caveats). Numbers are stored as numbers with a display format; hidden counts are
 * the text "<threshold", other hidden figures are empty cells. Privacy is applied.
 */
import ExcelJS from 'exceljs';
import type { IndicatorConfig } from '../config/indicator-config';
import type { NetworkIndicators } from '../indicators/indicator-types';
import { DECIMALS, INDEX_HEADERS, schoolHeaders } from './export-format';
import { indexRows, publicIndicators, schoolRows } from './school-table';
import type { Cell, TableOptions } from './school-table';

export interface XlsxOptions extends TableOptions {
  /** Data source line (Dataset.source). */
  source: string;
  /** Scenario name, when the figures are a scenario's. */
  scenarioName?: string;
  /** Date of the export, ISO 8601 (default: now). */
  date?: string;
  /** Extra caveat lines for the Notes sheet. */
  caveats?: string[];
}

/** The standard caveats of every export (English; the report has translations). */
export const EXPORT_CAVEATS = [
  'Figures are ecological estimates: unit counts are apportioned to catchments by area; they are not pupil registers.',
  'Children are those of the network’s age band living in the catchment, not the pupils actually enrolled.',
  'Suppressed or missing unit values are imputed or excluded as configured; see children_imputed.',
];

function excelCell(cell: Cell, threshold: number): ExcelJS.CellValue {
  if (cell.kind === 'text') return cell.value;
  if (cell.value === null) return cell.kind === 'count' ? `<${threshold}` : null;
  return cell.value;
}

function numFmt(cell: Cell): string | undefined {
  if (cell.kind === 'text') return undefined;
  if (cell.kind === 'places') return '0';
  return `0.${'0'.repeat(DECIMALS[cell.kind])}`;
}

function addTable(wb: ExcelJS.Workbook, name: string, headers: string[], rows: Cell[][], threshold: number): void {
  const ws = wb.addWorksheet(name);
  ws.addRow(headers).font = { bold: true };
  for (const r of rows) {
    const row = ws.addRow(r.map((c) => excelCell(c, threshold)));
    r.forEach((c, i) => {
      const f = numFmt(c);
      if (f && typeof row.getCell(i + 1).value === 'number') row.getCell(i + 1).numFmt = f;
    });
  }
  ws.views = [{ state: 'frozen', ySplit: 1 }];
  headers.forEach((h, i) => (ws.getColumn(i + 1).width = Math.max(10, Math.min(40, h.length + 2))));
}

/** The workbook as bytes (.xlsx). */
export async function indicatorsXlsx(indicators: NetworkIndicators[], config: IndicatorConfig, options: XlsxOptions): Promise<Uint8Array> {
  const threshold = config.privacyThreshold;
  const pub = publicIndicators(indicators, config);
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Catchment Studio';
  addTable(wb, 'Schools', schoolHeaders(config), schoolRows(pub, config, options), threshold);
  addTable(wb, 'Indices', INDEX_HEADERS, indexRows(pub), threshold);
  const notes = wb.addWorksheet('Notes');
  const estimated = indicators.some((i) => i.estimated);
  const lines: [string, string][] = [
    ['Source', options.source],
    ...(options.scenarioName ? [['Scenario', options.scenarioName] as [string, string]] : []),
    ['Date', options.date ?? new Date().toISOString()],
    ['Indicator preset', config.preset],
    ['Privacy threshold', `Figures resting on fewer than ${threshold} people are hidden: counts read "<${threshold}", other figures are blank.`],
    ...EXPORT_CAVEATS.map((c): [string, string] => ['Caveat', c]),
    ...(estimated ? [['Caveat', 'The age band is apportioned from wider age bands (estimate).'] as [string, string]] : []),
    ...(options.caveats ?? []).map((c): [string, string] => ['Caveat', c]),
  ];
  notes.addRow(['Item', 'Note']).font = { bold: true };
  for (const l of lines) notes.addRow(l);
  notes.getColumn(1).width = 20;
  notes.getColumn(2).width = 100;
  const buffer = await wb.xlsx.writeBuffer();
  return new Uint8Array(buffer as ArrayBuffer);
}
