/**
 * Browser-test hook, installed only with ?test=1: window.__catchmentStudio reads state and
 * converts between EPSG:3067 and page pixels. Never present in normal use.
 */
import { fromLonLat, toLonLat } from './map/display-projection';
import type { MapView } from './map/map-view';
import type { AppStores } from './stores/app-stores';
import { currentNetwork, currentView } from './stores/selectors';
import { catchmentColour } from './map/layers/catchment-layers';
import type { Tool } from './stores/ui-store';
import type { Edit } from '../core/scenario/edit';
import type { EngineApi } from './workers/engine-protocol';

export interface CatchmentStudioTestHook {
  isReady(): boolean;
  state(): {
    networkId: string | null;
    selectedSchoolId: string | null;
    tool: Tool;
    canUndo: boolean;
    canRedo: boolean;
    indicators: unknown;
    baseline: unknown;
  };
  project(x3067: number, y3067: number): [number, number];
  unproject(px: number, py: number): [number, number];
  selectSchool(id: string | null): void;
  setTool(tool: Tool): void;
  /** The edits in effect, oldest first, as the engine holds them (EPSG:3067), for replaying in the core. */
  edits(): Promise<Edit[]>;
  /** The catchment fill colour [r, g, b] the map layers get for each school of the current network, by school id. */
  catchmentColours(): Record<string, [number, number, number]>;
}

export function isTestMode(search: string): boolean {
  return new URLSearchParams(search).get('test') === '1';
}

export function installTestHook(stores: AppStores, getMap: () => MapView | null, engine: Pick<EngineApi, 'edits'>): void {
  const rect = () => getMap()?.map.getContainer().getBoundingClientRect() ?? { left: 0, top: 0 };
  const hook: CatchmentStudioTestHook = {
    isReady: () => {
      const d = stores.document.getState();
      const map = getMap();
      return d.status === 'ready' && d.inFlight === 0 && !!map && map.map.loaded() && !map.map.isMoving();
    },
    state: () => {
      const d = stores.document.getState();
      const u = stores.ui.getState();
      const v = currentView(d);
      return { networkId: d.networkId, selectedSchoolId: u.selectedSchoolId, tool: u.tool, canUndo: d.canUndo, canRedo: d.canRedo, indicators: v?.indicatorsFull ?? null, baseline: v?.baselineFull ?? null };
    },
    project: (x, y) => {
      const map = getMap();
      if (!map) throw new Error('map not ready');
      const [px, py] = map.project(toLonLat(x, y));
      const r = rect();
      return [px + r.left, py + r.top];
    },
    unproject: (px, py) => {
      const map = getMap();
      if (!map) throw new Error('map not ready');
      const r = rect();
      const [lon, lat] = map.unproject(px - r.left, py - r.top);
      return fromLonLat(lon, lat);
    },
    selectSchool: (id) => stores.ui.getState().selectSchool(id),
    setTool: (tool) => stores.ui.getState().setTool(tool),
    edits: () => engine.edits(),
    catchmentColours: () => {
      const d = stores.document.getState();
      const v = currentView(d);
      // The network's schools in the selected year, opened ones included (school-network records).
      const network = currentNetwork(d);
      const out: Record<string, [number, number, number]> = {};
      if (v && network) for (const s of network.schools) out[s.id] = [...catchmentColour(v.colourIndex, s.index)] as [number, number, number];
      return out;
    },
  };
  (window as unknown as { __catchmentStudio: CatchmentStudioTestHook }).__catchmentStudio = hook;
}
