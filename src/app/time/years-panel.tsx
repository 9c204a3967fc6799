/**
 * "Over the years" (issue 9): the selected school's children and capacity in every projected year
 * (the scenario against the baseline), and the network's chosen index over the years. The series
 * come from the worker (core/projection/year-series.ts) only while the panel is open, again after
 * each change of the network's figures; nothing is computed for a closed panel.
 */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { IndexKey, NetworkYearSeries } from '../../core/projection/year-series';
import { INDEX_KEYS } from '../../core/projection/year-series';
import { formatChildren, formatIndex, formatNumber } from '../format/format-number';
import { useDocument, usePreferences, useStores, useUi } from '../stores/app-stores';
import { currentView } from '../stores/selectors';
import { YearsChart } from './years-chart';
import './time.css';

export function YearsPanel() {
  const { t } = useTranslation();
  const { engine } = useStores();
  const summary = useDocument((s) => s.summary);
  const networkId = useDocument((s) => s.networkId);
  const view = useDocument(currentView);
  const lang = usePreferences((s) => s.language);
  const schoolId = useUi((s) => s.selectedSchoolId);
  const shareId = useUi((s) => s.selectedShareId) ?? summary?.shares[0]?.id ?? null;
  const [open, setOpen] = useState(false);
  const [indexKey, setIndexKey] = useState<IndexKey>('D');
  const [series, setSeries] = useState<NetworkYearSeries | null>(null);
  const [failed, setFailed] = useState<string | null>(null);

  useEffect(() => {
    if (!open || !networkId || !engine.yearSeries) return;
    let live = true;
    void engine.yearSeries(networkId).then((r) => {
      if (!live) return;
      if (r.ok) {
        setSeries(r.value);
        setFailed(null);
      } else setFailed(r.problems[0]?.message ?? '');
    });
    return () => {
      live = false;
    };
  }, [open, networkId, view, engine]);

  if (!summary?.years || !engine.yearSeries) return null;
  const threshold = summary.privacyThreshold;
  const shown = series && series.networkId === networkId ? series : null;
  const school = shown?.schools.find((s) => s.id === schoolId) ?? null;
  const index = shown && shareId ? shown.indices[shareId]?.[indexKey] : undefined;
  const shareLabel = summary.shares.find((s) => s.id === shareId)?.label[lang] ?? shareId ?? '';
  const children = t('years.unitChildren');
  return (
    <details className="panel years-panel" data-testid="years-panel" open={open} onToggle={(e) => setOpen((e.target as HTMLDetailsElement).open)}>
      <summary>{t('years.title', { first: summary.years.base, last: summary.years.last })}</summary>
      {failed !== null && <p className="panel-note" role="alert">{failed}</p>}
      {!shown && failed === null && <p className="panel-note" aria-busy="true">{t('years.computing')}</p>}
      {shown && (school ? (
        <YearsChart
          testId="school-years-chart"
          title={t('years.schoolTitle', { name: school.name })}
          unit={children}
          years={shown.years}
          format={(v) => (v === null ? formatChildren(null, lang, threshold) : formatNumber(v, lang))}
          series={[
            { key: 'scenario', label: t('years.scenario'), values: school.children.scenario, style: 'scenario' },
            { key: 'baseline', label: t('years.baseline'), values: school.children.baseline, style: 'baseline' },
            { key: 'capacity', label: t('years.capacity'), values: school.capacity.scenario, style: 'capacity' },
          ]}
        />
      ) : <p className="panel-note">{t('years.pickSchool')}</p>)}
      {shown && index && (
        <>
          <label className="field">
            <span>{t('years.index')}</span>
            <select value={indexKey} onChange={(e) => setIndexKey(e.target.value as IndexKey)} data-testid="years-index">
              {INDEX_KEYS.map((k) => <option key={k} value={k}>{t(`indices.${k}`)}</option>)}
            </select>
          </label>
          <YearsChart
            testId="index-years-chart"
            title={t('years.indexTitle', { index: t(`indices.${indexKey}`), share: shareLabel })}
            unit={t('years.unitIndex')}
            years={shown.years}
            fromZero={false}
            format={(v) => formatIndex(v, lang)}
            series={[
              { key: 'scenario', label: t('years.scenario'), values: index.scenario, style: 'scenario' },
              { key: 'baseline', label: t('years.baseline'), values: index.baseline, style: 'baseline' },
            ]}
          />
        </>
      )}
    </details>
  );
}
