/** A location in EPSG:3067 metres: two number fields and "Pick on map" (the next map click fills them). */
import { useStore } from 'zustand';
import { useTranslation } from 'react-i18next';
import type { Position } from '../../core/model/geometry-types';
import { useStores } from '../stores/app-stores';
import { cancelPick, locationPick, requestPoint } from './location-pick';

export function LocationFields({ value, onChange, testId }: { value: Position | null; onChange(p: Position | null): void; testId: string }) {
  const { t } = useTranslation();
  const { ui } = useStores();
  const picking = useStore(locationPick, (s) => s.pending?.kind === 'point');
  const set = (axis: 0 | 1, text: string) => {
    const n = Number(text);
    const next: Position = value ? [value[0], value[1]] : [0, 0];
    next[axis] = n;
    onChange(text === '' || !Number.isFinite(n) ? null : next);
  };
  const pick = () => {
    if (picking) return cancelPick();
    ui.getState().setTool('pan');
    requestPoint((p) => onChange(p));
  };
  return (
    <fieldset className="school-location">
      <legend>{t('schoolNetwork.location')}</legend>
      <div className="field-row">
        <label className="field grow">
          <span>{t('schoolNetwork.x')}</span>
          <input type="number" step={1} value={value ? value[0] : ''} onChange={(e) => set(0, e.target.value)} data-testid={`${testId}-x`} />
        </label>
        <label className="field grow">
          <span>{t('schoolNetwork.y')}</span>
          <input type="number" step={1} value={value ? value[1] : ''} onChange={(e) => set(1, e.target.value)} data-testid={`${testId}-y`} />
        </label>
      </div>
      <button type="button" aria-pressed={picking} onClick={pick} data-testid={`${testId}-pick`}>
        {picking ? t('schoolNetwork.picking') : t('schoolNetwork.pick')}
      </button>
    </fieldset>
  );
}
