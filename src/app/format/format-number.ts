/**
 * Number formatting for display, with units and privacy suppression.
 *
 * Finnish and Swedish use a comma as the decimal mark, a no-break space (U+00A0) between
 * thousands and before "%", and the minus sign U+2212 — exactly what `Intl.NumberFormat`
 * gives for "fi" and "sv". English uses "1,234", "12.3%" and "-" (U+2212 too, for one look).
 * Figures resting on fewer people than the privacy threshold print as "<10" (the threshold).
 */

export type UiLanguage = 'fi' | 'sv' | 'en';

/** No-break space, used between a number and its unit so the two never wrap apart. */
export const NBSP = '\u00a0';
/** Typographic minus sign. */
export const MINUS = '\u2212';

const formatters = new Map<string, Intl.NumberFormat>();

function numberFormat(lang: UiLanguage, digits: number, signed = false): Intl.NumberFormat {
  const key = `${lang}|${digits}|${signed}`;
  let f = formatters.get(key);
  if (!f) {
    f = new Intl.NumberFormat(lang === 'en' ? 'en-GB' : lang, {
      minimumFractionDigits: digits,
      maximumFractionDigits: digits,
      signDisplay: signed ? 'exceptZero' : 'auto',
    });
    formatters.set(key, f);
  }
  return f;
}

/** Plain number with `digits` decimals in the language's convention; U+2212 for negatives. */
export function formatNumber(value: number, lang: UiLanguage, digits = 0): string {
  return numberFormat(lang, digits).format(value).replace('-', MINUS);
}

/** Signed number ("+1,2", "−3", "0"). */
export function formatSigned(value: number, lang: UiLanguage, digits = 0): string {
  return numberFormat(lang, digits, true).format(value).replace('-', MINUS);
}

/** The text shown instead of a figure resting on fewer than `threshold` people: "<10". */
export function suppressedText(threshold: number): string {
  return `<${threshold}`;
}

const childUnits: Record<UiLanguage, [string, string]> = {
  fi: ['lapsi', 'lasta'],
  sv: ['barn', 'barn'],
  en: ['child', 'children'],
};

/**
 * Count of children with its unit: formatChildren(1234.4, 'fi', 10) = "1 234 lasta".
 * Counts are expected values (fractions of cells), rounded to whole children.
 * null, or a count below `threshold`, prints "<10".
 */
export function formatChildren(count: number | null, lang: UiLanguage, threshold: number): string {
  if (count === null || !Number.isFinite(count) || count < threshold) return suppressedText(threshold);
  const rounded = Math.round(count);
  const unit = childUnits[lang][rounded === 1 ? 0 : 1];
  return `${formatNumber(rounded, lang)}${NBSP}${unit}`;
}

/**
 * Count of children without the unit, for table cells whose header carries it:
 * formatChildCount(1234.4, 'fi', 10) = "1 234"; below `threshold` or null "<10".
 */
export function formatChildCount(count: number | null, lang: UiLanguage, threshold: number): string {
  if (count === null || !Number.isFinite(count) || count < threshold) return suppressedText(threshold);
  return formatNumber(Math.round(count), lang);
}

/**
 * A fraction 0–1 as a percentage: formatPercent(0.1234, 'fi') = "12,3 %" (U+00A0 before %),
 * formatPercent(0.87, 'fi', 0) = "87 %", formatPercent(0.1234, 'en') = "12.3%". null prints "–".
 */
export function formatPercent(fraction: number | null, lang: UiLanguage, digits = 1): string {
  if (fraction === null || !Number.isFinite(fraction)) return '–';
  const n = formatNumber(fraction * 100, lang, digits);
  return lang === 'en' ? `${n}%` : `${n}${NBSP}%`;
}

/**
 * A share that rests on `base` people: "<10" when the base is below the threshold or was
 * itself suppressed (null); "–" when the share is undefined; else the percentage.
 */
export function formatShare(share: number | null, base: number | null, lang: UiLanguage, threshold: number, digits = 1): string {
  if (base === null || base < threshold) return suppressedText(threshold);
  return formatPercent(share, lang, digits);
}

const pointUnits: Record<UiLanguage, string> = { fi: '%-yks.', sv: '%-enh.', en: 'pp' };

/**
 * Change of a share in percentage points: formatPointChange(0.021, 'fi') = "+2,1 %-yks.",
 * formatPointChange(-0.021, 'sv') = "−2,1 %-enh.", formatPointChange(0.021, 'en') = "+2.1 pp".
 * A change that rounds to zero prints "±0,0 %-yks.". null prints "".
 */
export function formatPointChange(delta: number | null, lang: UiLanguage, digits = 1): string {
  if (delta === null || !Number.isFinite(delta)) return '';
  const scaled = delta * 100;
  const zero = Math.abs(scaled) < 0.5 * 10 ** -digits;
  const n = zero ? `±${formatNumber(0, lang, digits)}` : formatSigned(scaled, lang, digits);
  return `${n}${NBSP}${pointUnits[lang]}`;
}

/** Change of a count: "+12", "−3", "±0". null prints "". */
export function formatCountChange(delta: number | null, lang: UiLanguage): string {
  if (delta === null || !Number.isFinite(delta)) return '';
  const r = Math.round(delta);
  return r === 0 ? '±0' : formatSigned(r, lang, 0);
}

/** A segregation index (0–1) to three decimals: "0,412". null prints "–". */
export function formatIndex(value: number | null, lang: UiLanguage, digits = 3): string {
  if (value === null || !Number.isFinite(value)) return '–';
  return formatNumber(value, lang, digits);
}

/** Change of a decimal figure: "+1,2", "−0,4", and "±0,0" when it rounds to zero. null prints "". */
export function formatChange(delta: number | null, lang: UiLanguage, digits: number): string {
  if (delta === null || !Number.isFinite(delta)) return '';
  if (Math.abs(delta) < 0.5 * 10 ** -digits) return `±${formatNumber(0, lang, digits)}`;
  return formatSigned(delta, lang, digits);
}

/** Change of an index: "+0,012", "−0,004", "±0,000". null prints "". */
export function formatIndexChange(delta: number | null, lang: UiLanguage, digits = 3): string {
  return formatChange(delta, lang, digits);
}
