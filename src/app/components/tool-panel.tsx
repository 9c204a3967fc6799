/** Edit tools (pan, lasso, brush, cell) and brush size; map colouring and layer options. */
import { useWithTravelMeasures } from '../travel/travel-measures';
import { TravelOptions } from '../travel/travel-options';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { BRUSH_MAX, BRUSH_MIN } from '../map/brush-footprint';
import { useDocument, usePreferences, useStores, useUi } from '../stores/app-stores';
import { currentNetwork, currentView } from '../stores/selectors';
import { defaultMeasureId, type Tool } from '../stores/ui-store';
import { unitContext } from '../i18n/area-labels';

const TOOL_KEYS: Record<Tool, string> = { pan: 'V', lasso: 'L', brush: 'B', cell: 'C' };

export function ToolPanel() {
  const { t } = useTranslation();
  const { ui } = useStores();
  const tool = useUi((s) => s.tool);
  const brushSize = useUi((s) => s.brushSize);
  const selectedId = useUi((s) => s.selectedSchoolId);
  const network = useDocument(currentNetwork);
  const summary = useDocument((s) => s.summary);
  const isGrid = summary?.units.kind === 'grid';
  const selected = network?.schools.find((s) => s.id === selectedId) ?? null;
  const hint = !selected && tool !== 'pan' ? t('tools.selectSchoolFirst') : t(`tools.${tool}Hint`);

  return (
    <section className="panel tool-panel" aria-labelledby="tools-title">
      <h2 id="tools-title">{t('tools.title')}</h2>
      <div className="tool-buttons" role="toolbar" aria-label={t('tools.title')}>
        {(['pan', 'lasso', 'brush', 'cell'] as const).map((id) => {
          const disabled = (id === 'brush' || id === 'cell') && !isGrid && !!summary;
          return (
            <button
              key={id}
              type="button"
              className="tool-button"
              aria-pressed={tool === id}
              aria-keyshortcuts={TOOL_KEYS[id]}
              disabled={disabled}
              title={disabled ? t('tools.gridOnly') : `${t(`tools.${id}`)} (${TOOL_KEYS[id]})`}
              onClick={() => ui.getState().setTool(id)}
            >
              {t(`tools.${id}`)}
              <kbd aria-hidden="true">{TOOL_KEYS[id]}</kbd>
            </button>
          );
        })}
      </div>
      <p className={`selected-school${selected ? '' : ' none'}`}>
        <span>{t('tools.editingFor')}:</span> <strong>{selected ? selected.name : '—'}</strong>
        {selected && (
          <button type="button" className="link-button" onClick={() => ui.getState().selectSchool(null)}>
            {t('tools.deselect')}
          </button>
        )}
      </p>
      <label className="field brush-size">
        <span>
          {t('tools.brushSize')}: {t('tools.brushSizeValue', { count: brushSize })}
        </span>
        <input
          type="range"
          min={BRUSH_MIN}
          max={BRUSH_MAX}
          value={brushSize}
          aria-keyshortcuts="[ ]"
          disabled={tool !== 'brush'}
          onChange={(e) => ui.getState().setBrushSize(Number(e.target.value))}
        />
      </label>
      <p className="hint" aria-live="polite">
        {hint}
      </p>
      <details className="shortcuts">
        <summary>{t('tools.shortcutsTitle')}</summary>
        <p className="hint small">{t('tools.shortcuts')}</p>
        <p className="hint small">{t('map.keyboardHelp')}</p>
      </details>
    </section>
  );
}

/** What colours the map (catchments or a cell measure), the ramp, and the layer toggles. */
export function MapOptionsPanel() {
  const { t } = useTranslation();
  const { ui, preferences } = useStores();
  const colourBy = useUi((s) => s.colourBy);
  const cellMeasureId = useUi((s) => s.cellMeasureId);
  const showCatchments = useUi((s) => s.showCatchments);
  const showChanged = useUi((s) => s.showChanged);
  const ramp = usePreferences((s) => s.ramp);
  const language = usePreferences((s) => s.language);
  const summary = useDocument((s) => s.summary);
  const network = useDocument(currentNetwork);
  const engine = useStores().engine;
  const measures = useQuery({
    queryKey: ['unit-measures', summary?.name, network?.id],
    queryFn: () => engine.unitMeasures(network!.id),
    enabled: !!summary && !!network,
    staleTime: Infinity,
  });
  const view = useDocument(currentView);
  const allMeasures = useWithTravelMeasures(measures.data, view?.travel);
  const measureIds = allMeasures?.map((m) => m.id) ?? [];
  const measureId = cellMeasureId ?? defaultMeasureId(measureIds) ?? 'children';
  const measureLabel = (id: string) => (id === 'children' || id === 'population' ? t(`layers.${id}`) : (allMeasures?.find((m) => m.id === id)?.label[language] ?? id));

  return (
    <section className="panel map-options" aria-labelledby="map-options-title">
      <h2 id="map-options-title">{t('layers.title')}</h2>
      <span className="field-label" id="colour-by-label">
        {t('layers.colourBy')}
      </span>
      <div className="segmented" role="radiogroup" aria-labelledby="colour-by-label">
        {(['catchments', 'cells'] as const).map((mode) => (
          <label key={mode} className={colourBy === mode ? 'checked' : undefined}>
            <input type="radio" name="colour-by" value={mode} checked={colourBy === mode} onChange={() => ui.getState().setColourBy(mode)} />
            {t(`layers.by_${mode}`, { context: unitContext(summary?.units.kind) })}
          </label>
        ))}
      </div>
      <div className="field-row wrap">
        <label className="field grow">
          <span>{t('layers.cellMeasure', { context: unitContext(summary?.units.kind) })}</span>
          <select value={measureId} onChange={(e) => ui.getState().setCellMeasure(e.target.value)}>
            {measureIds.map((id) => (
              <option key={id} value={id}>
                {measureLabel(id)}
              </option>
            ))}
          </select>
        </label>
        <label className="field ramp">
          <span>{t('layers.colours')}</span>
          <select value={ramp} onChange={(e) => preferences.getState().setRamp(e.target.value as 'viridis' | 'cividis')}>
            <option value="viridis">viridis</option>
            <option value="cividis">cividis</option>
          </select>
        </label>
      </div>
      <div className="checks">
        <label className="check">
          <input type="checkbox" checked={showCatchments} onChange={() => ui.getState().toggleCatchments()} />
          {t('layers.catchments')}
        </label>
        <label className="check">
          <input type="checkbox" checked={showChanged} onChange={() => ui.getState().toggleChanged()} />
          {t('layers.changed', { context: unitContext(summary?.units.kind) })}
        </label>
      </div>
      <TravelOptions />
    </section>
  );
}
