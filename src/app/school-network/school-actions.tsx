/**
 * Actions on the selected school (chosen in the table or by its map symbol): close it (its units
 * to the nearest remaining school) or merge it into a named school, from a school year; move it to
 * temporary premises for years from … to. Each is one record through the document store.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Position } from '../../core/model/geometry-types';
import { useDocument } from '../stores/app-stores';
import { currentNetwork } from '../stores/selectors';
import type { SchoolInfo } from '../workers/engine-protocol';
import { LocationFields } from './location-fields';
import { SchoolProblems } from './school-problems';
import { closeSchoolRecord, relocateRecord, yearRange } from './school-records';
import { useSchoolEdit } from './use-school-edit';

export function SchoolActions({ school }: { school: SchoolInfo }) {
  const { t } = useTranslation();
  const network = useDocument(currentNetwork);
  const years = useDocument((s) => s.summary?.years);
  const selectedYear = useDocument((s) => s.year) ?? years?.base ?? 0;
  const all = yearRange(years);
  const [closeYear, setCloseYear] = useState(selectedYear);
  const [to, setTo] = useState<string>('nearest');
  const [from, setFrom] = useState(selectedYear);
  const [until, setUntil] = useState(Math.min(selectedYear + 1, years?.last ?? selectedYear));
  const [location, setLocation] = useState<Position | null>(null);
  const close = useSchoolEdit();
  const move = useSchoolEdit();
  const receivers = (network?.schools ?? []).filter((s) => s.id !== school.id && s.status !== 'closed');
  const receiver = receivers.find((s) => s.id === to);
  const yearOptions = all.map((y) => <option key={y} value={y}>{y}</option>);

  return (
    <div className="school-actions" data-testid="school-actions">
      <fieldset>
        <legend>{t('schoolNetwork.close')}</legend>
        <div className="field-row">
          <label className="field">
            <span>{t('schoolNetwork.year')}</span>
            <select value={closeYear} onChange={(e) => setCloseYear(Number(e.target.value))} data-testid="close-year">{yearOptions}</select>
          </label>
          <label className="field grow">
            <span>{t('schoolNetwork.closeTo')}</span>
            <select value={to} onChange={(e) => setTo(e.target.value)} data-testid="close-to">
              <option value="nearest">{t('schoolNetwork.toNearest')}</option>
              {receivers.map((s) => <option key={s.id} value={s.id}>{s.name}</option>)}
            </select>
          </label>
        </div>
        <button type="button" data-testid="close-submit" onClick={() => void close.submit(closeSchoolRecord(school.id, closeYear, receiver ? receiver.id : 'nearest'))}>
          {receiver ? t('schoolNetwork.mergeButton', { name: receiver.name }) : t('schoolNetwork.closeButton')}
        </button>
        <SchoolProblems problems={close.problems} />
      </fieldset>
      <fieldset>
        <legend>{t('schoolNetwork.relocate')}</legend>
        <div className="field-row">
          <label className="field grow">
            <span>{t('schoolNetwork.from')}</span>
            <select value={from} onChange={(e) => setFrom(Number(e.target.value))}>{yearOptions}</select>
          </label>
          <label className="field grow">
            <span>{t('schoolNetwork.to')}</span>
            <select value={until} onChange={(e) => setUntil(Number(e.target.value))}>{yearOptions}</select>
          </label>
        </div>
        <LocationFields value={location} onChange={setLocation} testId="relocate-location" />
        <button type="button" disabled={!location} onClick={() => location && void move.submit(relocateRecord(school.id, from, until, location))} data-testid="relocate-submit">
          {t('schoolNetwork.relocateButton')}
        </button>
        <SchoolProblems problems={move.problems} />
      </fieldset>
    </div>
  );
}
