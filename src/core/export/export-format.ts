/**
 * Number formats and column headers shared by the CSV and XLSX exports. Numbers use a
 * full stop as decimal separator (the CSV delimiter is a comma, see docs/exports.md).
 * Hidden figures (privacy: resting on fewer people than the threshold) are "<threshold"
 * for counts and blank for shares, ratios and indices.
 */
import type { IndicatorConfig } from '../config/indicator-config';

/** Decimals per kind of figure. */
export const DECIMALS = { count: 1, share: 4, ratio: 3, index: 4, composite: 3 } as const;

export type FigureKind = keyof typeof DECIMALS;

/** A count: one decimal; "<threshold" when hidden (null). */
export function fmtCount(value: number | null, threshold: number): string {
  return value === null ? `<${threshold}` : fixed(value, DECIMALS.count);
}

/** Any other figure with the kind's decimals; blank when hidden or undefined. */
export function fmt(value: number | null | undefined, kind: FigureKind): string {
  return value === null || value === undefined || !Number.isFinite(value) ? '' : fixed(value, DECIMALS[kind]);
}

/** toFixed without "-0.000". */
export function fixed(value: number, decimals: number): string {
  const s = value.toFixed(decimals);
  return /^-0\.?0*$/.test(s) ? s.slice(1) : s;
}

/** Header of the school table, units in brackets; share columns in config order. */
export function schoolHeaders(config: IndicatorConfig): string[] {
  return [
    'network',
    'school_id',
    'school_name',
    'capacity (places)',
    'children (count)',
    'children_imputed (count)',
    'utilisation (children/capacity)',
    ...config.shares.map((s) => `${s.id} (share 0–1)`),
    'composite (z-score)',
  ];
}

export const INDEX_HEADERS = ['network', 'type', 'group', 'index', 'value (0–1; M in nats)'];
