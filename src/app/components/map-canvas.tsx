/**
 * The map: mounts MapView, the ToolController and the MapKeyboard once, then feeds MapView a
 * snapshot assembled from the stores (MapView skips unchanged snapshots). Ephemeral drawing
 * state (lasso path, brush cells, keyboard cursor) lives here as local state.
 */
import { finishHousingDraw, housingDraw } from '../time/housing-draw';
import { HousingMapLayer } from '../time/housing-map-layer';
import { deliverMapClick, finishRegionPick, isPicking, regionPickActive } from '../school-network/location-pick';
import { useWithTravelMeasures } from '../travel/travel-measures';
import { useTravelLayers } from '../travel/use-travel-layers';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MultiPolygon } from '../../core/model/geometry-types';
import { CATCHMENT_PALETTE } from '../map/catchment-palette';
import type { Cell } from '../map/cell-cursor';
import { footprintBounds } from '../map/cell-cursor';
import { fromLonLat, toLonLat } from '../map/display-projection';
import { labelPriorities } from '../map/label-priority';
import type { SchoolPoint } from '../map/layers/school-layer';
import { MapKeyboard } from '../map/map-keyboard';
import { MapView, type MapPick, type MapSnapshot } from '../map/map-view';
import { ToolController } from '../map/tool-controller';
import { useDocument, usePreferences, useStores, useUi } from '../stores/app-stores';
import { currentNetwork, currentView } from '../stores/selectors';
import { defaultMeasureId } from '../stores/ui-store';
import { effectiveBasemap } from '../stores/preferences-store';
import { Legend } from './legend';
import { focusBounds } from '../orientation/focus-bounds';
import { MapControls } from '../orientation/map-controls';
import { SearchBox } from '../orientation/search-box';
import { choropleth } from './map-colouring';
import { MapTooltip } from './map-tooltip';
import { useLockedAreasLonLat } from '../optimiser/locked-areas';
import { usePlanPreview } from '../optimiser/plan-preview';

const NO_CATCHMENTS: never[] = [];
const NO_COLOURS = new Int32Array(0);
/** Zoom the map goes to (at least) when the keyboard cursor appears: a 250 m cell is then ~10 px. */
const CURSOR_MIN_ZOOM = 12;

type MapEdit = { kind: 'assign-region'; region: MultiPolygon } | { kind: 'assign-cells'; cells: [number, number][] };

