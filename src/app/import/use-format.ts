/** Number, share and area formatting in the UI language for the wizard. */
import { useTranslation } from 'react-i18next';
import { formatNumber, type UiLanguage } from '../format/format-number';
import { areaParts } from './import-steps';

export function useFormat() {
  const { t, i18n } = useTranslation();
  const lang = (['fi', 'sv', 'en'].includes(i18n.language) ? i18n.language : 'fi') as UiLanguage;
  return {
    lang,
    n: (v: number, digits = 0) => formatNumber(v, lang, digits),
    pct: (share: number) => `${formatNumber(100 * share, lang, 1)}${lang === 'en' ? '' : '\u00a0'}%`,
    area: (m2: number) => {
      const a = areaParts(m2);
      return `${formatNumber(a.value, lang, a.digits)}\u00a0${t(`import.units.${a.unit}`)}`;
    },
  };
}
