/**
 * The engine the CLI and the app run on: a dataset, an indicator configuration, one network
 * state per network and ONE log of dated records across networks (edit.ts). Undo and redo
 * follow the order in which the user made the records, whatever their kind or network.
 *
 * A selected school year (`year`, from the base year to base + horizon): every figure —
 * children, composition, utilisation, indices, the baseline — is for that year. Boundary edits
 * dated after the selected year are in the log but not in the catchments; switching the year
 * across such an edit re-syncs the network's catchments (network-state.ts syncEdits).
 * /work/notes/time-design.md explains the design.
 *
 * Everything here is in EPSG:3067 and full precision; callers apply privacy before showing.
 */
import { usableConfig } from '../config/config-fields';
import type { IndicatorConfig } from '../config/indicator-config';
import type { NetworkIndicators } from '../indicators/indicator-types';
import type { AppliedEdit } from '../edits/editable-network';
import type { Dataset } from '../model/dataset';
import type { MultiPolygon } from '../model/geometry-types';
import type { Problem, Result } from '../model/result';
import { fail, ok, UserError } from '../model/result';
import type { Network } from '../model/school';
import type { Units } from '../model/units';
import type { NetworkOverlay } from '../overlay/network-overlay';
import { markSuppressed } from '../pupil-base/suppression';
import type { SuppressionReport } from '../pupil-base/suppression';
import type { UnitValueLayout, UnitValuesReport } from '../pupil-base/unit-values';
import type { ForecastTable } from '../projection/forecast-table';
import { childrenSources, type ChildrenSources } from '../projection/children-sources';
import { DEFAULT_HORIZON, MAX_HORIZON } from '../projection/projection-config';
import type { YearChildren } from '../projection/unit-projection';
import type { Edit, HousingProjectRecord } from './edit';
import { resolveProject } from '../housing/resolve-project';
import { isSchoolNetworkRecord } from './edit';
import { baselineIndicatorsOf, createState, indicatorsOf, syncEdits, yearFigures } from './network-state';
import { SharedNeighbourSums } from '../pupil-base/neighbourhood';
import { unitCentres } from '../compare/unit-centres';
import { resolveSchoolStep } from '../school-network/resolve-school-step';
import { meanTripLengths } from '../school-network/trip-lengths';
import { DEFAULT_SPLIT_SHARE, feederFlows, splitFeeders } from '../feeders/feeders';
import type { FeederFlow } from '../feeders/feeders';
import { straightLine } from '../school-network/distance';
import type { DistanceProvider } from '../school-network/distance';
import type { SchoolStatus } from '../school-network/school-timeline';
import { schoolInYear, schoolStatus } from '../school-network/school-timeline';
import type { School } from '../model/school';
import type { NetworkState, RecordOutcome, YearFigures } from './network-state';
import { yearUnitValues } from './year-unit-values';

export type { RecordOutcome } from './network-state';
import { RecordLog } from './record-log';
import { NetworkStates } from './network-states';

export { ageBandOf } from './network-state';

export interface ApplyOptions {
  /** When false (the default) an edit that would leave a school with no area is refused, changing nothing. */
  allowEmptying?: boolean;
  /** When false (the default) an edit that an edit check objects to (see addEditCheck) is refused, changing nothing. */
  allowFlagged?: boolean;
}

/** Told of every change of a network's weights (apply, undo, redo, a year switch), after the engine's own bookkeeping. */
export type EngineListener = (networkId: string, outcome: AppliedEdit) => void;
/** Objections to an applied edit (e.g. a new detached piece); the edit is refused unless ApplyOptions.allowFlagged. */
export type EditCheck = (networkId: string, outcome: AppliedEdit) => Problem[];

export interface EngineOptions {
  /** Year of the statistics (bundle manifest "year"); default: the dataset's, else the current calendar year. */
  baseYear?: number;
  /** Years projected after the base year: default config.projection.horizon, else 10; at most 20. */
  horizon?: number;
  /** A city's own small-area forecast, used instead of the model where it has figures. */
  forecast?: ForecastTable;
  /** Distances for "nearest" catchments and trips; default straight line (a street network can replace it). */
  distance?: DistanceProvider;
}

