/**
 * The measure the optimiser lowers: one index, or a weighted sum of several, of one network.
 *
 * - `share:ID`: the dissimilarity D of share ID (children with the property vs the others);
 * - `mgd:ID` / `mgh:ID`: the multigroup D or Theil's H of partition ID.
 * A weighted sum is written `0.5*share:foreign_language+0.5*mgh:education`.
 *
 * Each index is a sum over schools of a term of that school's sums, with the network's
 * totals fixed (moving units between schools of one network keeps them): the optimiser
 * updates only the terms of the schools a move touches. The terms are exactly the formulas
 * of core/indicators (two-group-indices.ts, multigroup-indices.ts).
 */
import type { Problem, Result } from '../model/result';
import { fail, ok } from '../model/result';
import type { UnitValueLayout } from '../pupil-base/unit-values';

export type MeasureKind = 'share' | 'mgd' | 'mgh';

export interface MeasureTerm {
  kind: MeasureKind;
  id: string;
  weight: number;
}

export interface MeasureSpec {
  terms: MeasureTerm[];
}

/** A measure bound to a value layout and the network's totals. */
export interface MeasureModel {
  spec: MeasureSpec;
  /** Matrix columns the measure reads, in the order of the optimiser's per-school rows. */
  columns: number[];
  /** Σ over schools of term(row); rows are schoolCount × columns.length. */
  total(rows: Float64Array, schoolCount: number): number;
  /** The school's contribution to the measure from its row (columns.length values at offset). */
  term(rows: Float64Array, offset: number): number;
  /** Columns of each term, in order (2 for a share, the categories for a partition). */
  termWidths: number[];
  /** True when every term is a dissimilarity (linear with absolute values: the LP bound applies). */
  linear: boolean;
}

/** Parses "share:foreign_language", "mgh:education" or "0.5*share:a+0.5*mgd:b". */
export function parseMeasure(text: string): Result<MeasureSpec> {
  const terms: MeasureTerm[] = [];
  for (const part of text.split('+').map((p) => p.trim())) {
    const m = /^(?:([0-9.eE+-]+)\s*\*\s*)?(share|mgd|mgh):([A-Za-z0-9_.-]+)$/.exec(part);
    const weight = m ? (m[1] === undefined ? 1 : Number(m[1])) : NaN;
    if (!m || !Number.isFinite(weight) || weight <= 0) {
      return fail({
        code: 'optimiser-bad-measure',
        message: `The measure "${text}" is not understood at "${part}".`,
        fix: 'Write share:ID (dissimilarity of a share), mgd:ID or mgh:ID (multigroup D or H of a partition), or a weighted sum such as 0.5*share:foreign_language+0.5*mgh:education.',
        field: 'measure',
      });
    }
    terms.push({ kind: m[2] as MeasureKind, id: m[3], weight });
  }
  return ok({ terms });
}

export function measureText(spec: MeasureSpec): string {
  return spec.terms.map((t) => `${t.weight === 1 ? '' : `${t.weight}*`}${t.kind}:${t.id}`).join('+');
}

/** One term's per-school function over its own slice of the row. */
type TermFn = (rows: Float64Array, offset: number) => number;

/**
 * Binds the measure to the layout and the network totals (`totals` = Σ over schools of every
 * matrix column, i.e. the network's sums). Fails when a share or partition is not in the layout.
 */
