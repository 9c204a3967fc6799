/**
 * The travel layers of the main map (travel-layers.ts) from the stores: streets under the
 * catchments from STREETS_MIN_ZOOM on, the selected school's bands (asked from the worker when
 * shown, again after every edit, year change or other school) and the pieces detached by edits.
 */
import type { Layer } from '@deck.gl/core';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useMemo, useState } from 'react';
import { useStore } from 'zustand';
import { formatNumber } from '../format/format-number';
import type { MapView } from '../map/map-view';
import { useDocument, usePreferences, useStores, useUi } from '../stores/app-stores';
import { currentNetwork, currentView } from '../stores/selectors';
import { buildBandLayers, buildDetachedLayers, buildStreetLayer, detachedOutlines, STREETS_MIN_ZOOM } from './travel-layers';
import { newlyDetached, travelView } from './travel-view';

const NONE: Layer[] = [];

/** Whether the map is zoomed in to at least `min` (updated when a zoom ends). */
function useZoomedIn(view: MapView | null, min: number): boolean {
  const [zoomedIn, setZoomedIn] = useState(false);
  useEffect(() => {
    if (!view) return;
    const check = () => setZoomedIn(view.map.getZoom() >= min);
    check();
    view.map.on('zoomend', check);
    return () => void view.map.off('zoomend', check);
  }, [view, min]);
  return zoomedIn;
}

export function useTravelLayers(view: MapView | null): { under: Layer[]; over: Layer[] } {
  const stores = useStores();
  const summary = useDocument((s) => s.summary);
  const network = useDocument(currentNetwork);
  const snapshot = useDocument(currentView);
  const selectedId = useUi((s) => s.selectedSchoolId);
  const lang = usePreferences((s) => s.language);
  const options = useStore(travelView);
  const zoomedIn = useZoomedIn(view, STREETS_MIN_ZOOM);
  const streets = summary?.streets ?? null;
  const school = network?.schools.findIndex((s) => s.id === selectedId) ?? -1;

  const under = useMemo(() => (streets && options.streets ? [buildStreetLayer(streets, zoomedIn)] : NONE), [streets, options.streets, zoomedIn]);

  const bands = useQuery({
    queryKey: ['travel-bands', summary?.name, network?.id, school, snapshot?.version],
    queryFn: () => stores.engine.travelBands!(network!.id, school),
    enabled: options.bands && school >= 0 && !!network && !!stores.engine.travelBands,
    staleTime: Infinity,
  });
  const travel = snapshot?.travel ?? null;
  const units = summary?.units ?? null;
  const detachedRings = useMemo(() => {
    if (!options.detached || !travel || !units || !snapshot) return null;
    const flags = newlyDetached(travel.unitDetached, snapshot.unitSchool, travel.pieceCounts, travel.basePieceCounts);
    return flags.includes(1) ? detachedOutlines(units, flags) : null;
  }, [options.detached, travel, units, snapshot]);
  const bandData = options.bands && school >= 0 && bands.data?.school === school ? bands.data : null;
  const over = useMemo(() => {
    const layers: Layer[] = [];
    if (detachedRings) layers.push(...buildDetachedLayers(detachedRings));
    if (bandData) layers.push(...buildBandLayers(bandData, (m) => `${formatNumber(m / 1000, lang, 0)} km`));
    return layers.length ? layers : NONE;
  }, [detachedRings, bandData, lang]);
  return useMemo(() => ({ under, over }), [under, over]);
}
