/**
 * The shipped indicator-config presets and detection of the preset that fits a dataset.
 */
import type { IndicatorConfig } from '../indicator-config';
import { hsyPreset } from './hsy';
import { paavoPreset } from './paavo';
import { statfiGridPreset } from './statfi-grid';

export type PresetId = 'statfi-grid' | 'paavo' | 'hsy';

export const presets: Record<PresetId, IndicatorConfig> = {
  'statfi-grid': statfiGridPreset,
  paavo: paavoPreset,
  hsy: hsyPreset,
};

/** The presets' names as the app shows them in English (import.presets in the app's locales). */
export const PRESET_NAMES: Record<PresetId, string> = {
  'statfi-grid': 'Statistics Finland grid',
  paavo: 'Paavo (postal-code areas)',
  hsy: 'HSY population grid',
};

/** "paavo, Paavo (postal-code areas)" for a shipped preset; the id alone for any other. */
export function presetLabel(id: string): string {
  return id in PRESET_NAMES ? `${id}, ${PRESET_NAMES[id as PresetId]}` : id;
}

/** Fields that mark a Paavo postal-code table rather than a grid. */
const PAAVO_ID_FIELDS = ['postinumero', 'posti_alue', 'pono'];

/**
 * The preset whose age-band and population fields the data have, or null when none fits.
 * Paavo and the Statistics Finland grid share their variable names; a postal-code field
 * (postinumero) tells Paavo apart.
 *
 * @param fieldNames the units' attribute names (any case)
 */
export function detectPreset(fieldNames: string[]): PresetId | null {
  const have = new Set(fieldNames.map((f) => f.toLowerCase()));
  const all = (...fields: string[]): boolean => fields.every((f) => have.has(f));
  if (all('he_7_12', 'he_13_15', 'he_vakiy')) {
    return PAAVO_ID_FIELDS.some((f) => have.has(f)) ? 'paavo' : 'statfi-grid';
  }
  if (all('ika0_9', 'ika10_19', 'asukkaita')) return 'hsy';
  return null;
}
