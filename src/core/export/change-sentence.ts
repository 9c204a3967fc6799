/**
 * Plain-language sentences for the change of a segregation index, generated from the sign
 * and size of the change Δ = after − before (index units: fractions 0–1; M in nats):
 * - |Δ| < 0.005: practically unchanged;
 * - 0.005 ≤ |Δ| < 0.02: a slight rise/fall;
 * - |Δ| ≥ 0.02: a rise/fall.
 * For every index but `exposure`, a fall means smaller differences between schools; for
 * exposure (contact with the other group) a rise does. Thresholds: NEGLIGIBLE_CHANGE, SLIGHT_CHANGE.
 */
import type { ReportLanguage } from './anonymise';

export const NEGLIGIBLE_CHANGE = 0.005;
export const SLIGHT_CHANGE = 0.02;

/** Index names per language (two-group and multigroup keys share D and H). */
export const INDEX_NAMES: Record<ReportLanguage, Record<string, string>> = {
  fi: {
    D: 'Eriytymisindeksi D', gini: 'Gini-indeksi', H: 'Entropiaindeksi H', isolation: 'Eristyneisyysindeksi',
    exposure: 'Altistumisindeksi', atkinson_0_5: 'Atkinsonin indeksi (b = 0,5)', eta2: 'Korrelaatiosuhde η²',
    M: 'Keskinäisinformaatioindeksi M', normalized_exposure: 'Normitettu altistumisindeksi',
  },
  sv: {
    D: 'Segregationsindex D', gini: 'Gini-index', H: 'Entropiindex H', isolation: 'Isoleringsindex',
    exposure: 'Exponeringsindex', atkinson_0_5: 'Atkinsons index (b = 0,5)', eta2: 'Korrelationskvot η²',
    M: 'Ömsesidig information M', normalized_exposure: 'Normerat exponeringsindex',
  },
  en: {
    D: 'Dissimilarity index D', gini: 'Gini index', H: 'Entropy index H', isolation: 'Isolation index',
    exposure: 'Exposure index', atkinson_0_5: 'Atkinson index (b = 0.5)', eta2: 'Correlation ratio η²',
    M: 'Mutual information index M', normalized_exposure: 'Normalised exposure index',
  },
};

const WORDS: Record<ReportLanguage, { rose: string; roseSlightly: string; fell: string; fellSlightly: string; same: string; less: string; more: string; none: string }> = {
  fi: {
    rose: 'nousi', roseSlightly: 'nousi hieman', fell: 'laski', fellSlightly: 'laski hieman', same: 'pysyi käytännössä ennallaan',
    less: 'koulujen väliset erot pienenevät', more: 'koulujen väliset erot kasvavat', none: 'koulujen väliset erot eivät juuri muutu',
  },
  sv: {
    rose: 'steg', roseSlightly: 'steg något', fell: 'sjönk', fellSlightly: 'sjönk något', same: 'förblev i praktiken oförändrat',
    less: 'skillnaderna mellan skolorna minskar', more: 'skillnaderna mellan skolorna ökar', none: 'skillnaderna mellan skolorna förändras knappt',
  },
  en: {
    rose: 'rose', roseSlightly: 'rose slightly', fell: 'fell', fellSlightly: 'fell slightly', same: 'stayed practically unchanged',
    less: 'differences between schools decrease', more: 'differences between schools increase', none: 'differences between schools hardly change',
  },
};

/** A number with `decimals` decimals: decimal comma for fi/sv, Unicode minus, explicit sign when `signed`. */
export function formatNumber(value: number, language: ReportLanguage, decimals = 3, signed = false): string {
  const rounded = Number(value.toFixed(decimals));
  const abs = Math.abs(rounded).toFixed(decimals);
  const body = language === 'en' ? abs : abs.replace('.', ',');
  const sign = rounded < 0 ? '−' : signed && rounded > 0 ? '+' : signed ? '±' : '';
  return `${sign}${body}`;
}

export type ChangeSize = 'negligible' | 'slight' | 'clear';

/** Size class of a change (see the module comment for the thresholds). */
export function changeSize(delta: number): ChangeSize {
  const a = Math.abs(delta);
  return a < NEGLIGIBLE_CHANGE ? 'negligible' : a < SLIGHT_CHANGE ? 'slight' : 'clear';
}

/**
 * E.g. fi: "Eriytymisindeksi D (vieraskieliset) laski 0,297 → 0,270 (−0,027): koulujen väliset erot pienenevät."
 * @param index index key (D, gini, …, M, normalized_exposure)
 * @param group the group's label in `language` (share or partition)
 */
export function changeSentence(index: string, group: string, before: number, after: number, language: ReportLanguage): string {
  const w = WORDS[language];
  const delta = after - before;
  const size = changeSize(delta);
  const name = INDEX_NAMES[language][index] ?? index;
  const verb = size === 'negligible' ? w.same : delta > 0 ? (size === 'slight' ? w.roseSlightly : w.rose) : size === 'slight' ? w.fellSlightly : w.fell;
  const fewerDifferences = index === 'exposure' ? delta > 0 : delta < 0;
  const meaning = size === 'negligible' ? w.none : fewerDifferences ? w.less : w.more;
  const f = (x: number, signed = false): string => formatNumber(x, language, 3, signed);
  return `${name} (${group}) ${verb} ${f(before)} → ${f(after)} (${f(delta, true)}): ${meaning}.`;
}
