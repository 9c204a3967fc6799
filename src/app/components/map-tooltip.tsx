/** Hover tooltip for cells, schools and catchments. Figures respect the privacy threshold. */
import { useTranslation } from 'react-i18next';
import { formatChildren, formatNumber, formatPercent, formatShare } from '../format/format-number';
import { useDocument, usePreferences, useUi } from '../stores/app-stores';
import { currentNetwork, currentView } from '../stores/selectors';
import type { UnitMeasure } from '../workers/engine-protocol';
import { unitContext } from '../i18n/area-labels';
import { travelTooltipLines } from '../travel/travel-tooltip';

export function MapTooltip({ measure }: { measure: UnitMeasure | null }) {
  const { t } = useTranslation();
  const hover = useUi((s) => s.hover);
  const lang = usePreferences((s) => s.language);
  const summary = useDocument((s) => s.summary);
  const network = useDocument(currentNetwork);
  const view = useDocument(currentView);
  if (!hover || !summary || !network || !view) return null;
  const threshold = summary.privacyThreshold;
  let lines: string[] = [];
  if (hover.kind === 'cell') {
    const u = hover.unit;
    const owner = view.unitSchool[u];
    lines = [
      t('tooltip.cell', { id: summary.units.col ? `${summary.units.col[u]}, ${summary.units.row![u]}` : u, context: unitContext(summary.units.kind) }),
      owner >= 0 ? network.schools[owner]?.name ?? '' : t('tooltip.unassigned'),
    ];
    if (measure) {
      const v = measure.values[u];
      lines.push(
        measure.unit
          ? `${measure.label[lang]}: ${Number.isFinite(v) ? `${formatNumber(v, lang, measure.unit.digits)} ${measure.unit.label[lang]}` : '–'}`
          : measure.kind === 'share'
          ? `${measure.label[lang]}: ${formatShare(Number.isFinite(v) ? v : null, measure.base[u], lang, threshold)}`
          : `${t('tooltip.children')}: ${formatChildren(Number.isFinite(v) ? v : null, lang, threshold)}`,
      );
    }
    if (view.unitChanged[u]) lines.push(t('tooltip.changed'));
  } else {
    const school = network.schools[hover.schoolIndex];
    const fig = view.indicators.schools[hover.schoolIndex];
    if (!school) return null;
    lines = [
      (hover.kind === 'school' ? school.name : t('tooltip.catchment', { name: school.name })) + (school.status && school.status !== 'open' ? ` (${t(`schoolStatus.${school.status}`)})` : ''),
      `${t('tooltip.children')}: ${formatChildren(fig?.children ?? null, lang, threshold)}`,
      // The same capacity as the school table: the figures' (the network's level, the selected year).
      `${t('tooltip.capacity')}: ${(fig ? fig.capacity : school.capacity) ?? '–'}`,
      `${t('tooltip.utilisation')}: ${formatPercent(fig?.utilisation ?? null, lang, 0)}`,
      ...travelTooltipLines(view.travel, hover.schoolIndex, lang, threshold, t),
    ];
  }
  return (
    <div className="map-tooltip" role="tooltip" style={{ left: hover.x + 12, top: hover.y + 12 }}>
      {lines.map((l, i) => (
        <div key={i} className={i === 0 ? 'tooltip-title' : undefined}>
          {l}
        </div>
      ))}
    </div>
  );
}
