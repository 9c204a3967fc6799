/**
 * The part of the core's ScenarioEngine (src/core/scenario/scenario-engine.ts) the worker uses.
 * Declared here so the worker can be type-checked and tested against a fake while the engine
 * is being written; the real class satisfies it structurally.
 */
import type { IndicatorConfig } from '../../core/config/indicator-config';
import type { NetworkIndicators } from '../../core/indicators/indicator-types';
import type { Dataset } from '../../core/model/dataset';
import type { MultiPolygon } from '../../core/model/geometry-types';
import type { Problem, Result } from '../../core/model/result';
import type { Edit, EditOutcome, HousingProjectRecord } from '../../core/scenario/edit';
import type { TravelBands, TravelSnapshot } from '../travel/travel-registry';
import type { Network, School } from '../../core/model/school';
import type { SchoolStatus } from '../../core/school-network/school-timeline';
import type { FeederTable } from '../../core/scenario/scenario-engine';
import type { ChildrenSources } from '../../core/projection/children-sources';
import type { ForecastTable } from '../../core/projection/forecast-table';

export interface EngineLike {
  networkIds: string[];
  indicators(networkId: string): NetworkIndicators;
  baselineIndicators(networkId: string, year?: number): NetworkIndicators;
  catchments(networkId: string): MultiPolygon[];
  unitSchool(networkId: string): Int32Array;
  unitChanged(networkId: string): Uint8Array;
  /** Refuses (problem code "edit-empties-school", ids = school ids) an edit that empties a school unless allowEmptying. */
  apply(edit: Edit, options?: { allowEmptying?: boolean; allowFlagged?: boolean }): Result<EditOutcome & { emptiedSchools: number[] }>;
  /** Travel figures of a network (null when the engine has none, e.g. a test fake). */
  travel?(networkId: string, threshold: number): TravelSnapshot | null;
  /** A school's walking-distance bands (1, 3, 5 km) for the map (null without travel). */
  travelBands?(networkId: string, school: number): TravelBands | null;
  undo(): EditOutcome | null;
  redo(): EditOutcome | null;
  canUndo(): boolean;
  canRedo(): boolean;
  edits(): Edit[];
  /** The selected school year and the projection's range (docs/indicators.md); absent in test fakes. */
  readonly year?: number;
  readonly baseYear?: number;
  readonly lastYear?: number;
  setYear?(year: number): Result<unknown>;
  /** The housing projects in effect (any completion year). */
  housingProjects?(): HousingProjectRecord[];
  /** Every projected year and the figures of any of them (charts of the years ahead, core/projection/year-series.ts). */
  years?(): number[];
  indicatorsInYear?(networkId: string, year: number): NetworkIndicators;
  /** Problems a housing record would be refused with, nothing applied (a file's projects are all checked first). */
  checkHousing?(record: HousingProjectRecord): Problem[];
  /** School-network records (ScenarioEngine): the network with opened schools, the schools and their status in the selected year, feeders. */
  network?(networkId: string): Network;
  schoolsInYear?(networkId: string): School[];
  schoolStatus?(networkId: string): SchoolStatus[];
  feeders?(year?: number, share?: number): FeederTable[];
  redoEdits?(): Edit[];
  /** Children per unit in the selected year (projection + housing), a fresh array. */
  unitChildren?(networkId: string): Float64Array;
  /** Where the network's children in the selected year come from (data, model, city forecast; projection/children-sources.ts). */
  childrenSources?(networkId: string, threshold: number): ChildrenSources;
  /** Replaces the city's forecast (null: the cohort model alone) for every scenario, records kept (ScenarioHost). */
  setForecast?(table: ForecastTable | null): Result<unknown>;
}

export type EngineFactory = (dataset: Dataset, config: IndicatorConfig) => EngineLike;
