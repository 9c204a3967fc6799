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
});
