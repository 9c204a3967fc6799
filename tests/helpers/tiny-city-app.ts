/**
 * Tiny City opened through the app's real worker pieces in-process (ScenarioHost, engine
 * service, scenario API, document store), as the tests of the app's stores use it: the
 * dataset loaded and the scenario list primed empty.
 */
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { ScenarioHost } from '../../src/app/scenarios/scenario-host';
import { createScenarioApi } from '../../src/app/scenarios/scenario-worker-api';
import { createDocumentStore } from '../../src/app/stores/document-store';
import { createEngineService } from '../../src/app/workers/engine-service';
import { ScenarioEngine } from '../../src/core/scenario/scenario-engine';

export const tinyCityManifestUrl = pathToFileURL(resolve('tests/fixtures/tiny-city/manifest.json')).href;
export const fetchFileBytes = async (url: string) => new Uint8Array(await readFile(fileURLToPath(url)));

export async function openTinyCityApp() {
  const host = new ScenarioHost((d, c, o) => new ScenarioEngine(d, c, o), { schedule: () => ({ cancel() {} }) });
  const service = createEngineService(host.engineFactory, host.gate(fetchFileBytes));
  const api = createScenarioApi(host);
  const document = createDocumentStore(service);
  const loading = document.getState().load({ manifestUrl: tinyCityManifestUrl, fileUrls: {} });
  await api.prime({ records: [], sessions: [], datasets: [], defaultName: 'S' } as never);
  await loading;
  return { host, service, api, document };
}
