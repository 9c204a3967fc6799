/**
 * What the indicators are made of. One JSON file (see docs/indicator-config.md) says which
 * fields give the children of each network's age band, which numerator/denominator pairs
 * give each composition share, which fields form each multigroup partition, the weights of
 * the composite index and the privacy threshold. Presets for Statistics Finland's grid,
 * Paavo and HSY ship in `config/presets/`.
 */

/**
 * A count built from unit fields: a single field name ("he_7_12"), a sum of fields
 * (["pt_tyoll", "pt_tyott"]) or a weighted sum ({ terms: [{ field: "ika0_9", factor: 0.3 }, …] }),
 * used for HSY's 10-year age bands apportioned to school ages.
 */
import type { HousingConfig } from '../housing/housing-config';
import type { ProjectionConfig } from '../projection/projection-config';

export type FieldExpression = string | string[] | { terms: { field: string; factor: number }[] };

export interface LocalisedLabel {
  fi: string;
  sv: string;
  en: string;
}

export interface ShareDefinition {
  /** Key in outputs, e.g. "foreign_language". */
  id: string;
  label: LocalisedLabel;
  numerator: FieldExpression;
  denominator: FieldExpression;
}

export interface MultigroupDefinition {
  /** Key in outputs, e.g. "education". */
  id: string;
  label: LocalisedLabel;
  /** Category fields; their shares of `denominator` are applied to each unit's children. */
  categories: { id: string; field: FieldExpression; label?: LocalisedLabel }[];
  /** Total the categories are shares of; defaults to the sum of the categories. */
  denominator?: FieldExpression;
}

import type { TravelSettings } from './travel-settings';

export type SuppressionRule = 'exclude' | 'impute';

export interface IndicatorConfig {
  /** Format version of this file. */
  version: 1;
  /** Name of the preset this config was derived from, for display. */
  preset: string;
  /** Children of school age per network level; `byNetwork` overrides per network id. */
  ageBands: {
    lower: FieldExpression;
    upper: FieldExpression;
    byNetwork?: Record<string, FieldExpression>;
    /** True when the age band is apportioned from wider bands (HSY): results are labelled as estimates. */
    estimated?: boolean;
  };
  /** Total population field, used to impute a suppressed age band from the unit's total. */
  population: FieldExpression;
  shares: ShareDefinition[];
  multigroup: MultigroupDefinition[];
  /** Composite status/need index: weight per share id (z-scores of school shares, weighted). */
  composite: { weights: Record<string, number> };
  /** Figures resting on fewer people than this are never shown or exported. */
  privacyThreshold: number;
  suppression: {
    /** Values that mean "suppressed" per field; key "*" applies to every field. E.g. HSY: { "ika*": [99] }. */
    sentinels: Record<string, number[]>;
    /** exclude: leave the unit out of that figure; impute: estimate from the unit's total and the surrounding area's shares. */
    rule: SuppressionRule;
    /** Radius of the surrounding area used for imputation, metres. */
    imputeRadiusMetres: number;
  };
  /** Cohort model of the projection by year (optional; defaults in docs/indicator-config.md). */
  projection?: ProjectionConfig;
  /** Pupil yields of housing projects and their composition per tenure (optional). */
  housing?: HousingConfig;
  /** Street network and trip settings (optional; docs/travel.md). */
  travel?: TravelSettings;
}
