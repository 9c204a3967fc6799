/**
 * The engine the CLI and the app run on: a dataset, an indicator configuration and one
 * EditableNetwork per network, with one edit log across networks (undo and redo follow the
 * order in which the user made the edits, whatever the network).
 *
 * Everything here is in EPSG:3067 and full precision; callers apply privacy before showing.
 */
import { usableConfig } from '../config/config-fields';
import type { FieldExpression, IndicatorConfig } from '../config/indicator-config';
import { EditableNetwork } from '../edits/editable-network';
import type { AppliedEdit } from '../edits/editable-network';
import type { NetworkIndicators } from '../indicators/indicator-types';
import type { Dataset } from '../model/dataset';
import type { MultiPolygon } from '../model/geometry-types';
import type { Problem, Result } from '../model/result';
import { fail, ok, UserError } from '../model/result';
import type { Network, School } from '../model/school';
import type { Units } from '../model/units';
import { NetworkOverlay } from '../overlay/network-overlay';
import { networkIndicators } from '../pupil-base/network-indicators';
import { markSuppressed } from '../pupil-base/suppression';
import type { SuppressionReport } from '../pupil-base/suppression';
import { buildUnitValues } from '../pupil-base/unit-values';
import type { UnitValueLayout, UnitValuesReport } from '../pupil-base/unit-values';
import type { Edit } from './edit';
import { NetworkTracker } from './network-tracker';

/** One network's editing state plus what the engine derives from it. */
interface NetworkState {
  network: Network;
  editable: EditableNetwork;
  layout: UnitValueLayout;
  report: UnitValuesReport;
  tracker: NetworkTracker;
  baseline: NetworkIndicators;
  /** Cached current indicators; null after a change. */
  current: NetworkIndicators | null;
}

export interface ApplyOptions {
  /** When false (the default) an edit that would leave a school with no area is refused, changing nothing. */
  allowEmptying?: boolean;
  /** When false (the default) an edit that an edit check objects to (see addEditCheck) is refused, changing nothing. */
  allowFlagged?: boolean;
}

/** Told of every change of a network's weights (apply, undo, redo), after the engine's own bookkeeping. */
export type EngineListener = (networkId: string, outcome: AppliedEdit) => void;
/** Objections to an applied edit (e.g. a new detached piece); the edit is refused unless ApplyOptions.allowFlagged. */
export type EditCheck = (networkId: string, outcome: AppliedEdit) => Problem[];

/** Age band of a network: per-network override, else the level's band. */
export function ageBandOf(config: IndicatorConfig, network: Network): FieldExpression {
  return config.ageBands.byNetwork?.[network.id] ?? (network.level === 'lower' ? config.ageBands.lower : config.ageBands.upper);
}

export class ScenarioEngine {
  readonly dataset: Dataset;
  readonly config: IndicatorConfig;
  /** Units whose attributes went through suppression detection (NaN = suppressed or missing). */
  readonly units: Units;
  readonly suppression: SuppressionReport;
  private readonly schoolsById: Map<string, School>;
  private readonly states = new Map<string, NetworkState>();
  private readonly undoNetworks: string[] = [];
  private readonly redoNetworks: string[] = [];
  private readonly listeners: EngineListener[] = [];
  private readonly checks: EditCheck[] = [];

  /**
   * Checks the config against the units' fields first: a missing age-band or population field
   * is an error; shares and partitions whose fields are missing are dropped with a warning.
   */
  static create(dataset: Dataset, config: IndicatorConfig): Result<ScenarioEngine> {
    const usable = usableConfig(config, dataset.units.attributes.names);
    if (!usable.ok) return usable;
    return ok(new ScenarioEngine(dataset, usable.value), usable.warnings);
  }

  /** Prefer `create`, which checks the config against the data; this trusts the caller. */
  constructor(dataset: Dataset, config: IndicatorConfig) {
    this.dataset = dataset;
    this.config = config;
    const marked = markSuppressed(dataset.units.attributes, config);
    this.units = { ...dataset.units, attributes: marked.table } as Units;
    this.suppression = marked.report;
    this.schoolsById = new Map(dataset.schools.map((s) => [s.id, s]));
    for (const network of dataset.networks) {
      const partition = dataset.partitions[network.id];
      if (!partition) continue;
      const values = buildUnitValues(this.units, config, ageBandOf(config, network));
      const overlay = NetworkOverlay.build(this.units, partition);
      const editable = new EditableNetwork({ network, units: this.units, partition, matrix: values.matrix, width: values.width, overlay });
      const tracker = new NetworkTracker(overlay, values.matrix, values.width, values.layout.children);
      const state: NetworkState = { network, editable, layout: values.layout, report: values.report, tracker, baseline: null as never, current: null };
      state.baseline = this.compute(state);
      state.current = state.baseline;
      this.states.set(network.id, state);
    }
  }

  /** Ids of the networks that have a partition, in dataset order. */
  get networkIds(): string[] {
    return [...this.states.keys()];
  }

  network(networkId: string): Network {
    return this.state(networkId).network;
  }

  /** How each share's units were resolved (known / imputed / excluded) for a network. */
  valuesReport(networkId: string): UnitValuesReport {
    return this.state(networkId).report;
  }

