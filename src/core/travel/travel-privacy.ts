/**
 * Travel figures as shown and exported (the JSON keys of the CLI): every figure resting on
 * fewer children than the privacy threshold is null. A school's (network's) trip lengths rest on
 * its children; a count of children strictly between 0 and the threshold is hidden.
 */
import type { NetworkTravelFigures, TravelFigures } from './travel-tracker';

export interface PublicSchoolTravel {
  mean_m: number | null;
  median_m: number | null;
  p90_m: number | null;
  max_m: number | null;
  over_5km_children: number | null;
  over_limit_children: number | null;
  max_daily_travel_h: number | null;
  over_daily_limit_children: number | null;
}

export interface PublicNetworkTravel extends PublicSchoolTravel {
  nearest_school_share: number | null;
  off_network_units: string[];
  unreachable_units: string[];
  straight_line: boolean;
}

const count = (v: number | null, threshold: number): number | null => (v === null || (v > 0 && v < threshold) ? null : v);

/** A school's (or the network's) figures with privacy applied. */
export function publicTravel(f: TravelFigures, threshold: number): PublicSchoolTravel {
  const shown = f.children >= threshold;
  const m = (v: number | null) => (shown ? v : null);
  return {
    mean_m: m(f.meanM),
    median_m: m(f.medianM),
    p90_m: m(f.p90M),
    max_m: m(f.maxM),
    over_5km_children: shown ? count(f.over5kmChildren, threshold) : null,
    over_limit_children: shown ? count(f.overLimitChildren, threshold) : null,
    max_daily_travel_h: m(f.maxDailyHours),
    over_daily_limit_children: shown ? count(f.overDailyLimitChildren, threshold) : null,
  };
}

export function publicNetworkTravel(f: NetworkTravelFigures, threshold: number, extra: { offNetwork: string[]; unreachable: string[]; straightLine: boolean }): PublicNetworkTravel {
  return {
    ...publicTravel(f, threshold),
    nearest_school_share: f.children >= threshold ? f.nearestSchoolShare : null,
    off_network_units: extra.offNetwork,
    unreachable_units: extra.unreachable,
    straight_line: extra.straightLine,
  };
}
