/**
 * A school's school-network status in the impact report (issue 10): nothing when it is open
 * before and after; else " (open → closed)" in the report's language, "not in the plan" for a
 * school that exists on one side only (opened by the scenario). Used beside the school's name in
 * the report's school tables (report-sections.ts); the comparison table in the app does the same
 * (app/school-network/compare-status.tsx).
 */
import type { ReportLanguage } from './anonymise';

const WORDS: Record<ReportLanguage, Record<string, string>> = {
  fi: { open: 'toiminnassa', closed: 'lakkautettu', 'not-yet-open': 'ei vielä avattu', 'temporary-premises': 'väistötiloissa', absent: 'ei suunnitelmassa' },
  sv: { open: 'i drift', closed: 'nedlagd', 'not-yet-open': 'inte ännu öppnad', 'temporary-premises': 'i evakueringslokaler', absent: 'inte i planen' },
  en: { open: 'open', closed: 'closed', 'not-yet-open': 'not yet open', 'temporary-premises': 'temporary premises', absent: 'not in the plan' },
};

/** " (before → after)" or "" (plain text: escape it for HTML). */
export function statusNote(status: { a: string | null; b: string | null } | undefined, lang: ReportLanguage): string {
  if (!status || (status.a === 'open' && status.b === 'open')) return '';
  const word = (s: string | null) => WORDS[lang][s ?? 'absent'] ?? s ?? WORDS[lang].absent;
  return ` (${word(status.a)} → ${word(status.b)})`;
}
