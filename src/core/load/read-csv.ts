/**
 * CSV → FeatureTable in EPSG:3067: either points from coordinate columns, or grid cells built
 * from grid-cell ids (grid-ids.ts) or from lower-left corner columns with a known cell size.
 * Separator "," ";" tab or "|" (detected), decimal comma, UTF-8 with or without BOM, else
 * windows-1252.
 */
import Papa from 'papaparse';
import { fail, ok, type Problem, type Result } from '../model/result';
import { parseCrsName, WGS84, TM35FIN, type CrsCode } from './crs';
import type { FeatureTable } from './feature-table';
import { encodingName, guessCodePage, isUtf8, textDecoder } from './code-pages';
import { inferCellSize, looksLikeGridId, mixedSizes, parseGridId } from './grid-ids';
import { FeatureTableBuilder, type BuilderOptions } from './table-builder';

export interface CsvOptions extends BuilderOptions {
  /** Cell size in metres for grids given by corner columns (euref_x/euref_y, xkoord/ykoord) without ids. */
  cellSize?: number;
}

/** Coordinate column pairs, in order of preference, and the CRS their names imply (null: from the values). */
const COORDINATE_PAIRS: { x: string[]; y: string[]; crs: CrsCode | null }[] = [
  { x: ['lon', 'lng', 'long', 'longitude', 'pituus'], y: ['lat', 'latitude', 'leveys'], crs: WGS84 },
  { x: ['euref_x', 'etrs_x', 'etrs_tm35fin_x'], y: ['euref_y', 'etrs_y', 'etrs_tm35fin_y'], crs: TM35FIN },
  { x: ['x', 'easting', 'e', 'itä', 'ita', 'itakoord', 'x_koord', 'xkoord', 'koord_x', 'x_coord'], y: ['y', 'northing', 'n', 'pohjoinen', 'pohj', 'pohjkoord', 'y_koord', 'ykoord', 'koord_y', 'y_coord'], crs: null },
];

/** Columns that may hold grid ids, in order of preference. */
const GRID_ID_COLUMNS = ['grid_inspire', 'grd_id', 'grd_inspire', 'inspire_id', 'ruutu_id', 'ruutu', 'cell_id', 'id'];
/** Corner columns of Statistics Finland grids (lower-left corner, EPSG:3067). */
const CORNER_PAIRS = [
  ['euref_x', 'euref_y'],
  ['xkoord', 'ykoord'],
];

const decode = (bytes: Uint8Array): { text: string; encoding: string; guessed: boolean } => {
  if (isUtf8(bytes)) return { text: new TextDecoder('utf-8').decode(bytes), encoding: 'utf-8', guessed: false };
  const encoding = guessCodePage(bytes);
  return { text: textDecoder(encoding).decode(bytes), encoding, guessed: true };
};

