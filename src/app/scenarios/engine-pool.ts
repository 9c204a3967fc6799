/**
 * Engines of the open scenarios, least recently used first out. Building a ScenarioEngine for
 * the sample city takes about two seconds while switching between built engines is instant, so
 * the pool keeps up to `capacity` engines (≈ 25 MB each on the sample city) and one spare
 * baseline engine built while the worker is idle, which a new scenario takes over at once.
 */
import type { IndicatorConfig } from '../../core/config/indicator-config';
import type { Dataset } from '../../core/model/dataset';
import type { EngineOptions, ScenarioEngine } from '../../core/scenario/scenario-engine';

export type RealEngineFactory = (dataset: Dataset, config: IndicatorConfig, options?: EngineOptions) => ScenarioEngine;

/** setTimeout-like scheduler (injected so tests run without timers). */
export type Scheduler = (work: () => void, delayMs: number) => { cancel(): void };

export const defaultScheduler: Scheduler = (work, delayMs) => {
  const id = setTimeout(work, delayMs);
  return { cancel: () => clearTimeout(id) };
};

export class EnginePool {
  private readonly engines = new Map<string, ScenarioEngine>();
  private spare: ScenarioEngine | null = null;
  private timer: { cancel(): void } | null = null;
  private readonly make: () => ScenarioEngine;
  private readonly capacity: number;
  private readonly schedule: Scheduler;
  private readonly idleMs: number;

  constructor(make: () => ScenarioEngine, options: { capacity?: number; schedule?: Scheduler; idleMs?: number } = {}) {
    this.make = make;
    this.capacity = options.capacity ?? 6;
    this.schedule = options.schedule ?? defaultScheduler;
    this.idleMs = options.idleMs ?? 1500;
  }

  has(id: string): boolean {
    return this.engines.has(id);
  }

  /** The engine of `id`, marked most recently used; undefined when not built. */
  get(id: string): ScenarioEngine | undefined {
    const engine = this.engines.get(id);
    if (engine) {
      this.engines.delete(id);
      this.engines.set(id, engine);
    }
    return engine;
  }

  /** A baseline engine without edits: the spare when there is one, else built now. */
  fresh(): ScenarioEngine {
    const engine = this.spare ?? this.make();
    this.spare = null;
    return engine;
  }

  /** Keeps `engine` for `id`; evicts the least recently used beyond capacity, never one in `keep`. */
  put(id: string, engine: ScenarioEngine, keep: readonly string[] = []): void {
    this.engines.delete(id);
    this.engines.set(id, engine);
    for (const key of this.engines.keys()) {
      if (this.engines.size <= this.capacity) break;
      if (key !== id && !keep.includes(key)) this.engines.delete(key);
    }
  }

  drop(id: string): void {
    this.engines.delete(id);
  }

  /** Restarts the idle timer; when it fires and there is no spare, one is built. */
  idle(): void {
    this.timer?.cancel();
    if (this.spare) return;
    this.timer = this.schedule(() => {
      this.timer = null;
      if (!this.spare) this.spare = this.make();
    }, this.idleMs);
  }

  /** Stops the idle timer (a pool being replaced builds no spare). */
  dispose(): void {
    this.timer?.cancel();
    this.timer = null;
    this.spare = null;
  }

  get hasSpare(): boolean {
    return this.spare !== null;
  }
}
