/**
 * The text read out (aria-live) after an edit, undo or redo: each school whose figures changed,
 * the selected one first, as "Koulu X: 412 lasta (+25)" — the change is from the state before
 * this edit, not from the baseline. Privacy: a count below the threshold prints "<10" and
 * then no change is given (it would reveal the small number).
 */
import type { PublicNetworkIndicators } from '../../core/pupil-base/privacy';
import { formatChildren, formatCountChange, type UiLanguage } from '../format/format-number';

/** At most this many schools are named; the rest are left to the table. */
export const MAX_ANNOUNCED = 4;

export function editAnnouncement(
  before: PublicNetworkIndicators,
  after: PublicNetworkIndicators,
  changedSchools: readonly number[],
  selectedIndex: number,
  lang: UiLanguage,
  threshold: number,
): string {
  const order = [...changedSchools].sort((a, b) => Number(b === selectedIndex) - Number(a === selectedIndex) || a - b);
  const parts: string[] = [];
  for (const i of order.slice(0, MAX_ANNOUNCED)) {
    const now = after.schools[i];
    if (!now) continue;
    const was = before.schools[i]?.children ?? null;
    const count = formatChildren(now.children, lang, threshold);
    const change = now.children !== null && was !== null ? formatCountChange(now.children - was, lang) : '';
    parts.push(`${now.name}: ${count}${change ? ` (${change})` : ''}`);
  }
  return parts.join('; ');
}
