/**
 * Housing projects from a file (issue 9): every feature of a GeoJSON, GeoPackage, zipped
 * Shapefile or CSV with x,y columns (EPSG:3067) read by core/load becomes one housing-project
 * record: a polygon → `region`, a point → `location`.
 *
 * Fields (case ignored; first match wins):
 * - dwellings (required): dwellings, asunnot, asuntoja, asuntomaara, bostader, bostäder, units
 * - name: name, nimi, namn (default "<file> <row>")
 * - tenure: tenure, hallintamuoto, upplatelseform (default owner); the record's values or the aliases below
 * - buildingType: buildingtype, building_type, talotyyppi, hustyp, type (default block)
 * - year (completion): year, completion_year, valmistumisvuosi, vuosi, ar, år (default: the year given)
 * - id: id, tunnus (default "<file>-<row>"; the same file imported again replaces its projects)
 * A bad row is a named error (housing-file-… or the record checks of resolve-project.ts) naming
 * the row; one bad row refuses the whole file, so nothing is applied.
 */
import type { FeatureTable } from '../load/feature-table';
import { textValue } from '../load/feature-table';
import { readFeatures, type InputFile, type ReadOptions } from '../load/read-features';
import { fail, ok, type Problem, type Result } from '../model/result';
import type { HousingProjectRecord } from '../scenario/edit';
import { BUILDING_TYPES, TENURES, type BuildingType, type Tenure } from './housing-config';
import { checkProject } from './resolve-project';

const FIELDS = {
  dwellings: ['dwellings', 'asunnot', 'asuntoja', 'asuntomaara', 'asuntomäärä', 'bostader', 'bostäder', 'units'],
  name: ['name', 'nimi', 'namn'],
  tenure: ['tenure', 'hallintamuoto', 'upplatelseform', 'upplåtelseform'],
  buildingType: ['buildingtype', 'building_type', 'talotyyppi', 'hustyp', 'type'],
  year: ['year', 'completion_year', 'completionyear', 'valmistumisvuosi', 'vuosi', 'ar', 'år'],
  id: ['id', 'tunnus'],
} as const;

const TENURE_ALIASES: Record<string, Tenure> = {
  omistus: 'owner', omistusasunto: 'owner', ägar: 'owner', agar: 'owner',
  ara: 'social_rental', 'ara-vuokra': 'social_rental', aravuokra: 'social_rental', social: 'social_rental',
  asumisoikeus: 'right_of_occupancy', aso: 'right_of_occupancy', bostadsrätt: 'right_of_occupancy', asumisoikeusasunto: 'right_of_occupancy',
  vapaarahoitteinen: 'market_rental', vuokra: 'market_rental', market: 'market_rental', hyresrätt: 'market_rental',
};

const TYPE_ALIASES: Record<string, BuildingType> = {
  erillistalo: 'detached', omakotitalo: 'detached', pientalo: 'detached', egnahemshus: 'detached',
  rivitalo: 'terraced', radhus: 'terraced', paritalo: 'terraced',
  kerrostalo: 'block', flervåningshus: 'block', höghus: 'block',
};

export interface HousingTableOptions {
  /** Completion year of rows without one (the app: the selected year). */
  defaultYear: number;
  /** The projection's range: a completion year outside it refuses the file. */
  baseYear: number;
  lastYear: number;
}

function fileStem(name: string): string {
  return (name.split(/[\\/]/).pop() ?? name).replace(/\.[^.]*$/, '') || 'import';
}

function rowProblem(table: FeatureTable, row: number, code: string, field: string, message: string, fix: string): Problem {
  return { code, message: `${table.file}, row ${row + 1}: ${message}`, fix, file: table.file, feature: String(row + 1), field };
}

function pick<T extends string>(raw: string | null, allowed: readonly T[], aliases: Record<string, T>): T | null {
  if (raw === null) return null;
  const key = raw.trim().toLowerCase();
  return (allowed as readonly string[]).includes(key) ? (key as T) : (aliases[key] ?? null);
}

