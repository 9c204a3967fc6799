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
import { TRAVEL_FIGURES } from '../../core/export/travel-change-table';
import type { TravelSnapshot } from './travel-registry';
import { changeDirection, delta } from '../components/school-rows';

export type TravelColumn = keyof PublicSchoolTravel;

/** The label (i18n key) of each travel figure. */
const LABELS: Record<TravelColumn, string> = {
  mean_m: 'travel.meanTrip',
  median_m: 'travel.medianTrip',
  p90_m: 'travel.p90Trip',
  max_m: 'travel.maxTrip',
  over_5km_children: 'travel.over5km',
  over_limit_children: 'travel.overLimit',
  max_daily_travel_h: 'travel.dailyHours',
  over_daily_limit_children: 'travel.overDaily',
};

/** Every travel column in table order (the exports' order, core/export/travel-change-table.ts), its label and kind: trip lengths are shown in km. */
export const TRAVEL_COLUMNS: { key: TravelColumn; label: string; kind: 'km' | 'count' | 'hours' }[] = TRAVEL_FIGURES.map(({ key, unit }) => ({
  key,
  label: LABELS[key],
  kind: unit === 'm' ? 'km' : unit === 'h' ? 'hours' : 'count',
}));

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
