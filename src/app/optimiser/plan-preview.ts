/**
 * The best plan so far on the map while a proposal runs. It lives in its own small store that
 * only the map reads (its moved units are drawn by the changed-cells layer, together with the
 * scenario's own changed units), so a preview redraws the map and nothing else: the school
 * table, the charts and the figures keep the scenario's state, and the main thread stays free.
 */
import { useStore } from 'zustand';
import { createStore } from 'zustand/vanilla';
import { sameMask } from '../../core/model/masks';

interface PlanPreview {
  networkId: string | null;
  /** 1 where the unit is moved by the plan or changed by the scenario; null = no preview. */
  changed: Uint8Array | null;
}

export const planPreviewStore = createStore<PlanPreview>(() => ({ networkId: null, changed: null }));

/** Shows `moved` (1 = the plan moves the unit) on top of the scenario's changed units. */
export function showPlanPreview(networkId: string, moved: Uint8Array, scenarioChanged: Uint8Array | null): void {
  if (scenarioChanged && scenarioChanged.length !== moved.length) return;
  const changed = new Uint8Array(moved.length);
  for (let u = 0; u < moved.length; u++) changed[u] = moved[u] | (scenarioChanged ? scenarioChanged[u] : 0);
  const previous = planPreviewStore.getState();
  // The same units as drawn already: no redraw.
  if (previous.networkId === networkId && sameMask(previous.changed, changed)) return;
  planPreviewStore.setState({ networkId, changed });
}

/** Ends the preview: the map goes back to the scenario's own changed units. */
export function clearPlanPreview(): void {
  if (!planPreviewStore.getState().changed) return;
  planPreviewStore.setState({ changed: null });
}

/** The changed units the map draws for the network shown while a preview is on, or null (the scenario's view as usual). */
export function usePlanPreview(networkId: string | null | undefined): Uint8Array | null {
  const s = useStore(planPreviewStore);
  return networkId && s.networkId === networkId ? s.changed : null;
}
