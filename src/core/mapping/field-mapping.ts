/**
 * Field mapping: canonical count fields (the names the presets use: he_vakiy, he_7_12, ko_perus,
 * ika0_9 …) built from a loaded AttributeTable whose fields are named otherwise. A mapping gives,
 * per canonical field, a source field name or a FieldExpression over source fields
 * ("vaesto", ["tyolliset", "tyottomat"], { terms: [{ field: "ika0_9", factor: 0.3 }] }).
 * Values are counts of people, households or dwellings; no CRS.
 */
import { termsOf } from '../config/field-expression';
import type { FieldExpression } from '../config/indicator-config';
import { fail, ok, type Problem, type Result } from '../model/result';
import type { AttributeTable } from '../model/units';
import { closestName } from './name-distance';

/** Canonical field name (lower case) → source field or expression over source fields. */
export type FieldMapping = Record<string, FieldExpression>;

/** What a canonical field means, for the mapping screen and messages. */
export interface CanonicalField {
  name: string;
  label: string;
  /** Which presets use it. */
  presets: ('statfi-grid' | 'paavo' | 'hsy')[];
}

const S: CanonicalField['presets'] = ['statfi-grid', 'paavo'];

/** Every field a shipped preset can use, with its meaning. */
export const CANONICAL_FIELDS: readonly CanonicalField[] = [
  { name: 'he_vakiy', label: 'Population, total', presets: S },
  { name: 'he_7_12', label: 'Persons aged 7–12', presets: S },
  { name: 'he_13_15', label: 'Persons aged 13–15', presets: S },
  { name: 'vieraskielisia', label: 'Foreign-language speakers', presets: S },
  { name: 'ko_ika18y', label: 'Persons aged 18+ (education base)', presets: S },
  { name: 'ko_perus', label: 'Basic education only', presets: S },
  { name: 'ko_yliop', label: 'Matriculation examination', presets: S },
  { name: 'ko_ammat', label: 'Vocational qualification', presets: S },
  { name: 'ko_al_kork', label: 'Lower tertiary degree', presets: S },
  { name: 'ko_yl_kork', label: 'Higher tertiary degree', presets: S },
  { name: 'hr_tuy', label: 'Persons aged 18+ (income base)', presets: S },
  { name: 'hr_pi_tul', label: 'Low income', presets: S },
  { name: 'hr_ke_tul', label: 'Middle income', presets: S },
  { name: 'hr_hy_tul', label: 'High income', presets: S },
  { name: 'pt_tyoll', label: 'Employed', presets: S },
  { name: 'pt_tyott', label: 'Unemployed', presets: S },
  { name: 'te_taly', label: 'Households', presets: S },
  { name: 'te_omis_as', label: 'Owner-occupied dwellings', presets: S },
  { name: 'te_vuok_as', label: 'Rented dwellings', presets: S },
  { name: 'te_muu_as', label: 'Other tenure', presets: S },
  { name: 'asukkaita', label: 'Inhabitants (HSY)', presets: ['hsy'] },
  { name: 'ika0_9', label: 'Persons aged 0–9 (HSY)', presets: ['hsy'] },
  { name: 'ika10_19', label: 'Persons aged 10–19 (HSY)', presets: ['hsy'] },
];

const TARGET_PATTERN = /^[a-z][a-z0-9_]*$/;

export interface ApplyMappingOptions {
  /**
   * Sentinel values per source field (glob keys as in config.suppression.sentinels, e.g. { "ika*": [99] }).
   * A sentinel in a source of a computed expression makes the computed value NaN (a suppressed
   * value must never be added as if real). Plain renames copy the column as it is, sentinels
   * included, so that the suppression step still sees and reports them.
   */
  sentinels?: Record<string, number[]>;
  file?: string;
}

/**
 * Problems of a mapping against the source fields (names any case): unknown source fields
 * (with the closest existing name), invalid canonical names, empty or negative terms.
 * An empty list means the mapping can be applied.
 */
