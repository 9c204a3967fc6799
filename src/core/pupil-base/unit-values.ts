/**
 * The per-unit value matrix V of the pupil base (docs/indicators.md (Pupil base and composition)). Every column is a count
 * of (expected) children or people, LINEAR in the unit's catchment weight: a school's figure is
 * Σ_u weight(u, school) · V[u, column]. Shares are formed only after summing (with / base).
 *
 * Columns (find them by name through `layout`): children, childrenImputed, then per share k
 * base_k and with_k, per multigroup partition p base_p and one column per category, then population.
 */
import { checkConfigAgainstFields } from '../config/config-fields';
import { evaluateColumn, fieldsOf } from '../config/field-expression';
import type { FieldExpression, IndicatorConfig, MultigroupDefinition, ShareDefinition } from '../config/indicator-config';
import type { Problem } from '../model/result';
import type { Units } from '../model/units';
import { SharedNeighbourSums, type NeighbourIndex } from './neighbourhood';
import { EXCLUDED, IMPUTED, imputeAgeBand, imputeRatios, knownRatios, type RatioOutcome } from './impute';

export interface UnitValueLayout {
  /** Columns per unit row. */
  width: number;
  children: number;
  childrenImputed: number;
  population: number;
  shares: { id: string; base: number; with: number }[];
  multigroup: { id: string; base: number; categories: { id: string; column: number }[] }[];
  /** Name of every column, e.g. "children", "base:rental", "with:rental", "education:basic". */
  names: string[];
}

/** How one share or partition was resolved over the units with children. */
export interface RatioReport {
  id: string;
  /** Units with known numerator and denominator > 0. */
  known: number;
  /** Units whose ratio was imputed from the surrounding area (or the whole dataset). */
  imputed: number;
  /** Of the imputed units, those whose surrounding area had no known values (dataset ratio used). */
  globalFallback: number;
  /** Units left out of the figure (rule "exclude", or nothing known anywhere). */
  excluded: number;
  /** Expected children in the excluded units. */
  excludedChildren: number;
}

export interface UnitValuesReport {
  unitCount: number;
  rule: 'exclude' | 'impute';
  ageBand: {
    known: number;
    imputed: number;
    globalFallback: number;
    /** Units whose children are unknown and not imputed (contribute 0 children). */
    excluded: number;
    /** People living in the excluded units (population known). */
    excludedPopulation: number;
    /** Children estimated for the imputed units. */
    imputedChildren: number;
  };
  shares: RatioReport[];
  multigroup: RatioReport[];
  /** Shares or partitions skipped because the units lack their fields. */
  warnings: Problem[];
}

export interface UnitValues {
  /** Row-major unitCount × width. */
  matrix: Float64Array;
  width: number;
  layout: UnitValueLayout;
  report: UnitValuesReport;
}

function makeLayout(shares: ShareDefinition[], multigroup: MultigroupDefinition[]): UnitValueLayout {
  const names = ['children', 'childrenImputed'];
  const add = (name: string): number => names.push(name) - 1;
  const shareCols = shares.map((s) => ({ id: s.id, base: add(`base:${s.id}`), with: add(`with:${s.id}`) }));
  const groupCols = multigroup.map((g) => ({
    id: g.id,
    base: add(`base:${g.id}`),
    categories: g.categories.map((c) => ({ id: c.id, column: add(`${g.id}:${c.id}`) })),
  }));
  const population = add('population');
  return { width: names.length, children: 0, childrenImputed: 1, population, shares: shareCols, multigroup: groupCols, names };
}

function ratioReport(id: string, o: RatioOutcome, children: Float64Array): RatioReport {
  let excludedChildren = 0;
  for (let u = 0; u < children.length; u++) if (o.state[u] === EXCLUDED) excludedChildren += children[u];
  return { id, known: o.known, imputed: o.imputed, globalFallback: o.globalFallback, excluded: o.excluded, excludedChildren };
}

/**
 * Builds the value matrix of one network's age band.
 *
 * The attribute table must already have been through markSuppressed (NaN = suppressed or
 * missing). Shares and partitions whose fields the units lack are dropped with a warning.
 *
 * @param ageBand expression of the network's children (config.ageBands.lower, .upper or byNetwork)
 * @throws Error (a bug) when a field of `ageBand` is not in the table: check the config with
 *   checkConfigAgainstFields first
 */
