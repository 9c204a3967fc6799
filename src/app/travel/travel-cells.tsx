/**
 * The school table's travel columns, each with its change from the baseline: by default the
 * children's mean trip (km) and the children with trips over 5 km; the column chooser adds the
 * median, 90th percentile and longest trip, the children over the youngest's limit, the longest
 * daily travel time of a transported pupil (h) and the children over the legal daily limit.
 * "<10" for a count below the privacy threshold, "–" for a hidden or not-applicable figure.
 */
import { useTranslation } from 'react-i18next';
import { formatChange, formatCountChange, formatNumber, type UiLanguage } from '../format/format-number';
import type { PublicSchoolTravel } from '../../core/travel/travel-privacy';
import type { TravelSnapshot } from './travel-registry';
import { changeDirection, delta } from '../components/school-rows';

export type TravelColumn = keyof PublicSchoolTravel;

/** Every travel column in table order, its label, unit and kind. */
export const TRAVEL_COLUMNS: { key: TravelColumn; label: string; kind: 'km' | 'count' | 'hours' }[] = [
  { key: 'mean_m', label: 'travel.meanTrip', kind: 'km' },
  { key: 'median_m', label: 'travel.medianTrip', kind: 'km' },
  { key: 'p90_m', label: 'travel.p90Trip', kind: 'km' },
  { key: 'max_m', label: 'travel.maxTrip', kind: 'km' },
  { key: 'over_5km_children', label: 'travel.over5km', kind: 'count' },
  { key: 'over_limit_children', label: 'travel.overLimit', kind: 'count' },
  { key: 'max_daily_travel_h', label: 'travel.dailyHours', kind: 'hours' },
  { key: 'over_daily_limit_children', label: 'travel.overDaily', kind: 'count' },
];

/** The columns shown until the user chooses others. */
export const DEFAULT_TRAVEL_COLUMNS: ReadonlySet<TravelColumn> = new Set(['mean_m', 'over_5km_children']);

/** A change from the baseline under the value, styled like the table's other changes. */
function Change({ text }: { text: string }) {
  const direction = changeDirection(text);
  return direction === 'none' ? null : <span className={`change ${direction}`}>{text}</span>;
}

const ordered = (shown: ReadonlySet<TravelColumn>) => TRAVEL_COLUMNS.filter((c) => shown.has(c.key));

export function TravelHeaders({ travel, shown }: { travel: TravelSnapshot | null; shown: ReadonlySet<TravelColumn> }) {
  const { t } = useTranslation();
  if (!travel) return null;
  return (
    <>
      {ordered(shown).map((c) => (
        <th key={c.key} scope="col" title={c.key === 'mean_m' ? (travel.straightLine ? t('travel.meanTripStraight') : t('travel.meanTripHelp')) : undefined}>
          <span className="col-label">{t(c.label)}</span>
          <span className="col-unit">{c.kind === 'km' ? 'km' : c.kind === 'hours' ? 'h' : t('table.childrenUnit')}</span>
        </th>
      ))}
    </>
  );
}

export function TravelCells({ travel, index, lang, threshold, shown }: { travel: TravelSnapshot | null; index: number; lang: UiLanguage; threshold: number; shown: ReadonlySet<TravelColumn> }) {
  if (!travel) return null;
  const now = travel.schools[index];
  const before = travel.baselineSchools[index];
  return (
    <>
      {ordered(shown).map((c) => {
        const a = before?.[c.key];
        const b = now?.[c.key];
        const d = delta(b, a);
        if (c.kind === 'count')
          return (
            <td key={c.key} className={`num travel-${c.key}`}>
              {b === null || b === undefined ? (c.key === 'over_limit_children' && travel.network.over_limit_children === null ? '–' : `<${threshold}`) : formatNumber(b, lang, 0)}
              <Change text={formatCountChange(d, lang)} />
            </td>
          );
        const scale = c.kind === 'km' ? 1000 : 1;
        return (
          <td key={c.key} className={`num travel-${c.key}`}>
            {b === null || b === undefined ? '–' : formatNumber(b / scale, lang, 1)}
            <Change text={formatChange(d === null ? null : d / scale, lang, 1)} />
          </td>
        );
      })}
    </>
  );
}
