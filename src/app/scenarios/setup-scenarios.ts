/**
 * Wires the scenario side into the app (called once from main.tsx): translations, the save
 * queue, the scenario stores, workshop anonymisation, the session start-up (which also starts
 * the dataset load) and, in test mode, window.__catchmentStudioScenarios for browser tests.
 */
import type { i18n } from 'i18next';
import type { MapView } from '../map/map-view';
import { idbStorage } from '../persistence/idb-storage';
import { SaveQueue } from '../persistence/save-queue';
import type { AppStores } from '../stores/app-stores';
import type { BundleSource, EngineApi } from '../workers/engine-protocol';
import { bindAnonymisation } from '../workshop/anonymise-binding';
import { createScenarioUiStore, type ScenarioContextValue } from './scenario-context';
import { registerScenarioTranslations } from './scenario-i18n';
import { registerTravelTranslations } from '../travel/travel-i18n';
import type { ScenarioApi } from './scenario-protocol';
import { createScenarioStore } from './scenario-store';
import { startScenarioSession, type SessionHandle } from './session-controller';
import type { DatasetRequest } from './session-state';

/** The browser-test hook of the scenario side (test mode only). */
export interface ScenarioTestHook {
  /** Waits until every edit and the session are written to storage. */
  flush(): Promise<void>;
  /** Active scenario id and the list (names, edit counts). */
  state(): { activeId: string | null; scenarios: { id: string; name: string; editCount: number; redoCount: number }[]; save: { mode: string; pending: number; problem: string | null } };
}

export interface SetupOptions {
  stores: AppStores;
  engine: EngineApi & { scenarios: ScenarioApi };
  i18n: i18n;
  source: BundleSource | null;
  /** What the page address asks to open (`?dataset=`, `?bundle=`). */
  request?: DatasetRequest;
  testMode: boolean;
  getMap(): MapView | null;
}

export function setupScenarios(o: SetupOptions): ScenarioContextValue {
  registerScenarioTranslations(o.i18n);
  registerTravelTranslations(o.i18n);
  const api = o.engine.scenarios;
  const queue = new SaveQueue();
  const scenarios = createScenarioStore({ api, engine: o.engine, document: o.stores.document, queue });
  const ui = createScenarioUiStore();
  bindAnonymisation(ui, o.stores.document, o.stores.preferences, api, o.getMap);
  let handle: SessionHandle | null = null;
  const started = startScenarioSession({
    stores: o.stores,
    scenarios,
    api,
    queue,
    source: o.source,
    request: o.request,
    getMap: o.getMap,
    defaultName: `${o.i18n.t('scenarios.defaultBase')} 1`,
    openStorage: () => idbStorage(),
  }).then((h) => (handle = h));
  if (o.testMode) {
    const hook: ScenarioTestHook = {
      flush: async () => {
        await started;
        await handle?.flush();
      },
      state: () => {
        const s = scenarios.getState();
        return {
          activeId: s.host?.activeId ?? null,
          scenarios: s.host?.scenarios.map(({ id, name, editCount, redoCount }) => ({ id, name, editCount, redoCount })) ?? [],
          save: { mode: s.save.mode, pending: s.save.pending, problem: s.save.problem?.code ?? null },
        };
      },
    };
    (window as unknown as { __catchmentStudioScenarios: ScenarioTestHook }).__catchmentStudioScenarios = hook;
  }
  return { scenarios, ui, api, getMap: o.getMap };
}
