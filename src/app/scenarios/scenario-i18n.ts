/**
 * The scenario side's texts (sections "scenarios", "compare", "exports", "workshop"), kept in
 * their own locale files and added to the app's i18next instance as extra resources.
 */
import type { i18n } from 'i18next';
import en from './locales/en.json';
import fi from './locales/fi.json';
import sv from './locales/sv.json';

export const SCENARIO_LOCALES = { fi, sv, en } as const;

export function registerScenarioTranslations(instance: i18n): void {
  for (const [language, resources] of Object.entries(SCENARIO_LOCALES)) instance.addResourceBundle(language, 'translation', resources, true, false);
}
