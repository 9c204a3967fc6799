/** The time axis's texts (section "time"), kept in their own locale files like the scenario side's. */
import type { i18n } from 'i18next';
import en from './locales/en.json';
import fi from './locales/fi.json';
import sv from './locales/sv.json';

export const TIME_LOCALES = { fi, sv, en } as const;

export function registerTimeTranslations(instance: i18n): void {
  for (const [language, resources] of Object.entries(TIME_LOCALES)) instance.addResourceBundle(language, 'translation', resources, true, false);
}
