/** The report's years field (app/time/report-years.tsx): parsing and defaults. */
import { describe, expect, it } from 'vitest';
import { defaultReportYears, parseReportYears } from '../../../src/app/time/report-years';

const years = { base: 2024, last: 2034, selected: 2024 };

describe('report years', () => {
  it('defaults to the base year, five years on and the last year', () => {
    expect(defaultReportYears(years)).toEqual([2024, 2029, 2034]);
    expect(defaultReportYears({ base: 2024, last: 2026, selected: 2024 })).toEqual([2024, 2026]);
  });

  it('takes every year in range once, sorted, whatever the separators', () => {
    expect(parseReportYears('2030; 2026 2026,2040 1999 abc', years)).toEqual([2026, 2030]);
    expect(parseReportYears('', years)).toEqual([]);
  });
});
