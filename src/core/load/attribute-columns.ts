/** Property columns of a FeatureTable → the numeric AttributeTable of Units, with missing/suppressed counts. */
import type { AttributeTable } from '../model/units';
import type { Problem } from '../model/result';
import { featureLabel, type FeatureTable } from './feature-table';

export interface AttributeReport {
  /** Per field: values missing (null, empty, absent). */
  missing: Record<string, number>;
  /** Per field: negative values (Statistics Finland's −1 = suppressed), kept as they are for the suppression step. */
  suppressed: Record<string, number>;
  /** Text fields left out of the attributes (names, codes). */
  textFields: string[];
}

const MAX_LISTED = 20;
/** Largest absolute value accepted in a numeric unit field (2^53, beyond which integers are not exact). */
export const MAX_PLAUSIBLE = 2 ** 53;

/**
 * Numeric columns become Float64Array attributes (lower-case names). A column is numeric
 * when most of its non-empty values are numbers; a non-number in such a column (or in any of
 * `numericFields`) is an error naming the feature and the field. Missing values become NaN;
 * negative values (−1 = suppressed) and other sentinels are kept for the pupil-base suppression
 * step (src/core/pupil-base/suppression.ts), which reports and removes them. Columns that are
 * mostly text are left out.
 */
export function buildAttributes(
  table: FeatureTable,
  skip: (string | null)[],
  numericFields: readonly string[] = [],
): { attributes: AttributeTable; report: AttributeReport; errors: Problem[] } {
  const attributes: AttributeTable = { names: [], columns: Object.create(null) as AttributeTable['columns'] };
  const report: AttributeReport = { missing: Object.create(null) as Record<string, number>, suppressed: Object.create(null) as Record<string, number>, textFields: [] };
  const errors: Problem[] = [];
  const required = new Set(numericFields.map((f) => f.toLowerCase()));
  for (const name of table.fieldNames) {
    if (skip.includes(name)) continue;
    const col = table.columns[name];
    const mostlyText = col.nonNumeric.length * 2 > col.present;
    if (mostlyText && !required.has(name)) {
      report.textFields.push(name);
      continue;
    }
    for (const i of col.nonNumeric.slice(0, MAX_LISTED)) {
      const text = col.texts?.[i] ?? '';
      const nonFinite = /^[-+]?(Infinity|NaN)$/.test(text);
      // "-" is zero in Statistics Finland's tables and a missing value in others: not guessed.
      const dash = /^[-–]$/.test(text.trim());
      errors.push({
        code: nonFinite ? 'non-finite-value' : 'non-numeric-value',
        message: `Feature ${featureLabel(table, i, skip[0])} has ${JSON.stringify(text)} in count field "${col.name}", which is not ${nonFinite ? 'a finite number' : /^[-+]?\d{1,3}(,\d{3})+$/.test(text.trim()) ? 'an unambiguous number (is the comma a thousands separator or a decimal comma?)' : dash ? 'a number (Statistics Finland writes "-" for zero, other sources for a missing value)' : 'a number'}.`,
        fix: dash
          ? 'Write 0 where the value is zero, or leave the cell empty where it is unknown (suppressed values as -1).'
          : 'Write counts as numbers; leave a missing value empty (null), and write suppressed values as -1 (Statistics Finland\'s "..", "..." and "." are read as missing).',
        file: table.file,
        feature: featureLabel(table, i, skip[0]),
        field: col.name,
      });
    }
    const values = Float64Array.from(col.numbers);
    let implausible = 0;
    for (let i = 0; i < values.length; i++)
      if (Math.abs(values[i]) > MAX_PLAUSIBLE && implausible++ < MAX_LISTED)
        errors.push({
          code: 'implausible-value',
          message: `Feature ${featureLabel(table, i, skip[0])} has ${values[i]} in field "${col.name}", beyond ±${MAX_PLAUSIBLE} (no count or sum of this data can be that large; numbers this big also lose precision).`,
          fix: 'Correct the value (it is probably an overflow or a wrong unit), or leave it empty when unknown.',
          file: table.file,
          feature: featureLabel(table, i, skip[0]),
          field: col.name,
        });
    let suppressed = 0;
    for (let i = 0; i < values.length; i++) if (values[i] < 0) suppressed++;
    attributes.names.push(name);
    attributes.columns[name] = values;
    report.missing[name] = table.count - col.present;
    report.suppressed[name] = suppressed;
  }
  for (const f of required)
    if (!table.columns[f])
      errors.push({ code: 'missing-field', message: `The units have no field "${f}", which the indicator configuration needs.`, fix: `Add the field "${f}" or choose a configuration that matches the data (e.g. another preset).`, file: table.file, field: f });
  return { attributes, report, errors };
}
