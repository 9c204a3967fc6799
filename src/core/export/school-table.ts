/**
 * Rows of the school and index tables, privacy applied (applyPrivacy), as formatted strings
 * (CSV) or typed cells (XLSX). One source for both so that the two exports agree.
 */
import type { IndicatorConfig } from '../config/indicator-config';
import type { NetworkIndicators } from '../indicators/indicator-types';
import { applyPrivacy } from '../pupil-base/privacy';
import type { PublicNetworkIndicators } from '../pupil-base/privacy';
import { MULTIGROUP_KEYS, TWO_GROUP_KEYS } from '../compare/compare-indicators';
import { nameFor } from './anonymise';

/** A cell: a number (with its kind, for formatting), text, or hidden (null). */
export type Cell =
  | { kind: 'text'; value: string }
  /** Pupil places: a whole number, blank when unknown (not a privacy matter). */
  | { kind: 'places'; value: number | null }
  | { kind: 'count' | 'share' | 'ratio' | 'index' | 'composite'; value: number | null };

export interface TableOptions {
  /** School id → alias (workshop anonymisation); real names when absent. */
  aliases?: Map<string, string> | null;
}

const text = (value: string): Cell => ({ kind: 'text', value });

/** Privacy-applied indicators of several networks. */
export function publicIndicators(list: NetworkIndicators[], config: IndicatorConfig): PublicNetworkIndicators[] {
  return list.map((ind) => applyPrivacy(ind, config.privacyThreshold));
}

/** One row per school and network, columns as schoolHeaders(config). */
export function schoolRows(list: PublicNetworkIndicators[], config: IndicatorConfig, options: TableOptions = {}): Cell[][] {
  return list.flatMap((ind) =>
    ind.schools.map((s): Cell[] => [
      text(ind.network),
      text(s.id),
      text(nameFor(options.aliases, s.id, s.name)),
      { kind: 'places', value: s.capacity },
      { kind: 'count', value: s.children },
      { kind: 'count', value: s.childrenImputed },
      { kind: 'ratio', value: s.utilisation },
      ...config.shares.map((d): Cell => ({ kind: 'share', value: s.shares[d.id] ?? null })),
      { kind: 'composite', value: s.composite },
    ]),
  );
}

/** One row per network × index: [network, type, group, index, value]. */
export function indexRows(list: PublicNetworkIndicators[]): Cell[][] {
  const rows: Cell[][] = [];
  for (const ind of list) {
    for (const [group, v] of Object.entries(ind.indices)) {
      for (const key of TWO_GROUP_KEYS) rows.push([text(ind.network), text('two-group'), text(group), text(key), { kind: 'index', value: v ? v[key] : null }]);
    }
    for (const [group, v] of Object.entries(ind.multigroup)) {
      for (const key of MULTIGROUP_KEYS) rows.push([text(ind.network), text('multigroup'), text(group), text(key), { kind: 'index', value: v ? v[key] : null }]);
    }
  }
  return rows;
}
