/**
 * Scenarios and their file format (docs/scenario-format.md).
 *
 * A scenario is a named, described sequence of edits on a baseline dataset: edits[0..cursor)
 * are in effect, edits[cursor..) are redo history. A scenario file holds one scenario and
 * records the dataset it was made on (content hash + name). Version 3 is written (dated records:
 * boundary edits with an optional `year`, housing projects, and the scenario's `baseYear`);
 * version 2 files (boundary edits only, all in effect from the base year) and version 1 files
 * (a flat edit list without cursor, the dataset as a plain name) are migrated on read.
 * Coordinates are EPSG:3067 metres written as JSON numbers, which round-trip bit for bit.
 */
import type { Dataset } from '../model/dataset';
import type { Problem, Result } from '../model/result';
import { fail, ok } from '../model/result';
import { datasetHash, fnv1a64 } from './dataset-hash';
import type { Edit } from './edit';
import type { ScenarioEngine } from './scenario-engine';
import { readEdit } from './validate-edit';

export const SCENARIO_FORMAT = 'catchment-studio-scenario';
export const SCENARIO_VERSION = 3;

export interface Scenario {
  id: string;
  name: string;
  description: string;
  /** ISO 8601 timestamps. */
  createdAt: string;
  updatedAt: string;
  /** datasetHash() of the dataset the scenario was made on; '' when unknown (migrated v1 files). */
  datasetHash: string;
  /** Name of that dataset, when known (for messages). */
  datasetName?: string;
  edits: Edit[];
  /** edits[0..cursor) are applied; the rest is redo history. */
  cursor: number;
  /** Base year of the projection the records were made with (records' years are school years). */
  baseYear?: number;
}

