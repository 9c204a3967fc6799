/**
 * "Add a school": name, language, grades, capacity, school year, location (picked on the map or
 * typed) and catchment ("nearest" or a region drawn with the lasso). Submits one open-school
 * record; on refusal the core's problem is shown and the form keeps its values.
 */
import { useState, type FormEvent } from 'react';
import { useStore } from 'zustand';
import { useTranslation } from 'react-i18next';
import type { MultiPolygon, Position } from '../../core/model/geometry-types';
import type { GradeRange, Language } from '../../core/model/school';
import { useDocument, useStores } from '../stores/app-stores';
import { currentNetwork } from '../stores/selectors';
import { LocationFields } from './location-fields';
import { cancelPick, locationPick, requestRegion } from './location-pick';
import { SchoolProblems } from './school-problems';
import { defaultGrades, openSchoolRecord, yearRange } from './school-records';
import { useSchoolEdit } from './use-school-edit';

const GRADES: GradeRange[] = ['1-6', '7-9', '1-9'];

export function AddSchoolForm({ onDone }: { onDone(): void }) {
  const { t } = useTranslation();
  const { ui } = useStores();
  const network = useDocument(currentNetwork);
  const years = useDocument((s) => s.summary?.years);
  const selectedYear = useDocument((s) => s.year);
  const summary = useDocument((s) => s.summary);
  const drawing = useStore(locationPick, (s) => s.pending?.kind === 'region');
  const [name, setName] = useState('');
  const [language, setLanguage] = useState<Language>(network?.language ?? 'fi');
  const [grades, setGrades] = useState<GradeRange>(defaultGrades(network?.level ?? 'lower'));
  const [capacity, setCapacity] = useState(300);
  const [year, setYear] = useState(selectedYear ?? years?.base ?? 0);
  const [location, setLocation] = useState<Position | null>(null);
  const [mode, setMode] = useState<'nearest' | 'drawn'>('nearest');
  const [region, setRegion] = useState<MultiPolygon | null>(null);
  const [note, setNote] = useState<string | null>(null);
  const edit = useSchoolEdit();

  const draw = () => {
    if (drawing) return cancelPick();
    requestRegion((r) => {
      setRegion(r);
      ui.getState().setTool('pan');
    });
    ui.getState().setTool('lasso');
  };
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    edit.clear();
    const missing = !name.trim() ? 'needName' : !location ? 'needLocation' : mode === 'drawn' && !region ? 'needRegion' : null;
    setNote(missing ? t(`schoolNetwork.${missing}`) : null);
    if (missing || !location) return;
    const taken = new Set([...(summary?.networks.flatMap((n) => n.schools.map((x) => x.id)) ?? []), ...(network?.schools.map((s) => s.id) ?? [])]);
    const record = openSchoolRecord({ name, language, grades, capacity, year, location, catchment: mode === 'drawn' && region ? region : 'nearest' }, taken);
    if (await edit.submit(record)) {
      ui.getState().selectSchool(record.school.id);
      onDone();
    }
  };

  return (
    <form className="add-school" onSubmit={(e) => void submit(e)} aria-labelledby="add-school-title" data-testid="add-school-form">
      <h3 id="add-school-title">{t('schoolNetwork.addTitle')}</h3>
      <label className="field">
        <span>{t('schoolNetwork.name')}</span>
        <input value={name} onChange={(e) => setName(e.target.value)} data-testid="add-school-name" autoFocus />
      </label>
      <div className="field-row">
        <label className="field grow">
          <span>{t('schoolNetwork.language')}</span>
          <select value={language} onChange={(e) => setLanguage(e.target.value as Language)}>
            {(['fi', 'sv'] as const).map((l) => <option key={l} value={l}>{t(`schoolNetwork.languages.${l}`)}</option>)}
          </select>
        </label>
        <label className="field grow">
          <span>{t('schoolNetwork.grades')}</span>
          <select value={grades} onChange={(e) => setGrades(e.target.value as GradeRange)}>
            {GRADES.map((g) => <option key={g} value={g}>{g.replace('-', '–')}</option>)}
          </select>
        </label>
      </div>
      <div className="field-row">
        <label className="field grow">
          <span>{t('schoolNetwork.capacity')}</span>
          <input type="number" min={1} step={1} value={capacity} onChange={(e) => setCapacity(Number(e.target.value))} data-testid="add-school-capacity" />
        </label>
        <label className="field grow">
          <span>{t('schoolNetwork.year')}</span>
          <select value={year} onChange={(e) => setYear(Number(e.target.value))} data-testid="add-school-year">
            {yearRange(years).map((y) => <option key={y} value={y}>{y}</option>)}
          </select>
        </label>
      </div>
      <LocationFields value={location} onChange={setLocation} testId="add-school-location" />
      <fieldset>
        <legend>{t('schoolNetwork.catchment')}</legend>
        <label className="check">
          <input type="radio" name="add-school-catchment" checked={mode === 'nearest'} onChange={() => setMode('nearest')} />
          {t('schoolNetwork.nearest')}
        </label>
        <label className="check">
          <input type="radio" name="add-school-catchment" checked={mode === 'drawn'} onChange={() => setMode('drawn')} />
          {t('schoolNetwork.drawn')}
        </label>
        {mode === 'drawn' && (
          <button type="button" aria-pressed={drawing} onClick={draw}>
            {drawing ? t('schoolNetwork.drawing') : region ? `${t('schoolNetwork.drawn-ok')} ✓ · ${t('schoolNetwork.draw')}` : t('schoolNetwork.draw')}
          </button>
        )}
      </fieldset>
      {note && <p className="inline-error" role="alert">{note}</p>}
      <SchoolProblems problems={edit.problems} />
      <div className="field-row">
        <button type="submit" data-testid="add-school-submit">{t('schoolNetwork.open')}</button>
        <button type="button" onClick={() => { cancelPick(); onDone(); }}>{t('schoolNetwork.cancel')}</button>
      </div>
    </form>
  );
}
