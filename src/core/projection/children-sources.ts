/**
 * Where a network's children in a year come from (issue 9: "the UI says which figures come from
 * the city's forecast and which from the cohort model"): the units and the children of each
 * source — the data (base year), the cohort model, the city's forecast, or the model's growth on a
 * unit whose bands are suppressed. Children of housing projects are not included (they are a
 * source of their own, listed with the projects). Privacy: a children total resting on fewer
 * people than the threshold is null (hidden); unit counts are not people and stay.
 */
import { SOURCE_DATA, SOURCE_FORECAST, SOURCE_MODEL, SOURCE_SCALED } from './forecast-table';

export const SOURCE_KEYS = ['data', 'model', 'forecast', 'scaled'] as const;
export type SourceKey = (typeof SOURCE_KEYS)[number];

export interface ChildrenSources {
  year: number;
  /** Name of the city's forecast in use (any year), null when there is none. */
  forecastName: string | null;
  /** Units per source with children (or a forecast figure) in that year. */
  units: Record<SourceKey, number>;
  /** Children per source (null: fewer than the privacy threshold but more than none). */
  children: Record<SourceKey, number | null>;
  /** All children of the network in that year from these sources (null below the threshold). */
  total: number | null;
}

const KEY_OF: Record<number, SourceKey> = { [SOURCE_DATA]: 'data', [SOURCE_MODEL]: 'model', [SOURCE_FORECAST]: 'forecast', [SOURCE_SCALED]: 'scaled' };

/** Sums children per source; a unit with no children counts only when the forecast gave its figure. */
export function childrenSources(source: Uint8Array, children: Float64Array, year: number, forecastName: string | null, threshold: number): ChildrenSources {
  const units: Record<SourceKey, number> = { data: 0, model: 0, forecast: 0, scaled: 0 };
  const sums: Record<SourceKey, number> = { data: 0, model: 0, forecast: 0, scaled: 0 };
  for (let u = 0; u < source.length; u++) {
    const c = children[u];
    const key = KEY_OF[source[u]] ?? 'model';
    if (!(c > 0) && key !== 'forecast') continue;
    units[key]++;
    if (c > 0) sums[key] += c;
  }
  const shown = (v: number): number | null => (v > 0 && v < threshold ? null : v);
  const total = SOURCE_KEYS.reduce((a, k) => a + sums[k], 0);
  return {
    year,
    forecastName,
    units,
    children: { data: shown(sums.data), model: shown(sums.model), forecast: shown(sums.forecast), scaled: shown(sums.scaled) },
    total: shown(total),
  };
}
