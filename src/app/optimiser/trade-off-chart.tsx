/** The trade-off view: the measure (left axis) and the mean trip (right axis) against children rezoned, one point per cap. */
import { LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';

echarts.use([LineChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

export interface TradeOffPoint {
  cap: number;
  measure: number;
  rezoned: number;
  meanTrip: number;
  before: number;
  tripBefore: number;
}

export function TradeOffChart({ points }: { points: TradeOffPoint[] }) {
  const { t } = useTranslation();
  const element = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!element.current) return;
    const chart = echarts.init(element.current, undefined, { renderer: 'canvas' });
    const start = points[0];
    const rows = [{ rezoned: 0, measure: start.before, meanTrip: start.tripBefore }, ...points];
    chart.setOption({
      animation: false,
      grid: { left: 8, right: 8, top: 32, bottom: 24, containLabel: true },
      legend: { top: 0, data: [t('optimiser.axisMeasure'), t('optimiser.axisTrip')] },
      tooltip: { trigger: 'axis' },
      xAxis: { type: 'value', name: t('optimiser.axisRezoned'), nameLocation: 'middle', nameGap: 22, min: 0 },
      yAxis: [
        { type: 'value', name: t('optimiser.axisMeasure'), scale: true },
        { type: 'value', name: t('optimiser.axisTrip'), scale: true },
      ],
      series: [
        // Blue circles and orange diamonds (colour-blind-safe pair, distinct shapes).
        { name: t('optimiser.axisMeasure'), type: 'line', symbol: 'circle', symbolSize: 8, color: '#0072b2', data: rows.map((r) => [Math.round(r.rezoned * 1000) / 10, Math.round(r.measure * 10000) / 10000]) },
        { name: t('optimiser.axisTrip'), type: 'line', yAxisIndex: 1, symbol: 'diamond', symbolSize: 9, color: '#e69f00', lineStyle: { type: 'dashed' }, data: rows.map((r) => [Math.round(r.rezoned * 1000) / 10, Math.round(r.meanTrip)]) },
      ],
    });
    return () => chart.dispose();
  }, [points, t]);
  return (
    <figure className="trade-off">
      <figcaption>{t('optimiser.tradeOffTitle')}</figcaption>
      <div ref={element} className="trade-off-chart" style={{ height: 220 }} data-points={points.length} />
    </figure>
  );
}
