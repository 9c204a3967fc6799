/**
 * Validation of statistical units' attributes before (or after) loading: duplicate ids,
 * non-numeric values, negative counts, missing values and suppression sentinels (HSY 99,
 * Paavo −1), each with the number of units and the share of the population affected. The
 * sentinel and negative-count rules are markSuppressed's (src/core/pupil-base/suppression.ts),
 * so the report says exactly what the engine will treat as unknown. Counts of people; no CRS.
 */
import { evaluateColumn, fieldsOf } from '../config/field-expression';
import type { IndicatorConfig } from '../config/indicator-config';
import { duplicates, UNIT_ID_FIELDS } from '../load/build-units';
import { findField, textValue, type FeatureTable } from '../load/feature-table';
import type { Problem } from '../model/result';
import type { AttributeTable } from '../model/units';
import { markSuppressed, type SuppressionReport } from '../pupil-base/suppression';

/** What validateUnits needs: ids and numeric columns, plus the non-numeric cells when known. */
export interface UnitAttributes {
  ids: readonly string[];
  attributes: AttributeTable;
  /** Per field (lower case): indices of units whose value was text that is not a number. */
  nonNumeric?: Record<string, number[]>;
}

export interface UnitValidationReport {
  problems: Problem[];
  duplicateIds: string[];
  nonNumeric: { field: string; units: number; ids: string[] }[];
  suppression: SuppressionReport;
  /** Σ of the population over units where it is known. */
  populationTotal: number;
}

const LISTED = 50;

function pct(part: number, whole: number): string {
  return whole > 0 ? `${((100 * part) / whole).toFixed(1)} %` : 'an unknown share';
}

/**
 * Every attribute problem of the units. Problems are warnings unless their code is
 * duplicate-id or non-numeric-value (the loader refuses those files).
 */
export function validateUnits(units: UnitAttributes, config: IndicatorConfig, file?: string): UnitValidationReport {
  const problems: Problem[] = [];
  const dup = duplicates([...units.ids]);
  if (dup.length)
    problems.push({ code: 'duplicate-id', message: `${dup.length} unit id(s) occur more than once.`, fix: 'Give every unit a unique id (each grid cell or area once); merge or remove the duplicates.', file, ids: dup.slice(0, LISTED) });
  const nonNumeric = Object.entries(units.nonNumeric ?? {})
    .filter(([, idx]) => idx.length > 0)
    .map(([field, idx]) => ({ field, units: idx.length, ids: idx.slice(0, LISTED).map((i) => units.ids[i]) }));
  for (const n of nonNumeric)
    problems.push({ code: 'non-numeric-value', message: `${n.units} unit(s) have text that is not a number in the count field "${n.field}".`, fix: 'Write counts as numbers; leave a missing value empty, and write suppressed values as the source\'s sentinel (-1, 99).', file, field: n.field, ids: n.ids });

  const { report } = markSuppressed(units.attributes, config);
  const byLower: Record<string, Float64Array> = {};
  for (const n of units.attributes.names) byLower[n.toLowerCase()] = units.attributes.columns[n];
  const popFields = fieldsOf(config.population);
  const count = units.ids.length;
  const pop = popFields.every((f) => f in byLower) ? evaluateColumn(config.population, byLower, count) : new Float64Array(count).fill(NaN);
  let populationTotal = 0;
  for (const v of pop) if (v >= 0) populationTotal += v;
  const sentinelText = Object.entries(config.suppression.sentinels).map(([k, v]) => `${v.join('/')} in ${k}`).join(', ');
  for (const f of report.fields) {
    const share = pct(f.populationAffected, populationTotal);
    const affected = `with the field's other unknown values, ${f.unitsAffected} unit(s) holding ${share} of the population are affected`;
    if (f.suppressed)
      problems.push({ code: 'suppressed-values', message: `${f.suppressed} unit(s) have a suppressed value (${sentinelText}) in "${f.field}"; ${affected}.`, fix: `Nothing to do: they are ${config.suppression.rule === 'impute' ? 'estimated from the surrounding area' : 'left out'} (suppression rule "${config.suppression.rule}") and reported.`, file, field: f.field });
    if (f.negative)
      problems.push({ code: 'negative-count', message: `${f.negative} unit(s) have a negative count in "${f.field}" that is not a known sentinel; it is treated as missing.`, fix: 'Correct the values, or add the sentinel to the config\'s suppression.sentinels.', file, field: f.field });
    if (f.missing)
      problems.push({ code: 'missing-values', message: `${f.missing} unit(s) have no value (null) in "${f.field}"; ${affected}.`, fix: 'Fill them in if known; otherwise they are treated like suppressed values.', file, field: f.field });
  }
  return { problems, duplicateIds: dup, nonNumeric, suppression: report, populationTotal };
}

/**
 * validateUnits on a units file as read (before buildUnits, which refuses duplicate ids and
 * text in count fields): ids from the usual id fields, every column with mostly numbers.
 */
export function validateUnitTable(table: FeatureTable, config: IndicatorConfig): UnitValidationReport {
  const idField = findField(table, UNIT_ID_FIELDS);
  const ids: string[] = [];
  for (let i = 0; i < table.count; i++) ids.push((idField ? textValue(table, idField, i) : null) ?? table.featureIds[i] ?? String(i));
  const attributes: AttributeTable = { names: [], columns: {} };
  const nonNumeric: Record<string, number[]> = {};
  for (const name of table.fieldNames) {
    const col = table.columns[name];
    if (name === idField || col.nonNumeric.length * 2 > col.present) continue;
    attributes.names.push(name);
    attributes.columns[name] = col.numbers;
    if (col.nonNumeric.length) nonNumeric[name] = col.nonNumeric;
  }
  return validateUnits({ ids, attributes, nonNumeric }, config, table.file);
}
