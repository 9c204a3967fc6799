/**
 * Trip lengths as cell measures for the map's choropleth: to the unit's own (dominant) school,
 * live after every edit (from the view's travel snapshot), and to its nearest school. Values are
 * kilometres; a trip length rests on no count of people, so every unit is drawn (base ∞).
 */
import { useMemo } from 'react';
import type { UnitMeasure } from '../workers/engine-protocol';
import type { TravelSnapshot } from './travel-registry';

export const TRIP_MEASURE = 'trip';
export const NEAREST_TRIP_MEASURE = 'trip_nearest';

export function travelMeasures(travel: TravelSnapshot | null | undefined): UnitMeasure[] {
  if (!travel) return [];
  const km = (a: Float32Array) => Float64Array.from(a, (m) => m / 1000);
  const base = new Float64Array(travel.unitTrip.length).fill(Infinity);
  const s = travel.straightLine;
  // The legend and tooltip show the unit (km, by street or in a straight line), not "people per cell".
  const unit = { label: s ? { fi: 'km linnuntietä', sv: 'km fågelvägen', en: 'km, straight line' } : { fi: 'km katuverkkoa pitkin', sv: 'km längs gatunätet', en: 'km along the streets' }, digits: 1 };
  return [
    { id: TRIP_MEASURE, kind: 'count', label: { fi: 'Matka omaan kouluun', sv: 'Väg till egen skola', en: 'Trip to own school' }, values: km(travel.unitTrip), base, unit },
    { id: NEAREST_TRIP_MEASURE, kind: 'count', label: { fi: 'Matka lähimpään kouluun', sv: 'Väg till närmaste skola', en: 'Trip to nearest school' }, values: km(travel.unitNearestTrip), base, unit },
  ];
}

/** The worker's measures followed by the travel measures of the current view. */
export function useWithTravelMeasures(measures: UnitMeasure[] | undefined, travel: TravelSnapshot | null | undefined): UnitMeasure[] | undefined {
  const extra = useMemo(() => travelMeasures(travel), [travel]);
  return useMemo(() => (measures ? [...measures, ...extra] : undefined), [measures, extra]);
}
