/**
 * Where scenarios and sessions are kept between visits: the storage interface, an in-memory
 * implementation (used when IndexedDB is unavailable) and the translation of storage errors
 * (quota, private mode, blocked database) into named problems for the banner.
 */
import type { Problem } from '../../core/model/result';
import type { ScenarioRecord, SessionRecord } from '../scenarios/scenario-protocol';
import type { DatasetEntry } from './dataset-store';

export interface StoredData {
  records: ScenarioRecord[];
  sessions: SessionRecord[];
  /** Imported datasets kept in the browser (list entries only). */
  datasets?: DatasetEntry[];
}

export interface ScenarioStorage {
  /** "indexeddb": survives reloads; "memory": this tab only. */
  readonly kind: 'indexeddb' | 'memory';
  loadAll(): Promise<StoredData>;
  putScenario(record: ScenarioRecord): Promise<void>;
  deleteScenario(id: string): Promise<void>;
  putSession(session: SessionRecord): Promise<void>;
}

/** Storage that lives as long as the page (structured copies, like IndexedDB). */
export function memoryStorage(initial: StoredData = { records: [], sessions: [] }): ScenarioStorage {
  const records = new Map(initial.records.map((r) => [r.scenario.id, structuredClone(r)]));
  const sessions = new Map(initial.sessions.map((s) => [s.datasetHash, structuredClone(s)]));
  return {
    kind: 'memory',
    async loadAll() {
      return { records: structuredClone([...records.values()]), sessions: structuredClone([...sessions.values()]) };
    },
    async putScenario(record) {
      records.set(record.scenario.id, structuredClone(record));
    },
    async deleteScenario(id) {
      records.delete(id);
    },
    async putSession(session) {
      sessions.set(session.datasetHash, structuredClone(session));
    },
  };
}

/** Problem codes of storage failures. */
export type StorageProblemCode = 'storage-quota' | 'storage-unavailable' | 'storage-blocked' | 'storage-failed' | 'storage-other-tab' | 'storage-taken-over';

/** This tab opened while another tab of Catchment Studio holds the writer lock (persistence/tab-lock.ts). */
export function otherTabProblem(): Problem & { code: StorageProblemCode } {
  return {
    code: 'storage-other-tab',
    message: 'Catchment Studio is already open in another tab of this browser, and that tab saves the scenarios. Saving from two tabs would overwrite each other\'s edits, so this tab does not save.',
    fix: 'Continue in the other tab, or choose "Continue here" to move the work to this tab (it reloads with everything the other tab saved; edits made only in this tab are lost unless exported).',
  };
}

/** Another tab took over the writer lock: this tab stopped saving after its last write. */
export function takenOverProblem(): Problem & { code: StorageProblemCode } {
  return {
    code: 'storage-taken-over',
    message: 'The work moved to another tab of Catchment Studio. Everything up to now is saved; this tab no longer saves.',
    fix: 'Continue in the other tab, or reload this tab to take the work back.',
  };
}

/** A named problem for a storage error (DOMException names as browsers throw them). */
export function storageProblem(error: unknown): Problem & { code: StorageProblemCode } {
  const name = (error as { name?: string } | null)?.name ?? '';
  const detail = (error as { message?: string } | null)?.message ?? String(error);
  if (name === 'QuotaExceededError' || /quota/i.test(detail)) {
    return { code: 'storage-quota', message: `The browser's storage is full (${detail}).`, fix: 'Export your scenarios to files, then free space (delete old scenarios or site data).' };
  }
  if (name === 'StorageBlockedError' || /blocked/i.test(detail)) {
    return { code: 'storage-blocked', message: `The scenario database is blocked by another tab of Catchment Studio (${detail}).`, fix: 'Close the other tabs of Catchment Studio and reload.' };
  }
  if (name === 'SecurityError' || name === 'InvalidStateError' || name === 'NotSupportedError' || name === 'UnknownError' || /indexeddb|not available|unavailable|private/i.test(detail)) {
    return { code: 'storage-unavailable', message: `The browser does not let Catchment Studio save (IndexedDB is unavailable: ${detail}). Private browsing often does this.`, fix: 'Use a normal (not private) window, or export your scenarios to files before closing the tab.' };
  }
  return { code: 'storage-failed', message: `Saving failed (${name ? `${name}: ` : ''}${detail}).`, fix: 'Export your scenarios to files before closing the tab.' };
}
