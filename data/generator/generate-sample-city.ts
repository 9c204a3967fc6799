/**
 * The bundled sample city "Esimerkkilä / Exempelby": a fictional Finnish coastal
 * municipality in EPSG:3067, written in the catchment-studio-bundle format (see
 * docs/sample-city.md). Deterministic: a seeded PRNG, no Math.random, no clock, so two runs
 * give byte-identical files.
 *
 * Run `npm run sample-data` to rewrite data/sample-city/.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'fflate';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { IndicatorConfig } from '../../src/core/config/indicator-config';
import { statfiStyleConfig } from '../../src/core/config/presets/statfi-fields';
import type { MultiPolygon } from '../../src/core/model/geometry-types';
import { planNetworks, type NetworkPlan, type SchoolRecord } from './city-networks';
import { COUNT_FIELDS } from './demographics';
import { districtAreas } from './district-areas';
import { layOutDistricts, type District } from './districts';
import { writeFlatGeobuf, type FgbColumn, type FgbFeature } from './fgb-writer';
import { buildLandscape, coverCells, type Landscape } from './landscape';
import { CELL, populate, type Cell } from './population';
import { DEFAULT_CONFIG, type SampleCityConfig } from './sample-city-config';
import { sampleStreets } from './sample-streets';
import { SWEDISH_FIELD, swedishChildren } from './swedish-children';
import { traceRegions } from './trace-regions';

export interface SampleCityBundle {
  /** File name → bytes: manifest.json, units.fgb.gz, schools.fgb, catchments.fgb, context.fgb, indicator-config.json. */
  files: Record<string, Uint8Array>;
  cells: Cell[];
  schools: SchoolRecord[];
  networks: NetworkPlan[];
}

const NETWORK_LABELS = {
  'fi-lower': { fi: 'Suomenkieliset, vuosiluokat 1–6', sv: 'Finskspråkiga, årskurs 1–6', en: 'Finnish-language, grades 1–6' },
  'fi-upper': { fi: 'Suomenkieliset, vuosiluokat 7–9', sv: 'Finskspråkiga, årskurs 7–9', en: 'Finnish-language, grades 7–9' },
  'sv-lower': { fi: 'Ruotsinkieliset, vuosiluokat 1–6', sv: 'Svenskspråkiga, årskurs 1–6', en: 'Swedish-language, grades 1–6' },
};

export function generateSampleCity(cfg: SampleCityConfig = DEFAULT_CONFIG): SampleCityBundle {
  const ls = buildLandscape(cfg);
  const layout = layOutDistricts(cfg, ls);
  const cells = populate(cfg, ls, layout);
  // Every populated cell lies wholly on municipal land, so no child falls outside the catchments.
  coverCells(ls, cells, CELL);
  const swedish = swedishChildren(cfg.seed, cells);
  const { schools, networks } = planNetworks(cfg, ls, layout, cells, swedish.published);
  const manifest = {
    format: 'catchment-studio-bundle',
    version: 1,
    name: 'Esimerkkilä – Exempelby (fictional sample city)',
    source: `Synthetic data: Catchment Studio sample-city generator (seed ${cfg.seed}). Fictional municipality; not real statistics.`,
    crs: 'EPSG:3067',
    preset: 'statfi-grid',
    // The base year of projections: the statistics are "as of" this year (docs/indicators.md).
    year: 2024,
    grid: { originX: cfg.originX, originY: cfg.originY, cellSize: CELL, cols: cfg.width / CELL, rows: cfg.height / CELL },
    unitGeometry: 'point',
    networks: networks.map((n) => ({ id: n.id, label: NETWORK_LABELS[n.id], language: n.id.startsWith('sv') ? 'sv' : 'fi', level: n.id.endsWith('upper') ? 'upper' : 'lower' })),
    files: { units: 'units.fgb.gz', schools: 'schools.fgb', catchments: 'catchments.fgb', context: 'context.fgb', streets: 'streets.fgb' },
    config: 'indicator-config.json',
  };
  const json = (value: unknown) => new TextEncoder().encode(`${JSON.stringify(value, null, 2)}\n`);
  return {
    files: {
      'manifest.json': json(manifest),
      // gzip: 30,000 cells × 25 integer counts are 6 MB raw, 0.45 MB compressed (mtime 0 keeps runs byte-identical).
      'units.fgb.gz': gzipSync(unitsFile(cells, swedish.published), { level: 9, mtime: 0 }),
      'schools.fgb': schoolsFile(schools),
      'catchments.fgb': catchmentsFile(networks),
      'context.fgb': contextFile(ls, layout.districts),
      'streets.fgb': sampleStreets(cfg, ls),
      'indicator-config.json': json(sampleCityConfig()),
    },
    cells,
    schools,
    networks,
  };
}

/**
 * One Point per populated cell at the cell centre; grd_id names the lower-left corner. No
 * euref_x/euref_y columns: the id and the point already give the corner, and 12 bytes a cell
 * matter at 30 000 cells.
 */
