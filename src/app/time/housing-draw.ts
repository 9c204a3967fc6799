/**
 * The housing project being drawn: set by the housing panel's "Draw" button, read by the map's
 * lasso (map-canvas.tsx), which then adds the project instead of assigning the area to a school.
 */
import { createStore } from 'zustand/vanilla';
import type { HousingProjectRecord } from '../../core/scenario/edit';

export type HousingDraft = Omit<HousingProjectRecord, 'kind' | 'region' | 'location'>;

export const housingDraw = createStore<{ draft: HousingDraft | null }>()(() => ({ draft: null }));

/** The record of the drawn draft, or null when nothing is being drawn. */
export function finishHousingDraw(region: HousingProjectRecord['region']): HousingProjectRecord | null {
  const draft = housingDraw.getState().draft;
  if (!draft) return null;
  housingDraw.setState({ draft: null });
  return { kind: 'housing-project', ...draft, region };
}
