/**
 * One import-wizard store per running app (keyed by the app's stores), shared by the top-bar
 * button and the wizard dialog. Finishing an import shows the new dataset, clears the selection
 * and refreshes the scenario list for it.
 */
import { useStore } from 'zustand';
import type { AppStores } from '../stores/app-stores';
import { useStores } from '../stores/app-stores';
import { useScenarioContext, type ScenarioContextValue } from '../scenarios/scenario-context';
import { importApiOf } from './import-client';
import { createImportStore, type ImportState, type ImportStore } from './import-store';

const stores = new WeakMap<AppStores, ImportStore>();

function importStoreFor(app: AppStores, scenarios: ScenarioContextValue): ImportStore | null {
  const existing = stores.get(app);
  if (existing) return existing;
  const api = importApiOf(app.engine);
  if (!api) return null;
  const store = createImportStore(api, async (summary, warnings) => {
    app.ui.getState().selectSchool(null);
    // Shares of the old dataset may not exist in the new one.
    app.ui.setState({ selectedShareId: null });
    await app.document.getState().adopt(summary);
    try {
      scenarios.scenarios.getState().absorb(await scenarios.api.pull());
    } catch {
      // The scenario list refreshes on its next change; the dataset is already shown.
    }
    // The data are in use but could not be kept for the next visit (persistence/dataset-store.ts).
    const notKept = warnings.filter((w) => w.code === 'dataset-not-kept');
    if (notKept.length) scenarios.scenarios.setState({ notice: { tone: 'warning', title: 'scenarios.notice.datasetNotKept', problems: notKept } });
  });
  stores.set(app, store);
  return store;
}

/** The wizard store of this app, or null when the engine has no importer (tests with a fake engine). */
export function useImportStore(): ImportStore | null {
  return importStoreFor(useStores(), useScenarioContext());
}

const never = { getState: () => null, subscribe: () => () => undefined } as unknown as ImportStore;

/** Selects from the wizard state (null without an importer). */
export function useImport<T>(store: ImportStore | null, selector: (s: ImportState) => T): T | null {
  const value = useStore(store ?? never, (s) => (s ? selector(s) : null));
  return value;
}