/** Feeders of one pair of a lower and an upper network. */
export interface FeederTable {
  lowerNetwork: string;
  upperNetwork: string;
  feeders: FeederFlow[];
  /** Lower schools sending more than the chosen share of their children to a second upper school. */
  splitFeeders: string[];
}

export class ScenarioEngine {
  readonly dataset: Dataset;
  readonly config: IndicatorConfig;
  /** Units whose attributes went through suppression detection (NaN = suppressed or missing). */
  readonly units: Units;
  readonly suppression: SuppressionReport;
  readonly baseYear: number;
  readonly horizon: number;
  /** The city's own forecast in use (EngineOptions.forecast), null when the cohort model alone gives the years ahead. */
  readonly forecast: ForecastTable | null;
  private readonly states: NetworkStates;
  private readonly log: RecordLog;
  private selected: number;
  private readonly listeners: EngineListener[] = [];
  private readonly checks: EditCheck[] = [];
  /** Run once before the first record, after every network state is built (see beforeFirstRecord). */
  private readonly preparers: (() => void)[] = [];
  private prepared = false;
  readonly distance: DistanceProvider;
  private centres: Float64Array | null = null;

  /**
   * Checks the config against the units' fields first: a missing age-band or population field
   * is an error; shares and partitions whose fields are missing are dropped with a warning.
   */
  static create(dataset: Dataset, config: IndicatorConfig, options: EngineOptions = {}): Result<ScenarioEngine> {
    const usable = usableConfig(config, dataset.units.attributes.names);
    if (!usable.ok) return usable;
    const horizon = options.horizon ?? config.projection?.horizon ?? DEFAULT_HORIZON;
    if (!Number.isInteger(horizon) || horizon < 0 || horizon > MAX_HORIZON) {
      return fail({ code: 'bad-horizon', message: `The horizon of ${String(horizon)} years is not a whole number from 0 to ${MAX_HORIZON}.`, fix: `Give a horizon of 0–${MAX_HORIZON} years (default ${DEFAULT_HORIZON}).` });
    }
    return ok(new ScenarioEngine(dataset, usable.value, { ...options, horizon }), usable.warnings);
  }

  /** Prefer `create`, which checks the config against the data; this trusts the caller. */
  constructor(dataset: Dataset, config: IndicatorConfig, options: EngineOptions = {}) {
    this.dataset = dataset;
    this.config = config;
    const marked = markSuppressed(dataset.units.attributes, config);
    this.units = { ...dataset.units, attributes: marked.table } as Units;
    this.suppression = marked.report;
    this.baseYear = options.baseYear ?? dataset.year ?? new Date().getUTCFullYear();
    this.horizon = Math.min(MAX_HORIZON, options.horizon ?? config.projection?.horizon ?? DEFAULT_HORIZON);
    this.selected = this.baseYear;
    this.forecast = options.forecast ?? null;
    const schoolsById = new Map(dataset.schools.map((s) => [s.id, s]));
    const setup = { baseYear: this.baseYear, horizon: this.horizon, forecast: options.forecast };
    this.distance = options.distance ?? straightLine;
    const stepContext = {
      units: this.units, distance: this.distance,
      centres: () => this.unitCentres(),
      locations: (ids: string[]) => {
        const byId = this.log.schools();
        return ids.map((id) => byId.get(id)!.location);
      },
    };
    // The networks impute from the same neighbourhoods: their sums are shared (made with the first state).
    const withPartition = dataset.networks.filter((network) => dataset.partitions[network.id]);
    let shared: SharedNeighbourSums | undefined;
    let left = withPartition.length;
    // Each network's state is built when first used (network-states.ts): a dataset opens with the network on view.
    this.states = new NetworkStates(withPartition.map((n) => n.id), (id) => {
      const network = withPartition.find((n) => n.id === id)!;
      if (withPartition.length > 1) shared ??= new SharedNeighbourSums(this.units, config.suppression.imputeRadiusMetres);
      const schools = network.schoolIds.map((sid) => schoolsById.get(sid)!);
      const s = createState(this.units, config, network, dataset.partitions[id]!, schools, setup, (step, net) => resolveSchoolStep(step, net, stepContext), shared);
      s.baseline.set(this.baseYear, baselineIndicatorsOf(s, yearFigures(s, this.baseYear, true, [], config.housing), config));
      // The last network built: the shared sums (megabytes on a large grid) are not needed again.
      if (--left === 0) shared = undefined;
      return s;
    });
    this.log = new RecordLog(this.states, this.units, this.baseYear, this.horizon);
  }

