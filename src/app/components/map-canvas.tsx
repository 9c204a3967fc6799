/**
 * The map: mounts MapView and the ToolController once, then feeds MapView a snapshot
 * assembled from the stores (MapView skips unchanged snapshots). Ephemeral drawing state
 * (lasso path, brush cells) lives here as local state.
 */
import { useQuery } from '@tanstack/react-query';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MultiPolygon } from '../../core/model/geometry-types';
import { CATCHMENT_PALETTE } from '../map/catchment-palette';
import type { SchoolPoint } from '../map/layers/school-layer';
import { MapView, type MapPick, type MapSnapshot } from '../map/map-view';
import { ToolController } from '../map/tool-controller';
import { useDocument, usePreferences, useStores, useUi } from '../stores/app-stores';
import { currentNetwork, currentView } from '../stores/selectors';
import { Legend } from './legend';
import { catchmentColours, choropleth } from './map-colouring';
import { MapTooltip } from './map-tooltip';

const NO_CATCHMENTS: never[] = [];
const NO_COLOURS = new Int32Array(0);

export function MapCanvas({ testMode, onMapView }: { testMode: boolean; onMapView(view: MapView | null): void }) {
  const { t } = useTranslation();
  const stores = useStores();
  const container = useRef<HTMLDivElement>(null);
  const viewRef = useRef<MapView | null>(null);
  const toolsRef = useRef<ToolController | null>(null);
  const [lassoPath, setLassoPath] = useState<[number, number][]>([]);
  const [brushCells, setBrushCells] = useState<[number, number][][]>([]);
  const summary = useDocument((s) => s.summary);
  const network = useDocument(currentNetwork);
  const view = useDocument(currentView);
  const ui = {
    tool: useUi((s) => s.tool),
    selectedId: useUi((s) => s.selectedSchoolId),
    measureId: useUi((s) => s.cellMeasureId),
    showCatchments: useUi((s) => s.showCatchments),
    showChanged: useUi((s) => s.showChanged),
  };
  const ramp = usePreferences((s) => s.ramp);
  const basemapUrl = usePreferences((s) => s.basemapUrl);

  useEffect(() => {
    if (!container.current) return;
    const mapView = new MapView(container.current, {
      basemapUrl,
      testMode,
      attribution: '',
      onHover: (p) => stores.ui.getState().setHover(hoverOf(p)),
      onClick: (p) => {
        if (!p || stores.ui.getState().tool !== 'pan') return;
        const net = currentNetwork(stores.document.getState());
        const index = p.layerId === 'schools' || p.layerId === 'catchments' ? schoolIndexOf(p) : -1;
        if (net && index >= 0) stores.ui.getState().selectSchool(net.schools[index]?.id ?? null);
      },
    });
    const hoverOf = (p: MapPick | null) => {
      if (!p) return null;
      if (p.layerId === 'cells') return { kind: 'cell' as const, unit: stores.document.getState().summary?.units.objectUnit[p.index] ?? p.index, x: p.x, y: p.y };
      if (p.layerId === 'schools') return { kind: 'school' as const, schoolIndex: p.index, x: p.x, y: p.y };
      if (p.layerId === 'catchments') return { kind: 'catchment' as const, schoolIndex: schoolIndexOf(p), x: p.x, y: p.y };
      return null;
    };
    const schoolIndexOf = (p: MapPick): number => {
      if (p.layerId === 'schools') return p.index;
      const v = currentView(stores.document.getState());
      let k = p.index;
      for (let i = 0; v && i < v.catchments.length; i++) {
        if (k < v.catchments[i].length) return i;
        k -= v.catchments[i].length;
      }
      return -1;
    };
    const tools = new ToolController(mapView.map, {
      tool: () => stores.ui.getState().tool,
      brushSize: () => stores.ui.getState().brushSize,
      canEdit: () => stores.document.getState().status === 'ready' && stores.ui.getState().selectedSchoolId !== null,
      grid: () => stores.document.getState().summary?.units.grid ?? null,
      lassoPreview: setLassoPath,
      brushPreview: setBrushCells,
      lassoDone: (region) => edit({ kind: 'assign-region', region }),
      cellsDone: (cells) => {
        edit({ kind: 'assign-cells', cells });
        setBrushCells([]);
      },
    });
    const edit = (e: { kind: 'assign-region'; region: MultiPolygon } | { kind: 'assign-cells'; cells: [number, number][] }) => {
      const { networkId } = stores.document.getState();
      const schoolId = stores.ui.getState().selectedSchoolId;
      if (!networkId || !schoolId) return;
      void stores.document.getState().requestEdit({ ...e, networkId, schoolId });
    };
    viewRef.current = mapView;
    toolsRef.current = tools;
    onMapView(mapView);
    const cancelOnEscape = () => tools.cancel();
    window.addEventListener('catchment-studio:cancel', cancelOnEscape);
    return () => {
      window.removeEventListener('catchment-studio:cancel', cancelOnEscape);
      tools.destroy();
      mapView.destroy();
      viewRef.current = null;
      toolsRef.current = null;
      onMapView(null);
    };
    // The map is created once; later changes go through update().
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  useEffect(() => toolsRef.current?.syncTool(), [ui.tool, ui.selectedId, summary]);

  useEffect(() => {
    if (summary) viewRef.current?.fitBounds(summary.bounds);
  }, [summary]);

  const measures = useQuery({
    queryKey: ['unit-measures', summary?.name, network?.id],
    queryFn: () => stores.engine.unitMeasures(network!.id),
    enabled: !!summary && !!network,
    staleTime: Infinity,
  });

  const threshold = summary?.privacyThreshold ?? 10;
  const measure = measures.data?.find((m) => m.id === ui.measureId) ?? null;
  const cells = useMemo(() => (measure ? choropleth(measure, threshold, ramp) : null), [measure, threshold, ramp]);

  const coloursByNetwork = useRef(new Map<string, Int32Array>());
  const colourIndex = useMemo(() => {
    if (!summary || !view) return NO_COLOURS;
    const prev = coloursByNetwork.current.get(view.networkId);
    const next = catchmentColours(summary.units, view.unitSchool, view.catchments, prev);
    if (prev && prev.length === next.length && prev.every((c, i) => c === next[i])) return prev;
    coloursByNetwork.current.set(view.networkId, next);
    return next;
  }, [summary, view]);

  const names = useMemo(() => network?.schools.map((s) => s.name) ?? [], [network]);
  const schools = useMemo<SchoolPoint[]>(
    () =>
      network?.schools.map((s, i) => ({ index: s.index, id: s.id, name: s.name, lonLat: s.lonLat, capacity: s.capacity, utilisation: view?.indicators.schools[i]?.utilisation ?? null })) ?? [],
    [network, view],
  );
  const selectedIndex = network?.schools.findIndex((s) => s.id === ui.selectedId) ?? -1;
  const previewColour = CATCHMENT_PALETTE[Math.max(0, colourIndex[selectedIndex] ?? 0) % CATCHMENT_PALETTE.length];

  useEffect(() => {
    const snapshot: MapSnapshot = {
      land: summary?.land ?? null,
      water: summary?.water ?? null,
      units: summary?.units ?? null,
      unitColours: cells?.colours ?? null,
      unitChanged: view?.unitChanged ?? null,
      showChanged: ui.showChanged,
      catchments: view?.catchments ?? NO_CATCHMENTS,
      labelPoints: view?.labelPoints ?? NO_CATCHMENTS,
      schoolNames: names,
      colourIndex,
      selectedIndex,
      showCatchments: ui.showCatchments,
      catchmentFillAlpha: cells ? 0 : 120,
      schools,
      lassoPath,
      brushCells,
      previewColour,
    };
    viewRef.current?.update(snapshot);
  });

  return (
    <div className="map-area">
      <div ref={container} className="map-container" role="application" aria-label={t('app.name')} tabIndex={0} id="map" />
      <Legend choropleth={cells} ramp={ramp} threshold={threshold} />
      <MapTooltip measure={measure} />
    </div>
  );
}
