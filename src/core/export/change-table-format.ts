/**
 * Writers of the school change table (school-change-table.ts): CSV text and typed XLSX cells.
 * CSV: UTF-8 with BOM, CRLF, RFC 4180 quoting; the report variant in Finnish or Swedish uses a
 * semicolon between fields (the comma is their decimal mark, and what Excel expects there),
 * English and the data variant a comma. Report numbers: whole children, percentages with one
 * decimal ("12,3 %"), changes in percentage points with a sign ("+1,2"). Data numbers: full
 * stop, counts with one decimal, fractions with four.
 */
import type { ReportLanguage } from './anonymise';
import { BOM, csvField } from './csv-export';
import { DECIMALS, fixed, fmtCount } from './export-format';
import type { ChangeCell, ChangeTable, TableVariant } from './school-change-table';
import { localeNumber, localePercent } from './table-text';

const signed = (s: string): string => (s.startsWith('-') || /^0([.,]0*)?$/.test(s) ? s : `+${s}`);

/** One cell as CSV text. */
export function changeCellText(cell: ChangeCell, variant: TableVariant, language: ReportLanguage, threshold: number): string {
  if (cell.kind === 'text') return cell.value;
  if (cell.kind === 'year') return String(cell.value);
  const v = cell.value;
  if (cell.kind === 'count') return v === null ? `<${threshold}` : variant === 'data' ? fmtCount(v, threshold) : String(Math.round(v));
  if (v === null || !Number.isFinite(v)) return '';
  if (variant === 'data') {
    if (cell.kind === 'places') return String(Math.round(v));
    if (cell.kind === 'countChange') return fixed(v, DECIMALS.count);
    return fixed(v, cell.kind.startsWith('ratio') ? DECIMALS.ratio : DECIMALS.share);
  }
  switch (cell.kind) {
    case 'places':
      return String(Math.round(v));
    case 'countChange':
      return signed(String(Math.round(v)));
    case 'ratio':
      return localePercent(v, language, 0);
    case 'share':
      return localePercent(v, language, 1);
    default:
      return signed(localeNumber(v * 100, language, 1));
  }
}

/** The field separator of a CSV file of this variant and language. */
export function csvDelimiter(variant: TableVariant, language: ReportLanguage): ',' | ';' {
  return variant === 'report' && language !== 'en' ? ';' : ',';
}

/** The table as a CSV file (BOM included). */
export function changeTableCsv(table: ChangeTable, variant: TableVariant, language: ReportLanguage, threshold: number): string {
  const d = csvDelimiter(variant, language);
  const field = (s: string): string => (d === ',' ? csvField(s) : /[";\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
  const lines = [table.headers, ...table.rows.map((r) => r.map((c) => changeCellText(c, variant, language, threshold)))];
  return `${BOM}${lines.map((r) => r.map(field).join(d)).join('\r\n')}\r\n`;
}

/** An XLSX cell: value (numbers stay numbers) and its display format. */
export interface XlsxCell {
  value: string | number | null;
  numFmt?: string;
}

/**
 * One cell for a spreadsheet. Report: percentages are fractions with a percent format
 * ("0.0 %", shown with the reader's decimal mark), changes are percentage points (×100).
 * Data: fractions and counts as they are, fixed decimals.
 */
export function changeCellXlsx(cell: ChangeCell, variant: TableVariant, threshold: number): XlsxCell {
  if (cell.kind === 'text') return { value: cell.value };
  if (cell.kind === 'year') return { value: cell.value, numFmt: '0' };
  const v = cell.value;
  if (v === null || !Number.isFinite(v)) return { value: cell.kind === 'count' ? `<${threshold}` : null };
  if (cell.kind === 'places') return { value: Math.round(v), numFmt: '0' };
  if (variant === 'data') {
    const decimals = cell.kind.startsWith('count') ? DECIMALS.count : cell.kind.startsWith('ratio') ? DECIMALS.ratio : DECIMALS.share;
    return { value: v, numFmt: `0.${'0'.repeat(decimals)}` };
  }
  switch (cell.kind) {
    case 'count':
      return { value: v, numFmt: '0' };
    case 'countChange':
      return { value: v, numFmt: '+0;-0;0' };
    case 'ratio':
      return { value: v, numFmt: '0 %' };
    case 'share':
      return { value: v, numFmt: '0.0 %' };
    default:
      return { value: v * 100, numFmt: '+0.0;-0.0;0.0' };
  }
}