  /** Ids of the networks that have a partition, in dataset order. */
  get networkIds(): string[] {
    return this.states.keys();
  }

  /** Networks whose state is not built yet (each is built when first used, all before the first record). */
  unbuiltNetworks(): string[] {
    return this.states.unbuilt();
  }

  /**
   * Calls `hook` once, before the first record is applied and after every network state is built
   * (at once when records were applied already): a companion that builds its own per-network
   * state lazily (travel) builds the rest then, so no record ever meets a state built after it.
   */
  beforeFirstRecord(hook: () => void): void {
    if (this.prepared) hook();
    else this.preparers.push(hook);
  }

  /** Builds every network state and runs the beforeFirstRecord hooks (once). */
  private prepare(): void {
    if (this.prepared) return;
    this.states.values();
    this.prepared = true;
    for (const hook of this.preparers) hook();
  }

  /** The selected school year. */
  get year(): number {
    return this.selected;
  }

  /** Last projected year (base year + horizon). */
  get lastYear(): number {
    return this.baseYear + this.horizon;
  }

  /** The school years the engine can show, base year first. */
  years(): number[] {
    return Array.from({ length: this.horizon + 1 }, (_, i) => this.baseYear + i);
  }

  /**
   * Selects the year every figure is for. Cheap (the figures are computed on demand) unless a
   * boundary edit dated between the old and new year changes the catchments.
   */
  setYear(year: number): Result<RecordOutcome> {
    if (!Number.isInteger(year) || year < this.baseYear || year > this.lastYear) {
      return fail({ code: 'year-out-of-range', message: `The year ${String(year)} is outside the projection (${this.baseYear}–${this.lastYear}).`, fix: `Pick a year from ${this.baseYear} to ${this.lastYear}.` });
    }
    this.selected = year;
    // A state not built yet has no records to sync (every state is built before the first record).
    const changed = this.states.built().map((s) => ({ id: s.network.id, units: syncEdits(s, this.log.networkSteps(s.network.id, year)) }));
    for (const c of changed) this.notifyUnits(c.id, c.units);
    const first = changed.find((c) => c.units.length > 0) ?? changed[0];
    return ok({ networkId: first?.id ?? this.networkIds[0] ?? '', networks: this.networkIds, changedSchools: [], changedUnits: first?.units ?? new Int32Array(0), emptiedSchools: [], catchments: [] });
  }

  /** The network as it is now: the dataset's schools, then every school opened by a record (any year). */
  network(networkId: string): Network {
    return this.state(networkId).network;
  }

  /** The network's schools (parallel to network().schoolIds) as they are in `year`: capacity and location from the records. */
  schoolsInYear(networkId: string, year = this.selected): School[] {
    const log = this.log.records();
    return this.state(networkId).schools.map((s) => schoolInYear(log, s, year));
  }

  /** Status of each school of the network in `year`, parallel to network().schoolIds. */
  schoolStatus(networkId: string, year = this.selected): SchoolStatus[] {
    const log = this.log.records();
    return this.state(networkId).network.schoolIds.map((id) => schoolStatus(log, id, year));
  }

