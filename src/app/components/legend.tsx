/**
 * Map legend: what colours the map (catchments, or the cell choropleth with its units and the
 * privacy note), the selected catchment, changed cells (hatched), and the school symbols.
 */
import { useTranslation } from 'react-i18next';
import { formatNumber, formatPercent } from '../format/format-number';
import { CATCHMENT_PALETTE } from '../map/catchment-palette';
import { rampGradientCss, utilisationGradientCss, type SequentialRamp } from '../map/colour-ramps';
import { useDocument, usePreferences, useUi } from '../stores/app-stores';
import { unitContext } from '../i18n/area-labels';
import type { Choropleth } from './map-colouring';

export function Legend({ choropleth, ramp, threshold }: { choropleth: Choropleth | null; ramp: SequentialRamp; threshold: number }) {
  const { t } = useTranslation();
  const lang = usePreferences((s) => s.language);
  const showChanged = useUi((s) => s.showChanged);
  const hasSelection = useUi((s) => s.selectedSchoolId !== null);
  const share = choropleth?.measure.kind === 'share';
  const context = unitContext(useDocument((s) => s.summary?.units.kind));
  const own = choropleth?.measure.unit;
  const fmt = (v: number) => (share ? formatPercent(v, lang, 0) : formatNumber(v, lang, own?.digits ?? 0));
  return (
    <aside className="legend" aria-label={t('legend.title')}>
      {choropleth ? (
        <div className="legend-block">
          <div className="legend-title">
            {choropleth.measure.label[lang]} <span className="legend-unit">({own ? own.label[lang] : share ? t('legend.shareUnit') : choropleth.measure.id === 'children' ? t('legend.childrenUnit', { context }) : t('legend.countUnit', { context })})</span>
          </div>
          <div className="legend-ramp" style={{ background: rampGradientCss(ramp) }} />
          <div className="legend-scale">
            <span>{fmt(choropleth.domain.min)}</span>
            <span>≥ {fmt(choropleth.domain.max)}</span>
          </div>
          <div className="legend-row legend-note">
            <span className="legend-swatch hidden-cells" aria-hidden="true" /> {t('legend.hidden', { threshold })}
          </div>
          <div className="legend-row">
            <span className="legend-swatch boundary" aria-hidden="true" /> {t('legend.boundaries')}
          </div>
        </div>
      ) : (
        <div className="legend-block">
          <div className="legend-title">{t('legend.catchments')}</div>
          <div className="legend-palette" aria-hidden="true">
            {CATCHMENT_PALETTE.map((c, i) => (
              <span key={i} style={{ background: `rgb(${c.join(',')})` }} />
            ))}
          </div>
          <div className="legend-note">{t('legend.catchmentsNote')}</div>
        </div>
      )}
      {hasSelection && (
        <div className="legend-block legend-row">
          <span className="legend-swatch selected" aria-hidden="true" /> {t('legend.selected')}
        </div>
      )}
      {showChanged && (
        <div className="legend-block legend-row">
          <span className="legend-swatch changed" aria-hidden="true" /> {t('legend.changed', { context })}
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
    </aside>
  );
}
