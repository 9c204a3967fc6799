/** Map legend: cell choropleth (with units and the privacy note), school utilisation, changed cells. */
import { useTranslation } from 'react-i18next';
import { formatNumber, formatPercent } from '../format/format-number';
import { rampGradientCss, utilisationGradientCss, type SequentialRamp } from '../map/colour-ramps';
import { usePreferences } from '../stores/app-stores';
import type { Choropleth } from './map-colouring';

export function Legend({ choropleth, ramp, threshold }: { choropleth: Choropleth | null; ramp: SequentialRamp; threshold: number }) {
  const { t } = useTranslation();
  const lang = usePreferences((s) => s.language);
  const fmt = (v: number) => (choropleth?.measure.kind === 'share' ? formatPercent(v, lang, 0) : formatNumber(v, lang, 0));
  return (
    <aside className="legend" aria-label="Legend">
      {choropleth && (
        <div className="legend-block">
          <div className="legend-title">
            {choropleth.measure.kind === 'share' ? `${choropleth.measure.label[lang]} — ${t('legend.share')}` : t('legend.children')}
          </div>
          <div className="legend-ramp" style={{ background: rampGradientCss(ramp) }} />
          <div className="legend-scale">
            <span>{fmt(choropleth.domain.min)}</span>
            <span>≥ {fmt(choropleth.domain.max)}</span>
          </div>
          <div className="legend-row legend-note">
            <span className="legend-swatch hidden-cells" aria-hidden="true" /> {t('legend.hidden', { threshold })}
          </div>
        </div>
      )}
      <div className="legend-block">
        <div className="legend-title">{t('legend.utilisation')}</div>
        <div className="legend-ramp" style={{ background: utilisationGradientCss() }} />
        <div className="legend-scale">
          <span>≤ {formatPercent(0.5, lang, 0)}</span>
          <span>{formatPercent(1, lang, 0)}</span>
          <span>≥ {formatPercent(1.5, lang, 0)}</span>
        </div>
        <div className="legend-note">{t('legend.capacity')}</div>
      </div>
      <div className="legend-block legend-row">
        <span className="legend-swatch changed" aria-hidden="true" /> {t('legend.changed')}
      </div>
    </aside>
  );
}
