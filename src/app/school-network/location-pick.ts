/**
 * A point or a region the school-network forms are waiting for from the map: "Pick on map" sets a
 * pending point (the next map click delivers it, EPSG:3067), "Draw the catchment" a pending region
 * (the next lasso delivers it instead of assigning the area to a school). map-canvas.tsx asks
 * `deliverMapClick` / `finishRegionPick` first. Escape cancels (school-network-panel.tsx).
 */
import { createStore } from 'zustand/vanilla';
import type { MultiPolygon, Position } from '../../core/model/geometry-types';
import { fromLonLat } from '../map/display-projection';

type Pending =
  | { kind: 'point'; deliver(location: Position): void }
  | { kind: 'region'; deliver(region: MultiPolygon): void };

export interface PickState {
  pending: Pending | null;
  /** When the last point was delivered (ms): the same click must not also select a school. */
  lastAt: number;
}

export const locationPick = createStore<PickState>()(() => ({ pending: null, lastAt: -Infinity }));

/** How long after a delivered point a map click still belongs to it (the map and deck.gl both see the click). */
const SAME_CLICK_MS = 400;

export function requestPoint(deliver: (location: Position) => void): void {
  locationPick.setState({ pending: { kind: 'point', deliver } });
}

export function requestRegion(deliver: (region: MultiPolygon) => void): void {
  locationPick.setState({ pending: { kind: 'region', deliver } });
}

export function cancelPick(): void {
  if (locationPick.getState().pending) locationPick.setState({ pending: null });
}

/** A map click at lon/lat: true when a pending point took it (delivered in EPSG:3067 metres). */
export function deliverMapClick(lon: number, lat: number, now = Date.now()): boolean {
  const pending = locationPick.getState().pending;
  if (pending?.kind !== 'point') return false;
  const [x, y] = fromLonLat(lon, lat);
  locationPick.setState({ pending: null, lastAt: now });
  pending.deliver([Math.round(x), Math.round(y)]);
  return true;
}

/** A finished lasso: true when a pending region took it. */
export function finishRegionPick(region: MultiPolygon): boolean {
  const pending = locationPick.getState().pending;
  if (pending?.kind !== 'region') return false;
  locationPick.setState({ pending: null });
  pending.deliver(region);
  return true;
}

/** Whether a map click now belongs to a point pick (pending, or just delivered). */
export function isPicking(now = Date.now()): boolean {
  const { pending, lastAt } = locationPick.getState();
  return pending?.kind === 'point' || now - lastAt < SAME_CLICK_MS;
}

/** Whether the lasso may draw although no school is selected. */
export function regionPickActive(): boolean {
  return locationPick.getState().pending?.kind === 'region';
}
