/**
 * Children who change school between two scenarios of one network, and straight-line trips
 * over a distance limit, from the two scenarios' unit overlays.
 *
 * For unit u with children c_u and weights wA(u, s), wB(u, s) (fraction of the unit's area in
 * school s's catchment):
 *   moved_u = c_u × Σ_s max(0, wA(u,s) − wB(u,s))    (children leaving a school; weight
 *                                                   differences below 1e-9 count as none).
 * A trip's length is the STRAIGHT-LINE distance (EPSG:3067 metres) from the unit's centre (grid
 * cell centre or polygon centroid) to the school's location: a proxy for the travel distance
 * unless `tripA` / `tripB` give the trip lengths (along the streets: core/travel). A trip is
 * "over the limit" when distance > limit.
 */
import type { Position } from '../model/geometry-types';
import type { NetworkOverlay } from '../overlay/network-overlay';

/** Weight differences at or below this (fractions of a unit's area) are rounding, not movement. */
export const MOVE_TOLERANCE = 1e-9;
/** Default trip limit: 5 km. */
export const DEFAULT_TRIP_LIMIT_METRES = 5000;

export interface MovementInput {
  overlayA: NetworkOverlay;
  overlayB: NetworkOverlay;
  /** Children of the network's age band per unit (NaN counts as 0). */
  children: ArrayLike<number>;
  /** Interleaved unit centres [x0, y0, …], EPSG:3067 metres (see unitCentres). */
  centres: ArrayLike<number>;
  /** School locations per school index, EPSG:3067 metres, in scenario A and in scenario B. */
  locationsA: Position[];
  locationsB: Position[];
  /** Trip limit in metres; default 5000. */
  limitMetres?: number;
  /** Trip length from school s to unit u in A / in B (e.g. along the streets); straight line from the centre when absent. */
  tripA?: (school: number, unit: number) => number;
  tripB?: (school: number, unit: number) => number;
}

export interface MovementSummary {
  /** Trip limit used, metres (straight line). */
  limitMetres: number;
  /** Children who change school between A and B. */
  movedChildren: number;
  /** Units where some children change school. */
  movedUnits: number;
  /** Of the moved children: those whose trip in A (to the school they leave) is over the limit. */
  movedOverLimitA: number;
  /** Of the moved children: those whose trip in B (to the school they join) is over the limit. */
  movedOverLimitB: number;
  /** Per school index: all children of its catchment whose trip is over the limit, in A and in B. */
  overLimitA: number[];
  overLimitB: number[];
  /** Σ of overLimitA and overLimitB. */
  totalOverLimitA: number;
  totalOverLimitB: number;
}

function weightsOf(overlay: NetworkOverlay, u: number): Map<number, number> {
  const m = new Map<number, number>();
  overlay.forEach(u, (s, w) => m.set(s, (m.get(s) ?? 0) + w));
  return m;
}

/** Movement and over-limit trips between two overlays of the same units and schools. */
export function movementSummary(input: MovementInput): MovementSummary {
  const { overlayA, overlayB, children, centres, locationsA, locationsB } = input;
  const limit = input.limitMetres ?? DEFAULT_TRIP_LIMIT_METRES;
  if (overlayA.unitCount !== overlayB.unitCount) throw new Error('movementSummary: overlays of different units');
  const n = Math.max(overlayA.schoolCount, overlayB.schoolCount);
  const out: MovementSummary = {
    limitMetres: limit, movedChildren: 0, movedUnits: 0, movedOverLimitA: 0, movedOverLimitB: 0,
    overLimitA: new Array<number>(n).fill(0), overLimitB: new Array<number>(n).fill(0), totalOverLimitA: 0, totalOverLimitB: 0,
  };
  const straight = (u: number, loc: Position | undefined): boolean =>
    loc !== undefined && Math.hypot(centres[2 * u] - loc[0], centres[2 * u + 1] - loc[1]) > limit;
  const farA = (u: number, s: number): boolean => (input.tripA ? s < locationsA.length && input.tripA(s, u) > limit : straight(u, locationsA[s]));
  const farB = (u: number, s: number): boolean => (input.tripB ? s < locationsB.length && input.tripB(s, u) > limit : straight(u, locationsB[s]));
  for (let u = 0; u < overlayA.unitCount; u++) {
    const c = Number.isNaN(children[u]) ? 0 : children[u];
    if (c === 0) continue;
    const a = weightsOf(overlayA, u);
    const b = weightsOf(overlayB, u);
    for (const [s, w] of a) if (farA(u, s)) out.overLimitA[s] += w * c;
    for (const [s, w] of b) if (farB(u, s)) out.overLimitB[s] += w * c;
    let moved = 0;
    for (const s of new Set([...a.keys(), ...b.keys()])) {
      const d = (a.get(s) ?? 0) - (b.get(s) ?? 0);
      if (Math.abs(d) <= MOVE_TOLERANCE) continue;
      if (d > 0) {
        moved += d * c;
        if (farA(u, s)) out.movedOverLimitA += d * c;
      } else if (farB(u, s)) out.movedOverLimitB += -d * c;
    }
    if (moved > 0) {
      out.movedChildren += moved;
      out.movedUnits++;
    }
  }
  out.totalOverLimitA = out.overLimitA.reduce((x, y) => x + y, 0);
  out.totalOverLimitB = out.overLimitB.reduce((x, y) => x + y, 0);
  return out;
}