export function buildMeasure(spec: MeasureSpec, layout: UnitValueLayout, totals: ArrayLike<number>): Result<MeasureModel> {
  const columns: number[] = [];
  const fns: TermFn[] = [];
  const termWidths: number[] = [];
  const problems: Problem[] = [];
  for (const t of spec.terms) {
    const start = columns.length;
    if (t.kind === 'share') {
      const s = layout.shares.find((x) => x.id === t.id);
      if (!s) {
        problems.push(unknown(t, layout.shares.map((x) => `share:${x.id}`)));
        continue;
      }
      columns.push(s.base, s.with);
      termWidths.push(2);
      fns.push(shareTerm(t.weight, totals[s.base], totals[s.with], start));
    } else {
      const g = layout.multigroup.find((x) => x.id === t.id);
      if (!g) {
        problems.push(unknown(t, layout.multigroup.flatMap((x) => [`mgd:${x.id}`, `mgh:${x.id}`])));
        continue;
      }
      const cats = g.categories.map((c) => c.column);
      columns.push(...cats);
      termWidths.push(cats.length);
      const groupTotals = cats.map((c) => totals[c]);
      fns.push(t.kind === 'mgd' ? multigroupDTerm(t.weight, groupTotals, start) : multigroupHTerm(t.weight, groupTotals, start));
    }
  }
  if (problems.length) return fail(...problems);
  const width = columns.length;
  const term = (rows: Float64Array, offset: number) => {
    let sum = 0;
    for (const f of fns) sum += f(rows, offset);
    return sum;
  };
  return ok({
    spec,
    columns,
    termWidths,
    term,
    total: (rows, schoolCount) => {
      let sum = 0;
      for (let s = 0; s < schoolCount; s++) sum += term(rows, s * width);
      return sum;
    },
    linear: spec.terms.every((t) => t.kind !== 'mgh'),
  });
}

function unknown(t: MeasureTerm, known: string[]): Problem {
  return {
    code: 'optimiser-unknown-measure',
    message: `The network has no ${t.kind === 'share' ? 'share' : 'partition'} "${t.id}" for the measure ${t.kind}:${t.id}.`,
    fix: `Use one of: ${known.join(', ') || '(none: the configuration defines no such fields)'}.`,
    field: 'measure',
  };
}

/** D = Σ_j t_j |p_j − P| / (2 T P (1 − P)) = Σ_j |x_j − P t_j| / (2 T P (1 − P)). */
function shareTerm(weight: number, T: number, X: number, at: number): TermFn {
  const P = T > 0 ? X / T : 0;
  if (!(P > 0 && P < 1)) return () => 0;
  const scale = weight / (2 * T * P * (1 - P));
  return (rows, o) => {
    const t = rows[o + at];
    if (!(t > 0)) return 0;
    const x = Math.min(Math.max(rows[o + at + 1], 0), t);
    return scale * Math.abs(x - P * t);
  };
}

/** Multigroup D = Σ_j Σ_m |c_jm − P_m t_j| / (2 T I), I = Σ_m P_m (1 − P_m). */
function multigroupDTerm(weight: number, groupTotals: number[], at: number): TermFn {
  const K = groupTotals.length;
  const T = groupTotals.reduce((a, b) => a + b, 0);
  const P = groupTotals.map((g) => (T > 0 ? g / T : 0));
  const I = P.reduce((a, p) => a + p * (1 - p), 0);
  if (!(T > 0) || K < 2 || !(I > 0) || P.some((p) => p >= 1)) return () => 0;
  const scale = weight / (2 * T * I);
  return (rows, o) => {
    let t = 0;
    for (let m = 0; m < K; m++) t += Math.max(0, rows[o + at + m]);
    if (!(t > 0)) return 0;
    let sum = 0;
    for (let m = 0; m < K; m++) sum += Math.abs(Math.max(0, rows[o + at + m]) - P[m] * t);
    return scale * sum;
  };
}

/** Multigroup H = M / E, M = Σ_j (t_j / T) Σ_m p_jm ln(p_jm / P_m), E = −Σ_m P_m ln P_m. */
function multigroupHTerm(weight: number, groupTotals: number[], at: number): TermFn {
  const K = groupTotals.length;
  const T = groupTotals.reduce((a, b) => a + b, 0);
  const P = groupTotals.map((g) => (T > 0 ? g / T : 0));
  const E = -P.reduce((a, p) => a + (p > 0 ? p * Math.log(p) : 0), 0);
  if (!(T > 0) || K < 2 || !(E > 0) || P.some((p) => p >= 1)) return () => 0;
  const scale = weight / (T * E);
  return (rows, o) => {
    let t = 0;
    for (let m = 0; m < K; m++) t += Math.max(0, rows[o + at + m]);
    if (!(t > 0)) return 0;
    let sum = 0;
    for (let m = 0; m < K; m++) {
      const c = Math.max(0, rows[o + at + m]);
      if (c > 0) sum += c * Math.log(c / (t * P[m]));
    }
    return scale * sum;
  };
}