export function validateMapping(mapping: FieldMapping, fieldNames: readonly string[], file?: string): Problem[] {
  const have = new Set(fieldNames.map((f) => f.toLowerCase()));
  const problems: Problem[] = [];
  for (const [target, expr] of Object.entries(mapping)) {
    if (!TARGET_PATTERN.test(target))
      problems.push({ code: 'mapping-invalid-target', message: `"${target}" is not a valid field name to map to.`, fix: 'Use a lower-case name of letters, digits and "_", e.g. "he_vakiy".', file, field: target });
    const terms = safeTerms(expr);
    if (!terms || terms.length === 0) {
      problems.push({ code: 'mapping-invalid-expression', message: `The mapping of "${target}" is empty or not a field expression.`, fix: 'Give a source field name, a list of fields to add, or { "terms": [{ "field": …, "factor": … }] }.', file, field: target });
      continue;
    }
    for (const t of terms) {
      if (!(Number.isFinite(t.factor) && t.factor >= 0))
        problems.push({ code: 'mapping-invalid-expression', message: `The mapping of "${target}" has factor ${t.factor} for "${t.field}"; factors must be finite numbers ≥ 0.`, fix: 'Give the share of the source field that belongs to the count, e.g. 0.3.', file, field: target });
      if (!have.has(t.field)) {
        const near = closestName(t.field, [...have]);
        problems.push({
          code: 'mapping-unknown-field',
          message: `The mapping of "${target}" uses the field "${t.field}", which the data do not have.`,
          fix: near ? `Did you mean "${near}"? Choose a field of the data.` : 'Choose a field of the data.',
          file,
          field: target,
        });
      }
    }
  }
  return problems;
}

function safeTerms(expr: unknown): { field: string; factor: number }[] | null {
  if (typeof expr === 'string') return expr.trim() ? termsOf(expr.trim()) : null;
  if (Array.isArray(expr)) return expr.every((f) => typeof f === 'string' && f.trim()) ? termsOf(expr.map((f: string) => f.trim())) : null;
  if (expr && typeof expr === 'object' && Array.isArray((expr as { terms?: unknown }).terms)) {
    const terms = (expr as { terms: unknown[] }).terms;
    if (!terms.every((t) => t && typeof t === 'object' && typeof (t as { field?: unknown }).field === 'string')) return null;
    return termsOf(expr as FieldExpression);
  }
  return null;
}

function globMatches(pattern: string, field: string): boolean {
  const re = new RegExp(`^${pattern.toLowerCase().replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*')}$`);
  return re.test(field);
}

function sentinelsOf(field: string, sentinels: Record<string, number[]> | undefined): number[] {
  if (!sentinels) return [];
  return Object.entries(sentinels).flatMap(([k, v]) => (globMatches(k, field) ? v : []));
}

/**
 * The table with one column per mapped canonical field added (or replaced), source columns kept.
 * A plain rename copies the column; an expression is Σ factor × source, NaN where any source
 * value is NaN or a sentinel (options.sentinels).
 *
 * @returns the new table (input untouched), or the problems of validateMapping
 */
export function applyMapping(table: AttributeTable, mapping: FieldMapping, options: ApplyMappingOptions = {}): Result<AttributeTable> {
  const problems = validateMapping(mapping, table.names, options.file);
  if (problems.length) return fail(...problems);
  const byLower: Record<string, Float64Array> = {};
  for (const n of table.names) byLower[n.toLowerCase()] = table.columns[n];
  const count = table.names.length ? byLower[table.names[0].toLowerCase()].length : 0;
  const columns: Record<string, Float64Array> = { ...table.columns };
  const names = [...table.names];
  for (const [target, expr] of Object.entries(mapping)) {
    const terms = termsOf(expr);
    let out: Float64Array;
    if (terms.length === 1 && terms[0].factor === 1) out = Float64Array.from(byLower[terms[0].field]);
    else {
      out = new Float64Array(count);
      for (const t of terms) {
        const col = byLower[t.field];
        const bad = sentinelsOf(t.field, options.sentinels);
        for (let u = 0; u < count; u++) {
          const v = col[u];
          out[u] += bad.includes(v) ? NaN : t.factor * v;
        }
      }
    }
    const existing = names.find((n) => n.toLowerCase() === target);
    if (existing && existing !== target) delete columns[existing];
    if (!existing) names.push(target);
    else names[names.indexOf(existing)] = target;
    columns[target] = out;
  }
  return ok({ names, columns });
}
