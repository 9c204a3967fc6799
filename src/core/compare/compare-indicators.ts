/**
 * Side-by-side table of one network's indicators in two scenarios A and B: every school's
 * children, utilisation and shares, every two-group index per share and every multigroup
 * index per partition, each with A, B and change = B − A. Works on full-precision indicators
 * or on privacy-applied ones (a hidden value is null and so is its change).
 */
import type { MultigroupIndices, TwoGroupIndices } from '../indicators/indicator-types';

/** Structural subset of NetworkIndicators and PublicNetworkIndicators used here. */
export interface IndicatorsLike {
  network: string;
  schools: { id: string; name: string; children: number | null; capacity: number | null; utilisation: number | null; shares: Record<string, number | null>; status?: string }[];
  indices: Record<string, TwoGroupIndices | null>;
  multigroup: Record<string, MultigroupIndices | null>;
  totals: { children: number | null; gapChildren: number | null; overlapChildren: number | null };
}

/** A value in A and B; change = B − A, null when either is null. Units as the value's. */
export interface ValueChange {
  a: number | null;
  b: number | null;
  change: number | null;
}

export interface SchoolComparison {
  id: string;
  name: string;
  capacity: number | null;
  /** Expected children (count). */
  children: ValueChange;
  /** children / capacity (fraction). */
  utilisation: ValueChange;
  /** Share id → share 0–1. */
  shares: Record<string, ValueChange>;
  /** School-network status in A and in B ("open" when the figures carry none); null: the school is not in that scenario (opened in the other). */
  status?: { a: string | null; b: string | null };
}

export interface IndexComparison {
  kind: 'two-group' | 'multigroup';
  /** Share id (two-group) or partition id (multigroup). */
  group: string;
  /** Index name: D, gini, H, isolation, exposure, atkinson_0_5, eta2 (two-group); D, M, H, normalized_exposure (multigroup). */
  index: string;
  value: ValueChange;
}

export interface IndicatorComparison {
  network: string;
  schools: SchoolComparison[];
  indices: IndexComparison[];
  totals: { children: ValueChange; gapChildren: ValueChange; overlapChildren: ValueChange };
}

export const TWO_GROUP_KEYS: (keyof TwoGroupIndices)[] = ['D', 'gini', 'H', 'isolation', 'exposure', 'atkinson_0_5', 'eta2'];
export const MULTIGROUP_KEYS: (keyof MultigroupIndices)[] = ['D', 'M', 'H', 'normalized_exposure'];

export function valueChange(a: number | null | undefined, b: number | null | undefined): ValueChange {
  const x = a ?? null;
  const y = b ?? null;
  return { a: x, b: y, change: x === null || y === null ? null : y - x };
}

function indexRows<T extends object>(kind: IndexComparison['kind'], keys: (keyof T)[], a: Record<string, T | null>, b: Record<string, T | null>): IndexComparison[] {
  const rows: IndexComparison[] = [];
  for (const group of [...new Set([...Object.keys(a), ...Object.keys(b)])]) {
    for (const key of keys) {
      const va = a[group]?.[key] as number | undefined;
      const vb = b[group]?.[key] as number | undefined;
      rows.push({ kind, group, index: String(key), value: valueChange(va, vb) });
    }
  }
  return rows;
}

/** The comparison table of two scenarios' indicators of the same network (schools matched by id, A's order first). */
export function compareIndicators(a: IndicatorsLike, b: IndicatorsLike): IndicatorComparison {
  const byIdB = new Map(b.schools.map((s) => [s.id, s]));
  const byIdA = new Map(a.schools.map((s) => [s.id, s]));
  const ids = [...new Set([...a.schools.map((s) => s.id), ...b.schools.map((s) => s.id)])];
  const shareIds = [...new Set([...a.schools, ...b.schools].flatMap((s) => Object.keys(s.shares)))];
  const schools = ids.map((id): SchoolComparison => {
    const sa = byIdA.get(id);
    const sb = byIdB.get(id);
    return {
      id,
      name: (sa ?? sb)!.name,
      capacity: (sb ?? sa)!.capacity,
      children: valueChange(sa?.children, sb?.children),
      utilisation: valueChange(sa?.utilisation, sb?.utilisation),
      shares: Object.fromEntries(shareIds.map((k) => [k, valueChange(sa?.shares[k], sb?.shares[k])])),
      ...statusOf(sa, sb),
    };
  });
  return {
    network: a.network,
    schools,
    indices: [...indexRows('two-group', TWO_GROUP_KEYS, a.indices, b.indices), ...indexRows('multigroup', MULTIGROUP_KEYS, a.multigroup, b.multigroup)],
    totals: {
      children: valueChange(a.totals.children, b.totals.children),
      gapChildren: valueChange(a.totals.gapChildren, b.totals.gapChildren),
      overlapChildren: valueChange(a.totals.overlapChildren, b.totals.overlapChildren),
    },
  };
}

/** The status pair, only when the school is not open in both scenarios (most comparisons carry none). */
function statusOf(a: { status?: string } | undefined, b: { status?: string } | undefined): { status?: { a: string | null; b: string | null } } {
  const status = { a: a ? (a.status ?? 'open') : null, b: b ? (b.status ?? 'open') : null };
  return status.a === 'open' && status.b === 'open' ? {} : { status };
}
