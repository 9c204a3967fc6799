/**
 * ScenarioStorage on IndexedDB through `idb`: database "catchment-studio", object stores
 * "scenarios" (key scenario.id) and "sessions" (key datasetHash); since version 2 also
 * "datasets" and "dataset-list" (key hash: imported datasets, dataset-store.ts). IndexedDB is
 * asynchronous, so writes never block the main thread. `open` is injectable so tests use an
 * in-memory fake.
 */
import { openDB, type IDBPDatabase } from 'idb';
import type { ScenarioRecord, SessionRecord } from '../scenarios/scenario-protocol';
import type { DatasetEntry } from './dataset-store';
import type { ScenarioStorage } from './scenario-storage';

export const DB_NAME = 'catchment-studio';
export const DB_VERSION = 2;
export const SCENARIOS = 'scenarios';
export const SESSIONS = 'sessions';
export const DATASETS = 'datasets';
export const DATASET_LIST = 'dataset-list';

/** The few database calls used here (an idb database satisfies it). */
export interface MiniDb {
  getAll(store: string): Promise<unknown[]>;
  get(store: string, key: string): Promise<unknown>;
  put(store: string, value: unknown): Promise<unknown>;
  delete(store: string, key: string): Promise<void>;
}

export type OpenMiniDb = () => Promise<MiniDb>;

/** Opens (and on first use creates) the database; rejects when IndexedDB is unavailable or blocked. */
export const openIndexedDb: OpenMiniDb = async () => {
  if (typeof indexedDB === 'undefined') throw Object.assign(new Error('IndexedDB is not available in this browser'), { name: 'NotSupportedError' });
  let blocked = false;
  const db: IDBPDatabase = await openDB(DB_NAME, DB_VERSION, {
    upgrade(database) {
      if (!database.objectStoreNames.contains(SCENARIOS)) database.createObjectStore(SCENARIOS, { keyPath: 'scenario.id' });
      if (!database.objectStoreNames.contains(SESSIONS)) database.createObjectStore(SESSIONS, { keyPath: 'datasetHash' });
      if (!database.objectStoreNames.contains(DATASETS)) database.createObjectStore(DATASETS, { keyPath: 'hash' });
      if (!database.objectStoreNames.contains(DATASET_LIST)) database.createObjectStore(DATASET_LIST, { keyPath: 'hash' });
    },
    blocked() {
      blocked = true;
    },
  });
  // A newer version opened in another tab: let it upgrade (this connection's later calls fail
  // with a named storage problem) instead of blocking it.
  db.addEventListener('versionchange', () => db.close());
  if (blocked) throw Object.assign(new Error('the database upgrade was blocked'), { name: 'StorageBlockedError' });
  return db as unknown as MiniDb;
};

export async function idbStorage(open: OpenMiniDb = openIndexedDb): Promise<ScenarioStorage> {
  const db = await open();
  return {
    kind: 'indexeddb',
    async loadAll() {
      const [records, sessions, datasets] = await Promise.all([db.getAll(SCENARIOS), db.getAll(SESSIONS), db.getAll(DATASET_LIST)]);
      return { records: records as ScenarioRecord[], sessions: sessions as SessionRecord[], datasets: datasets as DatasetEntry[] };
    },
    async putScenario(record) {
      await db.put(SCENARIOS, record);
    },
    async deleteScenario(id) {
      await db.delete(SCENARIOS, id);
    },
    async putSession(session) {
      await db.put(SESSIONS, session);
    },
  };
}
