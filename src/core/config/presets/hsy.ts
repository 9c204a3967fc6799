/**
 * Preset for the HSY population grid (250 m cells; asukkaita, ika0_9, ika10_19, … in 10-year
 * bands; 99 in the ika* fields means suppressed). School ages are apportioned from the
 * 10-year bands assuming one-year ages are evenly spread within a band, so the results are
 * estimates (ageBands.estimated):
 *   ages 7–12 = 3/10 of ika0_9 (7, 8, 9) + 3/10 of ika10_19 (10, 11, 12);
 *   ages 13–15 = 3/10 of ika10_19 (13, 14, 15).
 * The grid has no composition fields, so there are no shares and no partitions.
 */
import type { IndicatorConfig } from '../indicator-config';

export const hsyPreset: IndicatorConfig = {
  version: 1,
  preset: 'hsy',
  ageBands: {
    lower: { terms: [{ field: 'ika0_9', factor: 0.3 }, { field: 'ika10_19', factor: 0.3 }] },
    upper: { terms: [{ field: 'ika10_19', factor: 0.3 }] },
    estimated: true,
  },
  population: 'asukkaita',
  shares: [],
  multigroup: [],
  composite: { weights: {} },
  privacyThreshold: 10,
  suppression: { sentinels: { 'ika*': [99] }, rule: 'impute', imputeRadiusMetres: 1000 },
};