/** The records of every feature, or every problem found (nothing is half-read). */
export function housingFromTable(table: FeatureTable, options: HousingTableOptions): Result<HousingProjectRecord[]> {
  // Every candidate column present, per field: a row takes the first of them it has a value in.
  const field = Object.fromEntries(Object.entries(FIELDS).map(([k, names]) => [k, names.filter((n) => table.columns[n])])) as Record<keyof typeof FIELDS, string[]>;
  if (field.dwellings.length === 0)
    return fail({ code: 'housing-file-no-dwellings', message: `${table.file} has no column for the number of dwellings (looked for: ${FIELDS.dwellings.join(', ')}).`, fix: 'Add a column "dwellings" with the number of dwellings of each project.', file: table.file });
  if (table.count === 0) return fail({ code: 'housing-file-empty', message: `${table.file} has no features.`, fix: 'Choose the file that holds the projects.', file: table.file });
  const stem = fileStem(table.file);
  const problems: Problem[] = [];
  const records: HousingProjectRecord[] = [];
  for (let row = 0; row < table.count; row++) {
    const text = (names: string[]) => names.map((f) => textValue(table, f, row)).find((v) => v !== null && v.trim() !== '') ?? null;
    const tenureText = text(field.tenure);
    const typeText = text(field.buildingType);
    const tenure = tenureText === null ? 'owner' : pick(tenureText, TENURES, TENURE_ALIASES);
    const buildingType = typeText === null ? 'block' : pick(typeText, BUILDING_TYPES, TYPE_ALIASES);
    if (!tenure) problems.push(rowProblem(table, row, 'housing-unknown-tenure', 'tenure', `the tenure "${tenureText}" is unknown.`, `Use one of: ${TENURES.join(', ')}.`));
    if (!buildingType) problems.push(rowProblem(table, row, 'housing-unknown-type', 'buildingType', `the building type "${typeText}" is unknown.`, `Use one of: ${BUILDING_TYPES.join(', ')}.`));
    const geometry = table.geometries[row];
    if (!geometry || (geometry.kind !== 'point' && geometry.kind !== 'polygons')) {
      problems.push(rowProblem(table, row, 'housing-no-geometry', 'geometry', `the feature has ${geometry ? `a ${geometry.type} geometry` : 'no geometry'}; a project is a polygon or a point.`, 'Give each project its area (polygon) or location (point; CSV: x and y columns in EPSG:3067).'));
    }
    if (!tenure || !buildingType || !geometry || (geometry.kind !== 'point' && geometry.kind !== 'polygons')) continue;
    const yearText = text(field.year);
    const record: HousingProjectRecord = {
      kind: 'housing-project',
      year: yearText === null ? options.defaultYear : Number(yearText),
      id: text(field.id) ?? `${stem}-${row + 1}`,
      name: text(field.name) ?? `${stem} ${row + 1}`,
      dwellings: Number(text(field.dwellings) ?? NaN),
      tenure,
      buildingType,
      ...(geometry.kind === 'point' ? { location: [geometry.point[0], geometry.point[1]] } : { region: geometry.polygons }),
    };
    const bad = checkProject(record, options.baseYear, options.lastYear);
    if (bad) problems.push({ ...bad, message: `${table.file}, row ${row + 1}: ${bad.message}`, file: table.file, feature: String(row + 1) });
    else records.push(record);
  }
  const ids = new Map<string, number>();
  records.forEach((r, i) => {
    if (ids.has(r.id)) problems.push({ code: 'housing-file-duplicate-id', message: `${table.file}: the id "${r.id}" is given to two projects.`, fix: 'Give every project its own id (or leave the id column out).', file: table.file, feature: r.id });
    ids.set(r.id, i);
  });
  return problems.length > 0 ? fail(...problems) : ok(records);
}

/** Reads a file of any supported format and turns its features into housing-project records. */
export async function readHousingFile(input: InputFile, options: HousingTableOptions & Pick<ReadOptions, 'sqlJs' | 'maxBytes'>): Promise<Result<HousingProjectRecord[]>> {
  const table = await readFeatures(input, { sqlJs: options.sqlJs, maxBytes: options.maxBytes ?? 200 * 1024 ** 2 });
  if (!table.ok) return table;
  const r = housingFromTable(table.value, options);
  return r.ok ? ok(r.value, table.warnings) : r;
}
