/** Top bar: app name, dataset, network switcher, language switcher, undo/redo and the edit count. */
import { useTranslation } from 'react-i18next';
import type { UiLanguage } from '../format/format-number';
import { ScenarioBar } from '../scenarios/scenario-bar';
import { ImportButton } from '../import/import-button';
import { useDocument, usePreferences, useStores } from '../stores/app-stores';
import { YearControl } from '../time/year-control';

export function TopBar() {
  const { t } = useTranslation();
  const stores = useStores();
  const summary = useDocument((s) => s.summary);
  const networkId = useDocument((s) => s.networkId);
  const canUndo = useDocument((s) => s.canUndo);
  const canRedo = useDocument((s) => s.canRedo);
  const editCount = useDocument((s) => s.editCount);
  const language = usePreferences((s) => s.language);

  return (
    <header className="top-bar">
      <h1 className="app-name">
        <span className="brand">{t('app.name')}</span>
        <span className="product">{t('app.product')}</span>
      </h1>
      {summary && (
        <span className="dataset-name" title={`${t('topBar.dataset')}: ${summary.name}`}>
          {summary.name}
        </span>
      )}
      <ScenarioBar />
      <ImportButton />
      <div className="top-bar-controls">
        <label className="field">
          <span>{t('topBar.network')}</span>
          <select value={networkId ?? ''} disabled={!summary} onChange={(e) => void stores.document.getState().setNetwork(e.target.value)}>
            {summary?.networks.map((n) => (
              <option key={n.id} value={n.id}>
                {n.label[language]}
              </option>
            ))}
          </select>
        </label>
        <YearControl />
        <label className="field">
          <span className="sr-only">{t('topBar.language')}</span>
          <select value={language} aria-label={t('topBar.language')} onChange={(e) => stores.preferences.getState().setLanguage(e.target.value as UiLanguage)}>
            {(['fi', 'sv', 'en'] as const).map((l) => (
              <option key={l} value={l} lang={l}>
                {t(`languages.${l}`)}
              </option>
            ))}
          </select>
        </label>
        <div className="button-group" role="group" aria-label={`${t('topBar.undo')} / ${t('topBar.redo')}`}>
          <button type="button" disabled={!canUndo} title={t('topBar.undoShortcut')} aria-keyshortcuts="Control+Z" onClick={() => void stores.document.getState().undo()}>
            <span aria-hidden="true">↶</span> <span className="button-label">{t('topBar.undo')}</span>
          </button>
          <button type="button" disabled={!canRedo} title={t('topBar.redoShortcut')} aria-keyshortcuts="Control+Shift+Z Control+Y" onClick={() => void stores.document.getState().redo()}>
            <span aria-hidden="true">↷</span> <span className="button-label">{t('topBar.redo')}</span>
          </button>
        </div>
        <span className="edit-count" aria-live="polite">
          {t('topBar.edits', { count: editCount })}
        </span>
      </div>
    </header>
  );
}
