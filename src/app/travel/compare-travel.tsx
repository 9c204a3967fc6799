/**
 * School trips in the comparison view: the network's travel figures in A and B with the change
 * (mean, median, 90th percentile and longest trip in km; children over 5 km; the share whose
 * catchment school is also their nearest), and the mean trip and children over 5 km of every
 * school whose catchment differs. Privacy-applied figures: hidden ones read "<10" or "–".
 */
import { useTranslation } from 'react-i18next';
import { formatChange, formatCountChange, formatNumber, formatPercent, formatPointChange, suppressedText, type UiLanguage } from '../format/format-number';
import type { PublicSchoolTravel } from '../../core/travel/travel-privacy';
import type { TravelSide } from './travel-registry';
import { TRAVEL_COLUMNS } from './travel-cells';
import './travel.css';

type Kind = 'km' | 'count' | 'share';

function Cells({ a, b, kind, lang, threshold }: { a: number | null | undefined; b: number | null | undefined; kind: Kind; lang: UiLanguage; threshold: number }) {
  const one = (v: number | null | undefined) =>
    v === null || v === undefined ? (kind === 'count' ? suppressedText(threshold) : '–') : kind === 'km' ? formatNumber(v / 1000, lang, 1) : kind === 'share' ? formatPercent(v, lang, 1) : formatNumber(v, lang, 0);
  const both = a !== null && a !== undefined && b !== null && b !== undefined;
  const d = both ? (b as number) - (a as number) : null;
  const change = d === null ? '–' : kind === 'km' ? formatChange(d / 1000, lang, 1) : kind === 'share' ? formatPointChange(d, lang) : formatCountChange(d, lang);
  return (
    <>
      <td className="num">{one(a)}</td>
      <td className="num">{one(b)}</td>
      <td className="num change">{change}</td>
    </>
  );
}

/** The trip lengths (as the school table's columns), the children over 5 km and the nearest-school share. */
const ROWS: { key: keyof PublicSchoolTravel | 'nearest_school_share'; label: string; kind: Kind }[] = [
  ...TRAVEL_COLUMNS.filter((c) => c.kind === 'km').map(({ key, label }) => ({ key, label, kind: 'km' as const })),
  { key: 'over_5km_children', label: 'travel.over5kmChildren', kind: 'count' },
  { key: 'nearest_school_share', label: 'travel.nearestShare', kind: 'share' },
];

export function CompareTravel({ travel, changed, schools, lang, threshold }: {
  travel: { straightLine: boolean; a: TravelSide; b: TravelSide };
  changed: number[];
  schools: { name: string }[];
  lang: UiLanguage;
  threshold: number;
}) {
  const { t } = useTranslation();
  const net = (side: TravelSide, key: (typeof ROWS)[number]['key']) => (side.network as unknown as Record<string, number | null>)[key];
  return (
    <details className="compare-travel" open data-testid="compare-travel">
      <summary>{travel.straightLine ? t('travel.compareTitleStraight') : t('travel.compareTitle')}</summary>
      <div className="compare-travel-tables">
        <table className="compare-table">
          <thead>
            <tr><th>{t('travel.figure')}</th><th className="num">A</th><th className="num">B</th><th className="num">{t('travel.change')}</th></tr>
          </thead>
          <tbody>
            {ROWS.map((r) => (
              <tr key={r.key}>
                <th scope="row">{t(r.label)}{r.kind === 'km' ? ', km' : ''}</th>
                <Cells a={net(travel.a, r.key)} b={net(travel.b, r.key)} kind={r.kind} lang={lang} threshold={threshold} />
              </tr>
            ))}
          </tbody>
        </table>
        {changed.length > 0 && (
          <table className="compare-table">
            <thead>
              <tr><th rowSpan={2}>{t('travel.changedSchools')}</th><th colSpan={3}>{t('travel.meanTrip')}, km</th><th colSpan={3}>{t('travel.over5kmChildren')}</th></tr>
              <tr className="sub"><th className="num">A</th><th className="num">B</th><th className="num">±</th><th className="num">A</th><th className="num">B</th><th className="num">±</th></tr>
            </thead>
            <tbody>
              {changed.map((i) => (
                <tr key={i}>
                  <th scope="row">{schools[i]?.name ?? i}</th>
                  <Cells a={travel.a.schools[i]?.mean_m} b={travel.b.schools[i]?.mean_m} kind="km" lang={lang} threshold={threshold} />
                  <Cells a={travel.a.schools[i]?.over_5km_children} b={travel.b.schools[i]?.over_5km_children} kind="count" lang={lang} threshold={threshold} />
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </div>
    </details>
  );
}
