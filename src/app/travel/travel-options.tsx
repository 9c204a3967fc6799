/**
 * Travel options of the Map panel: streets (drawn when zoomed in), the selected school's
 * walking-distance bands with their key, pieces detached by edits, and the list of catchments
 * in several pieces (each a button that selects the school and shows it on the map).
 */
import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import { formatNumber } from '../format/format-number';
import { useDocument, usePreferences, useStores, useUi } from '../stores/app-stores';
import { currentNetwork, currentView } from '../stores/selectors';
import { BAND_COLOURS } from './travel-layers';
import { travelView, type TravelView } from './travel-view';
import './travel.css';

const BAND_LIMITS_KM = [1, 3, 5];

export function TravelOptions() {
  const { t } = useTranslation();
  const stores = useStores();
  const summary = useDocument((s) => s.summary);
  const network = useDocument(currentNetwork);
  const view = useDocument(currentView);
  const selectedId = useUi((s) => s.selectedSchoolId);
  const lang = usePreferences((s) => s.language);
  const options = useStore(travelView);
  const travel = view?.travel ?? null;
  if (!travel || !network) return null;
  const toggle = (key: keyof TravelView) => travelView.setState({ [key]: !options[key] });
  const several = network.schools.map((s, i) => ({ school: s, count: travel.pieceCounts[i] ?? 1, before: travel.basePieceCounts[i] ?? 0 })).filter((x) => x.count > 1);
  const show = (id: string) => {
    stores.ui.getState().selectSchool(id);
    stores.ui.getState().requestFocus({ kind: 'school', id });
  };
  return (
    <div className="travel-options" data-testid="travel-options">
      <h3 className="field-label">{t('travel.mapTitle')}</h3>
      <div className="checks">
        {summary?.streets && (
          <label className="check">
            <input type="checkbox" checked={options.streets} onChange={() => toggle('streets')} data-testid="travel-show-streets" />
            {t('travel.showStreets')}
          </label>
        )}
        <label className="check">
          <input type="checkbox" checked={options.bands} onChange={() => toggle('bands')} data-testid="travel-show-bands" />
          {travel.straightLine ? t('travel.showBandsStraight') : t('travel.showBands')}
        </label>
        {options.bands && (selectedId ? (
          <p className="travel-band-key">
            {BAND_LIMITS_KM.map((km, i) => (
              <span key={km}>
                <span className="travel-band-swatch" aria-hidden="true" style={{ borderColor: `rgb(${BAND_COLOURS[i].join(',')})` }} /> {t('travel.bandKey', { km: formatNumber(km, lang, 0) })}
              </span>
            ))}
          </p>
        ) : <p className="hint small">{t('travel.bandsNeedSchool')}</p>)}
        <label className="check">
          <input type="checkbox" checked={options.detached} onChange={() => toggle('detached')} data-testid="travel-show-detached" />
          {t('travel.showDetached')}
        </label>
      </div>
      <details className="travel-pieces" data-testid="travel-pieces">
        <summary>{t('travel.piecesTitle')} ({formatNumber(several.length, lang, 0)})</summary>
        {several.length === 0 ? <p className="hint small">{t('travel.piecesNone')}</p> : (
          <ul>
            {several.map(({ school, count, before }) => (
              <li key={school.id}>
                <button type="button" className="link-button" onClick={() => show(school.id)} aria-label={t('travel.piecesShow', { name: school.name })}>
                  {t('travel.piecesItem', { name: school.name, n: formatNumber(count, lang, 0) })}
                </button>
                {before > 0 && before !== count && <> <span className="change up">{t('travel.piecesChange', { before: formatNumber(before, lang, 0) })}</span></>}
              </li>
            ))}
          </ul>
        )}
      </details>
    </div>
  );
}
