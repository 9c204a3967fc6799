/**
 * The optimiser's problem as a linear programme (CPLEX LP text for HiGHS) for measures made
 * of dissimilarities (share:ID, mgd:ID), which are sums of absolute values of linear
 * functions of the unit weights when the network's totals are fixed.
 *
 * Variable x_u_s = the share of unit u's covered area given to school s (units with children
 * or measure values only; the others change no figure). With `integer`, x is binary: each unit
 * goes wholly to one school (the optimiser's plans). Constraints: every unit assigned; each
 * school's children within its band; children rezoned ≤ the cap (a lower bound of the true
 * count for split units, so the LP stays a relaxation); trips: x_u_s exists only where the trip
 * limits allow school s. The catchment-pieces limit is NOT in the model (it is not linear):
 * the LP optimum is therefore a lower bound of every plan's measure under the same limits.
 */
import type { OptimiserProblem } from './optimiser-problem';
import { startWeight } from './optimiser-problem';

export interface LpModel {
  text: string;
  /** Variable name → [unit, school]. */
  variables: Map<string, [number, number]>;
  /** Measure value of the fixed part (added to the LP objective). */
  constant: number;
}

const num = (v: number) => (Math.abs(v) < 1e-15 ? '0' : v.toPrecision(15));

/** Schools unit u may hold in a plan under the trip limits and locks (start schools always). */
export function allowedSchools(p: OptimiserProblem, u: number): number[] {
  const out: number[] = [];
  for (let s = 0; s < p.schoolCount; s++) {
    const w0 = startWeight(p, u, s);
    if (w0 > 0) {
      out.push(s);
      continue;
    }
    if (!p.movable[u] || p.lockedSchool[s]) continue;
    const line = p.straight.distance(s, u);
    if (line > p.farTripMetres || line > p.tripCap[u]) continue;
    const d = p.distances.distance(s, u);
    if (d > p.farTripMetres || d > p.tripCap[u]) continue;
    out.push(s);
  }
  return out;
}

/**
 * @param extra more constraint lines (e.g. connectivity cuts), written in the variables' names
 * @throws Error when the measure is not linear (mgh): check `p.measure.linear` first
 */
export function buildLpModel(p: OptimiserProblem, options: { integer?: boolean; extra?: string[] } = {}): LpModel {
  if (!p.measure.linear) throw new Error('LP model needs a linear measure (share or mgd terms)');
  const S = p.schoolCount;
  const K = p.measure.columns.length;
  const variables = new Map<string, [number, number]>();
  const name = (u: number, s: number) => `x_${u}_${s}`;
  // Per school: fixed sums (units that cannot move or do not matter) and the variable terms.
  const fixedKids = new Float64Array(S);
  const fixedRows = new Float64Array(S * K);
  const kidsTerms: string[][] = Array.from({ length: S }, () => []);
  const rowTerms: [number, string][][][] = Array.from({ length: S }, () => Array.from({ length: K }, () => []));
  const rows: string[] = [];
  const rezonedTerms: string[] = [];
  let rezonedConstant = 0;
  for (let u = 0; u < p.unitCount; u++) {
    const matters = p.children[u] > 0 || hasValues(p, u, K);
    const cov = p.covered[u];
    const allowed = matters && p.movable[u] ? allowedSchools(p, u) : [];
    if (allowed.length <= 1) {
      for (let i = p.startOffsets[u]; i < p.startOffsets[u + 1]; i++) {
        const s = p.startSchools[i];
        const w = p.startWeights[i];
        fixedKids[s] += w * p.children[u];
        for (let k = 0; k < K; k++) fixedRows[s * K + k] += w * p.values[u * K + k];
      }
      continue;
    }
    const names = allowed.map((s) => name(u, s));
    allowed.forEach((s, i) => {
      variables.set(names[i], [u, s]);
      kidsTerms[s].push(`${num(cov * p.children[u])} ${names[i]}`);
      for (let k = 0; k < K; k++) if (p.values[u * K + k] !== 0) rowTerms[s][k].push([cov * p.values[u * K + k], names[i]]);
    });
    rows.push(`one_${u}: ${names.join(' + ')} = 1`);
    // rezoned_u ≥ c (cov − Σ_{s∈start} cov x_us) — exact for units wholly in one school.
    rezonedConstant += p.children[u] * cov;
    allowed.forEach((s, i) => {
      if (startWeight(p, u, s) > 0) rezonedTerms.push(`${num(p.children[u] * cov)} ${names[i]}`);
    });
  }
  if (Number.isFinite(p.maxRezoned) && rezonedTerms.length) {
    rows.push(`rezoned: ${rezonedTerms.join(' + ')} >= ${num(rezonedConstant - p.maxRezoned)}`);
  }
  for (let s = 0; s < S; s++) {
    if (!kidsTerms[s].length) continue;
    if (Number.isFinite(p.high[s])) rows.push(`high_${s}: ${kidsTerms[s].join(' + ')} <= ${num(p.high[s] - fixedKids[s])}`);
    if (Number.isFinite(p.low[s])) rows.push(`low_${s}: ${kidsTerms[s].join(' + ')} >= ${num(p.low[s] - fixedKids[s])}`);
  }
  const objective: string[] = [];
  let constant = 0;
  for (const lin of linearTerms(p)) {
    for (let s = 0; s < S; s++) {
      // e ≥ ±(fixed + Σ coef x), coef = Σ_k lin.coef[k] · value_k
      const terms = new Map<string, number>();
      let fixed = 0;
      lin.coefs.forEach((a, k) => {
        if (a === 0) return;
        fixed += a * fixedRows[s * K + k];
        for (const [v, nm] of rowTerms[s][k]) terms.set(nm, (terms.get(nm) ?? 0) + a * v);
      });
      const e = `e_${lin.tag}_${s}`;
      if (terms.size === 0) {
        constant += lin.scale * Math.abs(fixed);
        continue;
      }
      const body = [...terms].map(([nm, c]) => `${num(-c)} ${nm}`).join(' + ');
      rows.push(`p_${lin.tag}_${s}: ${e} + ${body} >= ${num(fixed)}`);
      rows.push(`n_${lin.tag}_${s}: ${e} + ${[...terms].map(([nm, c]) => `${num(c)} ${nm}`).join(' + ')} >= ${num(-fixed)}`);
      objective.push(`${num(lin.scale)} ${e}`);
    }
  }
  if (options.extra) rows.push(...options.extra);
  const text = [
    'Minimize',
    ` obj: ${objective.length ? objective.join(' + ') : '0 dummy'}`,
    'Subject To',
    ...rows.map((r) => ` ${r}`.replace(/\+ -/g, '- ')),
    'Bounds',
    ...[...variables.keys()].map((v) => ` 0 <= ${v} <= 1`),
    ...(options.integer ? ['Binary', ...[...variables.keys()].map((v) => ` ${v}`)] : []),
    'End',
  ].join('\n');
  return { text, variables, constant };
}

