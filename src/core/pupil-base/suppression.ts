/**
 * Detection of suppressed and missing unit values (docs/indicators.md (Pupil base and composition), "Suppression").
 * Values judged suppressed, missing or negative become NaN in a new AttributeTable and are
 * reported per field, with the units and people they affect. Nothing is imputed here
 * (unit-values.ts does that). Values are counts of people; no CRS.
 */
import { configFields } from '../config/config-fields';
import { evaluateColumn, expressionToString, fieldsOf } from '../config/field-expression';
import type { FieldExpression, IndicatorConfig } from '../config/indicator-config';
import type { AttributeTable } from '../model/units';

/** Counts for one field. The four value counts are disjoint. */
export interface FieldSuppression {
  field: string;
  /** Values equal to a configured sentinel and judged suppressed (now NaN). */
  suppressed: number;
  /** Sentinel values kept as real counts because they were plausible (e.g. a genuine 99 people). */
  sentinelKept: number;
  /** Values already missing in the source (null or NaN). */
  missing: number;
  /** Other negative values of fields the config uses as counts (now NaN). */
  negative: number;
  /** Units whose value is now NaN (= suppressed + missing + negative). */
  unitsAffected: number;
  /** People living in those units (population known; see SuppressionReport.populationUnknown). */
  populationAffected: number;
}

export interface SuppressionReport {
  unitCount: number;
  /** The population expression used for plausibility and for counting people, e.g. "asukkaita". */
  population: string;
  /** Every field the config uses, then every other field with anything to report. */
  fields: FieldSuppression[];
  /** Units where at least one field used by the config is NaN. */
  unitsAffected: number;
  /** People in those units, where the population is known. */
  populationAffected: number;
  /** Affected units whose population is itself unknown. */
  populationUnknown: number;
}

export interface SuppressionOptions {
  /**
   * plausible (default): a non-negative sentinel counts as suppressed only when implausible
   * (see docs/indicators.md (Pupil base and composition)); always: every sentinel value is suppressed.
   */
  sentinelRule?: 'plausible' | 'always';
}

/** A sentinel key ("ika*", "*", "he_vakiy") with the fields of the table it matches. */
interface SentinelGroup {
  values: number[];
  fields: string[];
  /** True when the group's fields add up to the population in (almost) every clean unit. */
  partition: boolean;
}

function globToRegExp(pattern: string): RegExp {
  const escaped = pattern.toLowerCase().replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*');
  return new RegExp(`^${escaped}$`);
}

/** Does the group sum to the population in ≥ 90 % of the units without sentinels or gaps? */
function isPartition(fields: string[], values: number[], cols: Record<string, Float64Array>, pop: Float64Array): boolean {
  let clean = 0;
  let matching = 0;
  for (let u = 0; u < pop.length; u++) {
    const p = pop[u];
    if (!(p >= 0)) continue;
    let sum = 0;
    let usable = true;
    for (const f of fields) {
      const v = cols[f][u];
      if (!(v >= 0) || values.includes(v)) usable = false;
      sum += v;
    }
    if (!usable) continue;
    clean++;
    if (Math.abs(sum - p) <= 0.5 + 1e-9 * p) matching++;
  }
  return fields.length > 1 && clean > 0 && matching >= 0.9 * clean;
}

/**
 * Are the sentinel values of this group in unit u suppression marks? Yes when every field of
 * the group holds a sentinel (sources blank whole rows), when a sentinel exceeds the unit's
 * population, or when the group partitions the population but does not add up to it.
 */
function groupSuppressed(g: SentinelGroup, cols: Record<string, Float64Array>, u: number, p: number): boolean {
  let all = true;
  let sum = 0;
  for (const f of g.fields) {
    const v = cols[f][u];
    const isSentinel = g.values.includes(v);
    if (!isSentinel) all = false;
    else if (p >= 0 && v > p) return true;
    sum += v;
  }
  if (all) return true;
  return g.partition && p >= 0 && !(Math.abs(sum - p) <= 0.5 + 1e-9 * p);
}

function emptyCounts(field: string): FieldSuppression {
  return { field, suppressed: 0, sentinelKept: 0, missing: 0, negative: 0, unitsAffected: 0, populationAffected: 0 };
}

/**
 * Replaces suppressed, missing and negative values by NaN and reports them.
 *
 * Sentinels come from config.suppression.sentinels (glob keys over lower-case field names).
 * A negative sentinel (Paavo's −1) is always suppressed; a non-negative one (HSY's 99) only
 * when implausible (see groupSuppressed) unless options.sentinelRule is "always".
 * Negative values of other fields the config uses are treated as missing.
 *
 * @param table unit attributes as loaded (not modified; unchanged columns are shared)
 * @param populationField population expression; defaults to config.population
 */
