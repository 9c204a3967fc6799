/**
 * The optional `projection` section of the indicator configuration (version 1,
 * docs/indicator-config.md "projection"). Everything has a default, so a config without it
 * projects with retention 1 at every age and birth factor 1 in every year.
 */

/** One age band of the data: `field` holds the people aged from…to (inclusive). */
export interface AgeBandField {
  field: string;
  from: number;
  to: number;
}

export interface ProjectionConfig {
  /** Age bands of the data; default from the preset (projectionBands). */
  bands?: AgeBandField[];
  /** r(a): share of the cohort leaving age a that stays (index = age); missing ages 1. */
  retention?: number[];
  /** Numeric unit field whose value (as a string key) names the unit's class, e.g. 1 = "new area". */
  classField?: string;
  /** Retention table per class key; units of other classes use `retention`. */
  retentionByClass?: Record<string, number[]>;
  /** Birth factor per calendar year ("2030": 0.9); missing years 1. */
  birthFactor?: Record<string, number>;
  /** Years projected after the base year (default 10, at most 20). */
  horizon?: number;
}

export const DEFAULT_HORIZON = 10;
export const MAX_HORIZON = 20;

/** Statistics Finland's grid database and Paavo (he_ fields). */
export const STATFI_BANDS: AgeBandField[] = [
  { field: 'he_0_2', from: 0, to: 2 },
  { field: 'he_3_6', from: 3, to: 6 },
  { field: 'he_7_12', from: 7, to: 12 },
  { field: 'he_13_15', from: 13, to: 15 },
  { field: 'he_16_17', from: 16, to: 17 },
];

/** HSY's 10-year bands (only those reaching school age matter for the projection). */
export const HSY_BANDS: AgeBandField[] = [
  { field: 'ika0_9', from: 0, to: 9 },
  { field: 'ika10_19', from: 10, to: 19 },
];

/** The bands a projection uses: the config's own, else the preset's (HSY by name, else Statistics Finland). */
export function projectionBands(preset: string, projection: ProjectionConfig | undefined): AgeBandField[] {
  if (projection?.bands && projection.bands.length > 0) return projection.bands;
  return preset.toLowerCase().startsWith('hsy') ? HSY_BANDS : STATFI_BANDS;
}

/** School ages of a network level: lower = grades 1–6 = ages 7–12, upper = grades 7–9 = ages 13–15. */
export function levelAges(level: 'lower' | 'upper'): [number, number] {
  return level === 'lower' ? [7, 12] : [13, 15];
}
