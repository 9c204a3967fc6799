/** Sortable school table: children, capacity, utilisation and shares, each with its change from the baseline. */
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { formatChildren, formatCountChange, formatPercent, formatPointChange, formatShare } from '../format/format-number';
import { useDocument, usePreferences, useStores, useUi } from '../stores/app-stores';
import { currentView } from '../stores/selectors';
import type { SortColumn } from '../stores/ui-store';
import { delta, schoolRows, sortRows } from './school-rows';

export function SchoolTable() {
  const { t } = useTranslation();
  const { ui } = useStores();
  const view = useDocument(currentView);
  const summary = useDocument((s) => s.summary);
  const lang = usePreferences((s) => s.language);
  const sort = useUi((s) => s.sort);
  const selectedId = useUi((s) => s.selectedSchoolId);
  const threshold = summary?.privacyThreshold ?? 10;
  const shares = summary?.shares ?? [];

  const rows = useMemo(() => (view ? sortRows(schoolRows(view.indicators, view.baseline), sort.column, sort.descending, lang) : []), [view, sort, lang]);

  const header = (column: SortColumn, label: string) => {
    const active = sort.column === column;
    return (
      <th key={column} scope="col" aria-sort={active ? (sort.descending ? 'descending' : 'ascending') : 'none'}>
        <button type="button" className="sort-button" title={t('table.sortBy', { column: label })} onClick={() => ui.getState().sortBy(column)}>
          {label}
          <span aria-hidden="true">{active ? (sort.descending ? ' ▼' : ' ▲') : ''}</span>
        </button>
      </th>
    );
  };

  return (
    <section className="panel school-table" aria-labelledby="schools-title">
      <h2 id="schools-title">{t('table.title')}</h2>
      <div className="table-scroll">
        <table>
          <thead>
            <tr>
              {header('name', t('table.name'))}
              {header('children', t('table.children'))}
              {header('capacity', t('table.capacity'))}
              {header('utilisation', t('table.utilisation'))}
              {shares.map((s) => header(`share:${s.id}`, s.label[lang]))}
            </tr>
          </thead>
          <tbody>
            {rows.length === 0 && (
              <tr>
                <td colSpan={4 + shares.length}>{t('table.empty')}</td>
              </tr>
            )}
            {rows.map((row) => {
              const selected = row.id === selectedId;
              const select = () => ui.getState().selectSchool(selected ? null : row.id);
              return (
                <tr
                  key={row.id}
                  tabIndex={0}
                  aria-selected={selected}
                  aria-label={t('table.select', { name: row.name })}
                  className={selected ? 'selected' : undefined}
                  onClick={select}
                  onKeyDown={(e) => {
                    if (e.key === 'Enter' || e.key === ' ') {
                      e.preventDefault();
                      select();
                    }
                  }}
                >
                  <th scope="row">{row.name}</th>
                  <td className="num">
                    {formatChildren(row.now?.children ?? null, lang, threshold)}
                    <Change text={formatCountChange(delta(row.now?.children, row.before?.children), lang)} />
                  </td>
                  <td className="num">{row.capacity ?? '–'}</td>
                  <td className="num">
                    {formatPercent(row.now?.utilisation ?? null, lang, 0)}
                    <Change text={formatPointChange(delta(row.now?.utilisation, row.before?.utilisation), lang, 0)} />
                  </td>
                  {shares.map((s) => (
                    <td className="num" key={s.id}>
                      {formatShare(row.now?.shares[s.id] ?? null, row.now?.shareBase[s.id] ?? null, lang, threshold)}
                      <Change text={formatPointChange(delta(row.now?.shares[s.id], row.before?.shares[s.id]), lang)} />
                    </td>
                  ))}
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </section>
  );
}

/** A change from the baseline, shown small under the value; nothing when unchanged. */
export function Change({ text }: { text: string }) {
  if (!text || text.startsWith('±')) return null;
  const negative = text.startsWith('\u2212') || text.startsWith('-');
  return <span className={`change ${negative ? 'down' : 'up'}`}>{text}</span>;
}
