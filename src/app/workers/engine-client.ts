/**
 * The main thread's handle on the engine worker: a Comlink proxy typed as EngineApi.
 * Progress callbacks are wrapped with Comlink.proxy so the worker can call them back.
 */
import * as Comlink from 'comlink';
import type { EngineApi } from './engine-protocol';

export function createEngineClient(): EngineApi {
  const worker = new Worker(new URL('./engine-worker.ts', import.meta.url), { type: 'module', name: 'catchment-engine' });
  const remote = Comlink.wrap<EngineApi>(worker);
  return {
    load: (source, onProgress) => remote.load(source, Comlink.proxy(onProgress)),
    snapshot: (networkId) => remote.snapshot(networkId),
    unitMeasures: (networkId) => remote.unitMeasures(networkId),
    apply: (edit, allowEmptying) => remote.apply(edit, allowEmptying),
    undo: () => remote.undo(),
    redo: () => remote.redo(),
    edits: () => remote.edits(),
  };
}
