/**
 * What crosses the worker boundary for scenarios: the stored records, the host's state and the
 * scenario API (create, switch, import/export, compare, exports, report). Geometry for display
 * is lon/lat degrees; geometry of edits is EPSG:3067 metres.
 */
import type { MultiPolygon } from '../../core/model/geometry-types';
import type { Problem, Result } from '../../core/model/result';
import type { Scenario } from '../../core/scenario/scenario-file';
import type { IndicatorComparison } from '../../core/compare/compare-indicators';
import type { TravelSide } from '../travel/travel-registry';
import type { UiLanguage } from '../format/format-number';

/** One scenario as kept in IndexedDB (store "scenarios", key scenario.id). */
export interface ScenarioRecord {
  scenario: Scenario;
  /** Marked for the workshop deck. */
  inDeck: boolean;
  /** Position in the scenario list (ascending). */
  order: number;
}

/** Camera of the main map: centre [lon, lat] degrees and zoom level. */
export interface MapCamera {
  center: [number, number];
  zoom: number;
}

/** Where the user was, per dataset (store "sessions", key datasetHash). */
export interface SessionRecord {
  datasetHash: string;
  activeScenarioId: string | null;
  networkId: string | null;
  /** UI store fields (selected school, cell measure, colour mode, …) by name. */
  ui: Record<string, string | number | boolean | null>;
  view: MapCamera | null;
  /** ISO 8601. */
  savedAt: string;
}

/** A scenario as the list shows it. */
export interface ScenarioSummary {
  id: string;
  name: string;
  description: string;
  updatedAt: string;
  /** Edits in effect (the cursor). */
  editCount: number;
  /** Undone edits kept for redo. */
  redoCount: number;
  inDeck: boolean;
  /** Whether an engine is built for it (switching is then instant). */
  warm: boolean;
}

export interface HostState {
  datasetHash: string;
  datasetName: string;
  activeId: string;
  scenarios: ScenarioSummary[];
  /** The session saved for this dataset when the app started (null: first visit). */
  session: SessionRecord | null;
  /** Problems met while restoring (e.g. a stored scenario that no longer applies). */
  problems: Problem[];
}

/** The answer of every scenario operation: the new state and the records to save or delete. */
export interface ScenarioChange {
  state: HostState;
  save: ScenarioRecord[];
  remove: string[];
}

/** What the main thread read from storage before the dataset loads. */
export interface PrimeInput {
  records: ScenarioRecord[];
  sessions: SessionRecord[];
  /** Name of the scenario created on a first visit ("Skenaario 1"). */
  defaultName: string;
}

/** "baseline" or a scenario id. */
export type CompareSide = string;
export const BASELINE = 'baseline';

export interface CompareRequest {
  networkId: string;
  a: CompareSide;
  b: CompareSide;
}

/** Movement between A and B with the privacy threshold applied (null: fewer than the threshold, not 0). */
export interface PublicMovement {
  limitMetres: number;
  movedChildren: number | null;
  movedOverLimitA: number | null;
  movedOverLimitB: number | null;
  totalOverLimitA: number | null;
  totalOverLimitB: number | null;
}

export interface ComparisonPayload {
  networkId: string;
  /** Privacy-applied table: every school and every index with A, B and change = B − A. */
  table: IndicatorComparison;
  movement: PublicMovement;
  /** School indices whose catchment differs between A and B. */
  changed: number[];
  /** Catchments parallel to the network's schools, lon/lat. */
  catchmentsA: MultiPolygon[];
  catchmentsB: MultiPolygon[];
  threshold: number;
  /** Travel figures of A and B (core/travel; along the streets unless straightLine); null without travel. */
  travel?: { straightLine: boolean; a: TravelSide; b: TravelSide } | null;
}

export type ExportKind = 'schools-csv' | 'schools-data-csv' | 'indices-csv' | 'xlsx' | 'geojson' | 'gpkg' | 'report-html';

export interface ExportRequest {
  kind: ExportKind;
  /** Catchments only. */
  crs?: 'EPSG:3067' | 'EPSG:4326';
  /** School names become "Koulu A", "Koulu B", … */
  anonymise: boolean;
  language: UiLanguage;
  /** The network of the report and of the GeoJSON file (default the first). */
  networkId?: string;
  /** The year the figures are for (the year control); default the data's own year, none when unknown. */
  year?: number;
  /** Shown instead of the scenario's name (and its description left out) when anonymising. */
  scenarioAlias?: string;
  /** Report only: the fields the user fills in. */
  reportMeta?: { author?: string; organisation?: string; date?: string };
  /** Report only: the years of the section on housing and the projected pupil base (none: no section). */
  reportYears?: number[];
}

export interface ExportedFile {
  fileName: string;
  mime: string;
  bytes: Uint8Array;
}

/** The worker's scenario API (Comlink, reached as `remote.scenarios`). */
export interface ScenarioApi {
  /** Hands over what storage holds; the dataset load waits for this. */
  prime(input: PrimeInput): Promise<void>;
  state(): Promise<HostState>;
  /** Records changed since the last drain (after edits, undo, redo). */
  pull(): Promise<ScenarioChange>;
  create(name: string): Promise<Result<ScenarioChange>>;
  duplicate(id: string, name: string): Promise<Result<ScenarioChange>>;
  update(id: string, changes: { name?: string; description?: string; inDeck?: boolean }): Promise<Result<ScenarioChange>>;
  /** Deletes a scenario; when it is the last one, a new empty one named `fallbackName` is created. */
  remove(id: string, fallbackName: string): Promise<Result<ScenarioChange>>;
  activate(id: string): Promise<Result<ScenarioChange>>;
  /** Builds the engine of a scenario ahead of time (workshop deck). */
  prepare(id: string): Promise<Result<ScenarioChange>>;
  exportScenario(id: string): Promise<Result<{ fileName: string; text: string }>>;
  /** Imports a scenario file as a new scenario and activates it; warnings: dataset-mismatch, scenario-migrated. */
  importScenario(text: string): Promise<Result<ScenarioChange>>;
  compare(request: CompareRequest): Promise<Result<ComparisonPayload>>;
  exportFile(request: ExportRequest): Promise<Result<ExportedFile>>;
  /** School id → "Koulu A", … (dataset order). */
  aliases(language: UiLanguage): Promise<Record<string, string>>;
}
