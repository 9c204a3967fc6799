/**
 * The school table's capacity cell: the figure, and a small button that turns it into a number
 * field with a "from school year" choice; Enter or Save makes one set-capacity record (the year
 * defaults to the selected year), Escape cancels. Keys typed here stay here (the table's grid
 * keys do not move the row), and a click does not select the row.
 */
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../format/format-number';
import { useDocument, usePreferences } from '../stores/app-stores';
import { currentNetwork } from '../stores/selectors';
import { SchoolProblems } from './school-problems';
import { setCapacityRecord, yearRange } from './school-records';
import { useSchoolEdit } from './use-school-edit';

/** The ✎ is not a tab stop (the table stays one): F2 on a focused row opens it (school-table.tsx); when editing ends, the row has the focus again. */
export function CapacityCell({ schoolId, capacity }: { schoolId: string; capacity: number | null }) {
  const { t } = useTranslation();
  const lang = usePreferences((s) => s.language);
  const network = useDocument(currentNetwork);
  const years = useDocument((s) => s.summary?.years);
  const selectedYear = useDocument((s) => s.year) ?? years?.base ?? 0;
  const [editing, setEditing] = useState(false);
  const cell = useRef<HTMLTableCellElement>(null);
  const wasEditing = useRef(false);
  useEffect(() => {
    if (wasEditing.current && !editing) cell.current?.closest('tr')?.focus();
    wasEditing.current = editing;
  }, [editing]);
  const [places, setPlaces] = useState(String(capacity ?? ''));
  const [year, setYear] = useState(selectedYear);
  const edit = useSchoolEdit();
  const school = network?.schools.find((s) => s.id === schoolId);
  const text = capacity === null ? '–' : formatNumber(capacity, lang);
  if (!school || !network || !years) return <td className="num">{text}</td>;

  const save = async () => {
    if (await edit.submit(setCapacityRecord(school, network.level, Number(places), year))) setEditing(false);
  };
  const onKey = (e: KeyboardEvent) => {
    e.stopPropagation();
    if (e.key === 'Enter') {
      e.preventDefault();
      void save();
    } else if (e.key === 'Escape') {
      e.preventDefault();
      setEditing(false);
      edit.clear();
    }
  };
  const label = t('schoolNetwork.capacityEdit', { name: school.name });
  return (
    <td ref={cell} className="num capacity-cell" onClick={(e) => e.stopPropagation()}>
      {editing ? (
        <span className="capacity-edit" onKeyDown={onKey} role="group" aria-label={label}>
          <input type="number" min={1} step={1} value={places} onChange={(e) => setPlaces(e.target.value)} aria-label={label} data-testid="capacity-input" autoFocus />
          <label>
            {t('schoolNetwork.capacityYear')}{' '}
            <select value={year} onChange={(e) => setYear(Number(e.target.value))} data-testid="capacity-year">
              {yearRange(years).map((y) => <option key={y} value={y}>{y}</option>)}
            </select>
          </label>
          <button type="button" onClick={() => void save()} data-testid="capacity-save">{t('schoolNetwork.capacitySave')}</button>
          <SchoolProblems problems={edit.problems} />
        </span>
      ) : (
        <>
          {text}{' '}
          <button type="button" className="link-button capacity-button" title={label} aria-label={label} data-testid="capacity-edit" tabIndex={-1} aria-keyshortcuts="F2"
            onKeyDown={(e) => e.stopPropagation()}
            onClick={() => { setPlaces(String(capacity ?? '')); setYear(selectedYear); setEditing(true); }}>
            ✎
          </button>
        </>
      )}
    </td>
  );
}
