/**
 * Preset for Statistics Finland's grid database (250 m and 1 km cells, Paavo variable names:
 * he_7_12, he_13_15, he_vakiy, ko_, hr_, te_, pt_). Protected values are −1.
 */
import type { IndicatorConfig } from '../indicator-config';
import { statfiStyleConfig } from './statfi-fields';

export const statfiGridPreset: IndicatorConfig = statfiStyleConfig('statfi-grid');
