/** Printing indicators (JSON, CSV) and the loading report (text, JSON). */
import type { PublicNetworkIndicators, PublicSchoolFigures } from '../core/pupil-base/privacy';
import type { PublicNetworkTravel, PublicSchoolTravel } from '../core/travel/travel-privacy';
import type { LoadReport } from '../core/load/load-dataset';
import { csvField } from '../core/export/csv-export';
import { feederCsvSection } from './feeders-csv';
import type { FeederOutput } from './feeders-output';
import { escapeControl, type Problem } from '../core/model/result';

/** One network's output: the privacy-safe indicators plus the network's label. */
export type NetworkOutput = Omit<PublicNetworkIndicators, 'schools'> & {
  label: string;
  schools: (PublicSchoolFigures & { travel?: PublicSchoolTravel; flags?: string[] })[];
  travel?: PublicNetworkTravel;
  /** Feeders of the network's pair(s) (feeders-output.ts); the CSV writes them as a second section. */
  feeders?: FeederOutput['feeders'];
  split_feeders?: string[];
  /** With --allow-invalid: the catchment problems (overlap, self-intersection) that make figures unreliable. */
  flags?: string[];
};

/** JSON: one object when a single network was asked for, else an array. */
export function indicatorsJson(outputs: NetworkOutput[], single: boolean): string {
  return JSON.stringify(single ? outputs[0] : outputs, (_k, v) => (typeof v === 'number' && !Number.isFinite(v) ? null : v), 2) + '\n';
}

/** CSV: one row per school (all networks), share columns sorted by id; hidden or undefined values are empty. */
export function indicatorsCsv(outputs: NetworkOutput[], year?: number): string {
  const shareIds = [...new Set(outputs.flatMap((o) => o.schools.flatMap((s) => Object.keys(s.shares))))].sort();
  const withFlags = outputs.some((o) => o.flags?.length);
  // Travel columns (docs/travel.md), privacy applied as in the JSON; travel_straight_line is the network's.
  const withTravel = outputs.some((o) => o.travel);
  const header = ['network', 'school_id', 'name', 'children', 'capacity', 'utilisation', 'composite', ...shareIds, ...(withTravel ? TRAVEL_COLUMNS.map((k) => `travel_${k}`).concat('travel_straight_line') : []), ...(withFlags ? ['flags'] : []), 'status'];
  const rows = [header];
  for (const o of outputs)
    for (const s of o.schools) {
      const travel = withTravel ? [...TRAVEL_COLUMNS.map((k) => num(s.travel?.[k])), o.travel ? String(o.travel.straight_line) : ''] : [];
      rows.push([o.network, s.id, s.name, num(s.children), num(s.capacity), num(s.utilisation), num(s.composite), ...shareIds.map((id) => num(s.shares[id])), ...travel, ...(withFlags ? [(s.flags ?? []).join(';')] : []), s.status ?? 'open']);
    }
  const feeders = year === undefined ? '' : feederCsvSection(outputs.map((o) => ({ year, output: o })), csvField);
  return rows.map((r) => r.map(csvField).join(',')).join('\n') + '\n' + feeders;
}

export const TRAVEL_COLUMNS = ['mean_m', 'median_m', 'p90_m', 'max_m', 'over_5km_children', 'over_limit_children'] as const;

function num(v: number | null | undefined): string {
  return v === null || v === undefined || !Number.isFinite(v) ? '' : String(Math.round(v * 1e6) / 1e6);
}

/** Human-readable loading report for `validate`. */
export function reportText(name: string, report: LoadReport, configOrigin: string | null, configFields: string[], warnings: Problem[], formatProblem: (p: Problem) => string): string {
  const out: string[] = [`Dataset: ${name}`];
  for (const f of report.files) {
    const how = f.crsSource === 'declared' ? `declared as ${f.declared ?? f.crs}` : f.crsSource === 'coordinates' ? 'detected from coordinates' : 'assumed';
    const extra = [f.layer ? `layer ${f.layer}` : '', f.encoding ? `encoding ${f.encoding}` : ''].filter(Boolean).join(', ');
    out.push(escapeControl(`  ${f.role.padEnd(11)}${f.file}: ${f.format}, ${f.features} features, ${f.crs} (${how})${extra ? `, ${extra}` : ''}`));
  }
  const u = report.units;
  out.push(
    u.kind === 'grid'
      ? `Units: ${u.count} grid cells of ${u.cellSize} m${u.maxSnapMetres && u.maxSnapMetres > 0.01 ? `, snapped by up to ${u.maxSnapMetres.toFixed(2)} m` : ''}; id field ${u.idField ?? '(feature order)'}`
      : `Units: ${u.count} polygons (not a grid: ${u.notGridReason ?? 'unknown'}); id field ${u.idField ?? '(feature order)'}`,
  );
  out.push(`Schools: ${report.schools.count} (fi ${report.schools.fi}, sv ${report.schools.sv}; capacity known for ${report.schools.withCapacity})`);
  out.push(`Networks: ${report.networks.map((n) => `${n.id} (${n.schools} schools)`).join(', ') || 'none'}`);
  out.push(`Indicator configuration: ${configOrigin ?? 'none fits the fields (give --config)'}`);
  const fields = configFields.length ? configFields.filter((f) => f in u.missing) : Object.keys(u.missing);
  if (fields.length) {
    out.push(configFields.length ? 'Fields used by the configuration (missing / suppressed as negative values):' : 'Numeric fields (missing / suppressed as negative values):');
    for (const f of fields) out.push(`  ${f.padEnd(14)}${String(u.missing[f]).padStart(7)} / ${String(u.suppressed[f]).padStart(7)}`);
  }
  if (u.textFields.length) out.push(`Text fields (not used as counts): ${u.textFields.join(', ')}`);
  if (warnings.length) out.push(`Warnings (${warnings.length}):`, ...warnings.map((w) => `  ${formatProblem(w)}`));
  out.push('OK: the data can be used.');
  return out.join('\n') + '\n';
}
