/** The orientation texts (sections "orientation" and "basemap"), added to the app's i18next instance. */
import type { i18n } from 'i18next';
import en from './locales/en.json';
import fi from './locales/fi.json';
import sv from './locales/sv.json';

export function registerOrientationTranslations(instance: i18n): void {
  for (const [language, resources] of Object.entries({ fi, sv, en })) instance.addResourceBundle(language, 'translation', resources, true, false);
}
