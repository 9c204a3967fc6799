/**
 * A school's travel figures as tooltip lines, each with its change from the baseline: the mean
 * and median trip (km) and the children over 5 km ("<10" below the privacy threshold).
 */
import { formatCountChange, formatNumber, formatSigned, type UiLanguage } from '../format/format-number';
import type { TravelSnapshot } from './travel-registry';

type T = (key: string, options?: Record<string, unknown>) => string;

export function travelTooltipLines(travel: TravelSnapshot | null | undefined, school: number, lang: UiLanguage, threshold: number, t: T): string[] {
  const now = travel?.schools[school];
  if (!travel || !now) return [];
  const before = travel.baselineSchools[school];
  const km = (m: number | null | undefined) => (m === null || m === undefined ? null : m / 1000);
  const kmLine = (label: string, a: number | null, b: number | null) => {
    if (a === null) return `${label}: –`;
    const change = b === null ? '' : Math.abs(a - b) < 0.05 ? ' (±0)' : ` (${formatSigned(a - b, lang, 1)})`;
    return `${label}: ${t('travel.km', { value: formatNumber(a, lang, 1) })}${change}`;
  };
  const over = now.over_5km_children;
  const overChange = over === null || before?.over_5km_children == null ? '' : ` (${formatCountChange(over - before.over_5km_children, lang)})`;
  const lines = [
    kmLine(t('travel.meanTrip'), km(now.mean_m), km(before?.mean_m)),
    kmLine(t('travel.medianTrip'), km(now.median_m), km(before?.median_m)),
    `${t('travel.over5km')}: ${over === null ? `<${threshold}` : formatNumber(over, lang, 0)}${overChange}`,
  ];
  // The other figures when shown (p90 and the longest trip; the youngest's limit when set; the daily time of transported pupils).
  if (now.p90_m !== null) lines.push(kmLine(t('travel.p90Trip'), km(now.p90_m), km(before?.p90_m)));
  if (now.max_m !== null) lines.push(kmLine(t('travel.maxTrip'), km(now.max_m), km(before?.max_m)));
  if (now.over_limit_children !== null) {
    const b = before?.over_limit_children;
    lines.push(`${t('travel.overLimit')}: ${formatNumber(now.over_limit_children, lang, 0)}${b == null ? '' : ` (${formatCountChange(now.over_limit_children - b, lang)})`}`);
  }
  if (now.max_daily_travel_h !== null) lines.push(`${t('travel.dailyHours')}: ${t('travel.hours', { value: formatNumber(now.max_daily_travel_h, lang, 1) })}`);
  return lines;
}
