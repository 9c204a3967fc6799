/**
 * Validation of an indicator config file (docs/indicator-config.md). Every error is a
 * Problem whose `field` is the JSON path ("shares[2].numerator"), saying what is wrong
 * and how to fix it. Unknown keys are warnings (likely typos), never errors.
 */
import type { Problem, Result } from '../model/result';
import { fail, ok } from '../model/result';
import type { IndicatorConfig } from './indicator-config';
import { checkHousing, checkProjection } from './validate-time-sections';
import { checkTravelSettings } from './travel-settings';

type Obj = Record<string, unknown>;

const ID_PATTERN = /^[A-Za-z0-9_-]+$/;

/** Collects problems while walking the JSON. */
class Checker {
  readonly errors: Problem[] = [];
  readonly warnings: Problem[] = [];
  readonly file: string | undefined;

  constructor(file: string | undefined) {
    this.file = file;
  }

  error(path: string, message: string, fix: string, code = 'invalid-config'): void {
    // The path is in `field`; formatProblem prints it before the message.
    this.errors.push({ code, message: `${message[0].toUpperCase()}${message.slice(1)}`, fix, file: this.file, field: path });
  }

  unknownKeys(value: Obj, path: string, known: string[]): void {
    for (const key of Object.keys(value)) {
      if (known.includes(key)) continue;
      const where = path ? `${path}.${key}` : key;
      this.warnings.push({
        code: 'unknown-config-key',
        message: `Unknown key "${key}", ignored.`,
        fix: `Remove it or correct the spelling; known keys here: ${known.join(', ')}.`,
        file: this.file,
        field: where,
      });
    }
  }
}

