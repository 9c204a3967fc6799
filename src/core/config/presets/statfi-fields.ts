/**
 * Field mapping shared by Statistics Finland's products that use the Paavo variable names
 * (the Paavo postal-code data and the grid database's 250 m / 1 km grids): he_ population,
 * ko_ education (18+), hr_ income classes (18+), te_ households, pt_ main activity.
 */
import type { IndicatorConfig, MultigroupDefinition, ShareDefinition } from '../indicator-config';

/** The five composition shares (numerator / denominator per unit). */
export const STATFI_SHARES: ShareDefinition[] = [
  {
    id: 'foreign_language',
    label: { fi: 'Vieraskieliset', sv: 'Främmande språk', en: 'Foreign-language speakers' },
    numerator: 'vieraskielisia',
    denominator: 'he_vakiy',
  },
  {
    id: 'basic_education_only',
    label: { fi: 'Vain perusasteen koulutus', sv: 'Endast grundnivå', en: 'Basic education only' },
    numerator: 'ko_perus',
    denominator: 'ko_ika18y',
  },
  {
    id: 'unemployed',
    label: { fi: 'Työttömät', sv: 'Arbetslösa', en: 'Unemployed' },
    numerator: 'pt_tyott',
    denominator: ['pt_tyoll', 'pt_tyott'],
  },
  {
    id: 'low_income',
    label: { fi: 'Pienituloiset', sv: 'Låginkomsttagare', en: 'Low income' },
    numerator: 'hr_pi_tul',
    denominator: 'hr_tuy',
  },
  {
    id: 'rental',
    label: { fi: 'Vuokra-asunnot', sv: 'Hyresbostäder', en: 'Rented dwellings' },
    numerator: 'te_vuok_as',
    denominator: 'te_taly',
  },
];

/** Education (persons 18+), income class (persons 18+) and tenure (households) partitions. */
export const STATFI_MULTIGROUP: MultigroupDefinition[] = [
  {
    id: 'education',
    label: { fi: 'Koulutusaste', sv: 'Utbildningsnivå', en: 'Education' },
    denominator: 'ko_ika18y',
    categories: [
      { id: 'basic', field: 'ko_perus', label: { fi: 'Perusaste', sv: 'Grundnivå', en: 'Basic only' } },
      { id: 'matriculation', field: 'ko_yliop', label: { fi: 'Ylioppilastutkinto', sv: 'Studentexamen', en: 'Matriculation' } },
      { id: 'vocational', field: 'ko_ammat', label: { fi: 'Ammatillinen', sv: 'Yrkesinriktad', en: 'Vocational' } },
      { id: 'lower_tertiary', field: 'ko_al_kork', label: { fi: 'Alempi korkeakoulu', sv: 'Lägre högskola', en: 'Lower tertiary' } },
      { id: 'higher_tertiary', field: 'ko_yl_kork', label: { fi: 'Ylempi korkeakoulu', sv: 'Högre högskola', en: 'Higher tertiary' } },
    ],
  },
  {
    id: 'income',
    label: { fi: 'Tuloluokka', sv: 'Inkomstklass', en: 'Income class' },
    denominator: 'hr_tuy',
    categories: [
      { id: 'low', field: 'hr_pi_tul', label: { fi: 'Pienituloiset', sv: 'Låginkomsttagare', en: 'Low income' } },
      { id: 'middle', field: 'hr_ke_tul', label: { fi: 'Keskituloiset', sv: 'Medelinkomsttagare', en: 'Middle income' } },
      { id: 'high', field: 'hr_hy_tul', label: { fi: 'Hyvätuloiset', sv: 'Höginkomsttagare', en: 'High income' } },
    ],
  },
  {
    id: 'tenure',
    label: { fi: 'Hallintaperuste', sv: 'Upplåtelseform', en: 'Tenure' },
    denominator: 'te_taly',
    categories: [
      { id: 'owner', field: 'te_omis_as', label: { fi: 'Omistusasunnot', sv: 'Ägarbostäder', en: 'Owner-occupied' } },
      { id: 'rented', field: 'te_vuok_as', label: { fi: 'Vuokra-asunnot', sv: 'Hyresbostäder', en: 'Rented' } },
      { id: 'other', field: 'te_muu_as', label: { fi: 'Muu hallintaperuste', sv: 'Annan upplåtelseform', en: 'Other tenure' } },
    ],
  },
];

/** A config with the Statistics Finland names, under the given preset name. */
export function statfiStyleConfig(preset: string): IndicatorConfig {
  return {
    version: 1,
    preset,
    ageBands: { lower: 'he_7_12', upper: 'he_13_15' },
    population: 'he_vakiy',
    shares: STATFI_SHARES,
    multigroup: STATFI_MULTIGROUP,
    composite: { weights: Object.fromEntries(STATFI_SHARES.map((s) => [s.id, 1])) },
    privacyThreshold: 10,
    suppression: { sentinels: { '*': [-1] }, rule: 'impute', imputeRadiusMetres: 1000 },
  };
}
