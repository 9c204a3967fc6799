/**
 * The worked example of docs/indicators.md ("A worked example"), shared by the tests.
 *
 *   unit  he_7_12  te_vuok_as  te_taly  rental share   expected renting children
 *   A       120        300       1000      0.30          120 · 0.30 =  36
 *   B        80        600        800      0.75           80 · 0.75 =  60
 *   C        50        100        500      0.20           50 · 0.20 =  10
 *
 * North's catchment covers all of A and half of B's area; South's the other half of B and all of C.
 */
import type { IndicatorConfig } from '../../../src/core/config/indicator-config';
import type { Network, School } from '../../../src/core/model/school';
import type { PolygonUnits } from '../../../src/core/model/units';
import type { UnitValues } from '../../../src/core/pupil-base/unit-values';

const label = { fi: 'Vuokra-asunnot', sv: 'Hyresbostäder', en: 'Rented dwellings' };

export const exampleConfig: IndicatorConfig = {
  version: 1,
  preset: 'example',
  ageBands: { lower: 'he_7_12', upper: 'he_13_15' },
  population: 'he_vakiy',
  shares: [{ id: 'rental', label, numerator: 'te_vuok_as', denominator: 'te_taly' }],
  multigroup: [
    {
      id: 'tenure',
      label,
      categories: [
        { id: 'rented', field: 'te_vuok_as' },
        { id: 'not_rented', field: 'te_muu' },
      ],
    },
  ],
  composite: { weights: { rental: 1 } },
  privacyThreshold: 10,
  suppression: { sentinels: { '*': [-1] }, rule: 'impute', imputeRadiusMetres: 1000 },
};

export const exampleUnits: PolygonUnits = {
  kind: 'polygons',
  count: 3,
  ids: ['A', 'B', 'C'],
  attributes: {
    names: ['he_vakiy', 'he_7_12', 'he_13_15', 'te_vuok_as', 'te_muu', 'te_taly'],
    columns: {
      he_vakiy: Float64Array.of(1800, 1300, 900),
      he_7_12: Float64Array.of(120, 80, 50),
      he_13_15: Float64Array.of(60, 40, 20),
      te_vuok_as: Float64Array.of(300, 600, 100),
      te_muu: Float64Array.of(700, 200, 400),
      te_taly: Float64Array.of(1000, 800, 500),
    },
  },
  geometries: [[], [], []],
  bboxes: [[0, 0, 1000, 1000], [1000, 0, 2000, 1000], [2000, 0, 3000, 1000]],
  areas: Float64Array.of(1e6, 1e6, 1e6),
};

/** weights[u][j]: fraction of unit u's area in school j's catchment (North, South). */
export const exampleWeights = [
  [1, 0],
  [0.5, 0.5],
  [0, 1],
];

export const exampleNetwork: Network = { id: 'fi-lower', label: 'Finnish 1–6', language: 'fi', level: 'lower', schoolIds: ['north', 'south'] };

export const exampleSchools: School[] = [
  { id: 'south', name: 'South School', language: 'fi', grades: '1-6', capacity: 100, location: [2500, 500] },
  { id: 'north', name: 'North School', language: 'fi', grades: '1-6', capacity: 200, location: [500, 500] },
];

/** S = Wᵀ V: what the overlay computes, done by hand here. */
export function schoolSums(v: UnitValues, weights: number[][]): Float64Array {
  const schools = weights[0].length;
  const sums = new Float64Array(schools * v.width);
  weights.forEach((row, u) => row.forEach((w, j) => {
    for (let c = 0; c < v.width; c++) sums[j * v.width + c] += w * v.matrix[u * v.width + c];
  }));
  return sums;
}
