/**
 * The three stores of the running app, handed to components through React context so tests
 * and the test hook can use their own instances.
 */
import { createContext, useContext, type ReactNode } from 'react';
import { useStore } from 'zustand';
import type { EngineApi } from '../workers/engine-protocol';
import type { DocumentState, DocumentStore } from './document-store';
import type { PreferencesState, PreferencesStore } from './preferences-store';
import type { UiState, UiStore } from './ui-store';

export interface AppStores {
  document: DocumentStore;
  ui: UiStore;
  preferences: PreferencesStore;
  engine: EngineApi;
}

const StoresContext = createContext<AppStores | null>(null);

export function StoresProvider({ stores, children }: { stores: AppStores; children: ReactNode }) {
  return <StoresContext.Provider value={stores}>{children}</StoresContext.Provider>;
}

export function useStores(): AppStores {
  const stores = useContext(StoresContext);
  if (!stores) throw new Error('StoresProvider is missing');
  return stores;
}

export function useDocument<T>(selector: (s: DocumentState) => T): T {
  return useStore(useStores().document, selector);
}

export function useUi<T>(selector: (s: UiState) => T): T {
  return useStore(useStores().ui, selector);
}

export function usePreferences<T>(selector: (s: PreferencesState) => T): T {
  return useStore(useStores().preferences, selector);
}