function isObject(v: unknown): v is Obj {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function kindOf(v: unknown): string {
  if (v === undefined) return 'nothing (the field is missing)';
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'an array';
  return typeof v === 'object' ? 'an object' : `${typeof v} ${JSON.stringify(v)}`;
}

function checkObject(c: Checker, v: unknown, path: string, what: string): v is Obj {
  if (isObject(v)) return true;
  c.error(path, `must be an object (${what}), got ${kindOf(v)}.`, `Write ${path} as a JSON object; see docs/indicator-config.md.`);
  return false;
}

function checkString(c: Checker, v: unknown, path: string, fix: string): v is string {
  if (typeof v === 'string' && v.trim() !== '') return true;
  c.error(path, `must be a non-empty string, got ${kindOf(v)}.`, fix);
  return false;
}

function checkId(c: Checker, v: unknown, path: string, seen: Set<string>): void {
  const fix = 'Use a short key of letters, digits, "_" or "-", unique in its list, e.g. "foreign_language".';
  if (!checkString(c, v, path, fix)) return;
  if (!ID_PATTERN.test(v)) c.error(path, `"${v}" contains characters other than letters, digits, "_" and "-".`, fix);
  else if (seen.has(v)) c.error(path, `duplicate id "${v}".`, fix);
  seen.add(v);
}

/** A FieldExpression: "field", ["a", "b"] or { terms: [{ field, factor }] }. */
function checkExpression(c: Checker, v: unknown, path: string): void {
  const fix = 'Give a field name ("he_7_12"), a list of fields to add (["pt_tyoll", "pt_tyott"]) or { "terms": [{ "field": "ika0_9", "factor": 0.3 }] }.';
  if (typeof v === 'string') {
    if (v.trim() === '') c.error(path, 'an empty field name is not allowed.', fix);
    return;
  }
  if (Array.isArray(v)) {
    if (v.length === 0) c.error(path, 'an empty list of fields is not allowed.', fix);
    v.forEach((f, i) => checkString(c, f, `${path}[${i}]`, fix));
    return;
  }
  if (!isObject(v)) {
    c.error(path, `must be a field expression, got ${kindOf(v)}.`, fix);
    return;
  }
  c.unknownKeys(v, path, ['terms']);
  if (!Array.isArray(v.terms) || v.terms.length === 0) {
    c.error(`${path}.terms`, 'must be a non-empty list of { field, factor }.', fix);
    return;
  }
  v.terms.forEach((t, i) => {
    const p = `${path}.terms[${i}]`;
    if (!checkObject(c, t, p, '{ field, factor }')) return;
    c.unknownKeys(t, p, ['field', 'factor']);
    checkString(c, t.field, `${p}.field`, fix);
    if (typeof t.factor !== 'number' || !Number.isFinite(t.factor) || t.factor < 0) {
      c.error(`${p}.factor`, `must be a finite number ≥ 0, got ${kindOf(t.factor)}.`, 'Give the share of the field that belongs to the count, e.g. 0.3 for 3 of 10 one-year ages.');
    }
  });
}

function checkLabel(c: Checker, v: unknown, path: string): void {
  if (!checkObject(c, v, path, '{ fi, sv, en }')) return;
  c.unknownKeys(v, path, ['fi', 'sv', 'en']);
  for (const lang of ['fi', 'sv', 'en']) {
    checkString(c, v[lang], `${path}.${lang}`, `Give the ${lang} label as text, e.g. "Vieraskieliset" / "Främmande språk" / "Foreign-language".`);
  }
}

function checkShares(c: Checker, v: unknown): Set<string> {
  const ids = new Set<string>();
  if (!Array.isArray(v)) {
    c.error('shares', `must be a list of share definitions, got ${kindOf(v)}.`, 'Write "shares": [] when the data have no composition fields.');
    return ids;
  }
  v.forEach((s, i) => {
    const p = `shares[${i}]`;
    if (!checkObject(c, s, p, '{ id, label, numerator, denominator }')) return;
    c.unknownKeys(s, p, ['id', 'label', 'numerator', 'denominator']);
    checkId(c, s.id, `${p}.id`, ids);
    checkLabel(c, s.label, `${p}.label`);
    checkExpression(c, s.numerator, `${p}.numerator`);
    checkExpression(c, s.denominator, `${p}.denominator`);
  });
  return ids;
}

function checkMultigroup(c: Checker, v: unknown): void {
  if (!Array.isArray(v)) {
    c.error('multigroup', `must be a list of partitions, got ${kindOf(v)}.`, 'Write "multigroup": [] when the data have no partition fields.');
    return;
  }
  const ids = new Set<string>();
  v.forEach((g, i) => {
    const p = `multigroup[${i}]`;
    if (!checkObject(c, g, p, '{ id, label, categories, denominator? }')) return;
    c.unknownKeys(g, p, ['id', 'label', 'categories', 'denominator']);
    checkId(c, g.id, `${p}.id`, ids);
    checkLabel(c, g.label, `${p}.label`);
    if (g.denominator !== undefined) checkExpression(c, g.denominator, `${p}.denominator`);
    if (!Array.isArray(g.categories) || g.categories.length < 2) {
      c.error(`${p}.categories`, 'must list at least two categories.', 'Give each category as { "id": "...", "field": "..." }; a partition needs two or more.');
      return;
    }
    const catIds = new Set<string>();
    g.categories.forEach((cat, k) => {
      const q = `${p}.categories[${k}]`;
      if (!checkObject(c, cat, q, '{ id, field, label? }')) return;
      c.unknownKeys(cat, q, ['id', 'field', 'label']);
      checkId(c, cat.id, `${q}.id`, catIds);
      checkExpression(c, cat.field, `${q}.field`);
      if (cat.label !== undefined) checkLabel(c, cat.label, `${q}.label`);
    });
  });
}

function checkAgeBands(c: Checker, v: unknown): void {
  if (!checkObject(c, v, 'ageBands', '{ lower, upper, byNetwork?, estimated? }')) return;
  c.unknownKeys(v, 'ageBands', ['lower', 'upper', 'byNetwork', 'estimated']);
  checkExpression(c, v.lower, 'ageBands.lower');
  checkExpression(c, v.upper, 'ageBands.upper');
  if (v.byNetwork !== undefined && checkObject(c, v.byNetwork, 'ageBands.byNetwork', 'network id → field expression')) {
    for (const [id, e] of Object.entries(v.byNetwork)) checkExpression(c, e, `ageBands.byNetwork.${id}`);
  }
  if (v.estimated !== undefined && typeof v.estimated !== 'boolean') {
    c.error('ageBands.estimated', `must be true or false, got ${kindOf(v.estimated)}.`, 'Write true when the age band is apportioned from wider bands (HSY), else leave it out.');
  }
}

function checkComposite(c: Checker, v: unknown, shareIds: Set<string>): void {
  if (!checkObject(c, v, 'composite', '{ weights }')) return;
  c.unknownKeys(v, 'composite', ['weights']);
  if (!checkObject(c, v.weights, 'composite.weights', 'share id → weight')) return;
  for (const [id, w] of Object.entries(v.weights)) {
    const p = `composite.weights.${id}`;
    if (typeof w !== 'number' || !Number.isFinite(w)) c.error(p, `must be a finite number, got ${kindOf(w)}.`, 'Give a weight such as 1; use a negative weight for a protective share.');
    if (!shareIds.has(id)) c.error(p, `names no share: "${id}" is not among the share ids (${[...shareIds].join(', ') || 'none'}).`, 'Use the id of a share defined in "shares", or remove the weight.');
  }
}

function checkSuppression(c: Checker, v: unknown): void {
  if (!checkObject(c, v, 'suppression', '{ sentinels, rule, imputeRadiusMetres }')) return;
  c.unknownKeys(v, 'suppression', ['sentinels', 'rule', 'imputeRadiusMetres']);
  if (checkObject(c, v.sentinels, 'suppression.sentinels', 'field pattern → values')) {
    for (const [key, values] of Object.entries(v.sentinels)) {
      const ok = Array.isArray(values) && values.every((x) => typeof x === 'number' && Number.isFinite(x));
      if (!ok) c.error(`suppression.sentinels.${key}`, `must be a list of numbers, got ${kindOf(values)}.`, 'E.g. "ika*": [99] for HSY or "*": [-1] for Paavo.');
    }
  }
  if (v.rule !== 'exclude' && v.rule !== 'impute') {
    c.error('suppression.rule', `must be "exclude" or "impute", got ${kindOf(v.rule)}.`, 'Write "impute" to estimate suppressed values from the surrounding area, or "exclude" to leave them out.');
  }
  const r = v.imputeRadiusMetres;
  if (typeof r !== 'number' || !Number.isFinite(r) || r <= 0) {
    c.error('suppression.imputeRadiusMetres', `must be a distance in metres > 0, got ${kindOf(r)}.`, 'Give e.g. 1000 (metres).');
  }
}

const TOP_KEYS = ['version', 'preset', 'ageBands', 'population', 'shares', 'multigroup', 'composite', 'privacyThreshold', 'suppression', 'projection', 'housing', 'travel'];

/**
 * Checks that `json` (a parsed file, or its text) is a valid indicator config.
 *
 * @param json the parsed JSON value, or the file's text
 * @param file file name for the problems
 * @returns the config (same object) with unknown-key warnings, or every problem found
 */
export function validateConfig(json: unknown, file?: string): Result<IndicatorConfig> {
  const c = new Checker(file);
  let value = json;
  if (typeof json === 'string') {
    try {
      value = JSON.parse(json);
    } catch (e) {
      return fail({ code: 'invalid-json', message: `The config is not valid JSON: ${(e as Error).message}`, fix: 'Correct the JSON syntax (a JSON validator shows the line).', file });
    }
  }
  if (!checkObject(c, value, '(root)', 'the indicator config')) return fail(...c.errors);
  c.unknownKeys(value, '', TOP_KEYS);
  if (value.version !== 1) c.error('version', `must be 1, got ${kindOf(value.version)}.`, 'Write "version": 1 (the only format version so far).');
  checkString(c, value.preset, 'preset', 'Name the preset the config derives from, e.g. "paavo", or "custom".');
  checkAgeBands(c, value.ageBands);
  checkExpression(c, value.population, 'population');
  const shareIds = checkShares(c, value.shares);
  checkMultigroup(c, value.multigroup);
  checkComposite(c, value.composite, shareIds);
  const t = value.privacyThreshold;
  if (typeof t !== 'number' || !Number.isInteger(t) || t < 1) {
    c.error('privacyThreshold', `must be a whole number of people ≥ 1, got ${kindOf(t)}.`, 'Write e.g. 10: figures resting on fewer people are never shown.');
  }
  checkSuppression(c, value.suppression);
  const report = (path: string, message: string, fix: string) => c.error(path, message, fix);
  checkProjection(value.projection, report);
  checkHousing(value.housing, report);
  if (value.travel !== undefined) {
    const travel = checkTravelSettings(value.travel, file);
    c.errors.push(...travel.errors);
    c.warnings.push(...travel.warnings);
  }
  if (c.errors.length > 0) return fail(...c.errors);
  return ok(value as unknown as IndicatorConfig, c.warnings);
}

export { checkConfigAgainstFields, usableConfig } from './config-fields';