export function readCsv(file: string, input: string | Uint8Array, options: CsvOptions = {}): Result<FeatureTable> {
  const { text, encoding, guessed } = typeof input === 'string' ? { text: input, encoding: 'utf-8', guessed: false } : decode(input);
  const parsed = Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), { skipEmptyLines: 'greedy', delimitersToGuess: [';', ',', '\t', '|'] });
  const table = parsed.data;
  if (table.length === 0) return fail({ code: 'empty-file', message: 'The CSV file is empty.', fix: 'Choose the right file, or export it again.', file });
  const broken = structureProblems(file, parsed, table);
  if (broken.length) return fail(...broken);
  const header = table[0].map((h) => h.trim());
  const lower = header.map((h) => h.toLowerCase());
  const twice = lower.findIndex((h, i) => lower.indexOf(h) !== i);
  if (twice >= 0)
    return fail({ code: 'duplicate-field', message: `The header names the column "${header[twice]}" twice (columns ${lower.indexOf(lower[twice]) + 1} and ${twice + 1}, case ignored); one would hide the other.`, fix: 'Rename or remove one of the two columns, then load the file again.', file, field: header[twice] });
  const col = (names: string[]) => {
    for (const n of names) {
      const i = lower.indexOf(n);
      if (i >= 0) return i;
    }
    return -1;
  };
  const builder = new FeatureTableBuilder(file, 'csv', options);
  if (guessed)
    builder.warn({ code: 'encoding-detected', message: `The CSV is not UTF-8; it was read as ${encodingName(encoding)} (the most likely code page for its letters).`, fix: 'Check names with ä, ö and å; if they are wrong, save the CSV as UTF-8 and load it again.', file });
  const rows = table.length - 1;
  const props = (r: string[]) => Object.fromEntries(header.map((h, k) => [h, r[k] ?? null]));
  const errors: Problem[] = [];
  const where = (r: number, field?: string) => ({ file, feature: `${r - 1} (row ${r + 1})`, ...(field ? { field } : {}) });

  const idCol = GRID_ID_COLUMNS.map((n) => lower.indexOf(n)).find((i) => i >= 0 && table.slice(1, 20).some((r) => r[i] && looksLikeGridId(r[i])));
  const corner = CORNER_PAIRS.map(([x, y]) => [lower.indexOf(x), lower.indexOf(y)]).find(([x, y]) => x >= 0 && y >= 0);
  if (idCol !== undefined) {
    let crs: CrsCode | null = null;
    const seen = new Map<string, number>();
    const ids = table.slice(1).map((row) => (row[idCol] ?? '').trim());
    const unsized = unsizedCellSize(ids, options.cellSize);
    if (!unsized.ok) return fail({ ...unsized.problems[0], file, field: header[idCol] });
    const cells = ids.map((id) => parseGridId(id, unsized.value));
    const mixed = mixedSizes(cells, ids);
    if (mixed) return fail({ ...mixed, file, field: header[idCol] });
    for (let r = 1; r <= rows; r++) {
      const id = ids[r - 1];
      const cell = cells[r - 1];
      if (!cell) {
        errors.push({ code: 'invalid-grid-id', message: `Row ${r + 1} has ${JSON.stringify(id)} in "${header[idCol]}", which is not a grid-cell id of a supported form (or its corner is not on the grid of its cell size).`, fix: 'Use INSPIRE ids such as "CRS3067RES250mN6672250E385250" or Statistics Finland ids such as "250mN26689E1541" / "1kmN6672E385" (see docs/data-formats.md).', ...where(r, header[idCol]) });
        continue;
      }
      if (seen.has(id)) errors.push({ code: 'duplicate-id', message: `Grid cell ${id} appears on rows ${seen.get(id)! + 1} and ${r + 1}.`, fix: 'Each grid cell must appear once: remove the duplicate row or merge the counts.', ...where(r, header[idCol]), ids: [id] });
      seen.set(id, r);
      if (crs && crs !== cell.crs) errors.push({ code: 'invalid-grid-id', message: `Row ${r + 1}'s id ${id} is in ${cell.crs}, the earlier rows in ${crs}.`, fix: 'Give every cell in the same CRS.', ...where(r, header[idCol]) });
      crs = cell.crs;
      builder.add(square(cell.x, cell.y, cell.size), props(table[r]), null);
      progress(builder, r, rows);
    }
    if (errors.length) return fail(...errors.slice(0, 20));
    return withEncoding(builder.finish(crs ? parseCrsName(crs) : TM35FIN, `grid ids in "${header[idCol]}"`), encoding);
  }
  if (corner && options.cellSize) {
    const size = options.cellSize;
    for (let r = 1; r <= rows; r++) {
      const x = num(table[r][corner[0]]);
      const y = num(table[r][corner[1]]);
      const half = ((x % size) + size) % size === size / 2 && ((y % size) + size) % size === size / 2;
      builder.add(Number.isFinite(x) && Number.isFinite(y) ? square(half ? x - size / 2 : x, half ? y - size / 2 : y, size) : null, props(table[r]), null);
      if (!Number.isFinite(x) || !Number.isFinite(y)) errors.push({ code: 'non-finite-coordinate', message: `Row ${r + 1} has no valid number in "${header[corner[Number.isFinite(x) ? 1 : 0]]}".`, fix: 'Fill in the corner coordinates of every cell.', ...where(r, header[corner[Number.isFinite(x) ? 1 : 0]]) });
      progress(builder, r, rows);
    }
    if (errors.length) return fail(...errors.slice(0, 20));
    return withEncoding(builder.finish(TM35FIN, `${header[corner[0]]}/${header[corner[1]]} corners, ${size} m cells`), encoding);
  }
  const pair = COORDINATE_PAIRS.map((p) => ({ x: col(p.x), y: col(p.y), crs: p.crs })).find((p) => p.x >= 0 && p.y >= 0);
  if (!pair)
    return fail({
      code: 'missing-coordinate-column',
      message: `The CSV has no coordinate columns and no grid-id column (its columns: ${header.join(', ')}).`,
      fix: 'Add coordinate columns (x/y, euref_x/euref_y, lon/lat, longitude/latitude or itä/pohjoinen) or a grid-id column (grd_id with ids like "CRS3067RES250mN6672250E385250"); for corner columns without ids give the cell size.',
      file,
    });
  for (let r = 1; r <= rows; r++) {
    const x = num(table[r][pair.x]);
    const y = num(table[r][pair.y]);
    const bad = !Number.isFinite(x) ? pair.x : !Number.isFinite(y) ? pair.y : -1;
    if (bad >= 0) errors.push({ code: 'non-finite-coordinate', message: `Row ${r + 1} has ${JSON.stringify(table[r][bad] ?? '')} in coordinate column "${header[bad]}", which is not a number.`, fix: 'Fill in both coordinates of every row as numbers (decimal point or comma).', ...where(r, header[bad]) });
    builder.add(bad < 0 ? { type: 'Point', coordinates: [x, y] } : null, props(table[r]), null);
    progress(builder, r, rows);
  }
  if (errors.length) return fail(...errors.slice(0, 20));
  return withEncoding(builder.finish(pair.crs, pair.crs ? `columns ${header[pair.x]}/${header[pair.y]}` : undefined), encoding);
}