  /** Children-weighted mean home–school distance per school in `year` (metres; null without children). */
  tripLengths(networkId: string, year = this.selected): (number | null)[] {
    const s = this.state(networkId);
    const locations = this.schoolsInYear(networkId, year).map((school) => school.location);
    return this.withYear(networkId, year, () => meanTripLengths(s.editable.overlay, this.unitChildrenIn(s, year), this.unitCentres(), locations, this.distance));
  }

  /**
   * Feeders of every pair of a lower and an upper network of the same language in `year`
   * (feeders/feeders.ts): children of each lower school by upper school, and the split feeders.
   */
  feeders(year = this.selected, share = DEFAULT_SPLIT_SHARE): FeederTable[] {
    const out: FeederTable[] = [];
    for (const lower of this.states.values()) {
      if (lower.network.level !== 'lower') continue;
      for (const upper of this.states.values()) {
        if (upper.network.level !== 'upper' || upper.network.language !== lower.network.language) continue;
        const flows = this.withYear(lower.network.id, year, () => this.withYear(upper.network.id, year, () => feederFlows(
          { overlay: lower.editable.overlay, schoolIds: lower.network.schoolIds },
          { overlay: upper.editable.overlay, schoolIds: upper.network.schoolIds },
          this.unitChildrenIn(lower, year))));
        out.push({ lowerNetwork: lower.network.id, upperNetwork: upper.network.id, feeders: flows, splitFeeders: splitFeeders(flows, share) });
      }
    }
    return out;
  }

  /** Interleaved unit centres (EPSG:3067), computed once. */
  unitCentres(): Float64Array {
    this.centres ??= unitCentres(this.units);
    return this.centres;
  }

  /** How each share's units were resolved (known / imputed / excluded) for a network. */
  valuesReport(networkId: string): UnitValuesReport {
    return this.state(networkId).report;
  }

  /** The scenario's indicators in the selected year. */
  indicators(networkId: string): NetworkIndicators {
    return this.indicatorsInYear(networkId, this.selected);
  }

  /** The scenario's indicators in any projected year (the catchments of that year, its housing). */
  indicatorsInYear(networkId: string, year: number): NetworkIndicators {
    const s = this.state(networkId);
    const cached = s.current.get(year);
    if (cached) return cached;
    const out = this.withYear(networkId, year, () => indicatorsOf(s, this.figures(s, year), this.config, this.log.records(), year));
    s.current.set(year, out);
    return out;
  }

  /** The baseline (no records) in the selected year, or in `year`. */
  baselineIndicators(networkId: string, year = this.selected): NetworkIndicators {
    const s = this.state(networkId);
    let b = s.baseline.get(year);
    if (!b) {
      b = baselineIndicatorsOf(s, yearFigures(s, year, false, [], this.config.housing), this.config);
      s.baseline.set(year, b);
    }
    return b;
  }

  /** Children per unit in the selected year (projection + housing); a fresh array. */
  unitChildren(networkId: string): Float64Array {
    const s = this.state(networkId);
    return yearFigures(s, this.selected, true, this.log.projects(), this.config.housing, true).unitChildren!;
  }

  /** The baseline (no records) in the selected year or `year`: its overlay and children per unit (projection, no housing; never mutate). */
  baselineUnits(networkId: string, year = this.selected): { overlay: NetworkOverlay; children: Float64Array } {
    const s = this.state(networkId);
    return { overlay: s.baselineOverlay, children: s.projection.year(year).children };
  }

  /** Where each unit's children come from in the selected year (SOURCE_* of forecast-table.ts). */
  childrenSource(networkId: string): YearChildren['source'] {
    return this.state(networkId).projection.year(this.selected).source;
  }

  /** Children per source (data, model, forecast, scaled) in the selected year, privacy applied to the sums (projection/children-sources.ts). */
  childrenSources(networkId: string, threshold = this.config.privacyThreshold): ChildrenSources {
    const { children, source } = this.state(networkId).projection.year(this.selected);
    return childrenSources(source, children, this.selected, this.forecast?.name ?? null, threshold);
  }

  /** Current catchments (selected year), parallel to network.schoolIds (EPSG:3067; never mutate). */
  catchments(networkId: string): MultiPolygon[] {
    return this.state(networkId).editable.partition.catchments;
  }

