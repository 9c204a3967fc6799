/**
 * An in-memory stand-in for the few IndexedDB calls idb-storage.ts makes (getAll, put, delete),
 * with the key paths of the real stores and structured copies like IndexedDB. `failWith` makes
 * every later write reject with that error (a quota error, say).
 */
import type { MiniDb } from '../../../src/app/persistence/idb-storage';

const KEY_PATHS: Record<string, (value: unknown) => string> = {
  scenarios: (v) => (v as { scenario: { id: string } }).scenario.id,
  sessions: (v) => (v as { datasetHash: string }).datasetHash,
  datasets: (v) => (v as { hash: string }).hash,
  'dataset-list': (v) => (v as { hash: string }).hash,
};

export class FakeMiniDb implements MiniDb {
  readonly stores = new Map<string, Map<string, unknown>>(Object.keys(KEY_PATHS).map((name) => [name, new Map()]));
  writes = 0;
  failWith: Error | null = null;

  private store(name: string): Map<string, unknown> {
    const s = this.stores.get(name);
    if (!s) throw Object.assign(new Error(`No objectStore named ${name}`), { name: 'NotFoundError' });
    return s;
  }

  async getAll(store: string): Promise<unknown[]> {
    return structuredClone([...this.store(store).values()]);
  }

  async get(store: string, key: string): Promise<unknown> {
    const v = this.store(store).get(key);
    return v === undefined ? undefined : structuredClone(v);
  }

  async put(store: string, value: unknown): Promise<unknown> {
    if (this.failWith) throw this.failWith;
    const key = KEY_PATHS[store](value);
    this.store(store).set(key, structuredClone(value));
    this.writes++;
    return key;
  }

  async delete(store: string, key: string): Promise<void> {
    if (this.failWith) throw this.failWith;
    this.store(store).delete(key);
    this.writes++;
  }
}

/** A DOMException-like error as browsers throw it. */
export function domError(name: string, message: string): Error {
  return Object.assign(new Error(message), { name });
}