function unitsFile(cells: Cell[], swedish: Int32Array): Uint8Array {
  const columns: FgbColumn[] = [{ name: 'grd_id', type: 'string' }, ...[...COUNT_FIELDS, SWEDISH_FIELD].map((name): FgbColumn => ({ name, type: 'short' }))];
  const features = cells.map(
    (c, i): FgbFeature => ({
      geometry: { type: 'Point', coordinates: [c.x0 + CELL / 2, c.y0 + CELL / 2] },
      properties: { grd_id: `CRS3067RES250mN${c.y0}E${c.x0}`, ...c.published, [SWEDISH_FIELD]: swedish[i] },
    }),
  );
  return writeFlatGeobuf(features, columns);
}

/** Places per level: a 1–9 school's two parts; a single-level school's places, 0 for the other level. */
function levelPlaces(s: SchoolRecord): { capacity_lower: number; capacity_upper: number } {
  if (s.grades === '1-9') return { capacity_lower: s.capacityLower ?? 0, capacity_upper: s.capacityUpper ?? 0 };
  return s.grades === '1-6' ? { capacity_lower: s.capacity, capacity_upper: 0 } : { capacity_lower: 0, capacity_upper: s.capacity };
}

function schoolsFile(schools: SchoolRecord[]): Uint8Array {
  const columns: FgbColumn[] = [
    { name: 'id', type: 'string' },
    { name: 'name', type: 'string' },
    { name: 'language', type: 'string' },
    { name: 'grades', type: 'string' },
    { name: 'capacity', type: 'int' },
    { name: 'capacity_lower', type: 'int' },
    { name: 'capacity_upper', type: 'int' },
  ];
  return writeFlatGeobuf(
    schools.map((s) => ({ geometry: { type: 'Point', coordinates: [s.x, s.y] }, properties: { id: s.id, name: s.name, language: s.language, grades: s.grades, capacity: s.capacity, ...levelPlaces(s) } })),
    columns,
  );
}

/** Polygon features when every geometry is one polygon, else MultiPolygon for all (one geometry type per file). */
function areaFeatures(items: { geometry: MultiPolygon; properties: Record<string, string> }[]): FgbFeature[] {
  const single = items.every((i) => i.geometry.length === 1);
  return items.map((i) => ({
    geometry: single ? { type: 'Polygon', coordinates: i.geometry[0] } : { type: 'MultiPolygon', coordinates: i.geometry },
    properties: i.properties,
  }));
}

function catchmentsFile(networks: NetworkPlan[]): Uint8Array {
  const items = networks.flatMap((n) => n.schoolIds.map((id, j) => ({ geometry: n.catchments[j], properties: { network: n.id, school_id: id } })));
  return writeFlatGeobuf(areaFeatures(items), [
    { name: 'network', type: 'string' },
    { name: 'school_id', type: 'string' },
  ]);
}

/** Municipal boundary (land, lakes and coastal waters), the sea, each lake and the named districts (district-areas.ts). */
function contextFile(ls: Landscape, districts: District[]): Uint8Array {
  const mask = (test: (i: number) => boolean) => {
    const labels = new Int32Array(ls.w * ls.h);
    for (let i = 0; i < labels.length; i++) labels[i] = test(i) ? 0 : -1;
    return traceRegions(ls, labels, 1)[0];
  };
  const lakes = traceRegions(ls, Int32Array.from(ls.lakeId), ls.lakeNames.length);
  const items = [
    { geometry: mask((i) => ls.municipality[i] === 1), properties: { kind: 'boundary', name: 'Esimerkkilä – Exempelby' } },
    { geometry: mask((i) => ls.sea[i] === 1), properties: { kind: 'water', name: 'Suomenlahti – Finska viken' } },
    ...lakes.map((g, j) => ({ geometry: g, properties: { kind: 'water', name: ls.lakeNames[j] } })),
    ...districtAreas(ls, districts).map((a) => ({ geometry: a.geometry, properties: { kind: 'district', name: a.name } })),
  ];
  return writeFlatGeobuf(areaFeatures(items), [
    { name: 'kind', type: 'string' },
    { name: 'name', type: 'string' },
  ]);
}

/**
 * The indicator configuration for the sample city (`indicator-config.json`, for the CLI's
 * --config): the statfi-grid preset with the Swedish-language network counting sv_7_12 instead
 * of all children aged 7–12. Without it the tool counts every child in a Swedish catchment.
 */
export function sampleCityConfig(): IndicatorConfig {
  const preset = statfiStyleConfig('statfi-grid');
  return { ...preset, ageBands: { ...preset.ageBands, byNetwork: { 'sv-lower': SWEDISH_FIELD } } };
}

/** Write the bundle's files into `dir`. */
export function writeBundle(bundle: SampleCityBundle, dir: string): void {
  mkdirSync(dir, { recursive: true });
  rmSync(join(dir, 'units.fgb'), { force: true }); // the uncompressed name of earlier versions
  for (const [name, bytes] of Object.entries(bundle.files)) writeFileSync(join(dir, name), bytes);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const out = join(dirname(fileURLToPath(import.meta.url)), '..', 'sample-city');
  const bundle = generateSampleCity();
  writeBundle(bundle, out);
  const population = bundle.cells.reduce((s, c) => s + c.pop, 0);
  const sizes = Object.entries(bundle.files).map(([n, b]) => `${n} ${(b.length / 1024).toFixed(0)} KiB`);
  console.log(`Wrote ${out}: ${bundle.cells.length} cells, ${population} inhabitants, ${bundle.schools.length} schools; ${sizes.join(', ')}`);
}
