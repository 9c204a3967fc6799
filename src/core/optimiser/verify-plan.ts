/**
 * The judge of a plan: applies its edits to the engine through the one edit code path, reads
 * the resulting unit weights from the engine's overlay, checks every limit against the
 * problem's start, computes the figures, and undoes the edits (the engine ends as it began).
 * It shares nothing with the search's bookkeeping (PlanState), so whatever the edits really
 * do to the catchments (split cells, slivers) is what is checked.
 */
import type { NetworkOverlay } from '../overlay/network-overlay';
import type { Problem } from '../model/result';
import type { Edit } from '../scenario/edit';
import type { ScenarioEngine } from '../scenario/scenario-engine';
import { countPieces } from './catchment-connectivity';
import type { OptimiserProblem } from './optimiser-problem';

/** Weight differences at or below this are rounding (fractions of a unit's area). */
const WEIGHT_TOLERANCE = 1e-9;
/** Children and metres within this of a limit pass (floating-point sums). */
const LIMIT_TOLERANCE = 1e-6;

export interface PlanFigures {
  measureBefore: number;
  measureAfter: number;
  rezonedChildren: number;
  rezonedShare: number;
  meanTripBefore: number;
  meanTripAfter: number;
  maxTripBefore: number;
  maxTripAfter: number;
  /** Over schools with a capacity; null when none has one. */
  utilisationMin: number | null;
  utilisationMax: number | null;
  /** Trips are straight lines (no street network). */
  straightLine: boolean;
}

export interface Violation {
  code: 'utilisation' | 'rezoned' | 'far-trip' | 'trip-increase' | 'pieces' | 'locked' | 'edit-failed';
  message: string;
  schools: number[];
  units: number[];
}

export interface Verification {
  violations: Violation[];
  figures: PlanFigures;
}

type Weights = { schools: number[]; weights: number[] };

function startOf(p: OptimiserProblem, u: number): Weights {
  const schools: number[] = [];
  const weights: number[] = [];
  for (let i = p.startOffsets[u]; i < p.startOffsets[u + 1]; i++) {
    schools.push(p.startSchools[i]);
    weights.push(p.startWeights[i]);
  }
  return { schools, weights };
}

function weightIn(w: Weights, s: number): number {
  let x = 0;
  w.schools.forEach((t, i) => (x += t === s ? w.weights[i] : 0));
  return x;
}

/** Applies the edits, checks, undoes. The engine must be in the problem's start state. */
export function verifyPlan(engine: ScenarioEngine, p: OptimiserProblem, edits: Edit[]): Verification {
  let applied = 0;
  let failure: Problem | null = null;
  for (const e of edits) {
    const r = engine.apply(e, { allowEmptying: true, allowFlagged: true });
    if (!r.ok) {
      failure = r.problems[0];
      break;
    }
    applied++;
  }
  try {
    const result = check(p, engine.overlay(p.networkId));
    if (failure) {
      // The school of the edit the engine refused: the repair takes back that school's moves.
      const failed = edits[applied];
      const school = failed && 'schoolId' in failed ? p.schoolIds.indexOf(failed.schoolId as string) : -1;
      result.violations.push({ code: 'edit-failed', message: failure.message, schools: school >= 0 ? [school] : [], units: [] });
    }
    return result;
  } finally {
    for (let i = 0; i < applied; i++) engine.undo();
  }
}

