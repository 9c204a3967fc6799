/**
 * What crosses the boundary between the main thread and the engine worker. Geometry for display
 * is already in lon/lat degrees; geometry of edits is in EPSG:3067 metres. Typed arrays are
 * transferred, not copied.
 */
import type { StreetLinesDisplay, TravelBands, TravelSnapshot } from '../travel/travel-registry';
import type { ChildrenSources } from '../../core/projection/children-sources';
import type { LocalisedLabel } from '../../core/config/indicator-config';
import type { NetworkIndicators } from '../../core/indicators/indicator-types';
import type { PublicNetworkIndicators } from '../../core/pupil-base/privacy';
import type { GridSpec } from '../../core/model/grid-spec';
import type { MultiPolygon, Position } from '../../core/model/geometry-types';
import type { Result } from '../../core/model/result';
import type { Edit, EditOutcome, HousingProjectRecord } from '../../core/scenario/edit';
import type { NetworkYearSeries } from '../../core/projection/year-series';
import type { ProjectPupils } from '../../core/housing/project-pupils';
import type { SchoolStatus } from '../../core/school-network/school-timeline';
import type { GradeRange, Language } from '../../core/model/school';
import type { FeederTable } from '../../core/scenario/scenario-engine';

/** Where the bundle's files are: absolute URLs by the file names the manifest uses. */
export interface BundleSource {
  manifestUrl: string;
  /** File name (as in the manifest) → absolute URL. Names not listed are resolved against manifestUrl. */
  fileUrls: Record<string, string>;
}

/** A dataset kept in the browser after an import, by its hash. */
export interface StoredSource {
  storedHash: string;
}

/** What the app opens: a bundle served over HTTP, or a dataset kept in the browser. */
export type DatasetSource = BundleSource | StoredSource;

export interface LoadProgress {
  stage: 'fetch' | 'parse' | 'engine';
  /** Work done and total in the stage's own unit (files, bytes). */
  loaded: number;
  total: number;
}

export interface SchoolInfo {
  id: string;
  name: string;
  /** Index in the network's schoolIds. */
  index: number;
  capacity: number | null;
  /** EPSG:3067 metres. */
  location: Position;
  /** [longitude, latitude]. */
  lonLat: [number, number];
  /** Status in the selected year (snapshots of an engine with school-network records; absent = open). */
  status?: SchoolStatus;
  /** True for a school opened by an open-school record (not in the dataset). */
  opened?: boolean;
  /** Grades and language (school-network forms). */
  grades?: GradeRange;
  language?: Language;
  /** The whole school's places and its places per level (set-capacity records keep the other level's). */
  schoolCapacity?: number | null;
  capacityByLevel?: { lower?: number; upper?: number };
  /** In temporary premises in the selected year: the school's own address (location is the temporary one). */
  homeLocation?: Position;
  homeLonLat?: [number, number];
}

export interface NetworkInfo {
  id: string;
  label: LocalisedLabel;
  language: 'fi' | 'sv';
  level: 'lower' | 'upper';
  schools: SchoolInfo[];
}

/** Unit outlines in lon/lat for the binary cell layer (see map/unit-geometry.ts). */
export interface UnitDisplay {
  kind: 'grid' | 'polygons';
  count: number;
  /** Grid units only: the grid (EPSG:3067) and each unit's column and row. */
  grid: GridSpec | null;
  col: Int32Array | null;
  row: Int32Array | null;
  positions: Float64Array;
  startIndices: Uint32Array;
  objectUnit: Uint32Array;
}

/** A per-unit figure the cell choropleth can show. */
export interface UnitMeasure {
  /** "children", "population" or a share id. */
  id: string;
  kind: 'count' | 'share';
  label: LocalisedLabel;
  /** Count, or share 0–1; NaN where unknown. */
  values: Float64Array;
  /** People each value rests on (a count itself; the denominator for shares); values resting on fewer than the threshold are not drawn. */
  base: Float64Array;
  /** Unit of a measure that is not a count of people (e.g. "km" for trip lengths), with the decimals shown. */
  unit?: { label: LocalisedLabel; digits: number };
}

export interface DatasetSummary {
  name: string;
  source: string;
  presetName: string;
  privacyThreshold: number;
  networks: NetworkInfo[];
  units: UnitDisplay;
  shares: { id: string; label: LocalisedLabel }[];
  multigroup: { id: string; label: LocalisedLabel }[];
  /** Municipal land and water for context, lon/lat. */
  land: MultiPolygon | null;
  water: MultiPolygon | null;
  /** [west, south, east, north] degrees of the units. */
  bounds: [number, number, number, number];
  /**
   * Named areas to search for (orientation/place-search.ts): the context file's named polygons
   * (lakes, districts, postal areas) and, for polygon units, each unit by its id. Optional so
   * older summaries (tests, stored fixtures) stay valid.
   */
  places?: PlaceInfo[];
  warnings: string[];
  /** Street lines for drawing (lon/lat), null without a street layer. */
  streets?: StreetLinesDisplay | null;
  /** School years the figures can be shown for: base (the data's year) … last; `selected` on load. */
  years?: { base: number; last: number; selected: number };
}

