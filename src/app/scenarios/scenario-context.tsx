/**
 * React access to the scenario side of the app: the scenario store, its UI store (which
 * overlay is open, workshop mode, anonymisation), the worker's scenario API and the main map.
 */
import { createContext, useContext, type ReactNode } from 'react';
import { useStore } from 'zustand';
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { MapView } from '../map/map-view';
import type { ScenarioApi } from './scenario-protocol';
import type { ScenarioState, ScenarioStore } from './scenario-store';

export type Overlay = 'none' | 'manager' | 'compare';

export interface ScenarioUiState {
  overlay: Overlay;
  workshop: boolean;
  /** School names become "Koulu A", … in workshop mode and in exports. */
  anonymise: boolean;
  open(overlay: Overlay): void;
  setWorkshop(on: boolean): void;
  setAnonymise(on: boolean): void;
}

export type ScenarioUiStore = StoreApi<ScenarioUiState>;

export function createScenarioUiStore(): ScenarioUiStore {
  return createStore<ScenarioUiState>()((set) => ({
    overlay: 'none',
    workshop: false,
    anonymise: false,
    open: (overlay) => set({ overlay }),
    // Leaving the workshop brings the real names back everywhere (anonymisation ends with it).
    setWorkshop: (workshop) => set(workshop ? { workshop, overlay: 'none' } : { workshop, overlay: 'none', anonymise: false }),
    setAnonymise: (anonymise) => set({ anonymise }),
  }));
}

export interface ScenarioContextValue {
  scenarios: ScenarioStore;
  ui: ScenarioUiStore;
  api: ScenarioApi;
  getMap(): MapView | null;
}

const Context = createContext<ScenarioContextValue | null>(null);

export function ScenarioProvider({ value, children }: { value: ScenarioContextValue; children: ReactNode }) {
  return <Context.Provider value={value}>{children}</Context.Provider>;
}

export function useScenarioContext(): ScenarioContextValue {
  const value = useContext(Context);
  if (!value) throw new Error('ScenarioProvider is missing');
  return value;
}

export function useScenarios<T>(selector: (s: ScenarioState) => T): T {
  return useStore(useScenarioContext().scenarios, selector);
}

export function useScenarioUi<T>(selector: (s: ScenarioUiState) => T): T {
  return useStore(useScenarioContext().ui, selector);
}