export function buildUnitValues(units: Units, config: IndicatorConfig, ageBand: FieldExpression, shared?: SharedNeighbourSums): UnitValues {
  const n = units.count;
  const cols: Record<string, Float64Array> = {};
  for (const name of units.attributes.names) cols[name.toLowerCase()] = units.attributes.columns[name];
  const have = (e: FieldExpression): boolean => fieldsOf(e).every((f) => f in cols);
  const warnings = checkConfigAgainstFields(config, units.attributes.names).filter(
    (p) => p.code === 'missing-share-field' || p.code === 'missing-multigroup-field',
  );
  const shares = config.shares.filter((s) => have(s.numerator) && have(s.denominator));
  const groups = config.multigroup.filter((g) => g.categories.every((c) => have(c.field)) && (!g.denominator || have(g.denominator)));
  const layout = makeLayout(shares, groups);
  const w = layout.width;
  const matrix = new Float64Array(n * w);
  // Several networks of one dataset share the neighbourhood sums (one per field expression).
  const sums = shared ?? new SharedNeighbourSums(units, config.suppression.imputeRadiusMetres);
  const neighbours = (key: string): NeighbourIndex => sums.keyed(key);
  const impute = config.suppression.rule === 'impute';

  const population = have(config.population) ? evaluateColumn(config.population, cols, n) : new Float64Array(n).fill(NaN);
  const age = imputeAgeBand(evaluateColumn(ageBand, cols, n), population, impute, neighbours(`age ${JSON.stringify([ageBand, config.population])}`));
  const children = age.children;
  const imputed = age.imputedFlag;

  // Each share, then each partition, fills a block of columns in layout order: base, then
  // children × ratio per numerator (share: 1, partition: one per category).
  const ratioInputs = [
    ...shares.map((s) => ({ id: s.id, nums: [evaluateColumn(s.numerator, cols, n)], den: evaluateColumn(s.denominator, cols, n), key: `share ${JSON.stringify([s.numerator, s.denominator])}` })),
    ...groups.map((g) => {
      const nums = g.categories.map((c) => evaluateColumn(c.field, cols, n));
      const den = g.denominator ? evaluateColumn(g.denominator, cols, n) : sumColumns(nums, n);
      return { id: g.id, nums, den, key: `group ${JSON.stringify([g.categories.map((c) => c.field), g.denominator ?? null])}` };
    }),
  ];
  const known = ratioInputs.map((r) => knownRatios(r.nums, r.den));
  // The ratios whose known units are the same (suppression usually hides a unit's fields together) get their sums in one pass.
  if (impute) sums.precompute(ratioInputs.map((r, i) => ({ key: r.key, quantities: [...r.nums, r.den], mask: known[i] })));
  const blocks: RatioOutcome[] = ratioInputs.map((r, i) => imputeRatios(r.nums, r.den, children, impute, neighbours(r.key), known[i]));
  const outcomes = ratioInputs.map((r, i) => ratioReport(r.id, blocks[i], children));
  const shareOutcomes = outcomes.slice(0, shares.length);
  const groupOutcomes = outcomes.slice(shares.length);
  for (const o of blocks) for (let u = 0; u < n; u++) if (o.state[u] === IMPUTED) imputed[u] = 1;
  fillRows(matrix, w, children, imputed, population, blocks);
  const report: UnitValuesReport = {
    unitCount: n,
    rule: config.suppression.rule,
    ageBand: age.report,
    shares: shareOutcomes,
    multigroup: groupOutcomes,
    warnings,
  };
  return { matrix, width: w, layout, report };
}

/** Writes the matrix row by row (sequential memory access); layout order as in makeLayout. */
function fillRows(matrix: Float64Array, w: number, children: Float64Array, imputed: Uint8Array, population: Float64Array, blocks: RatioOutcome[]): void {
  const n = children.length;
  for (let u = 0; u < n; u++) {
    let i = u * w;
    const c = children[u];
    matrix[i++] = c;
    matrix[i++] = imputed[u] ? c : 0;
    for (const o of blocks) {
      const used = o.state[u] !== EXCLUDED;
      matrix[i++] = used ? c : 0;
      for (const ratio of o.ratios) matrix[i++] = used ? c * ratio[u] : 0;
    }
    matrix[i] = population[u] >= 0 ? population[u] : 0;
  }
}

function sumColumns(parts: Float64Array[], n: number): Float64Array {
  const out = new Float64Array(n);
  for (const p of parts) for (let u = 0; u < n; u++) out[u] += p[u];
  return out;
}