function hasValues(p: OptimiserProblem, u: number, K: number): boolean {
  for (let k = 0; k < K; k++) if (p.values[u * K + k] !== 0) return true;
  return false;
}

/**
 * The measure as Σ_j scale · |Σ_k coefs[k] · row_j[k]| terms (one per share, one per
 * category of a multigroup D), from the network totals of the start.
 */
export function linearTerms(p: OptimiserProblem): { tag: string; scale: number; coefs: number[] }[] {
  const K = p.measure.columns.length;
  const totals = new Float64Array(K);
  for (let u = 0; u < p.unitCount; u++) {
    for (let i = p.startOffsets[u]; i < p.startOffsets[u + 1]; i++) for (let k = 0; k < K; k++) totals[k] += p.startWeights[i] * p.values[u * K + k];
  }
  const out: { tag: string; scale: number; coefs: number[] }[] = [];
  let at = 0;
  p.measure.spec.terms.forEach((t, ti) => {
    if (t.kind === 'share') {
      const T = totals[at];
      const P = T > 0 ? totals[at + 1] / T : 0;
      if (P > 0 && P < 1) {
        const coefs = new Array<number>(K).fill(0);
        coefs[at] = -P;
        coefs[at + 1] = 1;
        out.push({ tag: `${ti}`, scale: t.weight / (2 * T * P * (1 - P)), coefs });
      }
      at += 2;
      return;
    }
    const cats = countCategories(p, ti);
    const T = totals.slice(at, at + cats).reduce((a, b) => a + b, 0);
    const P = Array.from(totals.slice(at, at + cats), (g) => (T > 0 ? g / T : 0));
    const I = P.reduce((a, x) => a + x * (1 - x), 0);
    if (T > 0 && I > 0) {
      for (let m = 0; m < cats; m++) {
        const coefs = new Array<number>(K).fill(0);
        for (let q = 0; q < cats; q++) coefs[at + q] = -P[m];
        coefs[at + m] += 1;
        out.push({ tag: `${ti}_${m}`, scale: t.weight / (2 * T * I), coefs });
      }
    }
    at += cats;
  });
  return out;
}

/** Columns of term ti (shares 2, partitions their categories), from the measure's column list. */
function countCategories(p: OptimiserProblem, ti: number): number {
  return p.measure.termWidths[ti];
}
