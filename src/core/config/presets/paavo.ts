/**
 * Preset for Statistics Finland's Paavo postal-code data. Protected values are −1 (or null).
 * Paavo 2018 has no `vieraskielisia` field: checkConfigAgainstFields reports it and the
 * foreign-language share is skipped with a warning.
 */
import type { IndicatorConfig } from '../indicator-config';
import { statfiStyleConfig } from './statfi-fields';

export const paavoPreset: IndicatorConfig = statfiStyleConfig('paavo');
