/**
 * A city's own small-area forecast (Helsinki, Espoo and Tampere publish them by area × year ×
 * age): where it gives a figure for a unit (or an area of units), a network's age band and a
 * year, that figure replaces the cohort model. An area's figure is spread over its units in
 * proportion to the model's children there in that year (equally when the model has none).
 */

export interface ForecastRow {
  /** Unit id (as in the units file) or area id (a key of `areas`). */
  id: string;
  year: number;
  /** Age band, inclusive; it must equal a network's school ages (7–12 or 13–15) to be used. */
  from: number;
  to: number;
  /** People of that age band in that year. */
  value: number;
}

export interface ForecastTable {
  /** Shown in the UI and reports as the source of the figures, e.g. "Helsingin väestöennuste 2025". */
  name: string;
  rows: ForecastRow[];
  /** Area id → ids of the units it consists of. */
  areas?: Record<string, string[]>;
}

/** Where a unit's children in a year come from. */
export const SOURCE_DATA = 0;
export const SOURCE_MODEL = 1;
export const SOURCE_FORECAST = 2;
/** The unit's age bands are suppressed: base-year children scaled by the model's growth elsewhere. */
export const SOURCE_SCALED = 3;

/**
 * Overwrites `children` (the model's, per unit) with the forecast's figures for one year and
 * age band; marks them SOURCE_FORECAST in `source`. Returns how many units were overridden.
 */
export function applyForecast(table: ForecastTable, year: number, ages: [number, number], unitIndex: Map<string, number>,
  children: Float64Array, source: Uint8Array): number {
  let count = 0;
  for (const row of table.rows) {
    if (row.year !== year || row.from !== ages[0] || row.to !== ages[1] || !Number.isFinite(row.value)) continue;
    const single = unitIndex.get(row.id);
    const members = single !== undefined ? [single] : (table.areas?.[row.id] ?? []).map((id) => unitIndex.get(id)).filter((u): u is number => u !== undefined);
    if (members.length === 0) continue;
    let model = 0;
    for (const u of members) model += children[u];
    for (const u of members) {
      children[u] = model > 0 ? (row.value * children[u]) / model : row.value / members.length;
      source[u] = SOURCE_FORECAST;
      count++;
    }
  }
  return count;
}
