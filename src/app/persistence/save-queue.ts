/**
 * Serialises writes to ScenarioStorage: one write at a time, the latest write of a key wins
 * (a scenario edited five times while a write is running is written once more, not five
 * times). The first failure switches to memory mode: later writes are skipped, the status
 * carries the problem for the banner and the app keeps working on what it holds in memory.
 */
import type { Problem } from '../../core/model/result';
import type { ScenarioRecord, SessionRecord } from '../scenarios/scenario-protocol';
import { storageProblem, type ScenarioStorage } from './scenario-storage';

export interface SaveStatus {
  /** "indexeddb" while saving works; "memory" when storage is unavailable or failed. */
  mode: 'indexeddb' | 'memory';
  /** Writes waiting or running. */
  pending: number;
  /** ISO time of the last completed write. */
  lastSavedAt: string | null;
  problem: Problem | null;
}

export class SaveQueue {
  private storage: ScenarioStorage | null = null;
  private attached = false;
  private closing = false;
  private readonly queue = new Map<string, () => Promise<void>>();
  private running: Promise<void> | null = null;
  private status: SaveStatus = { mode: 'indexeddb', pending: 0, lastSavedAt: null, problem: null };
  private readonly listeners = new Set<(status: SaveStatus) => void>();
  private readonly now: () => string;

  constructor(options: { now?: () => string } = {}) {
    this.now = options.now ?? (() => new Date().toISOString());
  }

  /** Calls `listener` on every status change; returns the unsubscribe function. */
  subscribe(listener: (status: SaveStatus) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /**
   * Connects the storage once it is open (writes queued before wait for it).
   * @param storage null when storage could not be opened: memory mode, `problem` says why
   */
  attach(storage: ScenarioStorage | null, problem: Problem | null = null): void {
    this.attached = true;
    this.storage = storage?.kind === 'indexeddb' ? storage : null;
    if (!this.storage) {
      this.queue.clear();
      this.set({ mode: 'memory', pending: 0, problem });
      return;
    }
    this.kick();
  }

  /**
   * Stops saving (another tab took over): later writes are not taken, the queued and running
   * ones are finished first; resolves after them. Then the status turns to memory mode with `problem`.
   */
  async detach(problem: Problem): Promise<void> {
    this.closing = true;
    this.kick();
    await this.flush();
    this.queue.clear();
    this.storage = null;
    this.set({ mode: 'memory', pending: 0, problem });
  }

  get current(): SaveStatus {
    return this.status;
  }

  saveScenario(record: ScenarioRecord): void {
    this.enqueue(`scenario:${record.scenario.id}`, (s) => s.putScenario(record));
  }

  deleteScenario(id: string): void {
    this.enqueue(`scenario:${id}`, (s) => s.deleteScenario(id));
  }

  saveSession(session: SessionRecord): void {
    this.enqueue(`session:${session.datasetHash}`, (s) => s.putSession(session));
  }

  /** Resolves when every queued write has finished (or failed). */
  async flush(): Promise<void> {
    while (this.running) await this.running;
  }

  private set(patch: Partial<SaveStatus>): void {
    this.status = { ...this.status, ...patch };
    for (const listener of this.listeners) listener(this.status);
  }

  private kick(): void {
    if (!this.running && this.attached && this.queue.size > 0) this.running = this.drain().finally(() => (this.running = null));
  }

  private enqueue(key: string, write: (s: ScenarioStorage) => Promise<void>): void {
    if (this.status.mode === 'memory' || this.closing) return;
    this.queue.delete(key);
    this.queue.set(key, () => write(this.storage!));
    this.set({ pending: this.queue.size + (this.running ? 1 : 0) });
    this.kick();
  }

  private async drain(): Promise<void> {
    while (this.queue.size > 0 && this.status.mode === 'indexeddb') {
      const [key, write] = this.queue.entries().next().value as [string, () => Promise<void>];
      this.queue.delete(key);
      try {
        await write();
        this.set({ pending: this.queue.size, lastSavedAt: this.now() });
      } catch (error) {
        this.queue.clear();
        this.set({ mode: 'memory', pending: 0, problem: storageProblem(error) });
      }
    }
  }
}
