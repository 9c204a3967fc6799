/**
 * Step 4: filters of several conditions on the schools and on the planning area (applied before
 * any catchment is generated); schools with language and grades (from the file or inferred, with
 * confidence), the ones to decide about, each editable and many at once (school-list.tsx); the
 * matching of catchments to schools, or generated catchments (made at the Check step).
 */
import { useTranslation } from 'react-i18next';
import { equalsConditions } from '../../core/mapping/feature-filter';
import type { SchoolsInfo } from '../workers/import-protocol';
import { progressText } from './import-steps';
import { ConditionsForm } from './conditions-form';
import { SchoolList } from './school-list';
import type { ImportStore } from './import-store';
import { useImport } from './import-context';
import { ProblemList } from './problem-list';
import { useFormat } from './use-format';

export function SchoolsStep({ store }: { store: ImportStore }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const info = useImport(store, (s) => s.schools);
  const choices = useImport(store, (s) => s.schoolChoices)!;
  const busy = useImport(store, (s) => s.busy);
  const activity = useImport(store, (s) => s.activity);
  if (!info)
    return busy ? (
      <p className="step-intro" role="status">{activity ? progressText(t, activity) : t('import.working')}</p>
    ) : (
      <div className="step-intro">
        <p>{t('import.schools.failed')}</p>
        <button type="button" onClick={() => void store.getState().reloadSchools()}>
          {t('import.schools.retry')}
        </button>
      </div>
    );
  const included = info.schools.filter((s) => s.include).length;
  const byId = new Map(info.schools.map((s) => [s.id, s]));
  return (
    <div className="import-step">
      <div className="school-summary" data-testid="school-summary">
        <span>{t('import.schools.inFile', { n: fmt.n(info.totalInFile) })}</span>
        <span>{t('import.schools.shown', { n: fmt.n(info.filteredCount ?? info.schools.length) })}</span>
        <span>{t('import.schools.included', { n: fmt.n(included) })}</span>
      </div>
      <ConditionsForm
        fields={info.filterFields}
        initial={[...equalsConditions(choices.filter), ...(choices.filters ?? [])]}
        labels={{ field: t('import.schools.filterField'), none: t('import.schools.noFilter'), apply: t('import.schools.applyFilter') }}
        onApply={(conditions) => void store.getState().setFilters(conditions)}
        testId="schools"
      />
      {info.filterProblems && <ProblemList problems={info.filterProblems} tone="error" />}
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
            <span className="muted small generate-note"> {t('import.schools.filteredBefore')}</span>
          </span>
        </label>
      )}
      <ProblemList problems={info.problems.filter((p) => p.code === 'ambiguous-match')} tone="warning" />
      <SchoolList store={store} rows={info.schools} showCatchment={info.hasCatchmentFile} />
    </div>
  );
}

/** The planning area of a boundary file: which polygons make it, and how many units lie inside. */
function AreaSection({ store, area }: { store: ImportStore; area: NonNullable<SchoolsInfo['area']> }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const sc = useImport(store, (s) => s.schoolChoices);
  const chosen = sc ? [...equalsConditions(sc.area), ...(sc.areaFilters ?? [])] : [];
  return (
    <section className="area-summary" aria-labelledby="area-title" data-testid="area-summary">
      <h3 id="area-title">{t('import.schools.area.title')}</h3>
      <ConditionsForm
        fields={area.filterFields}
        initial={chosen}
        labels={{ field: t('import.schools.area.field'), none: t('import.schools.area.all'), apply: t('import.schools.area.apply') }}
        onApply={(conditions) => void store.getState().setAreaFilters(conditions)}
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
