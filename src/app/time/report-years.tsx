/**
 * The years of the impact report's section on the years ahead (core/export/report-years.ts): a
 * text field in the export menu's report fields ("2025, 2030, 2034"). Until the user types, the
 * base year, five years on and the last projected year. Years outside the projection are dropped.
 */
import { useStore } from 'zustand';
import { createStore } from 'zustand/vanilla';
import { useTranslation } from 'react-i18next';
import type { DatasetSummary } from '../workers/engine-protocol';
import { useDocument } from '../stores/app-stores';

/** What the user typed (null: the default years). */
export const reportYearsText = createStore<{ text: string | null }>()(() => ({ text: null }));

export function defaultReportYears(years: NonNullable<DatasetSummary['years']>): number[] {
  return [...new Set([years.base, Math.min(years.base + 5, years.last), years.last])];
}

/** The picked years: every 4-digit number in `text` within base…last, sorted, once each. */
export function parseReportYears(text: string, years: NonNullable<DatasetSummary['years']>): number[] {
  const found = (text.match(/\d{4}/g) ?? []).map(Number).filter((y) => y >= years.base && y <= years.last);
  return [...new Set(found)].sort((a, b) => a - b);
}

/** The years to send with a report request (none without a projection). */
export function reportYears(summary: DatasetSummary | null): number[] | undefined {
  const years = summary?.years;
  if (!years) return undefined;
  const { text } = reportYearsText.getState();
  return text === null ? defaultReportYears(years) : parseReportYears(text, years);
}

export function ReportYearsField() {
  const { t } = useTranslation();
  const years = useDocument((s) => s.summary?.years);
  const text = useStore(reportYearsText, (s) => s.text);
  if (!years) return null;
  return (
    <label>
      {t('years.reportYears', { first: years.base, last: years.last })}
      <input type="text" inputMode="numeric" value={text ?? defaultReportYears(years).join(', ')} maxLength={120} data-testid="report-years"
        onChange={(e) => reportYearsText.setState({ text: e.target.value })} />
    </label>
  );
}
