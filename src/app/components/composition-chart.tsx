/** ECharts grouped bars: each school's share of the selected property, baseline vs now. Tree-shaken imports. */
import { BarChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { formatPercent } from '../format/format-number';
import { useDocument, usePreferences, useUi } from '../stores/app-stores';
import { currentView } from '../stores/selectors';

echarts.use([BarChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

export function CompositionChart() {
  const { t } = useTranslation();
  const element = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);
  const view = useDocument(currentView);
  const summary = useDocument((s) => s.summary);
  const lang = usePreferences((s) => s.language);
  const shareId = useUi((s) => s.selectedShareId) ?? summary?.shares[0]?.id ?? null;
  const selectedId = useUi((s) => s.selectedSchoolId);
  const shareLabel = summary?.shares.find((s) => s.id === shareId)?.label[lang] ?? '';

  useEffect(() => {
    if (!element.current) return;
    const instance = echarts.init(element.current, undefined, { renderer: 'canvas' });
    chart.current = instance;
    const observer = new ResizeObserver(() => instance.resize());
    observer.observe(element.current);
    return () => {
      observer.disconnect();
      instance.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    if (!chart.current) return;
    if (!view || !shareId) {
      // No share to show (e.g. imported data without composition fields): never leave an old chart up.
      chart.current.clear();
      return;
    }
    const schools = view.indicators.schools;
    const before = new Map(view.baseline.schools.map((s) => [s.id, s.shares[shareId] ?? null]));
    const pct = (v: number | null) => (v === null ? null : Math.round(v * 1000) / 10);
    chart.current.setOption(
      {
        animation: false,
        grid: { left: 8, right: 8, top: 28, bottom: 8, containLabel: true },
        legend: { top: 0, data: [t('chart.before'), t('chart.after')] },
        tooltip: { trigger: 'axis', valueFormatter: (v: unknown) => (typeof v === 'number' ? formatPercent(v / 100, lang) : '<') },
        xAxis: { type: 'value', axisLabel: { formatter: (v: number) => formatPercent(v / 100, lang, 0) } },
        yAxis: {
          type: 'category',
          inverse: true,
          data: schools.map((s) => s.name),
          axisLabel: {
            width: 120,
            overflow: 'truncate',
            formatter: (name: string, i: number) => (schools[i]?.id === selectedId ? `{selected|${name}}` : name),
            rich: { selected: { fontWeight: 'bold' } },
          },
        },
        series: [
          { name: t('chart.before'), type: 'bar', data: schools.map((s) => pct(before.get(s.id) ?? null)), itemStyle: { color: '#b9c3cc' } },
          { name: t('chart.after'), type: 'bar', data: schools.map((s) => pct(s.shares[shareId] ?? null)), itemStyle: { color: '#3b6e9e' } },
        ],
      },
      { notMerge: true },
    );
  }, [view, shareId, lang, t, selectedId]);

  const noShares = !!summary && summary.shares.length === 0;
  const height = noShares ? 0 : Math.max(160, (view?.indicators.schools.length ?? 4) * 22 + 50);
  return (
    <section className="panel composition-chart" aria-labelledby="chart-title">
      <h2 id="chart-title">
        {t('chart.title')}
        {shareLabel ? `: ${shareLabel}` : ''}
      </h2>
      {noShares && <p className="panel-note">{t('indices.noShares')}</p>}
      <div ref={element} role="img" aria-label={t('chart.ariaLabel', { share: shareLabel })} aria-hidden={noShares || undefined} style={{ height }} />
    </section>
  );
}
