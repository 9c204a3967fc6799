/**
 * "Change from baseline" of segregation indices: current − baseline, index by index.
 * Positive = more segregated than the baseline (for D, Gini, H, M, Atkinson, eta², isolation,
 * normalised exposure); for `exposure` positive = more contact with the other group.
 */

import type { MultigroupIndices, TwoGroupIndices } from './indicator-types';

type IndexRecord = TwoGroupIndices | MultigroupIndices;

/**
 * Per-index difference current − baseline, in the indices' own units (fractions, M in nats).
 * @returns a record of the same shape as the inputs
 */
export function indexChange<T extends IndexRecord>(current: T, baseline: T): T {
  const out: Record<string, number> = {};
  const cur = current as unknown as Record<string, number>;
  const base = baseline as unknown as Record<string, number>;
  for (const key of Object.keys(cur)) out[key] = cur[key] - base[key];
  return out as unknown as T;
}

/**
 * indexChange for every share or partition id present in both records (e.g.
 * NetworkIndicators.indices); ids missing on either side are left out.
 */
export function indexChanges<T extends IndexRecord>(
  current: Record<string, T>,
  baseline: Record<string, T>,
): Record<string, T> {
  const out: Record<string, T> = {};
  for (const id of Object.keys(current)) {
    if (id in baseline) out[id] = indexChange(current[id], baseline[id]);
  }
  return out;
}
