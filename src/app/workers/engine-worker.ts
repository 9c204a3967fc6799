/**
 * The engine Web Worker: exposes the EngineApi (engine-service.ts) through Comlink, and
 * transfers the typed arrays of every answer instead of copying them.
 */
import * as Comlink from 'comlink';
import { ScenarioEngine } from '../../core/scenario/scenario-engine';
import { ScenarioHost } from '../scenarios/scenario-host';
import type { ScenarioApi } from '../scenarios/scenario-protocol';
import { createScenarioApi } from '../scenarios/scenario-worker-api';
import type { EngineApi } from './engine-protocol';
import { createEngineService } from './engine-service';
import wasmUrl from 'sql.js/dist/sql-wasm.wasm?url';
import type { ImportApi } from './import-protocol';
import { createImportService } from './import-service';
import { idbDatasetStore, keepDataset } from '../persistence/dataset-store';
import { ok } from '../../core/model/result';
import { streetDistance, withTravel } from '../travel/travel-registry';
import { createOptimiserApi } from '../optimiser/optimiser-worker-api';
import type { OptimiserApi } from '../optimiser/optimiser-protocol';

async function fetchBytes(url: string): Promise<Uint8Array> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`HTTP ${response.status} for ${url}`);
  return new Uint8Array(await response.arrayBuffer());
}

// Scenarios: one engine per open scenario; the service talks to the active one (scenarios/scenario-host.ts).
// "Nearest" catchments of school-network records on the street network when one is loaded.
const host = new ScenarioHost(withTravel((dataset, config, options) => new ScenarioEngine(dataset, config, { ...options, distance: options?.distance ?? streetDistance() })));
// Imported datasets are kept in IndexedDB (persistence/dataset-store.ts) so a reload reopens them.
const datasets = idbDatasetStore();
const service = createEngineService(host.engineFactory, host.gate(fetchBytes), host.gate((hash) => datasets.get(hash)));
// Import wizard: builds a dataset on the side and hands it to the service only on finish; then keeps it.
const importer = createImportService(async (dataset, config, presetName, declarations, streets) => {
  const r = await service.adopt(dataset, config, presetName, declarations, streets);
  if (!r.ok) return r;
  // The host hashed the dataset when the engine was created (ScenarioHost.hash): not again here.
  const kept = await keepDataset(datasets, { hash: host.hash, dataset, config, presetName, declarations, streets: streets ?? null });
  return kept.ok ? r : ok(r.value, [...r.warnings, ...kept.problems]);
}, { locateFile: () => wasmUrl });

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

const api: EngineApi & { scenarios: ScenarioApi; importer: ImportApi; optimiser: OptimiserApi } = {
  optimiser: createOptimiserApi(() => host.activeEngine()),
  importer: { ...importer, finish: async (name, source) => transferring(await importer.finish(name, source)) },
  load: async (source, onProgress) => transferring(await service.load(source, onProgress)),
  loadStored: async (hash, onProgress) => transferring(await service.loadStored(hash, onProgress)),
  snapshot: async (id) => transferring(await service.snapshot(id)),
  unitMeasures: async (id) => transferring(await service.unitMeasures(id)),
  apply: async (edit, allowEmptying) => transferring(await service.apply(edit, allowEmptying)),
  undo: async () => transferring(await service.undo()),
  redo: async () => transferring(await service.redo()),
  edits: () => service.edits(),
  setYear: async (year, networkId) => transferring(await service.setYear!(year, networkId)),
  yearSeries: (networkId) => service.yearSeries!(networkId),
  importHousing: async (file, defaultYear) => transferring(await service.importHousing!(file, defaultYear, { locateFile: () => wasmUrl })),
  housingPupils: () => service.housingPupils!(),
  importForecast: async (file, networkId) => transferring(await service.importForecast!(file, networkId)),
  childrenSources: (networkId) => service.childrenSources!(networkId),
  feeders: (share) => service.feeders!(share),
  travelBands: async (networkId, school) => transferring(await service.travelBands!(networkId, school)),
  scenarios: createScenarioApi(host, (file) => {
    const bytes = file.bytes.byteOffset === 0 && file.bytes.byteLength === file.bytes.buffer.byteLength ? file.bytes : file.bytes.slice();
    return Comlink.transfer({ ...file, bytes }, [bytes.buffer as ArrayBuffer]);
  }),
};

// Idle work (the networks not built yet, the spare engine; scenarios/engine-pool.ts) waits until
// no request is being served and none came for a while (scenarios.*, optimiser.* and importer.* included).
function tellHost<T extends object>(target: T): T {
  for (const key of Object.keys(target) as (keyof T)[]) {
    const call = target[key];
    if (typeof call !== 'function') continue;
    (target as Record<keyof T, unknown>)[key] = async (...args: unknown[]) => {
      host.request(true);
      try {
        return await (call as (...a: unknown[]) => unknown).apply(target, args);
      } finally {
        host.request(false);
      }
    };
  }
  return target;
}
tellHost(api);
tellHost(api.scenarios);
tellHost(api.optimiser);
tellHost(api.importer);

Comlink.expose(api);
