/**
 * The best plan so far on the map while a proposal runs. It lives in its own small store that
 * only the map reads (its moved units are drawn by the changed-cells layer, together with the
 * scenario's own changed units), so a preview redraws the map and nothing else: the school
 * table, the charts and the figures keep the scenario's state, and the main thread stays free.
 * Each new preview, and the return to the scenario's own flags, carries the units whose flag
 * differs from the array drawn before, so the map re-colours only those (a partial update).
 */
import { useStore } from 'zustand';
import { createStore } from 'zustand/vanilla';
import type { FlagDelta } from '../map/layers/changed-cells-layer';

interface PlanPreview {
  networkId: string | null;
  /** 1 where the unit is moved by the plan or changed by the scenario; null = no preview. */
  changed: Uint8Array | null;
  /** From the array drawn before to `changed` (or, after the end, to `restoreTo`). */
  delta: FlagDelta | null;
  /** After a preview ended: the scenario's own flags the map goes back to. */
  restoreTo: Uint8Array | null;
}

export const planPreviewStore = createStore<PlanPreview>(() => ({ networkId: null, changed: null, delta: null, restoreTo: null }));

/** Units whose flag differs between a and b. */
function differing(a: Uint8Array, b: Uint8Array): Int32Array {
  const out: number[] = [];
  for (let u = 0; u < a.length; u++) if (a[u] !== b[u]) out.push(u);
  return Int32Array.from(out);
}

/** Shows `moved` (1 = the plan moves the unit) on top of the scenario's changed units. */
export function showPlanPreview(networkId: string, moved: Uint8Array, scenarioChanged: Uint8Array | null): void {
  if (scenarioChanged && scenarioChanged.length !== moved.length) return;
  const changed = new Uint8Array(moved.length);
  for (let u = 0; u < moved.length; u++) changed[u] = moved[u] | (scenarioChanged ? scenarioChanged[u] : 0);
  const previous = planPreviewStore.getState();
  const from = previous.networkId === networkId && previous.changed ? previous.changed : scenarioChanged;
  const units = from ? differing(from, changed) : null;
  if (from && units && units.length === 0) return;
  planPreviewStore.setState({ networkId, changed, delta: from && units ? { from, units } : null, restoreTo: null });
}

/** Ends the preview: the map goes back to the scenario's flags (`scenarioChanged`). */
export function clearPlanPreview(scenarioChanged: Uint8Array | null): void {
  const { networkId, changed } = planPreviewStore.getState();
  if (!changed) return;
  const delta = scenarioChanged && scenarioChanged.length === changed.length ? { from: changed, units: differing(changed, scenarioChanged) } : null;
  planPreviewStore.setState({ networkId, changed: null, delta, restoreTo: scenarioChanged });
}

/**
 * What the map draws as changed units for the network shown: the preview (with its delta), the
 * scenario's flags with the delta back from the preview, or null (the scenario's view as usual).
 */
export function usePlanPreview(networkId: string | null | undefined, viewChanged: Uint8Array | null): { unitChanged: Uint8Array | null; delta: FlagDelta | null } | null {
  const s = useStore(planPreviewStore);
  if (!networkId || s.networkId !== networkId) return null;
  if (s.changed) return { unitChanged: s.changed, delta: s.delta };
  if (s.restoreTo && s.restoreTo === viewChanged) return { unitChanged: viewChanged, delta: s.delta };
  return null;
}