function check(p: OptimiserProblem, overlay: NetworkOverlay): Verification {
  const n = p.unitCount;
  const S = p.schoolCount;
  const after: Weights[] = Array.from({ length: n }, (_, u) => overlay.entries(u));
  const before: Weights[] = Array.from({ length: n }, (_, u) => startOf(p, u));
  const violations: Violation[] = [];
  const kids = new Float64Array(S);
  const K = p.measure.columns.length;
  const rowsBefore = new Float64Array(S * K);
  const rowsAfter = new Float64Array(S * K);
  let rezoned = 0;
  const trips = { sumB: 0, sumA: 0, kidsB: 0, kidsA: 0, maxB: 0, maxA: 0 };
  const farUnits: number[] = [];
  const tripUnits: number[] = [];
  const lockedUnits: number[] = [];
  for (let u = 0; u < n; u++) {
    const c = p.children[u];
    const a = after[u];
    const b = before[u];
    a.schools.forEach((s, i) => {
      const w = a.weights[i];
      kids[s] += w * c;
      for (let k = 0; k < K; k++) rowsAfter[s * K + k] += w * p.values[u * K + k];
      const d = p.distances.distance(s, u);
      if (c > 0 && w > WEIGHT_TOLERANCE) {
        trips.sumA += w * c * d;
        trips.kidsA += w * c;
        trips.maxA = Math.max(trips.maxA, d);
      }
      const w0 = weightIn(b, s);
      if (w > WEIGHT_TOLERANCE && w0 <= WEIGHT_TOLERANCE && d > p.farTripMetres + LIMIT_TOLERANCE) farUnits.push(u);
      if (w > w0 + WEIGHT_TOLERANCE && d > p.tripCap[u] + LIMIT_TOLERANCE) tripUnits.push(u);
    });
    let moved = 0;
    let changed = false;
    b.schools.forEach((s, i) => {
      const w0 = b.weights[i];
      for (let k = 0; k < K; k++) rowsBefore[s * K + k] += w0 * p.values[u * K + k];
      const d = p.distances.distance(s, u);
      if (c > 0 && w0 > WEIGHT_TOLERANCE) {
        trips.sumB += w0 * c * d;
        trips.kidsB += w0 * c;
        trips.maxB = Math.max(trips.maxB, d);
      }
      const diff = w0 - weightIn(a, s);
      if (diff > WEIGHT_TOLERANCE) moved += diff;
      if (Math.abs(diff) > WEIGHT_TOLERANCE) changed = true;
    });
    a.schools.forEach((s, i) => {
      if (Math.abs(a.weights[i] - weightIn(b, s)) > WEIGHT_TOLERANCE) changed = true;
    });
    rezoned += moved * c;
    if (changed && (!p.movable[u] || a.schools.some((s) => p.lockedSchool[s]))) lockedUnits.push(u);
  }
  const badBand: number[] = [];
  let uMin = Infinity;
  let uMax = -Infinity;
  for (let s = 0; s < S; s++) {
    if (kids[s] > p.high[s] + LIMIT_TOLERANCE || kids[s] < p.low[s] - LIMIT_TOLERANCE) badBand.push(s);
    if (p.capacity[s] > 0) {
      uMin = Math.min(uMin, kids[s] / p.capacity[s]);
      uMax = Math.max(uMax, kids[s] / p.capacity[s]);
    }
  }
  if (badBand.length) violations.push({ code: 'utilisation', message: `${badBand.length} schools outside their utilisation band.`, schools: badBand, units: [] });
  if (rezoned > p.maxRezoned + LIMIT_TOLERANCE) violations.push({ code: 'rezoned', message: `${rezoned.toFixed(1)} children rezoned, more than ${p.maxRezoned.toFixed(1)}.`, schools: [], units: [] });
  if (farUnits.length) violations.push({ code: 'far-trip', message: `${farUnits.length} units get a trip over ${p.farTripMetres} m they did not have.`, schools: [], units: farUnits });
  if (tripUnits.length) violations.push({ code: 'trip-increase', message: `${tripUnits.length} units get a trip longer than the trip-increase limit allows.`, schools: [], units: tripUnits });
  if (lockedUnits.length) violations.push({ code: 'locked', message: `${lockedUnits.length} locked units changed.`, schools: [], units: lockedUnits });
  const member = (w: Weights[]) => (u: number) => w[u].schools.filter((_, i) => w[u].weights[i] > WEIGHT_TOLERANCE);
  const piecesB = countPieces(p.adjacency, S, member(before));
  const piecesA = countPieces(p.adjacency, S, member(after));
  const badPieces = piecesA.flatMap((x, s) => (x > piecesB[s] ? [s] : []));
  if (badPieces.length) violations.push({ code: 'pieces', message: `${badPieces.length} catchments gain pieces.`, schools: badPieces, units: [] });
  return {
    violations,
    figures: {
      measureBefore: p.measure.total(rowsBefore, S),
      measureAfter: p.measure.total(rowsAfter, S),
      rezonedChildren: rezoned,
      rezonedShare: p.totalChildren > 0 ? rezoned / p.totalChildren : 0,
      meanTripBefore: trips.kidsB > 0 ? trips.sumB / trips.kidsB : 0,
      meanTripAfter: trips.kidsA > 0 ? trips.sumA / trips.kidsA : 0,
      maxTripBefore: trips.maxB,
      maxTripAfter: trips.maxA,
      utilisationMin: Number.isFinite(uMin) ? uMin : null,
      utilisationMax: Number.isFinite(uMax) ? uMax : null,
      straightLine: p.distances.straightLine === true,
    },
  };
}
