/**
 * The areas Propose keeps as they are (lock-schools.tsx), in a small store the map reads so that
 * they stay visible while the planner sets the other limits and while the search runs
 * (map/layers/locked-area-layers.ts). Kept in EPSG:3067 for the request and in lon/lat for the map.
 */
import { useStore } from 'zustand';
import { createStore } from 'zustand/vanilla';
import type { MultiPolygon } from '../../core/model/geometry-types';
import { multiPolygonToLonLat } from '../map/display-projection';

interface LockedAreas {
  /** EPSG:3067, as drawn. */
  areas: MultiPolygon[];
  /** The same in lon/lat, for the map. */
  lonLat: MultiPolygon[];
}

export const lockedAreasStore = createStore<LockedAreas>(() => ({ areas: [], lonLat: [] }));

/** Shows `areas` (EPSG:3067) on the map; the same array again changes nothing. */
export function showLockedAreas(areas: MultiPolygon[]): void {
  if (areas === lockedAreasStore.getState().areas) return;
  lockedAreasStore.setState({ areas, lonLat: areas.map(multiPolygonToLonLat) });
}

/** The locked areas in lon/lat (the same array until they change). */
export function useLockedAreasLonLat(): MultiPolygon[] {
  return useStore(lockedAreasStore, (s) => s.lonLat);
}
