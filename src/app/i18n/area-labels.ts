/**
 * Labels for polygon units (postal-code areas and other areas): "areas", not "cells". Used with
 * i18next's context, `t('layers.changed', { context: unitContext(kind) })`, which picks the
 * `_areas` variant for polygon units and the plain key for grids.
 */
import type { i18n } from 'i18next';

export const AREA_LABELS = {
  en: {
    layers: { cellMeasure_areas: 'Area data', changed_areas: 'Changed parts', by_cells_areas: 'Area data' },
    legend: { children_areas: 'Children per area', countUnit_areas: 'people per area', childrenUnit_areas: 'children per area', changed_areas: 'Changed from the baseline (the part that changed)' },
    tooltip: { cell_areas: 'Area {{id}}' },
  },
  fi: {
    layers: { cellMeasure_areas: 'Alueiden tieto', changed_areas: 'Muuttuneet osat', by_cells_areas: 'Alueiden tieto' },
    legend: { children_areas: 'Lapsia alueella', countUnit_areas: 'henkilöä alueella', childrenUnit_areas: 'lasta alueella', changed_areas: 'Muuttunut lähtötilanteesta (muuttunut osa)' },
    tooltip: { cell_areas: 'Alue {{id}}' },
  },
  sv: {
    layers: { cellMeasure_areas: 'Områdesdata', changed_areas: 'Ändrade delar', by_cells_areas: 'Områdesdata' },
    legend: { children_areas: 'Barn per område', countUnit_areas: 'personer per område', childrenUnit_areas: 'barn per område', changed_areas: 'Ändrad från utgångsläget (den ändrade delen)' },
    tooltip: { cell_areas: 'Område {{id}}' },
  },
} as const;

/** The i18next context for the units' kind: 'areas' for polygon units, none for grids. */
export function unitContext(kind: 'grid' | 'polygons' | undefined | null): 'areas' | undefined {
  return kind === 'polygons' ? 'areas' : undefined;
}

export function registerAreaLabels(instance: i18n): void {
  for (const [language, resources] of Object.entries(AREA_LABELS)) instance.addResourceBundle(language, 'translation', resources, true, false);
}
