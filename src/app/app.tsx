/** Layout: top bar; left panel (tools, map options); map; right panel (school table above, indices and chart below). Global shortcuts. */
import { HousingPanel } from './time/housing-panel';
import { YearsPanel } from './time/years-panel';
import { ChildrenSourcesNote } from './time/children-sources-note';
import { SchoolNetworkPanel } from './school-network/school-network-panel';
import { useEffect, type MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { CompositionChartSlot } from './components/composition-chart-slot';
import { ConfirmDialog } from './components/confirm-dialog';
import { EditAnnouncer } from './components/edit-announcer';
import { EditProblems } from './components/edit-problems';
import { IndicesPanel } from './components/indices-panel';
import { keyToCommand } from './components/keyboard-commands';
import { LoadStatus } from './components/load-status';
import { MapWhenLoading } from './first-load/map-when-loading';
import { SchoolTable } from './components/school-table';
import { MapOptionsPanel, ToolPanel } from './components/tool-panel';
import { ProposePanel } from './optimiser/propose-panel';
import { TopBar } from './components/top-bar';
import { LazyImportWizard } from './first-load/lazy-views';
import { BasemapControl, LinkBasemapOffer } from './orientation/basemap-control';
import './orientation/orientation.css';
import type { MapView } from './map/map-view';
import { ScenarioLayer } from './scenarios/scenario-layer';
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
      <nav className="skip-links" aria-label={t('app.skipLinks')}>
        <a className="skip-link" href="#map" onClick={focusTarget}>
          {t('app.skipToMap')}
        </a>
        <a className="skip-link" href="#school-table" onClick={focusTarget}>
          {t('app.skipToTable')}
        </a>
      </nav>
      <TopBar />
      <aside className="left-panel" aria-label={t('app.toolsRegion')}>
        <ToolPanel />
        <EditProblems />
        <HousingPanel />
        <SchoolNetworkPanel />
        <MapOptionsPanel />
        <ProposePanel />
        <BasemapControl />
      </aside>
      <main className="centre">
        <LinkBasemapOffer />
        <MapWhenLoading testMode={testMode} onMapView={onMapView} />
        <LoadStatus missingSample={missingSample} />
      </main>
      <aside className="right-panel" aria-label={t('app.resultsRegion')}>
        <div className="right-top">
          <SchoolTable />
        </div>
        <div className="right-bottom">
          <IndicesPanel />
          <CompositionChartSlot />
          <YearsPanel />
          <ChildrenSourcesNote />
          {summary && (
            <footer className="source-note">
              <p>{t('footer.source', { source: summary.source })}</p>
              <p>{t('footer.privacy', { threshold: summary.privacyThreshold })}</p>
            </footer>
          )}
        </div>
      </aside>
      <EditAnnouncer />
      <ConfirmDialog />
      <ScenarioLayer testMode={testMode} />
      <LazyImportWizard />
    </div>
  );
}

/** Skip links move focus, not just the scroll position. */
function focusTarget(e: MouseEvent<HTMLAnchorElement>): void {
  const id = e.currentTarget.getAttribute('href')?.slice(1);
  const target = id ? document.getElementById(id) : null;
  if (!target) return;
  e.preventDefault();
  target.focus();
}
