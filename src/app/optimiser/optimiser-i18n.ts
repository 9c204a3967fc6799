/** The optimiser's texts (section "optimiser"), added to the app's i18next instance on first use. */
import type { i18n } from 'i18next';
import en from './locales/en.json';
import fi from './locales/fi.json';
import sv from './locales/sv.json';

export const OPTIMISER_LOCALES = { fi, sv, en } as const;

export function registerOptimiserTranslations(instance: i18n): void {
  if (instance.hasResourceBundle('en', 'translation') && instance.exists('optimiser.title', { lng: 'en' })) return;
  for (const [language, resources] of Object.entries(OPTIMISER_LOCALES)) instance.addResourceBundle(language, 'translation', resources, true, false);
}
