/**
 * Propose's locks: the schools kept exactly as they are (a keyboard-accessible multiple-choice
 * list, plus "keep the selected school" for the school chosen on the map or in the table), and
 * "keep the changes already made in this scenario" (the units the scenario changed stay put).
 */
import { useTranslation } from 'react-i18next';
import { useDocument, useUi } from '../stores/app-stores';
import { currentNetwork } from '../stores/selectors';

export interface Locks {
  schoolIds: string[];
  changed: boolean;
}

export function LockSchools({ value, onChange, disabled }: { value: Locks; onChange: (v: Locks) => void; disabled: boolean }) {
  const { t } = useTranslation();
  const network = useDocument(currentNetwork);
  const selectedId = useUi((s) => s.selectedSchoolId);
  const schools = network?.schools ?? [];
  const selectedInNetwork = selectedId !== null && schools.some((s) => s.id === selectedId);
  return (
    <fieldset className="propose-locks">
      <legend>{t('optimiser.lockSchools')}</legend>
      <select
        multiple
        size={Math.min(6, Math.max(2, schools.length))}
        aria-label={t('optimiser.lockSchools')}
        className="propose-lock-schools"
        value={value.schoolIds}
        disabled={disabled}
        onChange={(e) => onChange({ ...value, schoolIds: [...e.target.selectedOptions].map((o) => o.value) })}
      >
        {schools.map((s) => (
          <option key={s.id} value={s.id}>{s.name}</option>
        ))}
      </select>
      <p className="hint">{t('optimiser.locked', { count: value.schoolIds.length })}</p>
      <div className="propose-buttons">
        <button type="button" disabled={disabled || !selectedInNetwork || value.schoolIds.includes(selectedId ?? '')} onClick={() => onChange({ ...value, schoolIds: [...value.schoolIds, selectedId!] })}>
          {t('optimiser.lockSelected')}
        </button>
        <button type="button" disabled={disabled || value.schoolIds.length === 0} onClick={() => onChange({ ...value, schoolIds: [] })}>{t('optimiser.lockNone')}</button>
      </div>
      <label className="field checkbox">
        <input type="checkbox" checked={value.changed} disabled={disabled} onChange={(e) => onChange({ ...value, changed: e.target.checked })} />
        <span>{t('optimiser.lockChanged')}</span>
      </label>
    </fieldset>
  );
}
