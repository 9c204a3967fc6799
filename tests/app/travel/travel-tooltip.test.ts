/** Tooltip lines of a school's travel figures: values in km, changes from the baseline, privacy. */
import { describe, expect, it } from 'vitest';
import { travelTooltipLines } from '../../../src/app/travel/travel-tooltip';
import type { TravelSnapshot } from '../../../src/app/travel/travel-registry';

const t = (key: string, o?: Record<string, unknown>) => (key === 'travel.km' ? `${String(o?.value)} km` : key.replace('travel.', ''));
const fig = (mean: number | null, median: number | null, over: number | null) => ({ mean_m: mean, median_m: median, p90_m: null, max_m: null, over_5km_children: over, over_limit_children: null, max_daily_travel_h: null, over_daily_limit_children: null });

describe('travelTooltipLines', () => {
  it('km with one decimal and the change from the baseline; counts below the threshold hidden', () => {
    const travel = { schools: [fig(2340, 1960, 12), fig(800, 700, null)], baselineSchools: [fig(1900, 1960, 4), fig(800, 700, 0)] } as unknown as TravelSnapshot;
    // 2.34 km − 1.90 km = +0.44 → "+0.4" (one decimal); median unchanged → ±0; 12 − 4 = +8 children.
    expect(travelTooltipLines(travel, 0, 'en', 10, t)).toEqual(['meanTrip: 2.3 km (+0.4)', 'medianTrip: 2.0 km (±0)', 'over5km: 12 (+8)']);
    expect(travelTooltipLines(travel, 1, 'en', 10, t)[2]).toBe('over5km: <10');
    expect(travelTooltipLines(null, 0, 'en', 10, t)).toEqual([]);
  });

  it('adds p90, the longest trip, the youngest limit and the daily time when they are shown', () => {
    const full = (mean: number, p90: number, max: number, overLimit: number, daily: number) => ({ ...fig(mean, mean, 0), p90_m: p90, max_m: max, over_limit_children: overLimit, max_daily_travel_h: daily });
    const travel = { schools: [full(2000, 4100, 6200, 30, 0.81)], baselineSchools: [full(2000, 3600, 6200, 18, 0.81)] } as unknown as TravelSnapshot;
    // p90 4.1 − 3.6 = +0.5 km; longest unchanged; 30 − 18 = +12 children over the limit; 2 × 6.2 km / 40 km/h + 0.5 h = 0.81 h.
    expect(travelTooltipLines(travel, 0, 'en', 10, t).slice(3)).toEqual(['p90Trip: 4.1 km (+0.5)', 'maxTrip: 6.2 km (±0)', 'overLimit: 30 (+12)', 'dailyHours: hours']);
  });
});
