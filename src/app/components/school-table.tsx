/**
 * Sortable school table: the chosen share (the indices panel's) first, then children,
 * utilisation, capacity and the other composition shares, each with its change from the
 * baseline (signed, coloured blue/orange, with units). The name column stays put while the
 * figures scroll sideways; a column chooser hides shares and shows more school-trip figures
 * (travel-cells.tsx). The selected school's row is
 * highlighted and scrolled into view. Figures resting on fewer children than the threshold
 * print as "<10".
 *
 * Keyboard: the table is one tab stop (ARIA grid, roving tabindex, grid-navigation.ts): arrow
 * keys, PageUp/PageDown, Home/End move between schools, Up from the first school reaches the
 * column headers (Left/Right between them, Enter sorts), Enter or Space selects a school; F2 opens the
 * row's capacity field (its ✎ is not a tab stop), and the row has the focus again when it closes.
 */
import { useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { formatChildCount, formatCountChange, formatPercent, formatPointChange, formatShare } from '../format/format-number';
import { catchmentColour } from '../map/layers/catchment-layers';
import { useDocument, usePreferences, useStores, useUi } from '../stores/app-stores';
import { currentView } from '../stores/selectors';
import type { SortColumn } from '../stores/ui-store';
import { moveInGrid, type GridPosition } from './grid-navigation';
import { changeDirection, delta, schoolRows, sortRows } from './school-rows';
import { DEFAULT_TRAVEL_COLUMNS, TRAVEL_COLUMNS, TravelCells, TravelHeaders, type TravelColumn } from '../travel/travel-cells';
import { SchoolStatusBadge } from '../school-network/school-status-badge';
import { CapacityCell } from '../school-network/capacity-cell';

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
  const [travelShown, setTravelShown] = useState<ReadonlySet<TravelColumn>>(DEFAULT_TRAVEL_COLUMNS);
  const chosenShareId = useUi((s) => s.selectedShareId) ?? summary?.shares[0]?.id ?? null;
  const visible = (summary?.shares ?? []).filter((s) => !hidden.has(s.id));
  // The chosen share sits right after the name, so it is in view next to each school.
  const shares = [...visible.filter((s) => s.id === chosenShareId), ...visible.filter((s) => s.id !== chosenShareId)];
  const body = useRef<HTMLTableSectionElement>(null);
  const table = useRef<HTMLTableElement>(null);
  const [pos, setPos] = useState<GridPosition>({ row: 0, column: 0 });

  const rows = useMemo(() => (view ? sortRows(schoolRows(view.indicators, view.baseline), sort.column, sort.descending, lang) : []), [view, sort, lang]);

  useEffect(() => {
    if (!selectedId) return;
    const row = body.current?.querySelector<HTMLElement>(`tr[data-id="${CSS.escape(selectedId)}"]`);
    row?.scrollIntoView({ block: 'nearest', inline: 'nearest' });
    const index = rows.findIndex((r) => r.id === selectedId);
    if (index >= 0) setPos({ row: index, column: 0 });
    // Only a new selection moves the roving position, not a re-sort.
  }, [selectedId]);

  const columnCount = 4 + shares.length;
  const activeRow = Math.min(pos.row, rows.length - 1);
  /** The element holding the roving tab stop for `p`. */
  const cellOf = (p: GridPosition): HTMLElement | null =>
    p.row === -1 ? (table.current?.querySelectorAll<HTMLElement>('thead .sort-button')[p.column] ?? null) : (body.current?.querySelectorAll<HTMLElement>('tr[data-id]')[p.row] ?? null);
  const onGridKey = (e: KeyboardEvent<HTMLTableElement>) => {
    const next = moveInGrid({ row: activeRow, column: pos.column }, e.key, rows.length, columnCount);
    if (!next) return;
    e.preventDefault();
    setPos(next);
    const el = cellOf(next);
    el?.focus();
    el?.scrollIntoView({ block: 'nearest', inline: 'nearest' });
  };

  let headerIndex = 0;
  const header = (column: SortColumn, label: string, unit: string, className?: string) => {
    const active = sort.column === column;
    const index = headerIndex++;
    return (
      <th key={column} scope="col" className={className} aria-sort={active ? (sort.descending ? 'descending' : 'ascending') : 'none'}>
        <button
          type="button"
          className="sort-button"
          tabIndex={activeRow === -1 && pos.column === index ? 0 : -1}
          title={t('table.sortBy', { column: label })}
          onFocus={() => setPos({ row: -1, column: index })}
          onClick={() => ui.getState().sortBy(column)}
        >
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
                  onChange={() => setHidden((h) => toggled(h, s.id))}
                />
                {s.label[lang]}
              </label>
            ))}
            {view?.travel && (
              <fieldset className="column-group" data-testid="travel-columns">
                <legend>{t('travel.tableColumns')}</legend>
                {TRAVEL_COLUMNS.map((c) => (
                  <label key={c.key} className="check">
                    <input
                      type="checkbox"
                      checked={travelShown.has(c.key)}
                      onChange={() => setTravelShown((h) => toggled(h, c.key))}
                    />
                    {t(c.label)}
                  </label>
                ))}
              </fieldset>
            )}
          </div>
        </details>
      </div>
      <div className="table-scroll">
        <table role="grid" ref={table} aria-labelledby="schools-title" aria-rowcount={rows.length + 1} onKeyDown={onGridKey}>
          <thead>
            <tr>
              {header('name', t('table.name'), '', 'name-col')}
              {shares.slice(0, 1).map((s) => header(`share:${s.id}`, s.label[lang], t('table.shareUnit'), 'chosen-share'))}
              {header('children', t('table.children'), t('table.childrenUnit'))}
              {header('utilisation', t('table.utilisation'), '%')}
              {header('capacity', t('table.capacity'), t('table.capacityUnit'))}
              {shares.slice(1).map((s) => header(`share:${s.id}`, s.label[lang], t('table.shareUnit')))}
              <TravelHeaders travel={view?.travel ?? null} shown={travelShown} />
            </tr>
          </thead>
          <tbody ref={body}>
            {rows.length === 0 && (
              <tr>
                <td colSpan={4 + shares.length}>{t('table.empty')}</td>
              </tr>
            )}
            {rows.map((row, rowIndex) => {
              const selected = row.id === selectedId;
              const select = () => {
                ui.getState().selectSchool(selected ? null : row.id);
                // Choosing a school in the table brings its catchment into view.
                if (!selected) ui.getState().requestFocus({ kind: 'school', id: row.id });
              };
              const colour = view ? catchmentColour(view.colourIndex, row.index) : null;
              const shareCell = (id: string, className: string) => (
                <td className={className} key={id}>
                  {formatShare(row.now?.shares[id] ?? null, row.now?.shareBase[id] ?? null, lang, threshold)}
                  <Change text={formatPointChange(delta(row.now?.shares[id], row.before?.shares[id]), lang)} />
                </td>
              );
              const active = rowIndex === Math.max(0, activeRow) && activeRow !== -1;
              return (
                <tr
                  key={row.id}
                  data-id={row.id}
                  tabIndex={active ? 0 : -1}
                  onFocus={() => setPos({ row: rowIndex, column: pos.column })}
                  aria-selected={selected}
                  aria-label={t('table.select', { name: row.name })}
                  className={selected ? 'selected' : undefined}
                  onClick={select}
                  onKeyDown={(e) => {
                    if (e.key === 'Enter' || e.key === ' ') {
                      e.preventDefault();
                      select();
                    } else if (e.key === 'F2') {
                      e.preventDefault();
                      e.currentTarget.querySelector<HTMLButtonElement>('[data-testid="capacity-edit"]')?.click();
                    }
                  }}
                >
                  <th scope="row" className="name-col">
                    {colour && <span className="swatch" style={{ background: `rgb(${colour.join(',')})` }} aria-hidden="true" />}
                    <span className="school-name" title={row.name}>
                      {row.name}
                    </span>
                    <SchoolStatusBadge now={row.now} opened={row.before === null} />
                  </th>
                  {shares.slice(0, 1).map((s) => shareCell(s.id, 'num chosen-share'))}
                  <td className="num children-cell">
                    {formatChildCount(row.now?.children ?? null, lang, threshold)}
                    <Change text={formatCountChange(delta(row.now?.children, row.before?.children), lang)} />
                  </td>
                  <td className="num">
                    {formatPercent(row.now?.utilisation ?? null, lang, 0)}
                    <Change text={formatPointChange(delta(row.now?.utilisation, row.before?.utilisation), lang, 0)} />
                  </td>
                  <CapacityCell schoolId={row.id} capacity={row.capacity} />
                  {shares.slice(1).map((s) => shareCell(s.id, 'num'))}
                  <TravelCells travel={view?.travel ?? null} index={row.index} lang={lang} threshold={threshold} shown={travelShown} />
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </section>
  );
}

/** The set with `key` added, or removed when it was there (a column chooser's checkbox). */
function toggled<T>(set: ReadonlySet<T>, key: T): ReadonlySet<T> {
  const next = new Set(set);
  if (next.has(key)) next.delete(key);
  else next.add(key);
  return next;
}

/** A change from the baseline, shown small under the value: "+" orange, "−" blue; nothing when unchanged. */
export function Change({ text }: { text: string }) {
  const direction = changeDirection(text);
  if (direction === 'none') return null;
  return <span className={`change ${direction}`}>{text}</span>;
}
