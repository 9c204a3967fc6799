/**
 * The worker side of scenarios: every scenario of the loaded dataset, an engine per open
 * scenario (EnginePool) and the active one. The engine service (workers/engine-service.ts)
 * talks to `engineFactory`'s answer, a delegate that forwards to the active scenario's engine,
 * so switching scenarios is swapping which engine the delegate forwards to. Every edit, undo
 * and redo updates the active scenario's record (edits + cursor, so redo history survives)
 * and marks it for saving; the main thread drains the marks and writes them to IndexedDB.
 */
import type { IndicatorConfig } from '../../core/config/indicator-config';
import type { Dataset } from '../../core/model/dataset';
import { fail, ok, type Problem, type Result } from '../../core/model/result';
import { datasetHash } from '../../core/scenario/dataset-hash';
import { applyScenario, createScenario, describeScenario, duplicateScenario, parseScenarioFile, renameScenario, scenarioWithEngineEdits, serializeScenario, type Scenario } from '../../core/scenario/scenario-file';
import type { ScenarioEngine } from '../../core/scenario/scenario-engine';
import type { EngineFactory, EngineLike } from '../workers/engine-like';
import { EnginePool, type RealEngineFactory, type Scheduler } from './engine-pool';
import type { HostState, PrimeInput, ScenarioChange, ScenarioRecord, SessionRecord } from './scenario-protocol';
import { scenarioFileName } from './scenario-names';
import { travelBands, travelSnapshot, warmStep } from '../travel/travel-registry';
import type { ForecastTable } from '../../core/projection/forecast-table';

export interface HostOptions {
  schedule?: Scheduler;
  capacity?: number;
  /** ISO clock (tests pass a fixed one). */
  now?: () => string;
}

interface Loaded {
  dataset: Dataset;
  config: IndicatorConfig;
  hash: string;
  pool: EnginePool;
}

export class ScenarioHost {
  /** Resolves once prime() has been called: the dataset load waits for it. */
  readonly primed: Promise<void>;
  private resolvePrimed!: () => void;
  private input: PrimeInput | null = null;
  private loaded: Loaded | null = null;
  private readonly records = new Map<string, ScenarioRecord>();
  private activeId = '';
  private session: SessionRecord | null = null;
  private problems: Problem[] = [];
  private readonly dirty = new Set<string>();
  private readonly removed = new Set<string>();
  private readonly realFactory: RealEngineFactory;
  private readonly options: HostOptions;
  private readonly now: () => string;

  constructor(realFactory: RealEngineFactory, options: HostOptions = {}) {
    this.realFactory = realFactory;
    this.options = options;
    this.now = options.now ?? (() => new Date().toISOString());
    this.primed = new Promise((resolve) => (this.resolvePrimed = resolve));
  }

  prime(input: PrimeInput): void {
    this.input = input;
    this.resolvePrimed();
  }

  /** A fetcher that waits for prime() first, so the engine factory always finds the stored scenarios. */
  gate<T>(fetcher: (url: string) => Promise<T>): (url: string) => Promise<T> {
    return async (url) => {
      await this.primed;
      return fetcher(url);
    };
  }

  private inFlight = 0;

  /**
   * A request reached the worker (true) or was answered (false). Idle work (the networks not
   * built yet, the spare engine) waits until no request is in flight and none came for a while.
   */
  request(started: boolean): void {
    this.inFlight = Math.max(0, this.inFlight + (started ? 1 : -1));
    this.loaded?.pool.idle();
  }

  /** The factory for createEngineService: restores the session's scenario and returns the delegate. */
  readonly engineFactory: EngineFactory = (dataset, config) => {
    this.start(dataset, config);
    return this.delegate();
  };

  private need(): Loaded {
    if (!this.loaded) throw new Error('scenario host used before the dataset was loaded');
    return this.loaded;
  }

  /** The active scenario's engine (the real ScenarioEngine). */
  /** The school year on view; every engine the user switches to is brought to it. */
  private selectedYear: number | null = null;

