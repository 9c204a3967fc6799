/** Edit tools (pan, lasso, brush, cell), brush size and map layer options. */
import { useTranslation } from 'react-i18next';
import { BRUSH_MAX, BRUSH_MIN } from '../map/brush-footprint';
import { useDocument, usePreferences, useStores, useUi } from '../stores/app-stores';
import { currentNetwork } from '../stores/selectors';
import type { Tool } from '../stores/ui-store';

const TOOL_KEYS: Record<Tool, string> = { pan: 'V', lasso: 'L', brush: 'B', cell: 'C' };

export function ToolPanel() {
  const { t } = useTranslation();
  const { ui, preferences } = useStores();
  const tool = useUi((s) => s.tool);
  const brushSize = useUi((s) => s.brushSize);
  const selectedId = useUi((s) => s.selectedSchoolId);
  const cellMeasureId = useUi((s) => s.cellMeasureId);
  const showCatchments = useUi((s) => s.showCatchments);
  const showChanged = useUi((s) => s.showChanged);
  const ramp = usePreferences((s) => s.ramp);
  const language = usePreferences((s) => s.language);
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
            </button>
          );
        })}
      </div>
      <p className="selected-school" aria-live="polite">
        {t('tools.editingFor')}: <strong>{selected ? selected.name : '—'}</strong>
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
      <p className="hint">{hint}</p>
      <p className="hint small">{t('tools.shortcuts')}</p>

      <h2>{t('layers.title')}</h2>
      <label className="field">
        <span>{t('layers.cellMeasure')}</span>
        <select value={cellMeasureId ?? ''} onChange={(e) => ui.getState().setCellMeasure(e.target.value || null)}>
          <option value="">{t('layers.none')}</option>
          <option value="children">{t('layers.children')}</option>
          {summary?.shares.map((s) => (
            <option key={s.id} value={s.id}>
              {s.label[language]}
            </option>
          ))}
        </select>
      </label>
      <label className="field">
        <span>{t('layers.colours')}</span>
        <select value={ramp} onChange={(e) => preferences.getState().setRamp(e.target.value as 'viridis' | 'cividis')}>
          <option value="viridis">viridis</option>
          <option value="cividis">cividis</option>
        </select>
      </label>
      <label className="check">
        <input type="checkbox" checked={showCatchments} onChange={() => ui.getState().toggleCatchments()} />
        {t('layers.catchments')}
      </label>
      <label className="check">
        <input type="checkbox" checked={showChanged} onChange={() => ui.getState().toggleChanged()} />
        {t('layers.changed')}
      </label>
    </section>
  );
}
