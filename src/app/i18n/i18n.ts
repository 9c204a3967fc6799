/**
 * i18next set up with the three bundled locales (no network). Finnish is the default;
 * the language comes from the preferences store (which honours ?lang=).
 */
import i18next, { type i18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { UiLanguage } from '../format/format-number';
import en from './locales/en.json';
import fi from './locales/fi.json';
import sv from './locales/sv.json';
import { registerImportTranslations } from '../import/import-i18n';
import { registerAreaLabels } from './area-labels';
import { registerSchoolNetworkTranslations } from '../school-network/school-network-i18n';

export const LOCALES = { fi, sv, en } as const;

export function createI18n(language: UiLanguage): i18n {
  const instance = i18next.createInstance();
  void instance.use(initReactI18next).init({
    lng: language,
    fallbackLng: 'fi',
    resources: { fi: { translation: fi }, sv: { translation: sv }, en: { translation: en } },
    interpolation: { escapeValue: false },
    initAsync: false,
    returnNull: false,
  });
  registerImportTranslations(instance);
  registerAreaLabels(instance);
  registerSchoolNetworkTranslations(instance);
  return instance;
}
