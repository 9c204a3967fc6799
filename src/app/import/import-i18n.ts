/**
 * The import wizard's texts for national files (filters of several conditions, progress, schools
 * to decide about, bulk settings), kept in their own locale files and merged into the app's
 * "import" section.
 */
import type { i18n } from 'i18next';
import en from './locales/en.json';
import fi from './locales/fi.json';
import sv from './locales/sv.json';

export const IMPORT_LOCALES = { fi, sv, en } as const;

export function registerImportTranslations(instance: i18n): void {
  for (const [language, resources] of Object.entries(IMPORT_LOCALES)) instance.addResourceBundle(language, 'translation', resources, true, false);
}
