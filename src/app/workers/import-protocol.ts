/**
 * What crosses the boundary between the import wizard (main thread) and the import service in
 * the engine worker (import-service.ts). Geometry is in EPSG:3067 metres (the wizard's problem
 * maps draw it in an SVG with y flipped); areas in m²; counts in people.
 */
import type { PresetId } from '../../core/config/presets';
import type { TableReport } from '../../core/load/feature-table';
import type { AgeFraction } from '../../core/mapping/age-apportion';
import type { FieldCondition } from '../../core/mapping/feature-filter';
import type { MatchMethod } from '../../core/mapping/school-matching';
import type { BBox, MultiPolygon, Position } from '../../core/model/geometry-types';
import type { Problem, Result } from '../../core/model/result';
import type { GradeRange, Language } from '../../core/model/school';
import type { GeometryProblemKind } from '../../core/validate/geometry-problem';
import type { OverlapRule } from '../../core/validate/split-overlaps';
import type { DatasetSummary } from './engine-protocol';

export type ImportRole = 'units' | 'schools' | 'catchments' | 'boundary' | 'streets';

/** One layer as the user gave it: a file, or a bare .shp with its side files. */
export interface ImportFileInput {
  name: string;
  bytes: Uint8Array;
  companions?: { name: string; bytes: Uint8Array }[];
  /** GeoPackage table or Shapefile in a ZIP to read (default: the first; the summary lists them all). */
  layer?: string;
}

/** What was read from a file (core TableReport: format, features, CRS and how it was found, …) and what it holds. */
export interface ImportFileSummary extends TableReport {
  role: ImportRole;
  geometry: { points: number; polygons: number; other: number; none: number };
  /** Lower-cased field names with whether they hold numbers. */
  fields: { name: string; numeric: boolean }[];
  warnings: Problem[];
}

export interface ImportProgress {
  role: ImportRole;
  /** 0…1. */
  fraction: number;
  message: string;
}

/** Progress of a step's work in the worker (filters, planning area, generated catchments, checks). */
export interface StepProgress {
  stage: 'schools' | 'filter' | 'area' | 'flags' | 'matching' | 'generate' | 'check' | 'finish';
  /** Items done of total (networks generated, …); 0 of 0 when not counted. */
  done: number;
  total: number;
  /** The network being generated or checked, when any. */
  network?: string;
}

export interface FieldsInfo {
  detectedPreset: PresetId | null;
  canonical: { name: string; label: string; presets: PresetId[] }[];
  /** Numeric fields of the units file (lower case). */
  sourceFields: string[];
  /** Suggested source field per canonical field (suggestMapping). */
  mapping: Record<string, string>;
  matched: { field: string; source: string; how: 'exact' | 'alias' }[];
  /** Even-spread HSY fractions (3/10 …). */
  defaultFractions: { lower: AgeFraction[]; upper: AgeFraction[] };
}

export interface FieldChoices {
  preset: PresetId;
  /** Canonical field → source field ("" = not mapped). */
  mapping: Record<string, string>;
  /** HSY only: shares of the age bands for grades 1–6 and 7–9. */
  fractions?: { lower: AgeFraction[]; upper: AgeFraction[] };
}

export interface FieldsApplied {
  preset: PresetId;
  estimated: boolean;
  /** Fields of the config the data lack (shares left out): warnings. */
  warnings: Problem[];
}

export type Confidence = 'high' | 'medium' | 'unknown';

export interface SchoolRow {
  id: string;
  name: string;
  language: Language | null;
  languageConfidence: Confidence;
  languageReason: string;
  grades: GradeRange | null;
  gradesConfidence: Confidence;
  gradesReason: string;
  include: boolean;
  /** Why a school is left out by default (special school, unknown language …). */
  excludedReason?: string;
  /** What the user should decide about (outside the planning area, name cut short, unknown language or grades). */
  flags: SchoolFlag[];
  /** Catchment matched to the school (index in the catchments file) and how. */
  catchment: { index: number; label: string; method: MatchMethod } | null;
}

/** Why a school is listed for the user to decide; such schools are never dropped silently. */
export type SchoolFlag = 'outside-area' | 'truncated-name' | 'language-unknown' | 'grades-unknown';

export interface SchoolOverride {
  language?: Language | null;
  grades?: GradeRange | null;
  include?: boolean;
}

export interface SchoolChoices {
  /** Keep only schools whose field equals the value (e.g. kunta = 049); the same as one condition of `filters`. */
  filter: { field: string; value: string } | null;
  /** Keep only schools satisfying every condition (e.g. kunta = 837 and olo = 0), applied before anything is generated. */
  filters?: FieldCondition[];
  overrides: Record<string, SchoolOverride>;
  /** Generate Voronoi catchments clipped to the outline (only without a catchments file). */
  generate: boolean;
  /**
   * With a boundary file: the planning area is the union of its polygons, or of those whose
   * field equals the value (e.g. Paavo kuntano = 049); only units whose centre lies inside are kept.
   */
  area?: { field: string; value: string } | null;
  /** With a boundary file: the planning area is made of the polygons satisfying every condition (with `area`, if given). */
  areaFilters?: FieldCondition[];
}