  indicators(networkId: string): NetworkIndicators {
    const s = this.state(networkId);
    if (!s.current) s.current = this.compute(s);
    return s.current;
  }

  baselineIndicators(networkId: string): NetworkIndicators {
    return this.state(networkId).baseline;
  }

  /** Current catchments, parallel to network.schoolIds (EPSG:3067; never mutate). */
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

  /** The network's live overlay: unit weights per school (read it, never modify it). */
  overlay(networkId: string): NetworkOverlay {
    return this.state(networkId).editable.overlay;
  }

  /** The network's live per-school sums (schoolCount × layout.width) and their layout. */
  sums(networkId: string): { sums: Float64Array; layout: UnitValueLayout } {
    const s = this.state(networkId);
    return { sums: s.editable.sums, layout: s.layout };
  }

  canUndo(): boolean {
    return this.undoNetworks.length > 0;
  }

  canRedo(): boolean {
    return this.redoNetworks.length > 0;
  }

  /** The edits in effect, oldest first (what a scenario saves). */
  edits(): Edit[] {
    const cursor = new Map<string, number>();
    return this.undoNetworks.map((id) => {
      const i = cursor.get(id) ?? 0;
      cursor.set(id, i + 1);
      return this.state(id).editable.history[i];
    });
  }

  /** Undone edits that redo would re-apply, next first (saved so a scenario keeps its redo history). */
  redoEdits(): Edit[] {
    const cursor = new Map<string, number>();
    return [...this.redoNetworks].reverse().map((id) => {
      const redo = this.state(id).editable.redoHistory;
      const i = cursor.get(id) ?? 0;
      cursor.set(id, i + 1);
      return redo[redo.length - 1 - i];
    });
  }

  /** The network's unit-value matrix (row-major, `width` columns) and its layout; column layout.children holds children. */
  unitValues(networkId: string): { matrix: Float64Array; width: number; layout: UnitValueLayout } {
    const s = this.state(networkId);
    return { matrix: s.editable.matrix, width: s.editable.width, layout: s.layout };
  }

  /** Applies one edit. A failed or refused edit changes nothing. */
  apply(edit: Edit, options: ApplyOptions = {}): Result<AppliedEdit> {
    const s = this.states.get(edit.networkId);
    if (!s) return fail(unknownNetwork(edit.networkId, this.networkIds));
    const result = s.editable.apply(edit);
    if (!result.ok) return result;
    if (result.value.emptiedSchools.length > 0 && !options.allowEmptying) {
      s.editable.undo();
      s.editable.discardRedo();
      return fail(...result.warnings);
    }
    this.after(s, result.value);
    const objections = options.allowFlagged ? [] : this.checks.flatMap((check) => check(edit.networkId, result.value));
    if (objections.length > 0) {
      const undone = s.editable.undo();
      s.editable.discardRedo();
      if (undone) this.after(s, undone);
      return fail(...objections);
    }
    this.undoNetworks.push(edit.networkId);
    this.redoNetworks.length = 0;
    return result;
  }

  /** Replays a saved edit log on the current state; stops at the first failing edit. */
  replay(edits: Edit[]): Result<number> {
    for (let i = 0; i < edits.length; i++) {
      const r = this.apply(edits[i], { allowEmptying: true, allowFlagged: true });
      if (!r.ok) return fail(...r.problems.map((p) => ({ ...p, feature: `edit ${i + 1}` })));
    }
    return ok(edits.length);
  }

  undo(): AppliedEdit | null {
    const id = this.undoNetworks.pop();
    if (id === undefined) return null;
    const s = this.state(id);
    const outcome = s.editable.undo();
    if (outcome) this.after(s, outcome);
    this.redoNetworks.push(id);
    return outcome;
  }

  redo(): AppliedEdit | null {
    const id = this.redoNetworks.pop();
    if (id === undefined) return null;
    const s = this.state(id);
    const outcome = s.editable.redo();
    if (outcome) this.after(s, outcome);
    this.undoNetworks.push(id);
    return outcome;
  }

  /** Calls `listener` after every change of weights (travel figures, catchment pieces). */
  addListener(listener: EngineListener): void {
    this.listeners.push(listener);
  }

  /** Runs `check` after every apply; its problems refuse the edit unless ApplyOptions.allowFlagged. */
  addEditCheck(check: EditCheck): void {
    this.checks.push(check);
  }

  private after(s: NetworkState, outcome: AppliedEdit): void {
    s.tracker.update(s.editable.overlay, outcome.changedUnits);
    s.current = null;
    for (const listener of this.listeners) listener(s.network.id, outcome);
  }

  private compute(s: NetworkState): NetworkIndicators {
    const schools = s.network.schoolIds.map((id) => this.schoolsById.get(id)!);
    return networkIndicators(s.editable.sums, s.layout, s.network, schools, this.config, s.tracker.gapOverlap());
  }

  private state(networkId: string): NetworkState {
    const s = this.states.get(networkId);
    if (!s) throw new Error(`Unknown network ${networkId}`);
    return s;
  }
}

function unknownNetwork(id: string, known: string[]): Problem {
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
