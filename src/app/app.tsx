/** Layout: top bar; left panel (tools, school table); map; right panel (indices, chart). Global shortcuts. */
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { CompositionChart } from './components/composition-chart';
import { ConfirmDialog } from './components/confirm-dialog';
import { EditProblems } from './components/edit-problems';
import { IndicesPanel } from './components/indices-panel';
import { keyToCommand } from './components/keyboard-commands';
import { LoadStatus } from './components/load-status';
import { MapCanvas } from './components/map-canvas';
import { SchoolTable } from './components/school-table';
import { ToolPanel } from './components/tool-panel';
import { TopBar } from './components/top-bar';
import type { MapView } from './map/map-view';
import { useDocument, useStores } from './stores/app-stores';

export function App({ testMode, missingSample, onMapView }: { testMode: boolean; missingSample: boolean; onMapView(view: MapView | null): void }) {
  const { t } = useTranslation();
  const stores = useStores();
  const summary = useDocument((s) => s.summary);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const target = e.target as HTMLElement | null;
      const command = keyToCommand({ key: e.key, ctrlKey: e.ctrlKey, metaKey: e.metaKey, shiftKey: e.shiftKey, altKey: e.altKey, targetTag: target?.tagName });
      if (!command || document.querySelector('dialog[open]')) return;
      const doc = stores.document.getState();
      const ui = stores.ui.getState();
      switch (command) {
        case 'undo':
          e.preventDefault();
          void doc.undo();
          break;
        case 'redo':
          e.preventDefault();
          void doc.redo();
          break;
        case 'brush-smaller':
          ui.nudgeBrushSize(-1);
          break;
        case 'brush-larger':
          ui.nudgeBrushSize(1);
          break;
        case 'cancel':
          window.dispatchEvent(new Event('catchment-studio:cancel'));
          break;
        default:
          ui.setTool(command);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [stores]);

  return (
    <div className={`app-shell${testMode ? ' test-mode' : ''}`}>
      <a className="skip-link" href="#map">
        {t('app.skipToMap')}
      </a>
      <TopBar />
      <aside className="left-panel">
        <ToolPanel />
        <EditProblems />
        <SchoolTable />
      </aside>
      <main className="centre">
        <MapCanvas testMode={testMode} onMapView={onMapView} />
        <LoadStatus missingSample={missingSample} />
      </main>
      <aside className="right-panel">
        <IndicesPanel />
        <CompositionChart />
        {summary && (
          <footer className="source-note">
            <p>{t('footer.source', { source: summary.source })}</p>
            <p>{t('footer.privacy', { threshold: summary.privacyThreshold })}</p>
          </footer>
        )}
      </aside>
      <ConfirmDialog />
    </div>
  );
}