function newId(): string {
  const c = (globalThis as { crypto?: { randomUUID?: () => string } }).crypto;
  if (c?.randomUUID) return c.randomUUID();
  return `s-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;
}

const nowIso = (): string => new Date().toISOString();

/** A new, empty scenario on `dataset`. `id` and `now` (ISO) make it deterministic. */
export function createScenario(dataset: Dataset, name: string, options: { description?: string; id?: string; now?: string; /** datasetHash(dataset) when the caller has it (the hash reads every value). */ datasetHash?: string } = {}): Scenario {
  const now = options.now ?? nowIso();
  return {
    id: options.id ?? newId(),
    name,
    description: options.description ?? '',
    createdAt: now,
    updatedAt: now,
    datasetHash: options.datasetHash ?? datasetHash(dataset),
    datasetName: dataset.name,
    edits: [],
    cursor: 0,
  };
}

/** A copy with a new id and name ("<name> (copy)" by default); edits are deep-copied. */
export function duplicateScenario(s: Scenario, options: { name?: string; id?: string; now?: string } = {}): Scenario {
  const now = options.now ?? nowIso();
  return { ...structuredClone(s), id: options.id ?? newId(), name: options.name ?? `${s.name} (copy)`, createdAt: now, updatedAt: now };
}

/** The scenario with a new name. */
export function renameScenario(s: Scenario, name: string, now: string = nowIso()): Scenario {
  return { ...s, name, updatedAt: now };
}

/** The scenario with a new description. */
export function describeScenario(s: Scenario, description: string, now: string = nowIso()): Scenario {
  return { ...s, description, updatedAt: now };
}

/** The scenario with the engine's edits: those in effect, then the redo history (kept after the cursor). */
export function scenarioWithEngineEdits(s: Scenario, engine: ScenarioEngine, now: string = nowIso()): Scenario {
  const applied = engine.edits();
  return { ...s, edits: [...applied, ...engine.redoEdits()], cursor: applied.length, updatedAt: now };
}

/**
 * Applies a scenario to an engine that has no edits yet: replays every edit, then undoes the
 * redo history (edits[cursor..)) so that redo works as when the scenario was saved.
 * On failure everything applied is undone and the engine is as before.
 * @returns the number of edits in effect
 */
export function applyScenario(engine: ScenarioEngine, s: Scenario): Result<number> {
  let applied = 0;
  for (let i = 0; i < s.edits.length; i++) {
    const r = engine.apply(s.edits[i], { allowEmptying: true, allowFlagged: true });
    if (!r.ok) {
      for (let k = 0; k < applied; k++) engine.undo();
      return fail(...r.problems.map((p) => ({ ...p, feature: `edit ${i + 1}` })));
    }
    applied++;
  }
  for (let k = s.cursor; k < s.edits.length; k++) engine.undo();
  return ok(s.cursor);
}

/** The version-3 file text of `s`, recording `dataset`'s hash (`hash` when the caller has it) and name (pretty-printed JSON). */
export function serializeScenario(s: Scenario, dataset: Dataset, hash = datasetHash(dataset)): string {
  const file = {
    format: SCENARIO_FORMAT,
    version: SCENARIO_VERSION,
    scenario: { id: s.id, name: s.name, description: s.description, createdAt: s.createdAt, updatedAt: s.updatedAt },
    dataset: { name: dataset.name, hash },
    ...(s.baseYear !== undefined ? { baseYear: s.baseYear } : {}),
    cursor: s.cursor,
    edits: s.edits,
  };
  return `${JSON.stringify(file, null, 2)}\n`;
}

function bad(code: string, message: string, fix: string, field?: string): Problem {
  return { code, message, fix, ...(field ? { field } : {}) };
}

const isRecord = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);
const str = (x: unknown): x is string => typeof x === 'string';

/** Version 1 → version 2 layout (v1: name, description, created, dataset: string, edits: all in effect). */
export function migrateV1(v1: Record<string, unknown>): Record<string, unknown> {
  const created = str(v1.created) ? v1.created : '1970-01-01T00:00:00.000Z';
  const edits = v1.edits;
  return {
    format: SCENARIO_FORMAT,
    version: 2,
    scenario: {
      id: `v1-${fnv1a64(`${String(v1.name)}\u0000${created}`)}`,
      name: v1.name,
      description: str(v1.description) ? v1.description : '',
      createdAt: created,
      updatedAt: created,
    },
    dataset: { name: v1.dataset, hash: '' },
    cursor: Array.isArray(edits) ? edits.length : 0,
    edits,
  };
}

/**
 * Reads a scenario file (version 1 or 2). Pure: a bad file changes nothing and comes back as
 * a named problem. Warnings: 'scenario-migrated' for a version-1 file; 'dataset-mismatch'
 * when `dataset` is given and differs from the one the scenario was made on.
 * @param dataset the data the scenario will be applied to: checks its hash, networks and schools
 * @param knownHash datasetHash(dataset) when the caller has it (the hash reads every value)
 */
export function parseScenarioFile(text: string, dataset?: Dataset, knownHash?: string): Result<Scenario> {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    return fail(bad('scenario-not-json', `The file is not valid JSON (${(e as Error).message}); it may be truncated or damaged.`, 'Export the scenario again from Catchment Studio.'));
  }
  if (!isRecord(json) || json.format !== SCENARIO_FORMAT) {
    return fail(bad('scenario-wrong-format', `This is not a Catchment Studio scenario file (format is ${isRecord(json) ? JSON.stringify(json.format) : 'missing'}).`, `Choose a file with "format": "${SCENARIO_FORMAT}".`, 'format'));
  }
  const warnings: Problem[] = [];
  let file = json;
  if (json.version === 1 || json.version === 2) {
    file = json.version === 1 ? migrateV1(json) : json;
    warnings.push(bad('scenario-migrated', `The file is in the old version-${json.version} format; it was converted to version ${SCENARIO_VERSION} (its edits are in effect from the base year).`, 'Export it again to save it in the current format.', 'version'));
  } else if (typeof json.version === 'number' && Number.isInteger(json.version) && json.version > SCENARIO_VERSION) {
    return fail(bad('scenario-future-version', `The file is version ${json.version}; this Catchment Studio reads versions 1–${SCENARIO_VERSION}.`, 'Update Catchment Studio, or export the scenario from the newer version in an older format.', 'version'));
  } else if (json.version !== SCENARIO_VERSION) {
    return fail(bad('scenario-bad-version', `The file has an invalid version ${JSON.stringify(json.version)}.`, `The version must be 1, 2 or ${SCENARIO_VERSION}.`, 'version'));
  }
  const read = readV2(file, dataset);
  if (!read.ok) return read;
  const s = read.value;
  if (dataset) {
    const hash = knownHash ?? datasetHash(dataset);
    const differs = s.datasetHash ? s.datasetHash !== hash : s.datasetName !== dataset.name;
    if (differs) {
      warnings.push(bad('dataset-mismatch', `The scenario was made on the dataset "${s.datasetName ?? 'unknown'}"${s.datasetHash ? ` (hash ${s.datasetHash})` : ''}, not on the loaded "${dataset.name}" (hash ${hash}). Its edits may not mean the same here.`, 'Load the dataset the scenario was made on, or check the result carefully.'));
    }
  }
  return ok(s, warnings);
}

function readV2(file: Record<string, unknown>, dataset?: Dataset): Result<Scenario> {
  const meta = file.scenario;
  if (!isRecord(meta) || !str(meta.id) || meta.id === '' || !str(meta.name)) {
    return fail(bad('scenario-bad-field', 'The scenario has no id or name.', 'The file must have "scenario": { "id", "name", … }.', 'scenario'));
  }
  for (const key of ['description', 'createdAt', 'updatedAt']) {
    if (!str(meta[key])) return fail(bad('scenario-bad-field', `The scenario field "${key}" is missing or not text.`, `Give "${key}" as a string.`, `scenario.${key}`));
  }
  const ds = file.dataset;
  if (!isRecord(ds) || !str(ds.hash) || (ds.name !== undefined && !str(ds.name))) {
    return fail(bad('scenario-bad-field', 'The file does not say which dataset the scenario was made on.', 'The file must have "dataset": { "name", "hash" }.', 'dataset'));
  }
  if (!Array.isArray(file.edits)) return fail(bad('scenario-bad-field', 'The file has no edit list.', 'The file must have "edits": [ … ].', 'edits'));
  const edits: Edit[] = [];
  const opened = new Set<string>();
  for (let i = 0; i < file.edits.length; i++) {
    const r = readEdit(file.edits[i], i, dataset, opened);
    if ('problem' in r) return fail(r.problem);
    if (r.edit.kind === 'open-school') opened.add(r.edit.school.id);
    edits.push(r.edit);
  }
  const cursor = file.cursor;
  if (typeof cursor !== 'number' || !Number.isInteger(cursor) || cursor < 0 || cursor > edits.length) {
    return fail(bad('scenario-bad-cursor', `The cursor ${JSON.stringify(cursor)} is not a whole number between 0 and the number of edits (${edits.length}).`, 'Set "cursor" to the number of edits in effect.', 'cursor'));
  }
  const baseYear = file.baseYear;
  if (baseYear !== undefined && !Number.isInteger(baseYear)) {
    return fail(bad('scenario-bad-field', `The base year ${JSON.stringify(baseYear)} is not a whole year.`, 'Give "baseYear" as a year such as 2024, or leave it out.', 'baseYear'));
  }
  return ok({
    ...(baseYear !== undefined ? { baseYear: baseYear as number } : {}),
    id: meta.id,
    name: meta.name,
    description: meta.description as string,
    createdAt: meta.createdAt as string,
    updatedAt: meta.updatedAt as string,
    datasetHash: ds.hash,
    ...(str(ds.name) ? { datasetName: ds.name } : {}),
    edits,
    cursor,
  });
}