export function MapCanvas({ testMode, onMapView }: { testMode: boolean; onMapView(view: MapView | null): void }) {
  const { t } = useTranslation();
  const stores = useStores();
  const container = useRef<HTMLDivElement>(null);
  const viewRef = useRef<MapView | null>(null);
  const [mapView, setMapView] = useState<MapView | null>(null);
  const toolsRef = useRef<ToolController | null>(null);
  const keyboardRef = useRef<MapKeyboard | null>(null);
  const [lassoPath, setLassoPath] = useState<[number, number][]>([]);
  const [brushCells, setBrushCells] = useState<[number, number][][]>([]);
  const [cursorCells, setCursorCells] = useState<Cell[] | null>(null);
  const summary = useDocument((s) => s.summary);
  const network = useDocument(currentNetwork);
  const view = useDocument(currentView);
  // Propose: the best plan so far, drawn as changed units (its own store: only the map redraws).
  const planPreview = usePlanPreview(network?.id);
  const lockedAreas = useLockedAreasLonLat();
  const tool = useUi((s) => s.tool);
  const selectedId = useUi((s) => s.selectedSchoolId);
  const brushSize = useUi((s) => s.brushSize);
  const colourBy = useUi((s) => s.colourBy);
  const chosenMeasure = useUi((s) => s.cellMeasureId);
  const showCatchments = useUi((s) => s.showCatchments);
  const showChanged = useUi((s) => s.showChanged);
  const ramp = usePreferences((s) => s.ramp);
  const basemapUrl = usePreferences(effectiveBasemap);

  useEffect(() => {
    const element = container.current;
    if (!element) return;
    const schoolIndexOf = (p: MapPick): number => {
      if (p.layerId === 'schools' || p.layerId === 'catchments') return p.index;
      if (p.layerId === 'cells') {
        const unit = stores.document.getState().summary?.units.objectUnit[p.index] ?? -1;
        return unit >= 0 ? (currentView(stores.document.getState())?.unitSchool[unit] ?? -1) : -1;
      }
      return -1;
    };
    const hoverOf = (p: MapPick | null) => {
      if (!p) return null;
      if (p.layerId === 'cells') return { kind: 'cell' as const, unit: stores.document.getState().summary?.units.objectUnit[p.index] ?? p.index, x: p.x, y: p.y };
      if (p.layerId === 'schools') return { kind: 'school' as const, schoolIndex: p.index, x: p.x, y: p.y };
      if (p.layerId === 'catchments' && p.index >= 0) return { kind: 'catchment' as const, schoolIndex: p.index, x: p.x, y: p.y };
      return null;
    };
    const mapView = new MapView(element, {
      basemapUrl,
      testMode,
      attribution: '',
      onHover: (p) => stores.ui.getState().setHover(hoverOf(p)),
      onClick: (p) => {
        if (!p || isPicking() || stores.ui.getState().tool !== 'pan') return;
        const net = currentNetwork(stores.document.getState());
        const index = schoolIndexOf(p);
        if (net && index >= 0) stores.ui.getState().selectSchool(net.schools[index]?.id ?? null);
      },
    });
    // A school-network form waiting for a location (school-network/location-pick.ts) takes the click.
    mapView.map.on('click', (e) => deliverMapClick(e.lngLat.lng, e.lngLat.lat));
    // One focus stop for the map: the container (MapKeyboard handles the keys).
    mapView.map.keyboard.disable();
    mapView.map.getCanvas().setAttribute('tabindex', '-1');
    const edit = (e: MapEdit): Promise<void> => {
      const { networkId } = stores.document.getState();
      const schoolId = stores.ui.getState().selectedSchoolId;
      if (!networkId || !schoolId) return Promise.resolve();
      return stores.document.getState().requestEdit({ ...e, networkId, schoolId });
    };
    const canEdit = () => stores.document.getState().status === 'ready' && (stores.ui.getState().selectedSchoolId !== null || housingDraw.getState().draft !== null || regionPickActive());
    const grid = () => stores.document.getState().summary?.units.grid ?? null;
    const tools = new ToolController(mapView.map, {
      tool: () => stores.ui.getState().tool,
      brushSize: () => stores.ui.getState().brushSize,
      canEdit,
      grid,
      lassoPreview: setLassoPath,
      brushPreview: setBrushCells,
      lassoDone: (region) => {
        // A housing project being drawn (time/housing-panel.tsx) takes the lasso's area.
        if (finishRegionPick(region)) return;
        const project = finishHousingDraw(region);
        if (project) {
          stores.ui.getState().setTool('pan');
          void stores.document.getState().requestEdit(project);
          return;
        }
        void edit({ kind: 'assign-region', region });
      },
      // The painted footprint stays on screen until the worker's answer has been drawn.
      cellsDone: (cells) => void edit({ kind: 'assign-cells', cells }).finally(() => setBrushCells([])),
    });
    const keyboard = new MapKeyboard(element, {
      cursorTool: () => {
        const current = stores.ui.getState().tool;
        return (current === 'brush' || current === 'cell') && canEdit() ? current : null;
      },
      brushSize: () => stores.ui.getState().brushSize,
      grid,
      viewCentre: () => {
        const c = mapView.map.getCenter();
        return fromLonLat(c.lng, c.lat);
      },
      showCursor: (cells) => {
        setCursorCells(cells);
        const g = grid();
        const b = cells && g ? footprintBounds(cells, g) : null;
        if (b) mapView.keepInView(toLonLat((b[0] + b[2]) / 2, (b[1] + b[3]) / 2), 60, CURSOR_MIN_ZOOM);
      },
      assign: (cells) => void edit({ kind: 'assign-cells', cells }),
      panBy: (dx, dy) => mapView.map.panBy([dx, dy], { animate: !testMode, duration: 150 }),
      zoomBy: (d) => (d > 0 ? mapView.map.zoomIn({ animate: !testMode }) : mapView.map.zoomOut({ animate: !testMode })),
    });
    viewRef.current = mapView;
    setMapView(mapView);
    toolsRef.current = tools;
    keyboardRef.current = keyboard;
    onMapView(mapView);
    const cancelOnEscape = () => tools.cancel();
    window.addEventListener('catchment-studio:cancel', cancelOnEscape);
    return () => {
      window.removeEventListener('catchment-studio:cancel', cancelOnEscape);
      keyboard.destroy();
      tools.destroy();
      mapView.destroy();
      viewRef.current = null;
      toolsRef.current = null;
      keyboardRef.current = null;
      onMapView(null);
    };
    // The map is created once; later changes go through update().
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  useEffect(() => {
    toolsRef.current?.syncTool();
    keyboardRef.current?.refresh();
  }, [tool, selectedId, summary, brushSize]);

  useEffect(() => {
    if (summary) viewRef.current?.fitBounds(summary.bounds);
  }, [summary]);

  // Orientation: the search box, the home button and a school chosen in the table move the map.
  const focus = useUi((s) => s.focus);
  useEffect(() => {
    if (!focus || !summary) return;
    const view = currentView(stores.document.getState());
    const bounds = focusBounds(focus, { home: summary.bounds, schools: network?.schools ?? [], catchments: view?.catchments ?? [] });
    if (bounds) viewRef.current?.fitBounds(bounds, focus.kind === 'home' ? 22 : 14);
    // Only a new request moves the map.
  }, [focus?.seq]);

  // The children measure is the selected year's (projection, housing projects): asked again when either changes.
  const year = useDocument((s) => s.year);
  const housingKey = useDocument((s) => s.housing.map((p) => `${p.id}:${p.dwellings}:${p.year}:${p.tenure}:${p.buildingType}`).join('|'));
  const measures = useQuery({
    queryKey: ['unit-measures', summary?.name, network?.id, year, housingKey],
    queryFn: () => stores.engine.unitMeasures(network!.id),
    enabled: !!summary && !!network,
    staleTime: Infinity,
  });

  const threshold = summary?.privacyThreshold ?? 10;
  const allMeasures = useWithTravelMeasures(measures.data, view?.travel);
  const measureId = chosenMeasure ?? defaultMeasureId(allMeasures?.map((m) => m.id) ?? []);
  const measure = allMeasures?.find((m) => m.id === measureId) ?? null;
  const cells = useMemo(() => (measure ? choropleth(measure, threshold, ramp) : null), [measure, threshold, ramp]);
  const colouring = colourBy === 'cells' && cells ? 'cells' : 'catchments';

  const colourIndex = view?.colourIndex ?? NO_COLOURS;

  const names = useMemo(() => network?.schools.map((s) => s.name) ?? [], [network]);
  const schools = useMemo<SchoolPoint[]>(
    () =>
      network?.schools.map((s, i) => ({ index: s.index, id: s.id, name: s.name, lonLat: s.lonLat, capacity: s.capacity, utilisation: view?.indicators.schools[i]?.utilisation ?? null, status: s.status, ...(s.homeLonLat ? { homeLonLat: s.homeLonLat } : {}) })) ?? [],
    [network, view],
  );
  const selectedIndex = network?.schools.findIndex((s) => s.id === selectedId) ?? -1;
  const labelPriority = useMemo(() => labelPriorities(view?.areas ?? [], selectedIndex), [view?.areas, selectedIndex]);
  const previewColour = CATCHMENT_PALETTE[Math.max(0, colourIndex[selectedIndex] ?? 0) % CATCHMENT_PALETTE.length];
  const cursorRing = useMemo(() => {
    const grid = summary?.units.grid;
    const b = cursorCells && grid ? footprintBounds(cursorCells, grid) : null;
    return b ? [toLonLat(b[0], b[1]), toLonLat(b[2], b[1]), toLonLat(b[2], b[3]), toLonLat(b[0], b[3]), toLonLat(b[0], b[1])] : null;
  }, [cursorCells, summary]);

  const travelLayers = useTravelLayers(mapView);

  useEffect(() => {
    const snapshot: MapSnapshot = {
      land: summary?.land ?? null,
      water: summary?.water ?? null,
      units: summary?.units ?? null,
      colouring,
      unitColours: cells?.colours ?? null,
      unitChanged: planPreview ?? view?.unitChanged ?? null,
      changedRegion: view?.changedRegion ?? null,
      showChanged,
      catchments: view?.catchments ?? NO_CATCHMENTS,
      labelPoints: view?.labelPoints ?? NO_CATCHMENTS,
      labelPriority,
      schoolNames: names,
      colourIndex,
      selectedIndex,
      showCatchments,
      schools,
      lassoPath,
      brushCells,
      cursorRing,
      previewColour,
      lockedAreas,
      travelUnder: travelLayers.under,
      travelOver: travelLayers.over,
    };
    viewRef.current?.update(snapshot);
  });

  return (
    <div className="map-area">
      <div
        ref={container}
        className="map-container"
        role="application"
        aria-roledescription={t('map.roleDescription')}
        aria-label={t('map.label')}
        aria-describedby="map-keyboard-help"
        tabIndex={0}
        id="map"
      />
      <p id="map-keyboard-help" className="sr-only">
        {t('map.keyboardHelp')}
      </p>
      <HousingMapLayer view={mapView} />
      <SearchBox />
      <MapControls zoomBy={(d) => (d > 0 ? viewRef.current?.map.zoomIn({ animate: !testMode }) : viewRef.current?.map.zoomOut({ animate: !testMode }))} />
      <Legend choropleth={colouring === 'cells' ? cells : null} ramp={ramp} threshold={threshold} />
      <MapTooltip measure={colouring === 'cells' ? measure : null} />
      {summary && <p className="map-attribution">{t('footer.source', { source: summary.source })}</p>}
    </div>
  );
}
