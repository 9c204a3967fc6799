/** Texts of the school-network changes (section "schoolStatus"), added to the app's i18next instance. */
import type { i18n } from 'i18next';
import en from './locales/en.json';
import fi from './locales/fi.json';
import sv from './locales/sv.json';

export const SCHOOL_NETWORK_LOCALES = { fi, sv, en } as const;

export function registerSchoolNetworkTranslations(instance: i18n): void {
  for (const [language, resources] of Object.entries(SCHOOL_NETWORK_LOCALES)) instance.addResourceBundle(language, 'translation', resources, true, false);
}