/** CSV structure: Papa Parse errors (an unclosed quote swallows the rest of the file) and rows whose field count differs from the header's. */
function structureProblems(file: string, parsed: Papa.ParseResult<string[]>, table: string[][]): Problem[] {
  const out: Problem[] = [];
  for (const e of parsed.errors.slice(0, 5)) {
    const row = typeof e.row === 'number' ? e.row + 1 : undefined;
    out.push({ code: 'csv-parse-error', message: `The CSV cannot be parsed${row !== undefined ? ` at row ${row}` : ''}: ${e.message}${e.code === 'MissingQuotes' ? ' (a quoted field is never closed, so the rest of the file would be read as one value)' : ''}.`, fix: 'Close the quote or remove the stray quote character, then load the file again.', file, ...(row !== undefined ? { feature: `row ${row}` } : {}) });
  }
  if (out.length) return out;
  const width = table[0].length;
  for (let r = 1; r < table.length && out.length < 5; r++)
    if (table[r].length !== width)
      out.push({ code: 'csv-row-length', message: `Row ${r + 1} has ${table[r].length} fields but the header has ${width}; the row is cut short, has an extra separator, or the file is truncated.`, fix: 'Give every row the same fields as the header (empty values as nothing between two separators).', file, feature: `row ${r + 1}` });
  return out;
}

/** Cell size for ids without a size ("N6672000E385000"): the given one, else the spacing of the cells. */
function unsizedCellSize(ids: string[], given: number | undefined): Result<number | undefined> {
  const bare = ids.map((id) => /^N(\d+)E(\d+)$/i.exec(id)).filter((m): m is RegExpExecArray => m !== null);
  if (!bare.length) return ok(undefined);
  if (given) return ok(given);
  const size = inferCellSize(bare.map((m) => Number(m[2])), bare.map((m) => Number(m[1])));
  if (size) return ok(size);
  return fail({ code: 'grid-size-unknown', message: `The grid ids such as ${JSON.stringify(bare[0][0])} give corners in metres but no cell size, and the cells are too few or too irregular to tell it.`, fix: 'Give the cell size (CLI: --cell-size 250), or use ids with the size, e.g. "CRS3067RES250mN6672000E385000" or "250mN26688E1540".' });
}

function num(v: string | undefined): number {
  const t = (v ?? '').trim().replace(/\s/g, '');
  return t === '' ? NaN : Number(t.replace(',', '.'));
}

function square(x: number, y: number, s: number) {
  return { type: 'Polygon', coordinates: [[[x, y], [x + s, y], [x + s, y + s], [x, y + s], [x, y]]] };
}

function progress(builder: FeatureTableBuilder, r: number, rows: number): void {
  if (r % 5000 === 0) builder.progress((0.9 * r) / rows, `reading rows ${r}/${rows}`);
}

function withEncoding(r: Result<FeatureTable>, encoding: string): Result<FeatureTable> {
  if (r.ok) r.value.encoding = encoding;
  return r;
}
