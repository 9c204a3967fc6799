/**
 * A city's small-area forecast as a CSV table (forecast-table.ts): one row per unit or area, year
 * and age band, with the number of people.
 *
 * Columns (header, case ignored; separator , ; tab or |, decimal comma accepted):
 * - id: `id`, `unit`, `area`, `alue`, `område` — a unit id of the data, or an area id
 * - year: `year`, `vuosi`, `år`
 * - age band: `age` / `ika` / `ikä` / `ålder` as "7-12" (hyphen or en dash), or `from` and `to`
 * - people: `people`, `value`, `henkilot`, `henkilöt`, `personer`, `count`
 * - optional `units`: for an area row, the unit ids it consists of (separated by spaces, | or ;)
 * A bad row is a named error with its line; one bad row refuses the table (nothing half-read).
 */
import Papa from 'papaparse';
import { fail, ok, type Problem, type Result } from '../model/result';
import type { ForecastRow, ForecastTable } from './forecast-table';

const COLUMNS = {
  id: ['id', 'unit', 'area', 'alue', 'område', 'omrade'],
  year: ['year', 'vuosi', 'år', 'ar'],
  age: ['age', 'ika', 'ikä', 'ålder', 'alder', 'age_band'],
  from: ['from', 'age_from', 'ika_alku'],
  to: ['to', 'age_to', 'ika_loppu'],
  people: ['people', 'value', 'henkilot', 'henkilöt', 'personer', 'count'],
  units: ['units', 'yksikot', 'yksiköt', 'enheter'],
} as const;

const number = (s: string | undefined): number => (s === undefined || s.trim() === '' ? NaN : Number(s.trim().replace(',', '.').replace(/\s/g, '')));

/** Reads the table; `name` is shown as the figures' source (default: the file name without extension). */
export function readForecastCsv(file: string, text: string, name?: string): Result<ForecastTable> {
  const parsed = Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), { skipEmptyLines: 'greedy', delimitersToGuess: [';', ',', '\t', '|'] });
  const [header, ...rows] = parsed.data;
  if (!header) return fail({ code: 'empty-file', message: `${file} is empty.`, fix: 'Choose the forecast table (columns id, year, age, people).', file });
  const lower = header.map((h) => h.trim().toLowerCase());
  const col = (names: readonly string[]) => lower.findIndex((h) => names.includes(h));
  const at = Object.fromEntries(Object.entries(COLUMNS).map(([k, names]) => [k, col(names)])) as Record<keyof typeof COLUMNS, number>;
  const missing = (['id', 'year', 'people'] as const).filter((k) => at[k] < 0);
  if (at.age < 0 && (at.from < 0 || at.to < 0)) missing.push('age' as never);
  if (missing.length > 0)
    return fail({ code: 'forecast-missing-column', message: `${file} has no column for ${missing.join(', ')} (header: ${header.join(', ')}).`, fix: 'Name the columns id, year, age (such as 7-12) and people; see docs/indicators.md (forecast table).', file, field: missing[0] });
  const problems: Problem[] = [];
  const out: ForecastRow[] = [];
  const areas: Record<string, string[]> = {};
  rows.forEach((row, i) => {
    const line = i + 2;
    const bad = (field: string, message: string, fix: string) => problems.push({ code: `forecast-bad-${field}`, message: `${file}, line ${line}: ${message}`, fix, file, feature: String(line), field });
    const id = (row[at.id] ?? '').trim();
    const year = number(row[at.year]);
    const value = number(row[at.people]);
    let from = NaN;
    let to = NaN;
    if (at.age >= 0) {
      const m = /^\s*(\d+)\s*[-–]\s*(\d+)\s*$/.exec(row[at.age] ?? '');
      if (m) [from, to] = [Number(m[1]), Number(m[2])];
    } else [from, to] = [number(row[at.from]), number(row[at.to])];
    if (id === '') return bad('id', 'the row has no unit or area id.', 'Give the id of a unit of the data or of an area.');
    if (!Number.isInteger(year) || year < 1900 || year > 2200) return bad('year', `"${row[at.year] ?? ''}" is not a year.`, 'Give the year as four digits, such as 2030.');
    if (!Number.isInteger(from) || !Number.isInteger(to) || from < 0 || to < from) return bad('age', `the age band "${at.age >= 0 ? row[at.age] ?? '' : `${row[at.from]}–${row[at.to]}`}" is not FROM-TO.`, 'Write the age band as 7-12 (the school ages of the network).');
    if (!Number.isFinite(value) || value < 0) return bad('people', `"${row[at.people] ?? ''}" is not a number of people.`, 'Give the forecast number of people as a number ≥ 0.');
    out.push({ id, year, from, to, value });
    if (at.units >= 0 && (row[at.units] ?? '').trim() !== '') areas[id] = (row[at.units] ?? '').split(/[\s|;]+/).filter(Boolean);
  });
  if (problems.length > 0) return fail(...problems.slice(0, 20));
  if (out.length === 0) return fail({ code: 'forecast-empty', message: `${file} has a header but no rows.`, fix: 'Choose the forecast table with its rows.', file });
  const table: ForecastTable = { name: name ?? (file.split(/[\\/]/).pop() ?? file).replace(/\.[^.]*$/, ''), rows: out };
  if (Object.keys(areas).length > 0) table.areas = areas;
  return ok(table);
}

/** Rows whose id is neither a unit of the data nor an area of the table: a warning each (at most 5 named). */
export function unknownForecastIds(table: ForecastTable, unitIds: ReadonlySet<string>): Problem[] {
  const unknown = [...new Set(table.rows.map((r) => r.id).filter((id) => !unitIds.has(id) && !table.areas?.[id]))];
  if (unknown.length === 0) return [];
  return [{ code: 'forecast-unknown-ids', message: `${unknown.length} forecast id(s) match no unit of the data and no area: ${unknown.slice(0, 5).join(', ')}${unknown.length > 5 ? ', …' : ''}. Their rows are not used.`, fix: 'Use the unit ids of the data (e.g. grid cell ids or postal codes), or give an area its units in a "units" column.' }];
}

/**
 * The forecast file as the app and the CLI read it: UTF-8 (else Windows-1252, as spreadsheet
 * programs often save CSV), the table, and a warning for ids matching nothing. A table none of
 * whose ids is a unit of the data or an area with units of the data is refused: it would change
 * no figure.
 */
export function readForecastBytes(file: string, bytes: Uint8Array, unitIds: ReadonlySet<string>): Result<ForecastTable> {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    text = new TextDecoder('windows-1252').decode(bytes);
  }
  const table = readForecastCsv(file, text);
  if (!table.ok) return table;
  const used = table.value.rows.some((r) => unitIds.has(r.id) || (table.value.areas?.[r.id] ?? []).some((id) => unitIds.has(id)));
  if (!used) {
    const ids = [...new Set(table.value.rows.map((r) => r.id))].slice(0, 3).join(', ');
    return fail({ code: 'forecast-no-match', message: `No id of ${file} (such as ${ids}) is a unit of the data or an area made of its units, so the forecast would change nothing.`, fix: 'Use the unit ids of the data (grid cell ids or postal codes), or list each area\'s unit ids in a "units" column.', file, field: 'id' });
  }
  return ok(table.value, unknownForecastIds(table.value, unitIds));
}
