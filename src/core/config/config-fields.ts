/**
 * Checking a valid indicator config against the fields the units actually have.
 * Design: a missing age-band or population field is a hard error (nothing can be computed);
 * a share or multigroup partition whose fields are missing is dropped with a warning.
 */
import type { Problem, Result } from '../model/result';
import { fail, ok } from '../model/result';
import { fieldsOf } from './field-expression';
import type { FieldExpression, IndicatorConfig } from './indicator-config';
import { detectPreset } from './presets';

/** Problem codes of checkConfigAgainstFields that make the config unusable on the data. */
export const HARD_FIELD_PROBLEMS: ReadonlySet<string> = new Set(['missing-age-band-field', 'missing-population-field']);

/** True when the problem is an error (the data cannot be used), false when it is a warning. */
export function isHardFieldProblem(p: Problem): boolean {
  return HARD_FIELD_PROBLEMS.has(p.code);
}

/** Every field expression of a config with its JSON path. */
export function configExpressions(config: IndicatorConfig): { path: string; expr: FieldExpression }[] {
  const out: { path: string; expr: FieldExpression }[] = [
    { path: 'ageBands.lower', expr: config.ageBands.lower },
    { path: 'ageBands.upper', expr: config.ageBands.upper },
  ];
  for (const [id, e] of Object.entries(config.ageBands.byNetwork ?? {})) out.push({ path: `ageBands.byNetwork.${id}`, expr: e });
  out.push({ path: 'population', expr: config.population });
  config.shares.forEach((s, i) => {
    out.push({ path: `shares[${i}].numerator`, expr: s.numerator }, { path: `shares[${i}].denominator`, expr: s.denominator });
  });
  config.multigroup.forEach((g, i) => {
    g.categories.forEach((cat, k) => out.push({ path: `multigroup[${i}].categories[${k}].field`, expr: cat.field }));
    if (g.denominator !== undefined) out.push({ path: `multigroup[${i}].denominator`, expr: g.denominator });
  });
  return out;
}

/** Distinct lower-case fields referenced anywhere in the config. */
export function configFields(config: IndicatorConfig): string[] {
  return [...new Set(configExpressions(config).flatMap((e) => fieldsOf(e.expr)))];
}

function presetAdvice(config: IndicatorConfig, fieldNames: string[]): string {
  const detected = detectPreset(fieldNames);
  if (detected && detected !== config.preset) return `choose the ${detected} preset`;
  return 'choose the preset that matches the data (statfi-grid, paavo or hsy)';
}

function problemFor(config: IndicatorConfig, path: string, field: string, fieldNames: string[], file?: string): Problem {
  const base = `The units have no field ${field}; the config's ${path} needs it.`;
  if (path.startsWith('ageBands') || path === 'population') {
    const advice = presetAdvice(config, fieldNames);
    return {
      code: path === 'population' ? 'missing-population-field' : 'missing-age-band-field',
      message: base,
      fix: `${advice[0].toUpperCase()}${advice.slice(1)} or map a field of the data in ${path}.`,
      file,
      field: path,
    };
  }
  const share = /^shares\[(\d+)\]/.exec(path);
  if (share) {
    const id = config.shares[Number(share[1])].id;
    return {
      code: 'missing-share-field',
      message: `${base} The share "${id}" is skipped.`,
      fix: `Map a field of the data in ${path} or remove the share; the other indicators are computed without it.`,
      file,
      field: path,
    };
  }
  const group = /^multigroup\[(\d+)\]/.exec(path);
  const id = group ? config.multigroup[Number(group[1])].id : path;
  return {
    code: 'missing-multigroup-field',
    message: `${base} The partition "${id}" is skipped.`,
    fix: `Map a field of the data in ${path} or remove the partition; the other indicators are computed without it.`,
    file,
    field: path,
  };
}

/**
 * One Problem per referenced field that the units lack (matching lower-case).
 * Codes: missing-age-band-field and missing-population-field are errors
 * (see isHardFieldProblem); missing-share-field and missing-multigroup-field are warnings.
 *
 * @param fieldNames the units' attribute names (AttributeTable.names)
 */
export function checkConfigAgainstFields(config: IndicatorConfig, fieldNames: string[], file?: string): Problem[] {
  const have = new Set(fieldNames.map((f) => f.toLowerCase()));
  const problems: Problem[] = [];
  for (const { path, expr } of configExpressions(config)) {
    for (const field of fieldsOf(expr)) {
      if (!have.has(field)) problems.push(problemFor(config, path, field, fieldNames, file));
    }
  }
  return problems;
}

/**
 * The config reduced to what the data can support: fails on a missing age-band or population
 * field; otherwise drops shares and partitions with missing fields (and their composite
 * weights) and returns the warnings.
 */
export function usableConfig(config: IndicatorConfig, fieldNames: string[], file?: string): Result<IndicatorConfig> {
  const problems = checkConfigAgainstFields(config, fieldNames, file);
  const hard = problems.filter(isHardFieldProblem);
  if (hard.length > 0) return fail(...hard);
  const have = new Set(fieldNames.map((f) => f.toLowerCase()));
  const has = (e: FieldExpression): boolean => fieldsOf(e).every((f) => have.has(f));
  const shares = config.shares.filter((s) => has(s.numerator) && has(s.denominator));
  const multigroup = config.multigroup.filter((g) => g.categories.every((c) => has(c.field)) && (g.denominator === undefined || has(g.denominator)));
  const kept = new Set(shares.map((s) => s.id));
  const weights = Object.fromEntries(Object.entries(config.composite.weights).filter(([id]) => kept.has(id)));
  return ok({ ...config, shares, multigroup, composite: { weights } }, problems);
}