  activeEngine(): ScenarioEngine {
    const engine = this.need().pool.get(this.activeId)!;
    if (this.selectedYear !== null && engine.year !== this.selectedYear) engine.setYear(this.selectedYear);
    return engine;
  }

  get dataset(): Dataset {
    return this.need().dataset;
  }

  get config(): IndicatorConfig {
    return this.need().config;
  }

  /** The loaded dataset's hash (computed once, when the engine factory installs it). */
  get hash(): string {
    return this.need().hash;
  }

  private start(dataset: Dataset, config: IndicatorConfig): void {
    if (!this.input) throw new Error('scenario host: prime() was not called before the load');
    const hash = datasetHash(dataset);
    // A city's forecast belongs to the dataset it was imported for: a new dataset starts without one.
    this.forecast = null;
    const pool = new EnginePool(() => this.realFactory(dataset, config), { ...this.options, warm: warmStep, quiet: () => this.inFlight === 0 });
    this.loaded = { dataset, config, hash, pool };
    // A new dataset starts from its own (restored or new) scenario, never the previous dataset's.
    this.activeId = '';
    this.records.clear();
    for (const r of this.input.records) if (r.scenario.datasetHash === hash) this.records.set(r.scenario.id, r);
    this.session = this.input.sessions.find((s) => s.datasetHash === hash) ?? null;
    const wanted = this.session?.activeScenarioId;
    const first = wanted && this.records.has(wanted) ? wanted : this.ordered()[0]?.scenario.id;
    if (first) {
      const built = this.build(this.records.get(first)!.scenario);
      if (built.ok) {
        pool.put(first, built.value);
        this.activeId = first;
      } else {
        const name = this.records.get(first)!.scenario.name;
        this.problems.push({ code: 'scenario-restore-failed', message: `The saved scenario "${name}" could not be restored: ${built.problems[0]?.message ?? ''}`, fix: 'It is kept unchanged: export it from the scenario list, or delete it.' });
      }
    }
    if (!this.activeId) this.addNew(this.input.defaultName);
    pool.idle();
  }

  private ordered(): ScenarioRecord[] {
    return [...this.records.values()].sort((a, b) => a.order - b.order || a.scenario.createdAt.localeCompare(b.scenario.createdAt));
  }

  /** A new engine with `scenario` applied (a failed replay never leaves a half-built engine in use). */
  private build(scenario: Scenario): Result<ScenarioEngine> {
    const engine = this.need().pool.fresh();
    if (scenario.edits.length === 0) return ok(engine);
    const r = applyScenario(engine, scenario);
    return r.ok ? ok(engine) : fail(...r.problems);
  }

  private addRecord(scenario: Scenario, inDeck = false): ScenarioRecord {
    const order = Math.max(0, ...[...this.records.values()].map((r) => r.order + 1));
    const record = { scenario: { ...scenario, datasetHash: this.need().hash, datasetName: this.dataset.name }, inDeck, order };
    this.records.set(scenario.id, record);
    this.dirty.add(scenario.id);
    return record;
  }

  private addNew(name: string): void {
    const record = this.addRecord(createScenario(this.dataset, name, { now: this.now(), datasetHash: this.need().hash }));
    this.need().pool.put(record.scenario.id, this.need().pool.fresh(), [this.activeId]);
    this.activeId = record.scenario.id;
  }

  private ensure(id: string): Result<ScenarioEngine> {
    const { pool } = this.need();
    const have = pool.get(id);
    if (have) return ok(have);
    const record = this.records.get(id);
    if (!record) return fail({ code: 'unknown-scenario', message: `There is no scenario "${id}".`, fix: 'Choose a scenario from the list.' });
    const built = this.build(record.scenario);
    if (built.ok) pool.put(id, built.value, [this.activeId]);
    return built;
  }

  /** The city's forecast every engine uses (null: the cohort model alone). */
  private forecast: ForecastTable | null = null;

