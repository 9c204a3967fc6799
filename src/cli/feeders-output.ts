/**
 * Feeders in the CLI's JSON (docs/cli.md): every lower or upper network that has a partner of
 * the same language gets "feeders": [{"lower", "upper", "children"}] (children of the grades 1–6
 * school's age band living in both catchments; one decimal; null below the privacy threshold)
 * and "split_feeders": [LOWER_SCHOOL_ID, …] for the pair(s) it belongs to.
 */
import type { ScenarioEngine } from '../core/scenario/scenario-engine';
import { DEFAULT_SPLIT_SHARE } from '../core/feeders/feeders';

export interface FeederOutput {
  feeders?: { lower: string; upper: string; children: number | null }[];
  split_feeders?: string[];
}

export function feederOutput(engine: ScenarioEngine, networkId: string, year: number, threshold: number, share = DEFAULT_SPLIT_SHARE): FeederOutput {
  const tables = engine.feeders(year, share).filter((t) => t.lowerNetwork === networkId || t.upperNetwork === networkId);
  if (tables.length === 0) return {};
  return {
    feeders: tables.flatMap((t) => t.feeders.map((f) => ({ lower: f.lower, upper: f.upper, children: f.children < threshold ? null : Math.round(f.children * 10) / 10 }))),
    split_feeders: tables.flatMap((t) => t.splitFeeders),
  };
}