  /** School index holding the largest share of each unit, −1 where none (live array: copy before transfer). */
  unitSchool(networkId: string): Int32Array {
    return this.state(networkId).tracker.dominant;
  }

  /** 1 where a unit's weights differ from the baseline (live array). */
  unitChanged(networkId: string): Uint8Array {
    return this.state(networkId).tracker.changed;
  }

  /** The network's live overlay in the selected year: unit weights per school (read it, never modify it). */
  overlay(networkId: string): NetworkOverlay {
    return this.state(networkId).editable.overlay;
  }

  /** Per-school sums (schoolCount × layout.width) in the selected year, and their layout. */
  sums(networkId: string): { sums: Float64Array; layout: UnitValueLayout } {
    const s = this.state(networkId);
    return { sums: this.figures(s, this.selected).sums, layout: s.layout };
  }

  /** The network's base-year unit-value matrix (row-major, `width` columns) and its layout. */
  unitValues(networkId: string): { matrix: Float64Array; width: number; layout: UnitValueLayout } {
    const s = this.state(networkId);
    return { matrix: s.editable.matrix, width: s.editable.width, layout: s.layout };
  }

  /** The network's unit-value matrix in `year` (default the selected one): projected children and housing, layout as unitValues; a fresh array. */
  unitValuesInYear(networkId: string, year = this.selected): { matrix: Float64Array; width: number; layout: UnitValueLayout } {
    const s = this.state(networkId);
    return { matrix: yearUnitValues(s, year, this.log.projects(), this.config.housing), width: s.editable.width, layout: s.layout };
  }

  canUndo(): boolean {
    return this.log.canUndo();
  }

  canRedo(): boolean {
    return this.log.canRedo();
  }

  /** The records in effect, oldest first (what a scenario saves). */
  edits(): Edit[] {
    return this.log.records();
  }

  /** Undone records that redo would re-apply, next first (saved so a scenario keeps its redo history). */
  redoEdits(): Edit[] {
    return this.log.redoRecords();
  }

  /** The housing projects in effect (any completion year), in log order. */
  housingProjects() {
    return this.log.projects().map((p) => p.record);
  }

  /** The problems a housing record would be refused with, without applying it (a file's projects are checked all first). */
  checkHousing(record: HousingProjectRecord): Problem[] {
    const first = this.states.get(this.networkIds[0] ?? '');
    if (!first) return [{ code: 'no-networks', message: 'The dataset has no school network to add pupils to.', fix: 'Load catchments for at least one network.' }];
    const r = resolveProject(record, this.units, first.editable.overlay, this.baseYear, this.lastYear);
    return r.ok ? [] : r.problems;
  }

  /** Applies one record. A failed or refused record changes nothing. */
  apply(edit: Edit, options: ApplyOptions = {}): Result<RecordOutcome> {
    this.prepare();
    const r = this.log.apply(edit, this.selected, options.allowEmptying === true);
    if (!r.ok) return r;
    this.invalidate();
    this.notify(r.value, isSchoolNetworkRecord(edit));
    if (!options.allowFlagged && this.checks.length > 0 && r.value.changedSchools.length > 0) {
      const objections = this.checks.flatMap((check) => check(r.value.networkId, r.value));
      if (objections.length > 0) {
        const undone = this.log.undo(this.selected);
        this.log.dropRedo();
        this.invalidate();
        if (undone) this.notify(undone, isSchoolNetworkRecord(edit));
        return fail(...objections);
      }
    }
    return r;
  }

  /** Replays a saved record log on the current state; stops at the first failing record. */
  replay(edits: Edit[]): Result<number> {
    for (let i = 0; i < edits.length; i++) {
      const r = this.apply(edits[i], { allowEmptying: true, allowFlagged: true });
      if (!r.ok) return fail(...r.problems.map((p) => ({ ...p, feature: `edit ${i + 1}` })));
    }
    return ok(edits.length);
  }

