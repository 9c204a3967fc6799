/**
 * The optional `housing` section of the indicator configuration (version 1,
 * docs/indicator-config.md "housing"): pupil yields per dwelling and the composition of the
 * pupils per tenure.
 *
 * yields[level][buildingType][tenure][k] = children of the level's age band (lower: 7–12,
 * upper: 13–15) per dwelling k years after completion (k = 0 is the completion year; the last
 * value repeats for later years). Any table may be replaced in the config; what the config does
 * not give comes from DEFAULT_YIELDS.
 */

export const TENURES = ['owner', 'social_rental', 'right_of_occupancy', 'market_rental'] as const;
export type Tenure = (typeof TENURES)[number];
export const BUILDING_TYPES = ['detached', 'terraced', 'block'] as const;
export type BuildingType = (typeof BUILDING_TYPES)[number];
export type YieldLevel = 'lower' | 'upper';

export type YieldTable = Record<YieldLevel, Record<BuildingType, Record<Tenure, number[]>>>;

export interface HousingConfig {
  /** Partial tables override the defaults per level × type × tenure. */
  yields?: Partial<Record<YieldLevel, Partial<Record<BuildingType, Partial<Record<Tenure, number[]>>>>>>;
  /** Share of the project's pupils with each property, per tenure: { social_rental: { foreign_language: 0.4 } }. */
  composition?: Partial<Record<Tenure, Record<string, number>>>;
}

/**
 * Shapes of a new area over the years since completion, peak = 1. Lower grades: families with
 * small children move in, the 7–12-year-olds peak in years 4–5 and then decline as about half of
 * the families move away (the pattern the Helsinki seed report describes for new areas). Upper
 * grades peak later (years 7–8). These are illustrative shapes, not a published table.
 */
const LOWER_SHAPE = [0.45, 0.65, 0.8, 0.9, 1, 1, 0.95, 0.9, 0.85, 0.8, 0.75];
const UPPER_SHAPE = [0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1, 1, 0.95, 0.9, 0.85, 0.8];

/** Peak children aged 7–12 per dwelling (upper grades: half of these). Illustrative; see docs/indicator-config.md. */
const LOWER_PEAK: Record<BuildingType, Record<Tenure, number>> = {
  detached: { owner: 0.35, social_rental: 0.35, right_of_occupancy: 0.3, market_rental: 0.3 },
  terraced: { owner: 0.25, social_rental: 0.3, right_of_occupancy: 0.25, market_rental: 0.2 },
  block: { owner: 0.08, social_rental: 0.16, right_of_occupancy: 0.12, market_rental: 0.06 },
};

function table(shape: number[], factor: number): Record<BuildingType, Record<Tenure, number[]>> {
  const out = {} as Record<BuildingType, Record<Tenure, number[]>>;
  for (const type of BUILDING_TYPES) {
    out[type] = {} as Record<Tenure, number[]>;
    for (const tenure of TENURES) out[type][tenure] = shape.map((s) => Math.round(s * LOWER_PEAK[type][tenure] * factor * 1000) / 1000);
  }
  return out;
}

export const DEFAULT_YIELDS: YieldTable = { lower: table(LOWER_SHAPE, 1), upper: table(UPPER_SHAPE, 0.5) };

/** Yield array of one level, type and tenure: the config's where given, else the default. */
export function yieldArray(config: HousingConfig | undefined, level: YieldLevel, type: BuildingType, tenure: Tenure): number[] {
  return config?.yields?.[level]?.[type]?.[tenure] ?? DEFAULT_YIELDS[level][type][tenure];
}

/** Children per dwelling `yearsSince` years after completion: 0 before, the last value repeated after the table. */
export function yieldAt(values: readonly number[], yearsSince: number): number {
  if (yearsSince < 0 || values.length === 0) return 0;
  return values[Math.min(yearsSince, values.length - 1)];
}