export function markSuppressed(
  table: AttributeTable,
  config: IndicatorConfig,
  populationField: FieldExpression = config.population,
  options: SuppressionOptions = {},
): { table: AttributeTable; report: SuppressionReport } {
  const names = table.names.map((n) => n.toLowerCase());
  const raw: Record<string, Float64Array> = {};
  table.names.forEach((n, i) => (raw[names[i]] = table.columns[n]));
  const count = names.length > 0 ? raw[names[0]].length : 0;
  const popFields = fieldsOf(populationField).filter((f) => f in raw);
  const hasPop = popFields.length === fieldsOf(populationField).length;
  const rawPop = hasPop ? evaluateColumn(populationField, raw, count) : new Float64Array(count).fill(NaN);

  const groups: SentinelGroup[] = Object.entries(config.suppression.sentinels).map(([key, values]) => {
    const re = globToRegExp(key);
    const fields = names.filter((n) => re.test(n));
    const ambiguous = values.some((v) => v >= 0);
    return { values, fields, partition: ambiguous && hasPop && isPartition(fields, values, raw, rawPop) };
  });
  const always = options.sentinelRule === 'always';
  const used = new Set([...configFields(config), ...fieldsOf(populationField)]);
  const counts = new Map(names.map((n) => [n, emptyCounts(n)]));
  const out: Record<string, Float64Array> = {};
  const copy = (f: string): Float64Array => (out[f] ??= Float64Array.from(raw[f]));

  // Sentinels, decided once per group and unit.
  for (const g of groups) {
    for (let u = 0; u < count; u++) {
      let decided: boolean | undefined;
      for (const f of g.fields) {
        const v = raw[f][u];
        if (!g.values.includes(v)) continue;
        const c = counts.get(f)!;
        decided ??= always || groupSuppressed(g, raw, u, rawPop[u]);
        if (v < 0 || decided) {
          if (!Number.isNaN(copy(f)[u])) c.suppressed++;
          out[f][u] = NaN;
        } else c.sentinelKept++;
      }
    }
  }
  // Missing values and negative counts.
  for (const f of names) {
    const c = counts.get(f)!;
    const col = raw[f];
    for (let u = 0; u < count; u++) {
      const v = col[u];
      if (Number.isNaN(v)) c.missing++;
      else if (v < 0 && used.has(f) && !(out[f] && Number.isNaN(out[f][u]))) {
        c.negative++;
        copy(f)[u] = NaN;
      }
    }
  }
  const columns: Record<string, Float64Array> = {};
  table.names.forEach((n, i) => (columns[n] = out[names[i]] ?? table.columns[n]));
  const marked: AttributeTable = { names: table.names, columns };
  const report = buildReport(names, columns, table.names, counts, used, populationField, hasPop, count);
  return { table: marked, report };
}

function buildReport(
  names: string[],
  columns: Record<string, Float64Array>,
  originalNames: string[],
  counts: Map<string, FieldSuppression>,
  used: Set<string>,
  populationField: FieldExpression,
  hasPop: boolean,
  count: number,
): SuppressionReport {
  const byName: Record<string, Float64Array> = {};
  originalNames.forEach((n, i) => (byName[names[i]] = columns[n]));
  const pop = hasPop ? evaluateColumn(populationField, byName, count) : new Float64Array(count).fill(NaN);
  const affected = new Uint8Array(count);
  for (const f of names) {
    const c = counts.get(f)!;
    const col = byName[f];
    for (let u = 0; u < count; u++) {
      if (!Number.isNaN(col[u])) continue;
      c.unitsAffected++;
      if (pop[u] >= 0) c.populationAffected += pop[u];
      if (used.has(f)) affected[u] = 1;
    }
  }
  let unitsAffected = 0;
  let populationAffected = 0;
  let populationUnknown = 0;
  for (let u = 0; u < count; u++) {
    if (!affected[u]) continue;
    unitsAffected++;
    if (pop[u] >= 0) populationAffected += pop[u];
    else populationUnknown++;
  }
  const first = names.filter((f) => used.has(f));
  const rest = names.filter((f) => !used.has(f) && counts.get(f)!.unitsAffected + counts.get(f)!.sentinelKept > 0);
  return {
    unitCount: count,
    population: expressionToString(populationField),
    fields: [...first, ...rest].map((f) => counts.get(f)!),
    unitsAffected,
    populationAffected,
    populationUnknown,
  };
}