  undo(): RecordOutcome | null {
    const last = this.log.records().at(-1);
    const out = this.log.undo(this.selected);
    if (out) {
      this.invalidate();
      this.notify(out, !!last && isSchoolNetworkRecord(last));
    }
    return out;
  }

  redo(): RecordOutcome | null {
    const next = this.log.redoRecords()[0];
    const out = this.log.redo(this.selected);
    if (out) {
      this.invalidate();
      this.notify(out, !!next && isSchoolNetworkRecord(next));
    }
    return out;
  }

  private unitChildrenIn(s: NetworkState, year: number): Float64Array {
    return yearFigures(s, year, true, this.log.projects(), this.config.housing, true).unitChildren!;
  }

  private figures(s: NetworkState, year: number): YearFigures {
    return yearFigures(s, year, true, this.log.projects(), this.config.housing);
  }

  /** Runs `fn` with the network's catchments as in `year`, then brings them back to the selected year. */
  private withYear<T>(networkId: string, year: number, fn: () => T): T {
    const s = this.state(networkId);
    if (year === this.selected) return fn();
    this.notifyUnits(networkId, syncEdits(s, this.log.networkSteps(networkId, year)));
    try {
      return fn();
    } finally {
      this.notifyUnits(networkId, syncEdits(s, this.log.networkSteps(networkId, this.selected)));
    }
  }

  /** Calls `listener` after every change of weights (travel figures, catchment pieces). */
  addListener(listener: EngineListener): void {
    this.listeners.push(listener);
  }

  /** Runs `check` after every apply that changed a catchment; its problems refuse the edit unless ApplyOptions.allowFlagged. */
  addEditCheck(check: EditCheck): void {
    this.checks.push(check);
  }

  /** Tells the listeners of a record's weight changes (boundary records only: housing changes no weights). */
  private notify(out: RecordOutcome, schoolRecord = false): void {
    if (schoolRecord) return this.notifyNetworks(out);
    if (out.changedSchools.length === 0 && out.catchments.length === 0) return;
    for (const listener of this.listeners) listener(out.networkId, out);
  }

  /**
   * A school-network record moves catchments of several schools in every network serving the school,
   * and may add or remove a school: each of those networks is told, with every school as changed.
   */
  private notifyNetworks(out: RecordOutcome): void {
    for (const networkId of out.networks) {
      const count = this.state(networkId).network.schoolIds.length;
      const outcome: AppliedEdit = { networkId, changedSchools: Array.from({ length: count }, (_, i) => i), changedUnits: out.changedUnits, emptiedSchools: [], catchments: [] };
      for (const listener of this.listeners) listener(networkId, outcome);
    }
  }

  private notifyUnits(networkId: string, units: Int32Array): void {
    if (units.length === 0) return;
    const outcome: AppliedEdit = { networkId, changedSchools: [], changedUnits: units, emptiedSchools: [], catchments: [] };
    for (const listener of this.listeners) listener(networkId, outcome);
  }

  private invalidate(): void {
    for (const s of this.states.built()) s.current.clear();
  }

  private state(networkId: string): NetworkState {
    const s = this.states.get(networkId);
    if (!s) throw new Error(`Unknown network ${networkId}`);
    return s;
  }
}

export function unknownNetwork(id: string, known: string[]): Problem {
  return {
    code: 'unknown-network',
    message: `There is no network "${id}".`,
    fix: `Use one of: ${known.join(', ')}.`,
  };
}

/**
 * Indicators of one network of a dataset's baseline partition (what the CLI prints).
 * Throws UserError when the config does not fit the data (check with usableConfig first to get all problems).
 */
export function computeIndicators(dataset: Dataset, config: IndicatorConfig, networkId: string): NetworkIndicators {
  const engine = ScenarioEngine.create(dataset, config);
  if (!engine.ok) throw new UserError(engine.problems[0]);
  if (!engine.value.networkIds.includes(networkId)) throw new UserError(unknownNetwork(networkId, engine.value.networkIds));
  return engine.value.indicators(networkId);
}
