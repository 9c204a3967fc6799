/**
 * The main thread's scenario state: the list and the active scenario (as the worker's
 * ScenarioHost reports them), the save status and notices (import warnings, failures).
 * Every operation goes to the worker, then the records it reports changed are queued for
 * IndexedDB; operations that change the active scenario refetch the current network's
 * snapshot and swap it into the document store in one step (no empty frame).
 * Framework-free (zustand/vanilla) so tests drive it with a fake worker API.
 */
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { Problem, Result } from '../../core/model/result';
import type { SaveQueue, SaveStatus } from '../persistence/save-queue';
import type { DocumentStore } from '../stores/document-store';
import { mergeSnapshot } from '../stores/network-view';
import type { EngineApi } from '../workers/engine-protocol';
import type { HostState, ScenarioApi, ScenarioChange } from './scenario-protocol';

export interface Notice {
  tone: 'info' | 'warning' | 'error';
  /** i18n key of the heading (scenarios.notice.*). */
  title: string;
  problems: Problem[];
}

export interface ScenarioState {
  host: HostState | null;
  save: SaveStatus;
  notice: Notice | null;
  /** An operation is running in the worker (switching, importing, …). */
  busy: boolean;
  /**
   * Set when another tab holds the writer lock (this tab works in memory): asks that tab to
   * hand over and reloads this one to continue here with what it saved.
   */
  takeOver: (() => Promise<void>) | null;

  /** Applies a change reported by the worker (queues its writes). */
  absorb(change: ScenarioChange): void;
  /** Drains the worker's changed records (after edits, undo and redo) and saves them. */
  sync(): Promise<void>;
  create(name: string): Promise<boolean>;
  duplicate(id: string, name: string): Promise<boolean>;
  update(id: string, changes: { name?: string; description?: string; inDeck?: boolean }): Promise<boolean>;
  remove(id: string, fallbackName: string): Promise<boolean>;
  activate(id: string): Promise<boolean>;
  /** Builds a scenario's engine in advance. */
  prepare(id: string): Promise<boolean>;
  /** The scenario file (text) of a scenario, or null after a notice. */
  exportText(id: string): Promise<{ fileName: string; text: string } | null>;
  importText(text: string): Promise<boolean>;
  setSaveStatus(status: SaveStatus): void;
  dismissNotice(): void;
  /** Waits for every queued write. */
  flush(): Promise<void>;
}

export type ScenarioStore = StoreApi<ScenarioState>;

export interface ScenarioStoreDeps {
  api: ScenarioApi;
  engine: Pick<EngineApi, 'snapshot'>;
  document: DocumentStore;
  queue: SaveQueue;
}

/** Counts `work` as an engine call in flight in the document store (the test hook's isReady waits). */
export async function trackDocument<T>(document: DocumentStore, work: () => Promise<T>): Promise<T> {
  document.setState((s) => ({ inFlight: s.inFlight + 1 }));
  try {
    return await work();
  } finally {
    document.setState((s) => ({ inFlight: s.inFlight - 1 }));
  }
}

export function createScenarioStore({ api, engine, document, queue }: ScenarioStoreDeps): ScenarioStore {
  const store = createStore<ScenarioState>()((set, get) => {
    /** Replaces the document's views with the active scenario's current network (one snapshot). */
    const refreshDocument = async (): Promise<void> => {
      const { networkId, summary } = document.getState();
      if (!networkId) return;
      const snapshot = await engine.snapshot(networkId);
      const count = summary?.networks.find((n) => n.id === networkId)?.schools.length ?? 0;
      document.setState({
        views: { [networkId]: mergeSnapshot(undefined, snapshot, count) },
        canUndo: snapshot.canUndo,
        canRedo: snapshot.canRedo,
        editCount: snapshot.editCount,
        // The housing projects are the active scenario's (the housing panel and the map layer read them).
        housing: snapshot.housing ?? [],
        pending: null,
        editProblems: [],
      });
    };

    /** Runs an operation; on success absorbs its change (and refreshes when the active scenario changed). */
    const run = async (work: () => Promise<Result<ScenarioChange>>, failureTitle: string, warningTitle = 'scenarios.notice.warnings'): Promise<boolean> => {
      set({ busy: true });
      try {
        return await trackDocument(document, async () => {
          const before = get().host?.activeId;
          const r = await work();
          if (!r.ok) {
            set({ notice: { tone: 'error', title: failureTitle, problems: r.problems } });
            return false;
          }
          get().absorb(r.value);
          if (r.value.state.activeId !== before) await refreshDocument();
          if (r.warnings.length > 0) set({ notice: { tone: 'warning', title: warningTitle, problems: r.warnings } });
          return true;
        });
      } finally {
        set({ busy: false });
      }
    };

    return {
      host: null,
      save: queue.current,
      notice: null,
      busy: false,
      takeOver: null,

      absorb(change) {
        for (const record of change.save) queue.saveScenario(record);
        for (const id of change.remove) queue.deleteScenario(id);
        set({ host: change.state });
      },

      async sync() {
        get().absorb(await api.pull());
      },

      create: (name) => run(() => api.create(name), 'scenarios.notice.createFailed'),
      duplicate: (id, name) => run(() => api.duplicate(id, name), 'scenarios.notice.createFailed'),
      update: (id, changes) => run(() => api.update(id, changes), 'scenarios.notice.updateFailed'),
      remove: (id, fallbackName) => run(() => api.remove(id, fallbackName), 'scenarios.notice.updateFailed'),
      activate: (id) => (id === get().host?.activeId ? Promise.resolve(true) : run(() => api.activate(id), 'scenarios.notice.switchFailed')),
      prepare: (id) => run(() => api.prepare(id), 'scenarios.notice.switchFailed'),

      async exportText(id) {
        const r = await api.exportScenario(id);
        if (r.ok) return r.value;
        set({ notice: { tone: 'error', title: 'scenarios.notice.exportFailed', problems: r.problems } });
        return null;
      },

      importText: (text) => run(() => api.importScenario(text), 'scenarios.notice.importFailed', 'scenarios.notice.importWarnings'),

      setSaveStatus(save) {
        set({ save });
      },

      dismissNotice() {
        set({ notice: null });
      },

      flush: () => queue.flush(),
    };
  });
  queue.subscribe((status) => store.getState().setSaveStatus(status));
  return store;
}
