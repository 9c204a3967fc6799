/**
 * Step 5: the validation report. Units: count, population, suppressed and other unknown values
 * with the population share affected, totals by a field. Catchments: each problem with a small
 * map, area and people; one-click repairs with what they changed, undoable. Name and source.
 */
import { useTranslation } from 'react-i18next';
import type { OverlapRule } from '../../core/validate/split-overlaps';
import type { CheckInfo, RepairKind } from '../workers/import-protocol';
import type { ImportStore } from './import-store';
import { useImport } from './import-context';
import { progressText, shareOf } from './import-steps';
import { ProblemList } from './problem-list';
import { ProblemMap } from './problem-map';
import { useFormat } from './use-format';

const REPAIRS: RepairKind[] = ['self-intersections', 'snap', 'overlaps', 'gaps', 'slivers'];
const RULES: OverlapRule[] = ['larger', 'smaller', 'nearer', 'middle'];

/** The year of the statistics, the base year of the projection by year (time/locales: time.dataYear). */
function DataYearField({ store }: { store: ImportStore }) {
  const { t } = useTranslation();
  const year = useImport(store, (s) => s.dataYear);
  const thisYear = new Date().getFullYear();
  return (
    <label className="field-inline">
      <span>{t('time.dataYear')}</span>
      <input type="number" min={1900} max={2200} step={1} value={year ?? ''} placeholder={String(thisYear)} data-testid="import-data-year" title={t('time.dataYearHint', { year: thisYear })}
        onChange={(e) => store.getState().setDataYear(e.target.value === '' ? null : Number(e.target.value))} />
    </label>
  );
}

export function CheckStep({ store }: { store: ImportStore }) {
  const { t } = useTranslation();
  const check = useImport(store, (s) => s.check);
  const name = useImport(store, (s) => s.name) ?? '';
  const source = useImport(store, (s) => s.source) ?? '';
  const busy = useImport(store, (s) => s.busy);
  const activity = useImport(store, (s) => s.activity);
  // Not busy and no report: the step failed; its named problems are listed under the step.
  if (!check) return <p className="step-intro" role="status">{busy ? (activity ? progressText(t, activity) : t('import.working')) : ''}</p>;
  return (
    <div className="import-step check-step">
      <ProblemList problems={check.errors} />
      <ProblemList problems={check.warnings} tone="warning" limit={4} />
      <UnitsReport store={store} check={check} />
      <CatchmentReport store={store} check={check} />
      <section className="dataset-naming" aria-labelledby="naming-title">
        <h3 id="naming-title">{t('import.check.naming')}</h3>
        <label className="field-inline">
          <span>{t('import.check.name')}</span>
          <input type="text" value={name} onChange={(e) => store.getState().setName(e.target.value)} size={32} />
        </label>
        <label className="field-inline">
          <span>{t('import.check.source')}</span>
          <input type="text" value={source} placeholder={t('import.check.sourcePlaceholder')} onChange={(e) => store.getState().setSource(e.target.value)} size={40} />
        </label>
        <DataYearField store={store} />
      </section>
    </div>
  );
}

