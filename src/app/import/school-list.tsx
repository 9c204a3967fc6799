/**
 * The Schools step's table: the schools to decide about (outside the planning area, names cut
 * short, unknown language or grades) counted and listable on their own; a name search; language,
 * grades and use set for every school listed at once; each school editable. At most ROW_LIMIT rows
 * are drawn (a national register has thousands): the rest are counted, to be narrowed by the
 * filter or the search.
 */
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { GradeRange, Language } from '../../core/model/school';
import type { SchoolFlag, SchoolRow } from '../workers/import-protocol';
import type { ImportStore } from './import-store';
import { useFormat } from './use-format';

export const ROW_LIMIT = 300;
const FLAGS: SchoolFlag[] = ['outside-area', 'truncated-name', 'language-unknown', 'grades-unknown'];

/** Rows shown for a search text and the "to decide about" switch (pure, for tests). */
export function listedSchools(rows: readonly SchoolRow[], search: string, onlyFlagged: boolean): SchoolRow[] {
  const needle = search.trim().toLowerCase();
  return rows.filter((r) => (!onlyFlagged || r.flags.length > 0) && (!needle || r.name.toLowerCase().includes(needle) || r.id.toLowerCase().includes(needle)));
}

export function SchoolList({ store, rows, showCatchment }: { store: ImportStore; rows: readonly SchoolRow[]; showCatchment: boolean }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const [search, setSearch] = useState('');
  const [onlyFlagged, setOnlyFlagged] = useState(false);
  const listed = useMemo(() => listedSchools(rows, search, onlyFlagged), [rows, search, onlyFlagged]);
  const counts = useMemo(() => FLAGS.map((f) => [f, rows.filter((r) => r.flags.includes(f)).length] as const).filter(([, n]) => n > 0), [rows]);
  const ids = listed.map((r) => r.id);
  const setMany = store.getState().setSchools;
  return (
    <>
      <section className="decide-summary" aria-labelledby="decide-title" data-testid="decide-summary">
        <h3 id="decide-title">{t('import.schools.decide.title')}</h3>
        {counts.length === 0 ? (
          <p>{t('import.schools.decide.none')}</p>
        ) : (
          <>
            <p className="muted">{t('import.schools.decide.intro')}</p>
            <ul className="flag-counts">
              {counts.map(([f, n]) => (
                <li key={f} data-flag={f}>
                  <span className={`school-flag ${f}`}>{t(`import.schools.flag.${f}`)}</span> {fmt.n(n)}
                </li>
              ))}
            </ul>
            <label className="field-inline">
              <input type="checkbox" checked={onlyFlagged} onChange={(e) => setOnlyFlagged(e.target.checked)} data-testid="only-flagged" />
              <span>{t('import.schools.decide.onlyFlagged')}</span>
            </label>
          </>
        )}
      </section>
      <div className="bulk-row" data-testid="bulk-row">
        <label className="field-inline">
          <span>{t('import.schools.bulk.search')}</span>
          <input type="search" value={search} onChange={(e) => setSearch(e.target.value)} size={14} data-testid="school-search" />
        </label>
        <span>{t('import.schools.bulk.listed', { count: listed.length })}</span>
        <select aria-label={t('import.schools.bulk.language')} value="" disabled={!ids.length} onChange={(e) => e.target.value && void setMany(ids, { language: e.target.value as Language })} data-testid="bulk-language">
          <option value="">{t('import.schools.bulk.language')}</option>
          <option value="fi">{t('import.schools.fi')}</option>
          <option value="sv">{t('import.schools.sv')}</option>
        </select>
        <select aria-label={t('import.schools.bulk.grades')} value="" disabled={!ids.length} onChange={(e) => e.target.value && void setMany(ids, { grades: e.target.value as GradeRange })} data-testid="bulk-grades">
          <option value="">{t('import.schools.bulk.grades')}</option>
          <option value="1-6">1–6</option>
          <option value="7-9">7–9</option>
          <option value="1-9">1–9</option>
        </select>
        <button type="button" disabled={!ids.length} onClick={() => void setMany(ids, { include: true })} data-testid="bulk-use">
          {t('import.schools.bulk.useAll')}
        </button>
        <button type="button" disabled={!ids.length} onClick={() => void setMany(ids, { include: false })}>
          {t('import.schools.bulk.useNone')}
        </button>
      </div>
      <div className="school-table-wrap">
        <table className="import-table school-import-table">
          <thead>
            <tr>
              <th scope="col">{t('import.schools.include')}</th>
              <th scope="col">{t('import.schools.name')}</th>
              <th scope="col">{t('import.schools.language')}</th>
              <th scope="col">{t('import.schools.grades')}</th>
              {showCatchment && <th scope="col">{t('import.schools.catchment')}</th>}
            </tr>
          </thead>
          <tbody>
            {listed.slice(0, ROW_LIMIT).map((s) => (
              <SchoolRowView key={s.id} store={store} row={s} showCatchment={showCatchment} />
            ))}
          </tbody>
        </table>
        {listed.length > ROW_LIMIT && <p className="muted" data-testid="more-schools">{t('import.schools.more', { n: fmt.n(listed.length - ROW_LIMIT) })}</p>}
      </div>
    </>
  );
}

function Confidence({ level, reason }: { level: string; reason: string }) {
  const { t } = useTranslation();
  return (
    <span className={`confidence ${level}`} title={reason}>
      {t(`import.schools.confidence.${level}`)}
    </span>
  );
}

function SchoolRowView({ store, row, showCatchment }: { store: ImportStore; row: SchoolRow; showCatchment: boolean }) {
  const { t } = useTranslation();
  const set = store.getState().setSchool;
  return (
    <tr className={row.include ? '' : 'excluded'} data-flags={row.flags.join(' ')}>
      <td>
        <input type="checkbox" checked={row.include} aria-label={t('import.schools.includeSchool', { name: row.name })} onChange={(e) => void set(row.id, { include: e.target.checked })} />
      </td>
      <th scope="row">
        {row.name}
        <div className="muted small">
          {row.id}
          {row.excludedReason ? ` · ${t(`import.schools.excluded.${row.excludedReason.replace(/\s+/g, '-')}`)}` : ''}
        </div>
        {row.flags.length > 0 && (
          <div className="school-flags">
            {row.flags.map((f) => (
              <span key={f} className={`school-flag ${f}`}>
                {t(`import.schools.flag.${f}`)}
              </span>
            ))}
          </div>
        )}
      </th>
      <td>
        <select aria-label={t('import.schools.languageOf', { name: row.name })} value={row.language ?? ''} onChange={(e) => void set(row.id, { language: (e.target.value || null) as Language | null })}>
          <option value="">—</option>
          <option value="fi">{t('import.schools.fi')}</option>
          <option value="sv">{t('import.schools.sv')}</option>
        </select>
        <Confidence level={row.languageConfidence} reason={row.languageReason} />
      </td>
      <td>
        <select aria-label={t('import.schools.gradesOf', { name: row.name })} value={row.grades ?? ''} onChange={(e) => void set(row.id, { grades: (e.target.value || null) as GradeRange | null })}>
          <option value="">—</option>
          <option value="1-6">1–6</option>
          <option value="7-9">7–9</option>
          <option value="1-9">1–9</option>
        </select>
        <Confidence level={row.gradesConfidence} reason={row.gradesReason} />
      </td>
      {showCatchment && <td>{row.catchment ? `${row.catchment.label} (${t(`import.schools.method.${row.catchment.method}`)})` : <span className="muted">—</span>}</td>}
    </tr>
  );
}
