/**
 * "Keep … where" with several conditions, all of which must hold (e.g. kunta = 837 and olo = 0):
 * one row per condition, a field select and a value ("837", or "!= 2", ">= 100" for other
 * comparisons), "Add condition" and Apply. A value that is not a condition is named under the
 * form and nothing is applied.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { conditionFromInput, conditionInput, type FieldCondition } from '../../core/mapping/feature-filter';
import type { Problem } from '../../core/model/result';
import { ProblemList } from './problem-list';

interface Row {
  field: string;
  value: string;
}

export interface ConditionsLabels {
  field: string;
  none: string;
  apply: string;
}

export function ConditionsForm({ fields, initial, labels, onApply, testId }: {
  fields: string[];
  initial: readonly FieldCondition[];
  labels: ConditionsLabels;
  onApply(conditions: FieldCondition[]): void;
  testId?: string;
}) {
  const { t } = useTranslation();
  const [rows, setRows] = useState<Row[]>(() => (initial.length ? initial.map((c) => ({ field: c.field, value: conditionInput(c) })) : [{ field: '', value: '' }]));
  const [problems, setProblems] = useState<Problem[]>([]);
  const update = (i: number, patch: Partial<Row>) => setRows((rs) => rs.map((r, k) => (k === i ? { ...r, ...patch } : r)));
  const apply = () => {
    const conditions: FieldCondition[] = [];
    const bad: Problem[] = [];
    for (const r of rows) {
      const c = conditionFromInput(r.field, r.value);
      if (!c) continue;
      if (c.ok) conditions.push(c.value);
      else bad.push(...c.problems);
    }
    setProblems(bad);
    if (bad.length === 0) onApply(conditions);
  };
  const id = (suffix: string, i: number) => (testId ? (i === 0 ? `${testId}-${suffix}` : `${testId}-${suffix}-${i + 1}`) : undefined);
  return (
    <form className="conditions-form" onSubmit={(e) => (e.preventDefault(), apply())}>
      {rows.map((r, i) => (
        <div className="filter-row" key={i}>
          <label className="field-inline">
            <span>{i === 0 ? labels.field : t('import.conditions.and')}</span>
            <select value={r.field} onChange={(e) => update(i, { field: e.target.value })} data-testid={id('field', i)}>
              <option value="">{labels.none}</option>
              {fields.map((f) => (
                <option key={f} value={f}>
                  {f}
                </option>
              ))}
            </select>
          </label>
          <label className="field-inline">
            <span>{t('import.conditions.is')}</span>
            <input type="text" value={r.value} placeholder={t('import.conditions.hint')} onChange={(e) => update(i, { value: e.target.value })} size={10} data-testid={id('value', i)} />
          </label>
          {rows.length > 1 && (
            <button type="button" className="icon-button" aria-label={t('import.conditions.remove', { n: i + 1 })} onClick={() => setRows((rs) => rs.filter((_, k) => k !== i))}>
              ×
            </button>
          )}
        </div>
      ))}
      <div className="filter-actions">
        <button type="button" onClick={() => setRows((rs) => [...rs, { field: '', value: '' }])} data-testid={testId && `${testId}-add`}>
          {t('import.conditions.add')}
        </button>
        <button type="submit">{labels.apply}</button>
        <span className="muted small">{t('import.conditions.all')}</span>
      </div>
      <ProblemList problems={problems} tone="error" />
    </form>
  );
}
