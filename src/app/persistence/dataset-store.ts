/**
 * Imported datasets kept in the browser, so that a reload reopens the user's own data (not the
 * sample city) with its scenarios. Two IndexedDB stores: "datasets" holds the whole dataset as
 * the engine uses it (typed-array columns, schools, networks, partitions; structured clone, no
 * JSON) with its indicator configuration, keyed by the dataset hash; "dataset-list" holds a small
 * entry per dataset (name, units, date) for listing without reading the big records.
 * The engine worker writes a dataset after an import finishes and reads it at start-up; the
 * main thread lists and deletes.
 */
import type { IndicatorConfig } from '../../core/config/indicator-config';
import type { Dataset } from '../../core/model/dataset';
import type { StreetLinks } from '../../core/travel/street-links';
import { fail, ok, type Problem, type Result } from '../../core/model/result';
import { DATASETS, DATASET_LIST, openIndexedDb, type OpenMiniDb } from './idb-storage';
import { storageProblem } from './scenario-storage';

/** The list entry of a kept dataset. */
export interface DatasetEntry {
  hash: string;
  name: string;
  /** Number of statistical units. */
  units: number;
  /** Number of schools. */
  schools: number;
  /** ISO 8601. */
  savedAt: string;
}

/** A kept dataset: everything needed to start the engine on it again. */
export interface StoredDataset {
  hash: string;
  dataset: Dataset;
  config: IndicatorConfig;
  presetName: string;
  declarations: { id: string; label: unknown }[];
  /** The walkable links of the street file given in the wizard (docs/travel.md); absent: straight lines. */
  streets?: StreetLinks | null;
}

export interface DatasetStore {
  put(record: StoredDataset, savedAt: string): Promise<void>;
  get(hash: string): Promise<StoredDataset | null>;
  list(): Promise<DatasetEntry[]>;
  remove(hash: string): Promise<void>;
}

export function idbDatasetStore(open: OpenMiniDb = openIndexedDb): DatasetStore {
  let db: ReturnType<OpenMiniDb> | null = null;
  // Opened on first use; a failed open is tried again next time rather than kept.
  const conn = () =>
    (db ??= open().catch((error: unknown) => {
      db = null;
      throw error;
    }));
  return {
    async put(record, savedAt) {
      const d = await conn();
      await d.put(DATASETS, record);
      const entry: DatasetEntry = { hash: record.hash, name: record.dataset.name, units: record.dataset.units.count, schools: record.dataset.schools.length, savedAt };
      await d.put(DATASET_LIST, entry);
    },
    async get(hash) {
      const d = await conn();
      return ((await d.get(DATASETS, hash)) as StoredDataset | undefined) ?? null;
    },
    async list() {
      const d = await conn();
      return ((await d.getAll(DATASET_LIST)) as DatasetEntry[]).sort((a, b) => b.savedAt.localeCompare(a.savedAt));
    },
    async remove(hash) {
      const d = await conn();
      await d.delete(DATASET_LIST, hash);
      await d.delete(DATASETS, hash);
    },
  };
}

/**
 * Keeps an imported dataset; a failure (quota, storage unavailable) is a warning, not an error:
 * the data are loaded and usable, only a reload will not bring them back.
 */
export async function keepDataset(store: DatasetStore, record: StoredDataset, now = new Date().toISOString()): Promise<Result<DatasetEntry>> {
  const { hash } = record;
  try {
    await store.put(record, now);
    return ok({ hash, name: record.dataset.name, units: record.dataset.units.count, schools: record.dataset.schools.length, savedAt: now });
  } catch (error) {
    const why = storageProblem(error);
    const problem: Problem = {
      code: 'dataset-not-kept',
      message: `The imported data are in use, but could not be kept in this browser (${why.message}) A reload will open the sample city; your scenarios on these data stay saved.`,
      fix: `Import the same files again after a reload to continue with these scenarios. ${why.fix}`,
    };
    return fail(problem);
  }
}
