/**
 * The best plan so far on the map while a proposal runs: the network's view gets the plan's
 * moved units as its "changed" cells (drawn by the changed-cells layer), and its own view back
 * when the search ends.
 */
import type { DocumentStore } from '../stores/document-store';
import type { NetworkView } from '../stores/network-view';

export function showPlanPreview(document: DocumentStore, networkId: string, moved: Uint8Array, original: NetworkView): void {
  const view = document.getState().views[networkId];
  if (!view || moved.length !== view.unitChanged.length) return;
  const merged = new Uint8Array(moved.length);
  for (let u = 0; u < moved.length; u++) merged[u] = moved[u] | original.unitChanged[u];
  document.setState((s) => ({ views: { ...s.views, [networkId]: { ...view, unitChanged: merged, version: view.version + 1, lastChange: null } } }));
}

export function clearPlanPreview(document: DocumentStore, networkId: string, original: NetworkView): void {
  const view = document.getState().views[networkId];
  if (!view) return;
  document.setState((s) => ({ views: { ...s.views, [networkId]: { ...view, unitChanged: original.unitChanged, version: view.version + 1, lastChange: null } } }));
}
