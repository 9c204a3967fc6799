/**
 * Derived values shared by components and the map, computed from the stores' state.
 */
import type { DocumentState } from './document-store';
import type { NetworkView } from './network-view';
import type { NetworkInfo, SchoolInfo } from '../workers/engine-protocol';

/** The network on view; its schools are the view's (the selected year's, opened ones included) when the snapshot listed them. */
export function currentNetwork(s: DocumentState): NetworkInfo | null {
  const network = s.summary?.networks.find((n) => n.id === s.networkId) ?? null;
  const schools = currentView(s)?.schools;
  return network && schools ? withSchools(network, schools) : network;
}

/** One merged object per (network, school list), so selectors return stable references. */
const merged = new WeakMap<SchoolInfo[], { network: NetworkInfo; value: NetworkInfo }>();
function withSchools(network: NetworkInfo, schools: SchoolInfo[]): NetworkInfo {
  const hit = merged.get(schools);
  if (hit && hit.network === network) return hit.value;
  const value = { ...network, schools };
  merged.set(schools, { network, value });
  return value;
}

export function currentView(s: DocumentState): NetworkView | null {
  return s.networkId ? (s.views[s.networkId] ?? null) : null;
}
