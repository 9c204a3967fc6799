/**
 * The engine's network states, each built when first asked for: opening a dataset builds the
 * network on view, not every network (a network's pupil base, years ahead and baseline take most
 * of an engine's start). Before the first record every state is built (ScenarioEngine.apply), so
 * records always meet states built from the dataset alone and a state built late equals one built
 * at once: createState depends on the dataset, the configuration and the shared neighbourhood
 * sums, never on the order of building.
 */
import type { NetworkState } from './network-state';

/** What RecordLog and SchoolSteps read (a Map of built states satisfies it too). */
export interface NetworkStateSource {
  get(id: string): NetworkState | undefined;
  keys(): Iterable<string>;
  /** Every state (builds the ones not built yet). */
  values(): Iterable<NetworkState>;
}

export class NetworkStates implements NetworkStateSource {
  private readonly ids: readonly string[];
  private readonly build: (id: string) => NetworkState;
  private readonly made = new Map<string, NetworkState>();

  constructor(ids: readonly string[], build: (id: string) => NetworkState) {
    this.ids = ids;
    this.build = build;
  }

  /** The network's state, built now if it was not yet; undefined for an unknown id. */
  get(id: string): NetworkState | undefined {
    let s = this.made.get(id);
    if (!s && this.ids.includes(id)) {
      s = this.build(id);
      this.made.set(id, s);
    }
    return s;
  }

  keys(): string[] {
    return [...this.ids];
  }

  values(): NetworkState[] {
    return this.ids.map((id) => this.get(id)!);
  }

  /** The states built so far, in network order (a state not built has no records and no cached figures). */
  built(): NetworkState[] {
    return this.ids.filter((id) => this.made.has(id)).map((id) => this.made.get(id)!);
  }

  /** Networks whose state is not built yet, in network order. */
  unbuilt(): string[] {
    return this.ids.filter((id) => !this.made.has(id));
  }
}
