/**
 * CSV exports of the school table and the indices: UTF-8 with a byte-order mark (so that Excel
 * opens Finnish characters correctly), comma-separated, full stop as decimal separator, CRLF
 * line ends, RFC 4180 quoting. Privacy is applied: hidden counts read "<threshold", hidden
 * shares, ratios and indices are blank. See docs/exports.md.
 */
import type { IndicatorConfig } from '../config/indicator-config';
import type { NetworkIndicators } from '../indicators/indicator-types';
import { fmt, fmtCount, INDEX_HEADERS, schoolHeaders } from './export-format';
import { indexRows, publicIndicators, schoolRows } from './school-table';
import type { Cell, TableOptions } from './school-table';

export const BOM = '\uFEFF';

/**
 * One CSV field, quoted when it holds a comma, quote, CR or LF (quotes doubled). Text a spreadsheet
 * would run as a formula (starting with =, +, -, @, tab or CR) gets a leading apostrophe, unless it
 * is a number ("-0.25" stays as it is).
 */
export function csvField(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) && !/^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** A cell as CSV text. */
export function cellText(cell: Cell, threshold: number): string {
  switch (cell.kind) {
    case 'text':
      return cell.value;
    case 'places':
      return cell.value === null ? '' : String(Math.round(cell.value));
    case 'count':
      return fmtCount(cell.value, threshold);
    default:
      return fmt(cell.value, cell.kind);
  }
}

/** Rows of text as a CSV file: BOM, fields quoted where needed, CRLF after every row. */
export function csvText(rows: readonly (readonly string[])[]): string {
  return `${BOM}${rows.map((r) => r.map(csvField).join(',')).join('\r\n')}\r\n`;
}

function csv(headers: string[], rows: Cell[][], threshold: number): string {
  return csvText([headers, ...rows.map((r) => r.map((c) => cellText(c, threshold)))]);
}

/** The school table of one or more networks as CSV text (BOM included). */
export function schoolsCsv(indicators: NetworkIndicators[], config: IndicatorConfig, options: TableOptions = {}): string {
  return csv(schoolHeaders(config), schoolRows(publicIndicators(indicators, config), config, options), config.privacyThreshold);
}

/** The indices (two-group per share, multigroup per partition) of one or more networks as CSV text. */
export function indicesCsv(indicators: NetworkIndicators[], config: IndicatorConfig): string {
  return csv(INDEX_HEADERS, indexRows(publicIndicators(indicators, config)), config.privacyThreshold);
}
