/**
 * Evaluating the counts of an indicator config (`FieldExpression`) on unit attributes.
 * Field names are matched lower-case, as the loaders store them (AttributeTable.names).
 * Values are counts of people, households or dwellings; they carry no CRS.
 */
import type { FieldExpression } from './indicator-config';

/** One weighted term of an expression, field name lower-cased. */
export interface ExpressionTerm {
  field: string;
  factor: number;
}

/** The expression as a list of weighted terms: "a" → [a×1]; ["a","b"] → [a×1, b×1]. */
export function termsOf(expr: FieldExpression): ExpressionTerm[] {
  if (typeof expr === 'string') return [{ field: expr.toLowerCase(), factor: 1 }];
  if (Array.isArray(expr)) return expr.map((field) => ({ field: field.toLowerCase(), factor: 1 }));
  return expr.terms.map((t) => ({ field: t.field.toLowerCase(), factor: t.factor }));
}

/** Distinct field names referenced by the expression, lower-cased, in order of appearance. */
export function fieldsOf(expr: FieldExpression): string[] {
  return [...new Set(termsOf(expr).map((t) => t.field))];
}

/** Human-readable form for messages and docs: "he_7_12", "pt_tyoll + pt_tyott", "0.3·ika0_9 + 0.3·ika10_19". */
export function expressionToString(expr: FieldExpression): string {
  return termsOf(expr)
    .map((t) => (t.factor === 1 ? t.field : `${t.factor}·${t.field}`))
    .join(' + ');
}

function columnOf(columns: Record<string, Float64Array>, field: string): Float64Array {
  const column = columns[field];
  // A bug, not a user error: checkConfigAgainstFields must have reported missing fields first.
  if (!column) throw new Error(`field "${field}" is not in the attribute table; run checkConfigAgainstFields first`);
  return column;
}

/**
 * Value of the expression for one unit: Σ factor × column[field][unit].
 * NaN when any referenced value is NaN (missing or suppressed), so that a partly
 * suppressed sum is never taken for a real count.
 *
 * @param columns attribute columns keyed by lower-case field name
 * @param unit index of the unit
 * @throws Error (a bug) when a referenced field is not in `columns`
 */
export function evaluateExpression(expr: FieldExpression, columns: Record<string, Float64Array>, unit: number): number {
  let sum = 0;
  for (const t of termsOf(expr)) sum += t.factor * columnOf(columns, t.field)[unit];
  return sum;
}

/**
 * The expression evaluated for every unit at once (the fast path for large grids):
 * out[u] = evaluateExpression(expr, columns, u).
 *
 * @param count number of units (length of every column)
 * @throws Error (a bug) when a referenced field is not in `columns`
 */
export function evaluateColumn(expr: FieldExpression, columns: Record<string, Float64Array>, count: number): Float64Array {
  const out = new Float64Array(count);
  for (const t of termsOf(expr)) {
    const column = columnOf(columns, t.field);
    const f = t.factor;
    for (let u = 0; u < count; u++) out[u] += f * column[u];
  }
  return out;
}