export interface SchoolsInfo {
  totalInFile: number;
  /** Text fields of the schools file, for the filter. */
  filterFields: string[];
  schools: SchoolRow[];
  hasCatchmentFile: boolean;
  catchmentCount: number;
  catchmentsWithoutSchool: { index: number; label: string }[];
  schoolsWithoutCatchment: string[];
  problems: Problem[];
  /** With a boundary file: units kept inside the planning area, of all, and the boundary's text fields. */
  area?: { unitsKept: number; unitsTotal: number; polygons: number; filterFields: string[]; problems: Problem[] };
  /** Why the school filter could not be applied (e.g. a field the file lacks); no school is listed meanwhile. */
  filterProblems?: Problem[];
  /** Schools the filter kept (before the planning area and the user's choices). */
  filteredCount?: number;
}

/** A catchment problem ready to draw: the problem geometry and its neighbours clipped to the view. */
export interface ProblemView extends Problem {
  kind: GeometryProblemKind;
  networkId: string;
  areaM2: number;
  population?: number;
  schoolNames: string[];
  geometry: MultiPolygon;
  points?: Position[];
  /** View box, EPSG:3067. */
  view: BBox;
  neighbours: { name: string; geometry: MultiPolygon }[];
}

export interface UnitCheck {
  count: number;
  kind: 'grid' | 'polygons';
  populationField: string;
  populationTotal: number;
  problems: Problem[];
  /** Per field of the config: suppressed (sentinel) units and the population share affected. */
  suppression: { field: string; suppressed: number; sentinelKept: number; missing: number; negative: number; unitsAffected: number; populationAffected: number }[];
  /** Text fields of the units file (for totals by group). */
  groupFields: string[];
}

export interface NetworkCheck {
  id: string;
  label: { fi: string; sv: string; en: string };
  schools: number;
  counts: Record<GeometryProblemKind, number>;
  problems: ProblemView[];
  /** Problems beyond the ones drawn. */
  more: number;
}

export interface RepairChange {
  networkId: string;
  school: string;
  areaGained: number;
  areaLost: number;
  populationGained?: number;
  populationLost?: number;
}

export interface RepairOutcome {
  repair: RepairKind;
  rule?: OverlapRule;
  changes: RepairChange[];
  areaGained: number;
  areaLost: number;
  populationGained: number;
  populationLost: number;
  unresolved: number;
}

export type RepairKind = 'self-intersections' | 'snap' | 'slivers' | 'gaps' | 'overlaps';

export interface CheckInfo {
  units: UnitCheck;
  networks: NetworkCheck[];
  /** Blocking problems: Finish is refused while there are any. */
  errors: Problem[];
  warnings: Problem[];
  /** Repairs applied, oldest first (undo takes the last back). */
  repairs: RepairOutcome[];
  estimated: boolean;
  preset: PresetId;
  schoolCount: number;
  defaultName: string;
}

export interface GroupTotal {
  value: string;
  units: number;
  population: number;
}

/** The import service's API (Comlink, served by the engine worker as `importer`). */
export interface ImportApi {
  read(role: ImportRole, input: ImportFileInput, crsOverride: string | null, onProgress: (p: ImportProgress) => void): Promise<Result<ImportFileSummary>>;
  /** Reads the file again with another CRS (null: detect). */
  reread(role: ImportRole, crsOverride: string | null, onProgress: (p: ImportProgress) => void, layer?: string): Promise<Result<ImportFileSummary>>;
  remove(role: ImportRole): Promise<void>;
  fields(): Promise<Result<FieldsInfo>>;
  applyFields(choices: FieldChoices): Promise<Result<FieldsApplied>>;
  /** Filters, planning area, flags and matching; generated catchments wait for `check`, so filters apply first. */
  schools(choices: SchoolChoices, onProgress?: (p: StepProgress) => void): Promise<Result<SchoolsInfo>>;
  /** Generates catchments when asked for (inside the planning area), then checks units and catchments. */
  check(onProgress?: (p: StepProgress) => void): Promise<Result<CheckInfo>>;
  repair(kind: RepairKind, rule?: OverlapRule): Promise<Result<CheckInfo>>;
  undoRepair(): Promise<Result<CheckInfo>>;
  totals(field: string): Promise<Result<GroupTotal[]>>;
  /** Replaces the app's dataset with the import; the current one stays when this fails. */
  finish(name: string, source: string, year?: number | null): Promise<Result<DatasetSummary>>;
  reset(): Promise<void>;
}
