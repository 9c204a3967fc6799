/**
 * The housing project being added: set by the housing panel's "Draw" or "Click a point" button.
 * An area draft is taken by the map's lasso (map-canvas.tsx) instead of assigning the area to a
 * school; a point draft by the housing map layer's click catcher (housing-map-layer.tsx).
 */
import { createStore } from 'zustand/vanilla';
import type { Position } from '../../core/model/geometry-types';
import type { HousingProjectRecord } from '../../core/scenario/edit';

export type HousingDraft = Omit<HousingProjectRecord, 'kind' | 'region' | 'location'>;

export const housingDraw = createStore<{ draft: HousingDraft | null; mode: 'area' | 'point' }>()(() => ({ draft: null, mode: 'area' }));

/** The record of the drawn area draft, or null when no area is being drawn. */
export function finishHousingDraw(region: HousingProjectRecord['region']): HousingProjectRecord | null {
  const { draft, mode } = housingDraw.getState();
  if (!draft || mode !== 'area') return null;
  housingDraw.setState({ draft: null });
  return { kind: 'housing-project', ...draft, region };
}

/** The record of the point draft at `location` (EPSG:3067), or null when no point is being placed. */
export function finishHousingPoint(location: Position): HousingProjectRecord | null {
  const { draft, mode } = housingDraw.getState();
  if (!draft || mode !== 'point') return null;
  housingDraw.setState({ draft: null, mode: 'area' });
  return { kind: 'housing-project', ...draft, location: [Math.round(location[0]), Math.round(location[1])] };
}
