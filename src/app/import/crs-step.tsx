/** Step 2: per file the CRS found and how (declared / coordinates / assumed / override), with a select to override. */
import { useTranslation } from 'react-i18next';
import { CRS_CHOICES, crsLabel, IMPORT_ROLES } from './import-steps';
import type { ImportStore } from './import-store';
import { useImport } from './import-context';
import { ProblemList } from './problem-list';

export function CrsStep({ store }: { store: ImportStore }) {
  const { t } = useTranslation();
  const files = useImport(store, (s) => s.files)!;
  const busy = useImport(store, (s) => s.busy);
  return (
    <div className="import-step">
      <p className="step-intro">{t('import.crs.intro')}</p>
      <table className="import-table crs-table">
        <thead>
          <tr>
            <th scope="col">{t('import.crs.layer')}</th>
            <th scope="col">{t('import.crs.detected')}</th>
            <th scope="col">{t('import.crs.how')}</th>
            <th scope="col">{t('import.crs.override')}</th>
          </tr>
        </thead>
        <tbody>
          {IMPORT_ROLES.filter((r) => files[r].status !== 'empty').map((role) => {
            const slot = files[role];
            const s = slot.summary;
            return (
              <tr key={role} data-role={role}>
                <th scope="row">
                  {t(`import.roles.${role}`)}
                  <div className="muted small">{slot.name}</div>
                </th>
                <td>{s ? crsLabel(s.crs) : '—'}</td>
                <td>
                  {s && <span className={`crs-source ${s.crsSource}`}>{t(`import.crs.sources.${s.crsSource}`)}</span>}
                  {s?.declared && <div className="muted small">{t('import.crs.declaredAs', { declared: s.declared })}</div>}
                </td>
                <td>
                  <select aria-label={t('import.crs.overrideFor', { layer: t(`import.roles.${role}`) })} value={slot.crsOverride ?? ''} disabled={!!busy || slot.status === 'reading'} onChange={(e) => void store.getState().setCrs(role, e.target.value || null)}>
                    <option value="">{t('import.crs.detect')}</option>
                    {CRS_CHOICES.map((c) => (
                      <option key={c} value={c}>
                        {crsLabel(c)}
                      </option>
                    ))}
                  </select>
                  {slot.status === 'reading' && <progress max={1} value={slot.progress} aria-label={t('import.files.reading', { name: slot.name })} />}
                  <ProblemList problems={slot.problems} />
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <p className="step-note">{t('import.crs.note')}</p>
    </div>
  );
}
