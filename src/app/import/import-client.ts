/**
 * The main thread's handle on the import service in the engine worker: progress callbacks go
 * through Comlink.proxy and file bytes are transferred, not copied. `importApiOf` finds the
 * importer on the app's engine client (absent in unit tests with a fake engine).
 */
import * as Comlink from 'comlink';
import type { ImportApi, ImportFileInput } from '../workers/import-protocol';

/** Wraps the worker's `importer` (a Comlink remote) as a plain ImportApi. */
export function wrapImportRemote(remote: Comlink.Remote<ImportApi>): ImportApi {
  return {
    read: (role, input, crs, onProgress) => remote.read(role, Comlink.transfer(input, transferables(input)), crs, Comlink.proxy(onProgress)),
    reread: (role, crs, onProgress, layer) => remote.reread(role, crs, Comlink.proxy(onProgress), layer),
    remove: (role) => remote.remove(role),
    fields: () => remote.fields(),
    applyFields: (choices) => remote.applyFields(choices),
    schools: (choices, onProgress) => remote.schools(choices, onProgress ? Comlink.proxy(onProgress) : undefined),
    check: (onProgress) => remote.check(onProgress ? Comlink.proxy(onProgress) : undefined),
    repair: (kind, rule) => remote.repair(kind, rule),
    undoRepair: () => remote.undoRepair(),
    totals: (field) => remote.totals(field),
    finish: (name, source, year) => remote.finish(name, source, year),
    reset: () => remote.reset(),
  };
}

/** Buffers of the input's bytes that can move to the worker (each whole buffer once). */
function transferables(input: ImportFileInput): ArrayBuffer[] {
  const buffers = new Set<ArrayBuffer>();
  for (const b of [input.bytes, ...(input.companions ?? []).map((c) => c.bytes)])
    if (b.buffer instanceof ArrayBuffer && b.byteOffset === 0 && b.byteLength === b.buffer.byteLength) buffers.add(b.buffer);
  return [...buffers];
}

/** The importer of an engine client, when it has one. */
export function importApiOf(engine: object): ImportApi | null {
  const candidate = (engine as { importer?: ImportApi }).importer;
  return candidate ?? null;
}
