/**
 * ScenarioStorage on IndexedDB through `idb`: database "catchment-studio", object stores
 * "scenarios" (key scenario.id) and "sessions" (key datasetHash). IndexedDB is asynchronous, so
 * writes never block the main thread. `open` is injectable so tests use an in-memory fake.
 */
import { openDB, type IDBPDatabase } from 'idb';
import type { ScenarioRecord, SessionRecord } from '../scenarios/scenario-protocol';
import type { ScenarioStorage } from './scenario-storage';

export const DB_NAME = 'catchment-studio';
export const DB_VERSION = 1;
export const SCENARIOS = 'scenarios';
export const SESSIONS = 'sessions';

/** The few database calls used here (an idb database satisfies it). */
export interface MiniDb {
  getAll(store: string): Promise<unknown[]>;
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
    },
    blocked() {
      blocked = true;
    },
  });
  if (blocked) throw Object.assign(new Error('the database upgrade was blocked'), { name: 'StorageBlockedError' });
  return db as unknown as MiniDb;
};

export async function idbStorage(open: OpenMiniDb = openIndexedDb): Promise<ScenarioStorage> {
  const db = await open();
  return {
    kind: 'indexeddb',
    async loadAll() {
      const [records, sessions] = await Promise.all([db.getAll(SCENARIOS), db.getAll(SESSIONS)]);
      return { records: records as ScenarioRecord[], sessions: sessions as SessionRecord[] };
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
