/**
 * The school-year control of the top bar: base year … horizon. A native select, so it is
 * keyboard accessible as it is (arrow keys change the year); every panel follows the document
 * store's year, because every snapshot the worker sends is for the selected year.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useDocument, useStores } from '../stores/app-stores';

export function YearControl() {
  const { t } = useTranslation();
  const stores = useStores();
  const years = useDocument((s) => s.summary?.years);
  const year = useDocument((s) => s.year);
  // The year asked for while the worker computes it: the select shows it at once, so repeated
  // arrow keys step on from it instead of from the year still on display.
  const [pending, setPending] = useState<number | null>(null);
  if (!years || year === null) return null;
  const shown = pending ?? year;
  const choose = (y: number) => {
    setPending(y);
    void stores.document.getState().setYear(y).finally(() => setPending((p) => (p === y ? null : p)));
  };
  const options = Array.from({ length: years.last - years.base + 1 }, (_, i) => years.base + i);
  return (
    <label className="field year-control" title={t('time.yearHint', { base: years.base })}>
      <span>{t('time.year')}</span>
      <select value={shown} data-testid="year-control" aria-busy={pending !== null} onChange={(e) => choose(Number(e.target.value))}>
        {options.map((y) => (
          <option key={y} value={y}>
            {y === years.base ? t('time.baseYear', { year: y }) : t('time.projected', { year: y })}
          </option>
        ))}
      </select>
    </label>
  );
}
