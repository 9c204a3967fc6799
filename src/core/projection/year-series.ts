/**
 * A network's figures over the projected years, for the charts of the years ahead (issue 9):
 * per school its children and capacity in the scenario and in the baseline of the same year, and
 * the network's two-group indices per share. Privacy applied year by year (pupil-base/privacy.ts):
 * a figure resting on fewer people than the threshold is null in that year.
 *
 * Computed on demand (the app asks when a chart is opened), not on every edit: one
 * `indicatorsInYear` and one `baselineIndicators` per year, both cached by the engine.
 */
import type { NetworkIndicators, TwoGroupIndices } from '../indicators/indicator-types';
import { applyPrivacy } from '../pupil-base/privacy';

/** The part of the scenario engine the series needs. */
export interface YearSeriesSource {
  years(): number[];
  indicatorsInYear(networkId: string, year: number): NetworkIndicators;
  baselineIndicators(networkId: string, year: number): NetworkIndicators;
}

export type IndexKey = keyof TwoGroupIndices;
export const INDEX_KEYS: readonly IndexKey[] = ['D', 'gini', 'H', 'isolation', 'exposure', 'atkinson_0_5', 'eta2'];

/** One figure per year (parallel to NetworkYearSeries.years); null where hidden or undefined. */
export interface ScenarioAndBaseline {
  scenario: (number | null)[];
  baseline: (number | null)[];
}

export interface SchoolYearSeries {
  id: string;
  name: string;
  /** Children of the network's age band (people). */
  children: ScenarioAndBaseline;
  /** Places (pupils); null where unknown. */
  capacity: ScenarioAndBaseline;
}

export interface NetworkYearSeries {
  networkId: string;
  years: number[];
  /** In network order (the scenario's schools; a school only the baseline lacks has baseline nulls). */
  schools: SchoolYearSeries[];
  /** Share id → index key → values per year (fractions 0–1). */
  indices: Record<string, Record<IndexKey, ScenarioAndBaseline>>;
  /** The network's children (people). */
  totalChildren: ScenarioAndBaseline;
}

/** The series of `networkId` over `years` (default every projected year), privacy applied with `threshold` people. */
export function networkYearSeries(source: YearSeriesSource, networkId: string, threshold: number, years: number[] = source.years()): NetworkYearSeries {
  const scenario = years.map((y) => applyPrivacy(source.indicatorsInYear(networkId, y), threshold));
  const baseline = years.map((y) => applyPrivacy(source.baselineIndicators(networkId, y), threshold));
  const last = scenario[scenario.length - 1];
  const pick = <T>(list: T[], f: (x: T) => number | null | undefined): (number | null)[] => list.map((x) => f(x) ?? null);

  const schools: SchoolYearSeries[] = (last?.schools ?? []).map((s) => {
    const inYear = (ind: (typeof scenario)[number]) => ind.schools.find((x) => x.id === s.id);
    return {
      id: s.id,
      name: s.name,
      children: { scenario: pick(scenario, (i) => inYear(i)?.children), baseline: pick(baseline, (i) => inYear(i)?.children) },
      capacity: { scenario: pick(scenario, (i) => inYear(i)?.capacity), baseline: pick(baseline, (i) => inYear(i)?.capacity) },
    };
  });

  const indices: NetworkYearSeries['indices'] = {};
  for (const shareId of Object.keys(last?.indices ?? {})) {
    const byKey = {} as Record<IndexKey, ScenarioAndBaseline>;
    for (const key of INDEX_KEYS)
      byKey[key] = { scenario: pick(scenario, (i) => i.indices[shareId]?.[key]), baseline: pick(baseline, (i) => i.indices[shareId]?.[key]) };
    indices[shareId] = byKey;
  }

  return {
    networkId,
    years: [...years],
    schools,
    indices,
    totalChildren: { scenario: pick(scenario, (i) => i.totals.children), baseline: pick(baseline, (i) => i.totals.children) },
  };
}
