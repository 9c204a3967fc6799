/**
 * Rows of the indices panel: two-group indices of the selected share, the spread of the
 * composite index, and the multigroup indices, each with baseline and change.
 */
import type { PublicNetworkIndicators } from '../../core/pupil-base/privacy';

export interface IndexRow {
  /** i18n key under "indices." */
  key: string;
  /** Group label for multigroup rows (partition id). */
  group?: string;
  now: number | null;
  before: number | null;
}

export const TWO_GROUP_KEYS = ['D', 'H', 'isolation', 'exposure'] as const;
export const MULTIGROUP_KEYS = ['D', 'H', 'M', 'normalized_exposure'] as const;

/** Population standard deviation of the schools' composite values (0 = no spread); null when fewer than two are known. */
export function compositeSpread(indicators: PublicNetworkIndicators): number | null {
  const v = indicators.schools.map((s) => s.composite).filter((c): c is number => c !== null && Number.isFinite(c));
  if (v.length < 2) return null;
  const mean = v.reduce((a, b) => a + b, 0) / v.length;
  return Math.sqrt(v.reduce((a, b) => a + (b - mean) ** 2, 0) / v.length);
}

export function twoGroupRows(now: PublicNetworkIndicators, before: PublicNetworkIndicators, shareId: string): IndexRow[] {
  const a = now.indices[shareId] ?? null;
  const b = before.indices[shareId] ?? null;
  return TWO_GROUP_KEYS.map((key) => ({ key, now: a ? a[key] : null, before: b ? b[key] : null }));
}

export function multigroupRows(now: PublicNetworkIndicators, before: PublicNetworkIndicators): IndexRow[] {
  return Object.keys(now.multigroup).flatMap((group) => {
    const a = now.multigroup[group];
    const b = before.multigroup[group] ?? null;
    return MULTIGROUP_KEYS.map((key) => ({ key, group, now: a ? a[key] : null, before: b ? b[key] : null }));
  });
}
