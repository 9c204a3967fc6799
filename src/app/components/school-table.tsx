/**
 * Sortable school table: children, capacity, utilisation and every composition share, each with
 * its change from the baseline (signed, coloured blue/orange, with units). The name column stays
 * put while the figures scroll sideways; a column chooser hides shares. The selected school's row
 * is highlighted and scrolled into view. Figures resting on fewer children than the threshold
 * print as "<10".
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatChildCount, formatCountChange, formatNumber, formatPercent, formatPointChange, formatShare } from '../format/format-number';
import { catchmentColour } from '../map/layers/catchment-layers';
import { useDocument, usePreferences, useStores, useUi } from '../stores/app-stores';
import { currentView } from '../stores/selectors';
import type { SortColumn } from '../stores/ui-store';
import { changeDirection, delta, schoolRows, sortRows } from './school-rows';
import { SchoolStatusBadge } from '../school-network/school-status-badge';

export function SchoolTable() {
  const { t } = useTranslation();
  const { ui } = useStores();
  const view = useDocument(currentView);
  const summary = useDocument((s) => s.summary);
  const lang = usePreferences((s) => s.language);
  const sort = useUi((s) => s.sort);
  const selectedId = useUi((s) => s.selectedSchoolId);
  const threshold = summary?.privacyThreshold ?? 10;
  const [hidden, setHidden] = useState<ReadonlySet<string>>(new Set());
  const shares = (summary?.shares ?? []).filter((s) => !hidden.has(s.id));
  const body = useRef<HTMLTableSectionElement>(null);

  const rows = useMemo(() => (view ? sortRows(schoolRows(view.indicators, view.baseline), sort.column, sort.descending, lang) : []), [view, sort, lang]);

  useEffect(() => {
    if (!selectedId) return;
    const row = body.current?.querySelector<HTMLElement>(`tr[data-id="${CSS.escape(selectedId)}"]`);
    row?.scrollIntoView({ block: 'nearest', inline: 'nearest' });
  }, [selectedId]);

  const header = (column: SortColumn, label: string, unit: string, className?: string) => {
    const active = sort.column === column;
    return (
      <th key={column} scope="col" className={className} aria-sort={active ? (sort.descending ? 'descending' : 'ascending') : 'none'}>
        <button type="button" className="sort-button" title={t('table.sortBy', { column: label })} onClick={() => ui.getState().sortBy(column)}>
          <span className="col-label">{label}</span>
          {unit && <span className="col-unit">{unit}</span>}
          <span className="sort-mark" aria-hidden="true">
            {active ? (sort.descending ? '▼' : '▲') : ''}
          </span>
        </button>
      </th>
    );
  };

  return (
    <section className="panel school-table" aria-labelledby="schools-title" id="school-table" tabIndex={-1}>
      <div className="panel-head">
        <h2 id="schools-title">{t('table.title')}</h2>
        <details className="column-chooser">
          <summary>{t('table.columns')}</summary>
          <div className="column-menu">
            {(summary?.shares ?? []).map((s) => (
              <label key={s.id} className="check">
                <input
                  type="checkbox"
                  checked={!hidden.has(s.id)}
                  onChange={() =>
                    setHidden((h) => {
                      const next = new Set(h);
                      if (next.has(s.id)) next.delete(s.id);
                      else next.add(s.id);
                      return next;
                    })
                  }
                />
                {s.label[lang]}
              </label>
            ))}
          </div>
        </details>
      </div>
      <div className="table-scroll" role="region" aria-labelledby="schools-title" tabIndex={0}>
        <table>
          <thead>
            <tr>
              {header('name', t('table.name'), '', 'name-col')}
              {header('children', t('table.children'), t('table.childrenUnit'))}
              {header('capacity', t('table.capacity'), t('table.capacityUnit'))}
              {header('utilisation', t('table.utilisation'), '%')}
              {shares.map((s) => header(`share:${s.id}`, s.label[lang], t('table.shareUnit')))}
            </tr>
          </thead>
          <tbody ref={body}>
            {rows.length === 0 && (
              <tr>
                <td colSpan={4 + shares.length}>{t('table.empty')}</td>
              </tr>
            )}
            {rows.map((row) => {
              const selected = row.id === selectedId;
              const select = () => ui.getState().selectSchool(selected ? null : row.id);
              const colour = view ? catchmentColour(view.colourIndex, row.index) : null;
              return (
                <tr
                  key={row.id}
                  data-id={row.id}
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
                  <th scope="row" className="name-col">
                    {colour && <span className="swatch" style={{ background: `rgb(${colour.join(',')})` }} aria-hidden="true" />}
                    {row.name}
                    <SchoolStatusBadge now={row.now} opened={row.before === null} />
                  </th>
                  <td className="num">
                    {formatChildCount(row.now?.children ?? null, lang, threshold)}
                    <Change text={formatCountChange(delta(row.now?.children, row.before?.children), lang)} />
                  </td>
                  <td className="num">{row.capacity === null ? '–' : formatNumber(row.capacity, lang)}</td>
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

/** A change from the baseline, shown small under the value: "+" orange, "−" blue; nothing when unchanged. */
export function Change({ text }: { text: string }) {
  const direction = changeDirection(text);
  if (direction === 'none') return null;
  return <span className={`change ${direction}`}>{text}</span>;
}
