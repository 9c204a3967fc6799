/**
 * The school table's travel columns: the children's mean trip (km) and the children with trips
 * over 5 km, each with its change from the baseline; "<10" below the privacy threshold.
 */
import { useTranslation } from 'react-i18next';
import { formatCountChange, formatNumber, type UiLanguage } from '../format/format-number';
import type { TravelSnapshot } from './travel-registry';
import { changeDirection, delta } from '../components/school-rows';

/** A change from the baseline under the value, styled like the table's other changes. */
function Change({ text }: { text: string }) {
  const direction = changeDirection(text);
  return direction === 'none' ? null : <span className={`change ${direction}`}>{text}</span>;
}

export function TravelHeaders({ travel }: { travel: TravelSnapshot | null }) {
  const { t } = useTranslation();
  if (!travel) return null;
  return (
    <>
      <th scope="col" title={travel.straightLine ? t('travel.meanTripStraight') : t('travel.meanTripHelp')}>
        <span className="col-label">{t('travel.meanTrip')}</span>
        <span className="col-unit">km</span>
      </th>
      <th scope="col">
        <span className="col-label">{t('travel.over5km')}</span>
        <span className="col-unit">{t('table.childrenUnit')}</span>
      </th>
    </>
  );
}

export function TravelCells({ travel, index, lang, threshold }: { travel: TravelSnapshot | null; index: number; lang: UiLanguage; threshold: number }) {
  if (!travel) return null;
  const now = travel.schools[index];
  const before = travel.baselineSchools[index];
  const km = (m: number | null | undefined) => (m === null || m === undefined ? null : m / 1000);
  const meanChange = delta(km(now?.mean_m), km(before?.mean_m));
  return (
    <>
      <td className="num travel-mean">
        {now?.mean_m === null || now?.mean_m === undefined ? '–' : formatNumber(now.mean_m / 1000, lang, 1)}
        <Change text={meanChange === null || Math.abs(meanChange) < 0.05 ? '' : `${meanChange > 0 ? '+' : '\u2212'}${formatNumber(Math.abs(meanChange), lang, 1)}`} />
      </td>
      <td className="num travel-over5">
        {now?.over_5km_children === null || now?.over_5km_children === undefined ? `<${threshold}` : formatNumber(now.over_5km_children, lang, 0)}
        <Change text={formatCountChange(delta(now?.over_5km_children, before?.over_5km_children), lang)} />
      </td>
    </>
  );
}