  /**
   * Replaces the city's forecast for every scenario: a new pool whose engines take it, the active
   * scenario rebuilt from its records at once (the others when next opened). A failed rebuild
   * changes nothing.
   */
  setForecast(table: ForecastTable | null): Result<void> {
    const loaded = this.need();
    const { dataset, config } = loaded;
    const old = loaded.pool;
    loaded.pool = new EnginePool(() => this.realFactory(dataset, config, table ? { forecast: table } : {}), { ...this.options, warm: warmStep, quiet: () => this.inFlight === 0 });
    const built = this.build(this.activeScenario);
    if (!built.ok) {
      loaded.pool = old;
      return built;
    }
    loaded.pool.put(this.activeId, built.value);
    old.dispose();
    this.forecast = table;
    loaded.pool.idle();
    return ok(undefined);
  }

  get forecastTable(): ForecastTable | null {
    return this.forecast;
  }

  /** Engine of a scenario for comparisons and exports (built when needed). */
  engineOf(id: string): Result<ScenarioEngine> {
    return this.ensure(id);
  }

  record(id: string): ScenarioRecord | undefined {
    return this.records.get(id);
  }

  get activeScenario(): Scenario {
    return this.records.get(this.activeId)!.scenario;
  }

  /** After an edit, undo or redo: the active record takes the engine's edit log. */
  private touch(): void {
    const record = this.records.get(this.activeId);
    if (!record) return;
    record.scenario = scenarioWithEngineEdits(record.scenario, this.activeEngine(), this.now());
    this.dirty.add(this.activeId);
  }

  private delegate(): EngineLike {
    const e = () => this.activeEngine();
    const after = <T>(value: T, changed: boolean): T => {
      if (changed) this.touch();
      this.need().pool.idle();
      return value;
    };
    return {
      get networkIds() {
        return e().networkIds;
      },
      indicators: (id) => e().indicators(id),
      baselineIndicators: (id, year) => e().baselineIndicators(id, year),
      catchments: (id) => e().catchments(id),
      unitSchool: (id) => e().unitSchool(id),
      unitChanged: (id) => e().unitChanged(id),
      travel: (id, threshold) => travelSnapshot(e(), id, threshold),
      travelBands: (id, school) => travelBands(e(), id, school),
      apply: (edit, options) => {
        const r = e().apply(edit, options);
        return after(r, r.ok);
      },
      undo: () => {
        const r = e().undo();
        return after(r, r !== null);
      },
      redo: () => {
        const r = e().redo();
        return after(r, r !== null);
      },
      canUndo: () => e().canUndo(),
      canRedo: () => e().canRedo(),
      edits: () => e().edits(),
      get year() {
        return e().year;
      },
      get baseYear() {
        return e().baseYear;
      },
      get lastYear() {
        return e().lastYear;
      },
      housingProjects: () => e().housingProjects(),
      years: () => e().years(),
      indicatorsInYear: (id, year) => e().indicatorsInYear(id, year),
      checkHousing: (record) => e().checkHousing(record),
      network: (id) => e().network(id),
      schoolsInYear: (id) => e().schoolsInYear(id),
      schoolStatus: (id) => e().schoolStatus(id),
      feeders: (year, share) => e().feeders(year, share),
      redoEdits: () => e().redoEdits(),
      unitChildren: (id) => e().unitChildren(id),
      childrenSources: (id, threshold) => e().childrenSources(id, threshold),
      setForecast: (table) => this.setForecast(table),
      setYear: (year) => {
        const r = e().setYear(year);
        if (r.ok) this.selectedYear = year;
        return r;
      },
    };
  }

  state(): HostState {
    const { hash, pool } = this.need();
    return {
      datasetHash: hash,
      datasetName: this.dataset.name,
      activeId: this.activeId,
      scenarios: this.ordered().map(({ scenario: s, inDeck }) => ({
        id: s.id, name: s.name, description: s.description, updatedAt: s.updatedAt,
        editCount: s.cursor, redoCount: s.edits.length - s.cursor, inDeck, warm: pool.has(s.id),
      })),
      session: this.session,
      problems: this.problems,
    };
  }

