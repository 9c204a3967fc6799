/**
 * The composition chart, loaded after the first paint: ECharts (its code and its first layout,
 * seconds of main-thread work on software rendering) waits until the data are loaded and the
 * browser is idle, so the map and the table are usable first. Same title and place meanwhile.
 */
import { lazy, Suspense, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useDocument } from '../stores/app-stores';
import { whenIdle } from '../when-idle';

const CompositionChart = lazy(() => import('./composition-chart').then((m) => ({ default: m.CompositionChart })));

function Placeholder() {
  const { t } = useTranslation();
  return (
    <section className="panel composition-chart" aria-labelledby="chart-title" aria-busy="true">
      <h2 id="chart-title">{t('chart.title')}</h2>
      <div style={{ height: 160 }} />
    </section>
  );
}

export function CompositionChartSlot() {
  const ready = useDocument((s) => s.status === 'ready');
  const [show, setShow] = useState(false);
  useEffect(() => (ready && !show ? whenIdle(() => setShow(true)) : undefined), [ready, show]);
  if (!show) return <Placeholder />;
  return (
    <Suspense fallback={<Placeholder />}>
      <CompositionChart />
    </Suspense>
  );
}
