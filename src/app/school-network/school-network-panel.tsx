/**
 * The school-network panel (issue 10): "Add a school…" (a form, location picked on the map), and
 * for the school selected in the table or on the map its status, close/merge, temporary premises
 * and feeders. Capacities are changed inline in the school table (capacity-cell.tsx). Escape
 * cancels a pending map pick.
 */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useDocument, useUi } from '../stores/app-stores';
import { currentNetwork } from '../stores/selectors';
import { AddSchoolForm } from './add-school-form';
import { cancelPick } from './location-pick';
import { SchoolActions } from './school-actions';
import { SchoolFeeders } from './school-feeders';
import './school-network.css';

export function SchoolNetworkPanel() {
  const { t } = useTranslation();
  const network = useDocument(currentNetwork);
  const years = useDocument((s) => s.summary?.years);
  const selectedId = useUi((s) => s.selectedSchoolId);
  const [adding, setAdding] = useState(false);
  useEffect(() => {
    window.addEventListener('catchment-studio:cancel', cancelPick);
    return () => window.removeEventListener('catchment-studio:cancel', cancelPick);
  }, []);
  if (!network || !years) return null;
  const school = network.schools.find((s) => s.id === selectedId) ?? null;
  return (
    <section className="panel school-network-panel" aria-labelledby="school-network-title" data-testid="school-network-panel">
      <h2 id="school-network-title">{t('schoolNetwork.title')}</h2>
      {adding ? (
        <AddSchoolForm onDone={() => setAdding(false)} />
      ) : (
        <button type="button" onClick={() => setAdding(true)} data-testid="add-school">
          {t('schoolNetwork.add')}
        </button>
      )}
      {school ? (
        <div className="school-selected">
          <h3>
            {t('schoolNetwork.selected')}: {school.name}
            {school.status && school.status !== 'open' ? ` (${t(`schoolStatus.${school.status}`)})` : school.opened ? ` (${t('schoolStatus.opened')})` : ''}
          </h3>
          <SchoolActions key={school.id} school={school} />
          <SchoolFeeders schoolId={school.id} />
        </div>
      ) : (
        <p className="hint">{t('schoolNetwork.none')}</p>
      )}
    </section>
  );
}
