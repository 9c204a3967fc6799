/**
 * Step 4: schools with language and grades (from the file or inferred, with confidence), each
 * editable; a filter; the matching of catchments to schools, or generated catchments.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { GradeRange, Language } from '../../core/model/school';
import type { SchoolRow, SchoolsInfo } from '../workers/import-protocol';
import type { ImportStore } from './import-store';
import { useImport } from './import-context';
import { ProblemList } from './problem-list';
import { useFormat } from './use-format';

export function SchoolsStep({ store }: { store: ImportStore }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const info = useImport(store, (s) => s.schools);
  const choices = useImport(store, (s) => s.schoolChoices)!;
  if (!info) return <p className="step-intro">{t('import.working')}</p>;
  const included = info.schools.filter((s) => s.include).length;
  const byId = new Map(info.schools.map((s) => [s.id, s]));
  return (
    <div className="import-step">
      <div className="school-summary" data-testid="school-summary">
        <span>{t('import.schools.inFile', { n: fmt.n(info.totalInFile) })}</span>
        <span>{t('import.schools.shown', { n: fmt.n(info.schools.length) })}</span>
        <span>{t('import.schools.included', { n: fmt.n(included) })}</span>
      </div>
      <FieldFilter
        fields={info.filterFields}
        initial={choices.filter ?? null}
        labels={{ field: t('import.schools.filterField'), none: t('import.schools.noFilter'), value: t('import.schools.filterValue'), apply: t('import.schools.applyFilter') }}
        onApply={(filter) => void store.getState().setFilter(filter)}
      />
      {info.area && <AreaSection store={store} area={info.area} />}
      {info.hasCatchmentFile ? (
        <section className="match-summary" aria-labelledby="match-title">
          <h3 id="match-title">{t('import.schools.matching')}</h3>
          <p>{t('import.schools.matched', { matched: info.catchmentCount - info.catchmentsWithoutSchool.length, total: info.catchmentCount })}</p>
          {info.catchmentsWithoutSchool.length > 0 && (
            <p>
              <strong>{t('import.schools.catchmentsWithout')}:</strong> {info.catchmentsWithoutSchool.map((c) => c.label).join(', ')}
            </p>
          )}
          {info.schoolsWithoutCatchment.length > 0 && (
            <p>
              <strong>{t('import.schools.schoolsWithout', { count: info.schoolsWithoutCatchment.length })}:</strong>{' '}
              {info.schoolsWithoutCatchment.slice(0, 30).map((id) => byId.get(id)?.name ?? id).join(', ')}
              {info.schoolsWithoutCatchment.length > 30 ? ' …' : ''}
            </p>
          )}
        </section>
      ) : (
        <label className="generate-option">
          <input type="checkbox" checked={choices.generate} onChange={(e) => void store.getState().setGenerate(e.target.checked)} />
          <span>
            <strong>{t('import.schools.generate')}</strong>
            <span className="muted"> {t('import.schools.generateHelp')}</span>
          </span>
        </label>
      )}
      <ProblemList problems={info.problems.filter((p) => p.code === 'ambiguous-match')} tone="warning" />
      <div className="school-table-wrap">
        <table className="import-table school-import-table">
          <thead>
            <tr>
              <th scope="col">{t('import.schools.include')}</th>
              <th scope="col">{t('import.schools.name')}</th>
              <th scope="col">{t('import.schools.language')}</th>
              <th scope="col">{t('import.schools.grades')}</th>
              {info.hasCatchmentFile && <th scope="col">{t('import.schools.catchment')}</th>}
            </tr>
          </thead>
          <tbody>
            {info.schools.map((s) => (
              <SchoolRowView key={s.id} store={store} row={s} showCatchment={info.hasCatchmentFile} />
            ))}
          </tbody>
        </table>
      </div>
    </div>
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
    <tr className={row.include ? '' : 'excluded'}>
      <td>
        <input type="checkbox" checked={row.include} aria-label={t('import.schools.includeSchool', { name: row.name })} onChange={(e) => void set(row.id, { include: e.target.checked })} />
      </td>
      <th scope="row">
        {row.name}
        <div className="muted small">
          {row.id}
          {row.excludedReason ? ` · ${t(`import.schools.excluded.${row.excludedReason.replace(/\s+/g, '-')}`)}` : ''}
        </div>
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

/** The planning area of a boundary file: which polygons make it, and how many units lie inside. */
function AreaSection({ store, area }: { store: ImportStore; area: NonNullable<SchoolsInfo['area']> }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const chosen = useImport(store, (s) => s.schoolChoices.area ?? null);
  return (
    <section className="area-summary" aria-labelledby="area-title" data-testid="area-summary">
      <h3 id="area-title">{t('import.schools.area.title')}</h3>
      <FieldFilter
        fields={area.filterFields}
        initial={chosen}
        labels={{ field: t('import.schools.area.field'), none: t('import.schools.area.all'), value: t('import.schools.area.value'), apply: t('import.schools.area.apply') }}
        onApply={(filter) => void store.getState().setArea(filter)}
        testId="area"
      />
      {area.problems.length > 0 ? (
        <ProblemList problems={area.problems} tone="error" />
      ) : (
        <p data-testid="area-kept">{t('import.schools.area.kept', { kept: fmt.n(area.unitsKept), total: fmt.n(area.unitsTotal), polygons: fmt.n(area.polygons) })}</p>
      )}
    </section>
  );
}

/** "Keep … where field equals value": a field select (or none), a value and Apply. */
function FieldFilter({ fields, initial, labels, onApply, testId }: {
  fields: string[];
  initial: { field: string; value: string } | null;
  labels: { field: string; none: string; value: string; apply: string };
  onApply(filter: { field: string; value: string } | null): void;
  testId?: string;
}) {
  const [field, setField] = useState(initial?.field ?? '');
  const [value, setValue] = useState(initial?.value ?? '');
  return (
    <form className="filter-row" onSubmit={(e) => (e.preventDefault(), onApply(field ? { field, value } : null))}>
      <label className="field-inline">
        <span>{labels.field}</span>
        <select value={field} onChange={(e) => setField(e.target.value)} data-testid={testId && `${testId}-field`}>
          <option value="">{labels.none}</option>
          {fields.map((f) => (
            <option key={f} value={f}>
              {f}
            </option>
          ))}
        </select>
      </label>
      <label className="field-inline">
        <span>{labels.value}</span>
        <input type="text" value={value} onChange={(e) => setValue(e.target.value)} size={10} data-testid={testId && `${testId}-value`} />
      </label>
      <button type="submit">{labels.apply}</button>
    </form>
  );
}
