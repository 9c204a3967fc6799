/**
 * The map is created once the engine worker has started reading the data (its first progress
 * message), not at the first render. Creating the MapLibre map and drawing its first frame takes
 * the main thread for a second or more on software WebGL; done first, it delayed the messages
 * that start the worker's load (storage open, session prime, load request), and the worker's
 * load is the longest path to a usable map. Now both run at once on two cores. It also waits for
 * the GPU warm-up worker (gpu-warmup.ts), so that its WebGL context opens without setting up the
 * page's GPU channel on the main thread. Without data (no sample city) the map appears after
 * MAP_FALLBACK_MS.
 */
import { useEffect, useState, type ComponentProps } from 'react';
import { useTranslation } from 'react-i18next';
import { MapCanvas } from '../components/map-canvas';
import { useDocument } from '../stores/app-stores';
import { useOnceTrue } from './lazy-views';
import { warmGpu } from './gpu-warmup';

export const MAP_FALLBACK_MS = 3000;

export function MapWhenLoading(props: ComponentProps<typeof MapCanvas>) {
  const { t } = useTranslation();
  const started = useDocument((s) => s.progress !== null || s.status === 'ready' || s.status === 'error');
  const [late, setLate] = useState(false);
  const [warm, setWarm] = useState(false);
  useEffect(() => {
    const id = setTimeout(() => setLate(true), MAP_FALLBACK_MS);
    let live = true;
    void warmGpu().then(() => live && setWarm(true));
    return () => {
      live = false;
      clearTimeout(id);
    };
  }, []);
  const show = useOnceTrue((started && warm) || late);
  if (show) return <MapCanvas {...props} />;
  return (
    <div className="map-area">
      <div className="map-container" role="application" aria-roledescription={t('map.roleDescription')} aria-label={t('map.label')} aria-busy="true" tabIndex={0} id="map" />
    </div>
  );
}
