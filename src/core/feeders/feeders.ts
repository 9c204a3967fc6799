/**
 * Feeder consistency, grades 1–6 → 7–9 (docs/indicators.md "Feeders"). For a lower network L
 * and an upper network U of the same language, the children of lower school i who will go to
 * upper school j are, from the overlay of the two partitions,
 *   flow(i, j) = Σ_u c_L(u) · w_L(u, i) · w_U(u, j)
 * where c_L(u) is the lower network's children (its age band, 7–12) in unit u in the year and
 * w the unit weights (share of the unit's area in the catchment). A lower school is a split
 * feeder when its second-largest flow is more than `share` (default 10 %) of its children
 * that reach an upper catchment: Σ_j flow(i, j).
 */
import type { NetworkOverlay } from '../overlay/network-overlay';

export const DEFAULT_SPLIT_SHARE = 0.1;

export interface FeederFlow {
  lower: string;
  upper: string;
  children: number;
}

export interface FeederSide {
  overlay: NetworkOverlay;
  /** School ids, parallel to the overlay's school indices. */
  schoolIds: string[];
}

/** Flows with children > 0, ordered by lower then upper school (network order). */
export function feederFlows(lower: FeederSide, upper: FeederSide, children: ArrayLike<number>): FeederFlow[] {
  const nu = upper.schoolIds.length;
  const flow = new Float64Array(lower.schoolIds.length * nu);
  const ups: number[] = [];
  const upWeights: number[] = [];
  for (let u = 0; u < lower.overlay.unitCount; u++) {
    const c = children[u];
    if (!(c > 0)) continue;
    ups.length = 0;
    upWeights.length = 0;
    upper.overlay.forEach(u, (j, w) => {
      ups.push(j);
      upWeights.push(w);
    });
    if (ups.length === 0) continue;
    lower.overlay.forEach(u, (i, w) => {
      for (let k = 0; k < ups.length; k++) flow[i * nu + ups[k]] += c * w * upWeights[k];
    });
  }
  const out: FeederFlow[] = [];
  lower.schoolIds.forEach((l, i) => upper.schoolIds.forEach((up, j) => {
    const v = flow[i * nu + j];
    if (v > 0) out.push({ lower: l, upper: up, children: v });
  }));
  return out;
}

/** Lower schools whose second-largest flow exceeds `share` of their flows' total, in first-seen order. */
export function splitFeeders(flows: FeederFlow[], share = DEFAULT_SPLIT_SHARE): string[] {
  const byLower = new Map<string, number[]>();
  for (const f of flows) {
    const list = byLower.get(f.lower) ?? [];
    list.push(f.children);
    byLower.set(f.lower, list);
  }
  const out: string[] = [];
  for (const [lower, list] of byLower) {
    if (list.length < 2) continue;
    const total = list.reduce((a, b) => a + b, 0);
    const sorted = list.slice().sort((a, b) => b - a);
    if (total > 0 && sorted[1] / total > share) out.push(lower);
  }
  return out;
}
