/**
 * Applies the "anonymise school names" choice to the screen: while on, the document store's
 * dataset summary carries the aliases ("Koulu A", …, in the UI language) instead of the names,
 * so the map labels, table and tooltips show aliases; off puts the original summary back.
 * The map camera is kept across the swap (the map canvas refits on a new summary).
 */
import type { MapView } from '../map/map-view';
import type { ScenarioUiStore } from '../scenarios/scenario-context';
import type { ScenarioApi } from '../scenarios/scenario-protocol';
import type { DocumentStore } from '../stores/document-store';
import type { PreferencesStore } from '../stores/preferences-store';
import type { DatasetSummary } from '../workers/engine-protocol';
import { anonymisedSummary } from './anonymise-summary';

export function bindAnonymisation(ui: ScenarioUiStore, document: DocumentStore, preferences: PreferencesStore, api: ScenarioApi, getMap: () => MapView | null): void {
  let original: DatasetSummary | null = null;
  let generation = 0;

  const apply = async () => {
    const mine = ++generation;
    const doc = document.getState();
    if (!doc.summary) return;
    const map = getMap()?.map;
    const camera = map ? { center: map.getCenter(), zoom: map.getZoom() } : null;
    if (ui.getState().anonymise) {
      original ??= doc.summary;
      const aliases = await api.aliases(preferences.getState().language);
      if (mine !== generation || !original) return;
      document.setState({ summary: anonymisedSummary(original, aliases) });
    } else if (original) {
      document.setState({ summary: original });
      original = null;
    } else return;
    if (camera && map) requestAnimationFrame(() => requestAnimationFrame(() => map.jumpTo(camera)));
  };

  ui.subscribe((s, prev) => s.anonymise !== prev.anonymise && void apply());
  preferences.subscribe((s, prev) => s.language !== prev.language && ui.getState().anonymise && void apply());
}
