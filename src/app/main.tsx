/** Entry point: stores, engine worker, i18n, React root; test hook under ?test=1. */
// First, before any other module runs: the page's connect-src policy (security/content-policy.ts).
import './security/install-connect-policy';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import { App } from './app';
import './app.css';
import { createI18n } from './i18n/i18n';
import type { MapView } from './map/map-view';
import { StoresProvider, type AppStores } from './stores/app-stores';
import { createDocumentStore } from './stores/document-store';
import { createPreferencesStore, initialPreferences } from './stores/preferences-store';
import { createUiStore } from './stores/ui-store';
import { installTestHook, isTestMode } from './test-hook';
import { bundleSourceFor } from './workers/bundle-source';
import { createEngineClient } from './workers/engine-client';
import { ScenarioProvider } from './scenarios/scenario-context';
import { setupScenarios } from './scenarios/setup-scenarios';
import { confirmedOrigins, confirmOrigin, foreignBundleOrigin } from './security/confirmed-origins';
import { OriginConfirm } from './security/origin-confirm';
import { registerSecurityTranslations } from './security/security-i18n';
import { registerOrientationTranslations } from './orientation/orientation-i18n';
import { registerTimeTranslations } from './time/time-i18n';
import { warmGpu } from './first-load/gpu-warmup';

// The GPU process channel opens in a worker while the app starts (first-load/gpu-warmup.ts).
void warmGpu();

const testMode = isTestMode(location.search);
const engine = createEngineClient();
let storage: Storage | null = null;
try {
  storage = testMode ? null : localStorage;
} catch {
  storage = null;
}
const stores: AppStores = {
  document: createDocumentStore(engine),
  ui: createUiStore(),
  preferences: createPreferencesStore(initialPreferences(), storage),
  engine,
};
const i18n = createI18n(stores.preferences.getState().language);
registerSecurityTranslations(i18n);
registerOrientationTranslations(i18n);
registerTimeTranslations(i18n);
document.documentElement.lang = i18n.language;
stores.preferences.subscribe((s, prev) => {
  if (s.language !== prev.language) {
    void i18n.changeLanguage(s.language);
    document.documentElement.lang = s.language;
  }
});

let mapView: MapView | null = null;
if (testMode) installTestHook(stores, () => mapView, engine);

const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false, refetchOnWindowFocus: false } } });
const root = createRoot(document.getElementById('root')!);

/** Loads the data and shows the app. */
function start(): void {
  const source = bundleSourceFor(location.search, document.baseURI);
  // ?dataset=sample|<hash> (from the list of kept datasets) applies to this visit only: drop it from the address.
  const params = new URLSearchParams(location.search);
  const request = { dataset: params.get('dataset'), explicitBundle: params.has('bundle') };
  if (params.has('dataset')) {
    params.delete('dataset');
    history.replaceState(history.state, '', `${location.pathname}${params.size ? `?${params}` : ''}${location.hash}`);
  }
  // Scenarios: restores the saved session and starts the dataset load (scenarios/setup-scenarios.ts).
  const scenarioSide = setupScenarios({ stores, engine, i18n, source, request, testMode, getMap: () => mapView });
  root.render(
    <StrictMode>
      <QueryClientProvider client={queryClient}>
        <I18nextProvider i18n={i18n}>
          <StoresProvider stores={stores}>
            <ScenarioProvider value={scenarioSide}>
              <App testMode={testMode} missingSample={!source} onMapView={(v) => (mapView = v)} />
            </ScenarioProvider>
          </StoresProvider>
        </I18nextProvider>
      </QueryClientProvider>
    </StrictMode>,
  );
}

// A link's ?bundle= on another server loads nothing until the user confirms it (security/).
const foreign = foreignBundleOrigin(location.search, document.baseURI);
if (foreign && !confirmedOrigins().includes(foreign)) {
  const withoutBundle = () => {
    const params = new URLSearchParams(location.search);
    params.delete('bundle');
    history.replaceState(history.state, '', `${location.pathname}${params.size ? `?${params}` : ''}${location.hash}`);
    start();
  };
  root.render(
    <I18nextProvider i18n={i18n}>
      <OriginConfirm origin={foreign} onLoad={() => (confirmOrigin(foreign) ? location.reload() : withoutBundle())} onSample={withoutBundle} />
    </I18nextProvider>,
  );
} else start();
