/**
 * Engines of the open scenarios, least recently used first out. Building a ScenarioEngine for
 * the sample city takes about two seconds while switching between built engines is instant, so
 * the pool keeps up to `capacity` engines (≈ 25 MB each on the sample city) and one spare
 * baseline engine built while the worker is idle, which a new scenario takes over at once.
 * An engine builds each network when first used (core/scenario/network-states.ts); with a `warm`
 * step the pool builds the rest while the worker is idle, one network per step, the engines in
 * use first, then the spare.
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
  /** Every engine in use is fully built (reset when one is added). */
  private inUseWarm = false;
  /** No idle work left (reset when an engine is added or the spare taken). */
  private settled = false;
  private readonly make: () => ScenarioEngine;
  private readonly capacity: number;
  private readonly schedule: Scheduler;
  private readonly idleMs: number;
  private readonly warm: (engine: ScenarioEngine) => boolean;
  private readonly warmMs: number;
  /** False while a request is being served (a long one, e.g. Propose): the step waits. */
  private readonly quiet: () => boolean;

  /**
   * @param options.warm builds one more network of an engine, false when it has none left (default: none)
   * @param options.warmMs quiet time before each warm step (default 300 ms); idleMs before the spare (1500 ms)
   * @param options.quiet false while a request is being served: no step then
   */
  constructor(make: () => ScenarioEngine, options: { capacity?: number; schedule?: Scheduler; idleMs?: number; warm?: (engine: ScenarioEngine) => boolean; warmMs?: number; quiet?: () => boolean } = {}) {
    this.make = make;
    this.capacity = options.capacity ?? 6;
    this.schedule = options.schedule ?? defaultScheduler;
    this.idleMs = options.idleMs ?? 1500;
    this.warm = options.warm ?? (() => false);
    this.warmMs = options.warmMs ?? 300;
    this.quiet = options.quiet ?? (() => true);
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
    this.settled = false;
    return engine;
  }

  /** Keeps `engine` for `id`; evicts the least recently used beyond capacity, never one in `keep`. */
  put(id: string, engine: ScenarioEngine, keep: readonly string[] = []): void {
    this.inUseWarm = false;
    this.settled = false;
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

  /**
   * Restarts the idle timer. When it fires it does one step of idle work and restarts while
   * there is work left: a network of the engines in use (most recent first), after warmMs of
   * quiet; else the spare, after idleMs; else a network of the spare. The worker calls this on
   * every request, so the work waits for quiet.
   */
  idle(): void {
    this.timer?.cancel();
    this.timer = null;
    if (this.settled) return;
    const delay = this.inUseWarm && !this.spare ? this.idleMs : this.warmMs;
    this.timer = this.schedule(() => {
      this.timer = null;
      if (!this.quiet() || this.step()) this.idle();
      else this.settled = true;
    }, delay);
  }

  /** One step of idle work; false when there is none left. */
  private step(): boolean {
    if (!this.inUseWarm) {
      for (const engine of [...this.engines.values()].reverse()) if (this.warm(engine)) return true;
      this.inUseWarm = true;
    }
    if (!this.spare) {
      this.spare = this.make();
      return true;
    }
    return this.warm(this.spare);
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
