/**
 * The engine Web Worker: exposes the EngineApi (engine-service.ts) through Comlink, and
 * transfers the typed arrays of every answer instead of copying them.
 */
import * as Comlink from 'comlink';
import { createScenarioEngine } from './create-engine';
import type { EngineApi } from './engine-protocol';
import { createEngineService } from './engine-service';

async function fetchBytes(url: string): Promise<Uint8Array> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`HTTP ${response.status} for ${url}`);
  return new Uint8Array(await response.arrayBuffer());
}

const service = createEngineService(createScenarioEngine, fetchBytes);

/** Marks the big typed arrays of a value for transfer. */
function transferring<T>(value: T): T {
  const buffers = new Set<ArrayBuffer>();
  const visit = (v: unknown, depth: number): void => {
    if (!v || typeof v !== 'object' || depth > 4) return;
    if (ArrayBuffer.isView(v)) {
      if (v.buffer instanceof ArrayBuffer && v.byteLength === v.buffer.byteLength && v.byteLength > 4096) buffers.add(v.buffer);
      return;
    }
    for (const child of Object.values(v)) visit(child, depth + 1);
  };
  visit(value, 0);
  return buffers.size ? Comlink.transfer(value, [...buffers]) : value;
}

const api: EngineApi = {
  load: async (source, onProgress) => transferring(await service.load(source, onProgress)),
  snapshot: async (id) => transferring(await service.snapshot(id)),
  unitMeasures: async (id) => transferring(await service.unitMeasures(id)),
  apply: async (edit, allowEmptying) => transferring(await service.apply(edit, allowEmptying)),
  undo: async () => transferring(await service.undo()),
  redo: async () => transferring(await service.redo()),
  edits: () => service.edits(),
};

Comlink.expose(api);
