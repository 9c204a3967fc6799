/**
 * The cell choropleth of a measure: legend domain and RGBA per unit. Pure; used by
 * map-canvas.tsx. (Catchment palette indices come from the worker, see engine-service.ts.)
 */
import { choroplethDomain, unitColours, type ChoroplethDomain } from '../map/cell-colours';
import type { SequentialRamp } from '../map/colour-ramps';
import type { UnitMeasure } from '../workers/engine-protocol';

export interface Choropleth {
  measure: UnitMeasure;
  domain: ChoroplethDomain;
  colours: Uint8Array;
}

export function choropleth(measure: UnitMeasure, threshold: number, ramp: SequentialRamp): Choropleth {
  const domain = choroplethDomain(measure.values, measure.base, threshold);
  return { measure, domain, colours: unitColours(measure.values, measure.base, threshold, domain, ramp) };
}