/** A named area of the data; bounds [west, south, east, north] in degrees. */
export interface PlaceInfo {
  name: string;
  kind: string;
  bounds: [number, number, number, number];
}

/** Current state of one network, as the UI draws it. */
export interface NetworkSnapshot {
  networkId: string;
  /** Privacy applied: figures below the threshold are null. */
  indicators: PublicNetworkIndicators;
  baseline: PublicNetworkIndicators;
  /** Full precision (test hook only; never displayed). */
  indicatorsFull: NetworkIndicators;
  baselineFull: NetworkIndicators;
  /** Catchments in lon/lat by school index; only the ones that changed when part of an edit response. */
  catchments: Record<number, MultiPolygon>;
  /** Label position per school index in `catchments` (lon/lat), null for an empty catchment. */
  labelPoints: Record<number, [number, number] | null>;
  /** Area (m², EPSG:3067) per school index in `catchments`; ranks the labels. */
  areas: Record<number, number>;
  /** Dominant school index per unit, −1 none. */
  unitSchool: Int32Array;
  /** Palette index per school (catchment-palette.ts): neighbours differ, stable across edits. */
  colourIndex: Int32Array;
  /** 1 where the unit's weights differ from the baseline. */
  unitChanged: Uint8Array;
  /** Polygon units only: the region (lon/lat) whose catchment differs from the baseline; null for grids. */
  changedRegion?: MultiPolygon | null;
  /** Whether the snapshot holds every catchment (false: only the changed ones). */
  complete: boolean;
  canUndo: boolean;
  canRedo: boolean;
  editCount: number;
  /** Trip lengths and pieces (null without travel). */
  travel?: TravelSnapshot | null;
  /** The scenario's housing projects (any completion year), EPSG:3067. */
  housing?: HousingProjectRecord[];
  /**
   * The network's schools in the selected year (dataset schools, then schools opened by records),
   * with status, capacity and location of that year; parallel to the indicators' schools. Absent
   * from engines without school-network records (test fakes): the summary's list stands.
   */
  schools?: SchoolInfo[];
}

export interface EditResponse {
  outcome: EditOutcome;
  emptiedSchools: number[];
  snapshot: NetworkSnapshot;
  /** The record was a school-network record (open, close, capacity, relocation): every network it serves changed, the snapshot is complete. */
  schoolRecord?: boolean;
}

/** The worker's API (Comlink). Every method is async from the main thread. */
export interface EngineApi {
  load(source: BundleSource, onProgress: (p: LoadProgress) => void): Promise<Result<DatasetSummary>>;
  /** Loads a dataset kept in the browser after an import (persistence/dataset-store.ts) by its hash. */
  loadStored(hash: string, onProgress: (p: LoadProgress) => void): Promise<Result<DatasetSummary>>;
  /** Full snapshot of a network (all catchments). */
  snapshot(networkId: string): Promise<NetworkSnapshot>;
  /** Per-unit measures for the choropleth of a network's age band. */
  unitMeasures(networkId: string): Promise<UnitMeasure[]>;
  /**
   * Applies an edit. Without allowEmptying, an edit that would leave a school with no area is
   * refused with problems of code "edit-empties-school" (ids: the school ids) and changes nothing.
   */
  apply(edit: Edit, allowEmptying: boolean): Promise<Result<EditResponse>>;
  undo(): Promise<EditResponse | null>;
  redo(): Promise<EditResponse | null>;
  edits(): Promise<Edit[]>;
  /** Selects the school year of every figure; answers with the full snapshot of `networkId` in that year. */
  setYear?(year: number, networkId: string): Promise<Result<NetworkSnapshot>>;
  /** A network's figures over every projected year, privacy applied (charts of the years ahead; computed on demand). */
  yearSeries?(networkId: string): Promise<Result<NetworkYearSeries>>;
  /**
   * Reads housing projects from a file (GeoJSON, GeoPackage, zipped Shapefile, CSV x,y in EPSG:3067;
   * core/housing/housing-from-table.ts) and adds them all, one record each; any bad row refuses the file and nothing is applied.
   */
  importHousing?(file: { name: string; bytes: Uint8Array }, defaultYear: number): Promise<Result<EditResponse>>;
  /** Pupils each housing project adds per projected year, by level (the map's hover). */
  housingPupils?(): Promise<{ years: number[]; projects: ProjectPupils[] }>;
  /** Feeders (grades 1–6 → 7–9) of every pair of networks in the selected year; privacy not applied (callers round and hide). */
  feeders?(share?: number): Promise<FeederTable[]>;
  /** A school's walking-distance bands (1, 3, 5 km by the travel distance rule), outlines in lon/lat; null without travel. */
  travelBands?(networkId: string, school: number): Promise<TravelBands | null>;
  /**
   * A city's small-area forecast (CSV, core/projection/read-forecast.ts) for every scenario, used instead of
   * the cohort model where it has figures; null removes it. Answers the network's complete snapshot.
   */
  importForecast?(file: { name: string; bytes: Uint8Array } | null, networkId: string): Promise<Result<NetworkSnapshot>>;
  /** Where the network's children in the selected year come from (null: the engine cannot tell). */
  childrenSources?(networkId: string): Promise<ChildrenSources | null>;
}
