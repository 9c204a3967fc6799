/**
 * Propose's locks: the schools kept exactly as they are (a keyboard-accessible multiple-choice
 * list, plus "keep the selected school" for the school chosen on the map or in the table), areas
 * kept as they are (drawn on the map with the lasso, through the same region pick as a new
 * school's catchment: school-network/location-pick.ts), and "keep the changes already made in
 * this scenario" (the units the scenario changed stay put).
 */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import type { MultiPolygon } from '../../core/model/geometry-types';
import { cancelPick, locationPick, requestRegion } from '../school-network/location-pick';
import { showLockedAreas } from './locked-areas';
import { useDocument, useStores, useUi } from '../stores/app-stores';
import { currentNetwork } from '../stores/selectors';

export interface Locks {
  schoolIds: string[];
  /** Drawn areas (EPSG:3067): a unit whose centre lies inside one keeps its school. */
  areas: MultiPolygon[];
  changed: boolean;
}

export const NO_LOCKS: Locks = { schoolIds: [], areas: [], changed: false };

export function LockSchools({ value, onChange, disabled }: { value: Locks; onChange: (v: Locks) => void; disabled: boolean }) {
  const { t } = useTranslation();
  // The drawn areas stay on the map (optimiser/locked-areas.ts).
  useEffect(() => showLockedAreas(value.areas), [value.areas]);
  const { ui } = useStores();
  const network = useDocument(currentNetwork);
  const [waiting, setWaiting] = useState(false);
  const regionPending = useStore(locationPick, (s) => s.pending?.kind === 'region');
  const drawing = waiting && regionPending;
  const draw = () => {
    if (drawing) {
      cancelPick();
      setWaiting(false);
      return;
    }
    setWaiting(true);
    requestRegion((region) => {
      setWaiting(false);
      ui.getState().setTool('pan');
      onChange({ ...value, areas: [...value.areas, region] });
    });
    ui.getState().setTool('lasso');
  };
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
      <fieldset className="propose-lock-areas">
        <legend>{t('optimiser.lockAreasLegend')}</legend>
        <p className="hint" role="status">{drawing ? t('optimiser.lockAreaDrawing') : t('optimiser.lockedAreas', { count: value.areas.length })}</p>
        <div className="propose-buttons">
          <button type="button" className="propose-lock-area" aria-pressed={drawing} disabled={disabled} onClick={draw}>
            {drawing ? t('optimiser.lockAreaCancel') : t('optimiser.lockAreaDraw')}
          </button>
          <button type="button" disabled={disabled || value.areas.length === 0} onClick={() => onChange({ ...value, areas: [] })}>{t('optimiser.lockAreaNone')}</button>
        </div>
      </fieldset>
      <label className="field checkbox">
        <input type="checkbox" checked={value.changed} disabled={disabled} onChange={(e) => onChange({ ...value, changed: e.target.checked })} />
        <span>{t('optimiser.lockChanged')}</span>
      </label>
    </fieldset>
  );
}