  /** The state and the records changed or deleted since the last drain. */
  drain(): ScenarioChange {
    const save = [...this.dirty].map((id) => this.records.get(id)).filter((r): r is ScenarioRecord => !!r);
    const remove = [...this.removed];
    this.dirty.clear();
    this.removed.clear();
    this.need().pool.idle();
    return { state: this.state(), save: structuredClone(save), remove };
  }

  create(name: string): Result<ScenarioChange> {
    this.addNew(name);
    return ok(this.drain());
  }

  duplicate(id: string, name: string): Result<ScenarioChange> {
    const source = this.records.get(id);
    if (!source) return this.ensure(id) as Result<never>;
    const copy = duplicateScenario(source.scenario, { name, now: this.now() });
    const built = this.build(copy);
    if (!built.ok) return built;
    this.addRecord(copy, source.inDeck);
    this.need().pool.put(copy.id, built.value, [this.activeId]);
    this.activeId = copy.id;
    return ok(this.drain());
  }

  update(id: string, changes: { name?: string; description?: string; inDeck?: boolean }): Result<ScenarioChange> {
    const record = this.records.get(id);
    if (!record) return this.ensure(id) as Result<never>;
    let s = record.scenario;
    if (changes.name !== undefined && changes.name !== s.name) s = renameScenario(s, changes.name, this.now());
    if (changes.description !== undefined && changes.description !== s.description) s = describeScenario(s, changes.description, this.now());
    record.scenario = s;
    if (changes.inDeck !== undefined) record.inDeck = changes.inDeck;
    this.dirty.add(id);
    return ok(this.drain());
  }

  remove(id: string, fallbackName: string): Result<ScenarioChange> {
    if (!this.records.has(id)) return this.ensure(id) as Result<never>;
    const list = this.ordered();
    const at = list.findIndex((r) => r.scenario.id === id);
    this.records.delete(id);
    this.dirty.delete(id);
    this.removed.add(id);
    this.need().pool.drop(id);
    if (id === this.activeId) {
      const next = list[at + 1] ?? list[at - 1];
      const r = next ? this.switchTo(next.scenario.id) : null;
      if (!r?.ok) this.addNew(fallbackName);
    }
    return ok(this.drain());
  }

  /** Makes `id` the active scenario (building its engine when needed) without draining. */
  private switchTo(id: string): Result<ScenarioEngine> {
    const engine = this.ensure(id);
    if (engine.ok) this.activeId = id;
    return engine;
  }

  activate(id: string): Result<ScenarioChange> {
    const engine = this.switchTo(id);
    return engine.ok ? ok(this.drain()) : engine;
  }

  /** Builds a scenario's engine in full, every network and its travel (workshop mode prepares its deck so that switching is instant). */
  prepare(id: string): Result<ScenarioChange> {
    const engine = this.ensure(id);
    if (!engine.ok) return engine;
    while (warmStep(engine.value));
    return ok(this.drain());
  }

  exportScenario(id: string): Result<{ fileName: string; text: string }> {
    const record = this.records.get(id);
    if (!record) return this.ensure(id) as Result<never>;
    return ok({ fileName: scenarioFileName(record.scenario.name), text: serializeScenario(record.scenario, this.dataset, this.hash) });
  }

  importScenario(text: string): Result<ScenarioChange> {
    const parsed = parseScenarioFile(text, this.dataset, this.hash);
    if (!parsed.ok) return parsed;
    let scenario = parsed.value;
    if (this.records.has(scenario.id)) scenario = duplicateScenario(scenario, { name: scenario.name, now: scenario.createdAt });
    const built = this.build(scenario);
    if (!built.ok) return built;
    this.addRecord(scenario);
    this.need().pool.put(scenario.id, built.value, [this.activeId]);
    this.activeId = scenario.id;
    return ok(this.drain(), parsed.warnings);
  }
}
