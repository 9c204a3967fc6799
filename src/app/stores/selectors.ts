/**
 * Derived values shared by components and the map, computed from the stores' state.
 */
import type { DocumentState } from './document-store';
import type { NetworkView } from './network-view';
import type { NetworkInfo } from '../workers/engine-protocol';

export function currentNetwork(s: DocumentState): NetworkInfo | null {
  return s.summary?.networks.find((n) => n.id === s.networkId) ?? null;
}

export function currentView(s: DocumentState): NetworkView | null {
  return s.networkId ? (s.views[s.networkId] ?? null) : null;
}
