/**
 * Filters of several conditions on a file's features, all of which must hold: "kunta = 837 and
 * olo = 0" on the school register, "kuntano = 837" on the Paavo areas that make the planning
 * area. A condition compares one field with a value:
 * - `=` and `!=`: as numbers when both the value and the feature's value are numbers
 *   ("kunta = 91" matches "091"), else as trimmed text, ignoring case;
 * - `<`, `<=`, `>`, `>=`: as numbers only (the value must be a number);
 * - a feature without a value for the field never matches (not even `!=`).
 */
import { fail, ok, type Problem, type Result } from '../model/result';
import { textValue, toNumber, type FeatureTable } from '../load/feature-table';

export const FILTER_OPS = ['=', '!=', '<', '<=', '>', '>='] as const;
export type FilterOp = (typeof FILTER_OPS)[number];

/** One condition: `field op value`, field name as in the file (matched ignoring case). */
export interface FieldCondition {
  field: string;
  op: FilterOp;
  value: string;
}

const PATTERN = /^\s*([^=!<>]+?)\s*(!=|<=|>=|=|<|>)\s*(.*?)\s*$/;

/** "kunta=837", "olo = 0", "he_vakiy>=100" → a condition; a named problem when it is not of that form. */
export function parseCondition(text: string, option = 'filter'): Result<FieldCondition> {
  const m = PATTERN.exec(text);
  if (!m || !m[1].trim())
    return fail({ code: 'filter-syntax', message: `"${text}" is not a condition of the form FIELD=VALUE.`, fix: `Write it as FIELD=VALUE (e.g. kunta=837), or with !=, <, <=, >, >= for numbers.`, field: option });
  const condition = { field: m[1].trim(), op: m[2] as FilterOp, value: m[3] };
  const numeric = numberOf(condition.value);
  if (condition.op !== '=' && condition.op !== '!=' && numeric === null)
    return fail({ code: 'filter-not-number', message: `"${text}" compares with ${condition.op}, but "${condition.value}" is not a number.`, fix: 'Use = or != for text, or give a number.', field: option });
  return ok(condition);
}

/**
 * A condition from a field and a value as typed in the wizard: "837" is = 837; a leading
 * operator sets the comparison ("!= 2", ">= 100"). Null when the field is empty.
 */
export function conditionFromInput(field: string, input: string): Result<FieldCondition> | null {
  if (!field.trim()) return null;
  const m = /^\s*(!=|<=|>=|=|<|>)?\s*(.*?)\s*$/.exec(input)!;
  return parseCondition(`${field}${m[1] ?? '='}${m[2]}`);
}

/** The value as the wizard shows it: "837" for =, "!= 2", ">= 100" for the others. */
export function conditionInput(c: FieldCondition): string {
  return c.op === '=' ? c.value : `${c.op} ${c.value}`;
}

/** "kunta = 837". */
export function conditionText(c: FieldCondition): string {
  return `${c.field} ${c.op} ${c.value}`;
}

/** "kunta = 837 and olo = 0" (empty for no conditions). */
export function conditionsText(conditions: readonly FieldCondition[]): string {
  return conditions.map(conditionText).join(' and ');
}

function numberOf(text: string | null): number | null {
  if (text === null) return null;
  const v = toNumber(text);
  return v.present && !v.bad ? v.n : null;
}

/** Whether feature `i` of `table` satisfies `c` (the field given lower-case, as the table keys it). */
function holds(table: FeatureTable, field: string, c: FieldCondition, wanted: number | null, i: number): boolean {
  const text = textValue(table, field, i);
  if (text === null || text.trim() === '') return false;
  const have = numberOf(text);
  if (c.op === '=' || c.op === '!=') {
    const equal = wanted !== null && have !== null ? have === wanted : text.trim().toLowerCase() === c.value.trim().toLowerCase();
    return c.op === '=' ? equal : !equal;
  }
  if (have === null || wanted === null) return false;
  return c.op === '<' ? have < wanted : c.op === '<=' ? have <= wanted : c.op === '>' ? have > wanted : have >= wanted;
}

/**
 * 1 for each feature that satisfies every condition (all 1 for no conditions). A field the file
 * does not have is a problem naming the file and the fields it has.
 *
 * @param what how messages name the file's role ("schools file", "planning-area file")
 */
export function featuresWhere(table: FeatureTable, conditions: readonly FieldCondition[], what = 'file'): Result<Uint8Array> {
  const keep = new Uint8Array(table.count).fill(1);
  const problems: Problem[] = [];
  for (const c of conditions) {
    const field = c.field.trim().toLowerCase();
    if (!table.columns[field]) {
      problems.push({
        code: 'filter-field-unknown',
        message: `The ${what} has no field "${c.field}" (condition ${conditionText(c)}).`,
        fix: `Use one of its fields: ${table.fieldNames.slice(0, 20).join(', ')}${table.fieldNames.length > 20 ? ', …' : ''}.`,
        file: table.file,
        field: c.field,
      });
      continue;
    }
    const wanted = numberOf(c.value);
    for (let i = 0; i < table.count; i++) if (keep[i] && !holds(table, field, c, wanted, i)) keep[i] = 0;
  }
  return problems.length ? fail(...problems) : ok(keep);
}

/** The old single-condition form `{ field, value }` (field = value) as a list; none for null or an empty field. */
export function equalsConditions(filter: { field: string; value: string } | null | undefined): FieldCondition[] {
  return filter && filter.field ? [{ field: filter.field, op: '=', value: filter.value }] : [];
}
