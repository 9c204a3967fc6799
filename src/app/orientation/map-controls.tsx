/** Zoom in, zoom out and "show the whole area" buttons over the map (the scale bar is MapLibre's, map-view.ts). */
import { useTranslation } from 'react-i18next';
import { useStores } from '../stores/app-stores';

export function MapControls({ zoomBy }: { zoomBy(delta: number): void }) {
  const { t } = useTranslation();
  const { ui } = useStores();
  return (
    <div className="map-controls" role="group" aria-label={t('orientation.controls')}>
      <button type="button" onClick={() => zoomBy(1)} aria-label={t('orientation.zoomIn')} title={t('orientation.zoomIn')}>
        <span aria-hidden="true">+</span>
      </button>
      <button type="button" onClick={() => zoomBy(-1)} aria-label={t('orientation.zoomOut')} title={t('orientation.zoomOut')}>
        <span aria-hidden="true">−</span>
      </button>
      <button type="button" onClick={() => ui.getState().requestFocus({ kind: 'home' })} aria-label={t('orientation.home')} title={t('orientation.home')}>
        <span aria-hidden="true">⌂</span>
      </button>
    </div>
  );
}
