/**
 * The comparison tables: every school (children, utilisation and the chosen share in A and B
 * with the change) and every index (two-group per share, multigroup per partition). Figures
 * are privacy-applied: a hidden value reads "<10" (counts) or "–".
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { IndicatorComparison, ValueChange } from '../../core/compare/compare-indicators';
import { formatCountChange, formatNumber, suppressedText, formatIndex, formatIndexChange, formatPercent, formatPointChange, type UiLanguage } from '../format/format-number';
import { CompareStatus } from '../school-network/compare-status';

type Kind = 'count' | 'percent' | 'index';

function cells(v: ValueChange, kind: Kind, lang: UiLanguage, threshold: number) {
  const one = (x: number | null) => (kind === 'count' ? (x === null ? suppressedText(threshold) : formatNumber(x, lang)) : kind === 'percent' ? (x === null ? '–' : formatPercent(x, lang, 1)) : formatIndex(x, lang));
  const change = kind === 'count' ? formatCountChange(v.change, lang) : kind === 'percent' ? formatPointChange(v.change, lang) : formatIndexChange(v.change, lang);
  const dir = v.change === null || Math.abs(v.change) < 1e-9 ? '' : v.change > 0 ? ' up' : ' down';
  return (
    <>
      <td className="num">{one(v.a)}</td>
      <td className="num">{one(v.b)}</td>
      <td className={`num change${dir}`}>{v.change === null ? '–' : change}</td>
    </>
  );
}

export function CompareTable({ table, changed, shares, lang, threshold }: {
  table: IndicatorComparison;
  changed: number[];
  shares: { id: string; label: Record<UiLanguage, string> }[];
  lang: UiLanguage;
  threshold: number;
}) {
  const { t } = useTranslation();
  const [tab, setTab] = useState<'schools' | 'indices'>('schools');
  const [shareId, setShareId] = useState(shares[0]?.id ?? '');
  const changedSet = new Set(changed);
  // Schools whose catchment differs first, then the rest by name.
  const order = table.schools.map((s, i) => ({ s, i })).sort((x, y) => Number(changedSet.has(y.i)) - Number(changedSet.has(x.i)) || x.s.name.localeCompare(y.s.name, lang));
  const label = (group: string) => shares.find((s) => s.id === group)?.label[lang] ?? group;
  return (
    <section className="compare-tables">
      <div className="segmented-tabs">
        <div role="tablist" className="segmented-tabs">
          <button type="button" role="tab" aria-selected={tab === 'schools'} onClick={() => setTab('schools')}>{t('compare.schools')}</button>
          <button type="button" role="tab" aria-selected={tab === 'indices'} onClick={() => setTab('indices')}>{t('compare.indices')}</button>
        </div>
        {tab === 'schools' && shares.length > 0 && (
          <label className="field inline">
            <span>{t('compare.share')}</span>
            <select value={shareId} onChange={(e) => setShareId(e.target.value)}>
              {shares.map((s) => <option key={s.id} value={s.id}>{s.label[lang]}</option>)}
            </select>
          </label>
        )}
      </div>
      <div className="table-scroll compare-scroll" role="region" aria-label={tab === 'schools' ? t('compare.schools') : t('compare.indices')} tabIndex={0}>
        {tab === 'schools' ? (
          <table className="compare-table" data-testid="compare-schools">
            <thead>
              <tr>
                <th rowSpan={2}>{t('compare.school')}</th>
                <th colSpan={3}>{t('compare.children')}</th>
                <th colSpan={3}>{t('compare.utilisation')}</th>
                {shareId && <th colSpan={3}>{label(shareId)}</th>}
              </tr>
              <tr className="sub">
                {[0, 1, ...(shareId ? [2] : [])].map((k) => (
                  <FragmentHeads key={k} />
                ))}
              </tr>
            </thead>
            <tbody>
              {order.map(({ s, i }) => (
                <tr key={s.id} className={changedSet.has(i) ? 'changed' : undefined}>
                  <th scope="row">{changedSet.has(i) && <span className="changed-mark" title={t('compare.changedArea')}>◆ </span>}{s.name}<CompareStatus status={s.status} /></th>
                  {cells(s.children, 'count', lang, threshold)}
                  {cells(s.utilisation, 'percent', lang, threshold)}
                  {shareId && cells(s.shares[shareId] ?? { a: null, b: null, change: null }, 'percent', lang, threshold)}
                </tr>
              ))}
            </tbody>
          </table>
        ) : (
          <table className="compare-table" data-testid="compare-indices">
            <thead>
              <tr>
                <th>{t('compare.group')}</th>
                <th>{t('compare.index')}</th>
                <th className="num">A</th>
                <th className="num">B</th>
                <th className="num">{t('compare.change')}</th>
              </tr>
            </thead>
            <tbody>
              {table.indices.map((r) => (
                <tr key={`${r.kind}-${r.group}-${r.index}`}>
                  <td>{r.kind === 'two-group' ? label(r.group) : `${t('compare.multigroup')}: ${r.group}`}</td>
                  <td>{t(`compare.indexNames.${r.index}`, { defaultValue: r.index })}</td>
                  {cells(r.value, 'index', lang, threshold)}
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </div>
    </section>
  );
}

function FragmentHeads() {
  const { t } = useTranslation();
  return (
    <>
      <th className="num">A</th>
      <th className="num">B</th>
      <th className="num">{t('compare.change')}</th>
    </>
  );
}