function UnitsReport({ store, check }: { store: ImportStore; check: CheckInfo }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const totals = useImport(store, (s) => s.totals);
  const u = check.units;
  const rows = u.suppression.filter((f) => f.unitsAffected > 0 || f.sentinelKept > 0);
  return (
    <section className="check-section" aria-labelledby="units-title">
      <h3 id="units-title">{t('import.check.units')}</h3>
      <div className="fact-cards">
        <div className="fact-card" data-testid="unit-count">
          <span className="fact-value">{fmt.n(u.count)}</span>
          <span className="fact-label">{t(u.kind === 'grid' ? 'import.check.gridCells' : 'import.check.areas')}</span>
        </div>
        <div className="fact-card" data-testid="population-total">
          <span className="fact-value">{fmt.n(u.populationTotal)}</span>
          <span className="fact-label">{t('import.check.population', { field: u.populationField })}</span>
        </div>
        <div className="fact-card">
          <span className="fact-value">{fmt.n(check.schoolCount)}</span>
          <span className="fact-label">{t('import.check.schools')}</span>
        </div>
        {check.estimated && (
          <div className="fact-card estimate">
            <span className="estimate-badge">{t('import.fields.estimate')}</span>
            <span className="fact-label">{t('import.check.estimated')}</span>
          </div>
        )}
      </div>
      {rows.length > 0 && (
        <table className="import-table suppression-table" data-testid="suppression-table">
          <thead>
            <tr>
              <th scope="col">{t('import.check.field')}</th>
              <th scope="col">{t('import.check.suppressed')}</th>
              <th scope="col">{t('import.check.kept')}</th>
              <th scope="col">{t('import.check.missing')}</th>
              <th scope="col">{t('import.check.negative')}</th>
              <th scope="col">{t('import.check.populationShare')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((f) => (
              <tr key={f.field} data-field={f.field}>
                <th scope="row">
                  <code>{f.field}</code>
                </th>
                <td className="num" data-testid={`suppressed-${f.field}`}>{fmt.n(f.suppressed)}</td>
                <td className="num">{fmt.n(f.sentinelKept)}</td>
                <td className="num">{fmt.n(f.missing)}</td>
                <td className="num">{fmt.n(f.negative)}</td>
                <td className="num">{fmt.pct(shareOf(f.populationAffected, u.populationTotal))}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <ProblemList problems={u.problems.filter((p) => !['suppressed-values', 'missing-values'].includes(p.code))} tone="warning" />
      <div className="totals-row">
        <label className="field-inline">
          <span>{t('import.check.totalsBy')}</span>
          <select value={totals?.field ?? ''} onChange={(e) => void store.getState().showTotals(e.target.value)}>
            <option value="">—</option>
            {u.groupFields.map((f) => (
              <option key={f} value={f}>
                {f}
              </option>
            ))}
          </select>
        </label>
        {totals && (
          <table className="import-table totals-table" data-testid="totals-table">
            <thead>
              <tr>
                <th scope="col">{totals.field}</th>
                <th scope="col">{t('import.check.unitsCol')}</th>
                <th scope="col">{t('import.check.populationCol')}</th>
              </tr>
            </thead>
            <tbody>
              {totals.rows.slice(0, 40).map((r) => (
                <tr key={r.value} data-value={r.value}>
                  <th scope="row">{r.value || '—'}</th>
                  <td className="num">{fmt.n(r.units)}</td>
                  <td className="num">{fmt.n(r.population)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </div>
    </section>
  );
}

function CatchmentReport({ store, check }: { store: ImportStore; check: CheckInfo }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const rule = useImport(store, (s) => s.overlapRule) ?? 'larger';
  const busy = useImport(store, (s) => s.busy);
  const last = check.repairs[check.repairs.length - 1];
  return (
    <section className="check-section" aria-labelledby="catchments-title">
      <h3 id="catchments-title">{t('import.check.catchments')}</h3>
      <div className="repair-bar" role="group" aria-label={t('import.check.repairs')}>
        {REPAIRS.map((kind) => (
          <button key={kind} type="button" disabled={!!busy} onClick={() => void store.getState().repair(kind)} title={t(`import.repair.help.${kind}`)}>
            {t(`import.repair.${kind}`)}
          </button>
        ))}
        <label className="field-inline">
          <span>{t('import.repair.rule')}</span>
          <select value={rule} onChange={(e) => store.getState().setOverlapRule(e.target.value as OverlapRule)}>
            {RULES.map((r) => (
              <option key={r} value={r}>
                {t(`import.repair.rules.${r}`)}
              </option>
            ))}
          </select>
        </label>
        <button type="button" disabled={!!busy || !last} onClick={() => void store.getState().undoRepair()}>
          ↶ {t('import.repair.undo')}
        </button>
      </div>
      {last && (
        <div className="repair-result" role="status" data-testid="repair-result">
          <p>
            <strong>{t(`import.repair.${last.repair}`)}:</strong>{' '}
            {t('import.repair.summary', { schools: last.changes.length, gained: fmt.area(last.areaGained), lost: fmt.area(last.areaLost), people: fmt.n(last.populationGained + last.populationLost) })}
            {last.unresolved > 0 && ` ${t('import.repair.unresolved', { count: last.unresolved })}`}
          </p>
          {last.changes.length > 0 && (
            <ul className="change-list">
              {last.changes.slice(0, 8).map((c, i) => (
                <li key={i}>
                  {c.school}: +{fmt.area(c.areaGained)} / −{fmt.area(c.areaLost)}
                  {c.populationGained !== undefined && ` (${t('import.repair.people', { gained: fmt.n(c.populationGained, 1), lost: fmt.n(c.populationLost ?? 0, 1) })})`}
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
      {check.networks.map((n) => {
        const total = Object.values(n.counts).reduce((a, b) => a + b, 0);
        return (
          <div key={n.id} className="network-check" data-network={n.id}>
            <h4>
              {n.label[fmt.lang]} <span className="muted">· {t('import.check.networkSchools', { n: n.schools })}</span>
            </h4>
            {total === 0 ? (
              <p className="all-good">✓ {t('import.check.noProblems')}</p>
            ) : (
              <p className="kind-counts">
                {Object.entries(n.counts)
                  .filter(([, c]) => c > 0)
                  .map(([kind, c]) => `${t(`import.kinds.${kind}`)}: ${c}`)
                  .join(' · ')}
              </p>
            )}
            <ul className="problem-cards">
              {n.problems.map((p, i) => (
                <li key={i} className="problem-card" data-kind={p.kind}>
                  <ProblemMap problem={p} label={`${t(`import.kinds.${p.kind}`)}: ${p.schoolNames.join(', ')}`} />
                  <div className="problem-card-text">
                    <strong>{t(`import.kinds.${p.kind}`)}</strong>
                    <span className="muted small">{p.schoolNames.join(' · ')}</span>
                    <span>
                      {fmt.area(p.areaM2)}
                      {p.population !== undefined && ` · ${t('import.check.people', { n: fmt.n(p.population, 1) })}`}
                    </span>
                    <span className="small">{p.message}</span>
                    <span className="small">
                      <strong>{t('import.fix')}:</strong> {p.fix}
                    </span>
                  </div>
                </li>
              ))}
            </ul>
            {n.more > 0 && <p className="muted">{t('import.check.more', { count: n.more })}</p>}
          </div>
        );
      })}
    </section>
  );
}
