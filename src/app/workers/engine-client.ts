/**
 * The main thread's handle on the engine worker: a Comlink proxy typed as EngineApi.
 * Progress callbacks are wrapped with Comlink.proxy so the worker can call them back.
 */
import * as Comlink from 'comlink';
import type { ScenarioApi } from '../scenarios/scenario-protocol';
import type { EngineApi } from './engine-protocol';
import { wrapImportRemote } from '../import/import-client';
import type { ImportApi } from './import-protocol';
import type { OptimiserApi } from '../optimiser/optimiser-protocol';

/** The engine API plus `scenarios` (scenarios/scenario-protocol.ts), served by the same worker. */
export function createEngineClient(): EngineApi & { scenarios: ScenarioApi; importer: ImportApi; optimiser: OptimiserApi } {
  const worker = new Worker(new URL('./engine-worker.ts', import.meta.url), { type: 'module', name: 'catchment-engine' });
  const remote = Comlink.wrap<EngineApi & { scenarios: ScenarioApi; importer: ImportApi; optimiser: OptimiserApi }>(worker);
  return {
    importer: wrapImportRemote(remote.importer as unknown as Comlink.Remote<ImportApi>),
    scenarios: remote.scenarios as unknown as ScenarioApi,
    optimiser: {
      propose: (request, onProgress) => (remote.optimiser as unknown as Comlink.Remote<OptimiserApi>).propose(request, Comlink.proxy(onProgress)),
      stop: () => (remote.optimiser as unknown as Comlink.Remote<OptimiserApi>).stop(),
    },
    load: (source, onProgress) => remote.load(source, Comlink.proxy(onProgress)),
    loadStored: (hash, onProgress) => remote.loadStored(hash, Comlink.proxy(onProgress)),
    snapshot: (networkId) => remote.snapshot(networkId),
    unitMeasures: (networkId) => remote.unitMeasures(networkId),
    apply: (edit, allowEmptying) => remote.apply(edit, allowEmptying),
    undo: () => remote.undo(),
    redo: () => remote.redo(),
    edits: () => remote.edits(),
    setYear: (year, networkId) => (remote.setYear as unknown as NonNullable<EngineApi['setYear']>)(year, networkId),
    yearSeries: (networkId) => (remote.yearSeries as unknown as NonNullable<EngineApi['yearSeries']>)(networkId),
    importHousing: (file, defaultYear) => (remote.importHousing as unknown as NonNullable<EngineApi['importHousing']>)(file, defaultYear),
    housingPupils: () => (remote.housingPupils as unknown as NonNullable<EngineApi['housingPupils']>)(),
    importForecast: (file, networkId) => (remote.importForecast as unknown as NonNullable<EngineApi['importForecast']>)(file, networkId),
    childrenSources: (networkId) => (remote.childrenSources as unknown as NonNullable<EngineApi['childrenSources']>)(networkId),
    feeders: (share) => (remote.feeders as unknown as NonNullable<EngineApi['feeders']>)(share),
    travelBands: (networkId, school) => (remote.travelBands as unknown as NonNullable<EngineApi['travelBands']>)(networkId, school),
  };
}
