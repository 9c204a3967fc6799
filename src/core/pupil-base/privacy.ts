/**
 * Privacy at the edge: the display/export version of a network's indicators, in which every
 * figure resting on fewer than `threshold` people is null and named in `suppressed`.
 * Rules (docs/indicators.md (Pupil base and composition), "Privacy"):
 * - a school with fewer than threshold children: children, childrenImputed, utilisation,
 *   every share and share base and the composite are hidden;
 * - a share whose base is below the threshold is hidden (share and base), and so is the
 *   school's composite, which would otherwise reveal it;
 * - a count (childrenImputed, gap and overlap children) strictly between 0 and the threshold is hidden;
 * - the network's indices are hidden when its children total is below the threshold; a share's
 *   two-group indices when the network's base for that share is.
 */
import type { MultigroupIndices, NetworkIndicators, SchoolFigures, TwoGroupIndices } from '../indicators/indicator-types';

export interface PublicSchoolFigures {
  id: string;
  name: string;
  children: number | null;
  childrenImputed: number | null;
  capacity: number | null;
  utilisation: number | null;
  shares: Record<string, number | null>;
  shareBase: Record<string, number | null>;
  composite: number | null;
  /** Hidden fields, e.g. ["children", "utilisation", "shares.rental", "shareBase.rental", "composite"]. */
  suppressed: string[];
  /** Status in the year (scenario engine): a closed or not-yet-open school shows children 0 (nobody is hidden). */
  status?: SchoolFigures['status'];
}

export interface PublicNetworkIndicators {
  network: string;
  schools: PublicSchoolFigures[];
  indices: Record<string, TwoGroupIndices | null>;
  multigroup: Record<string, MultigroupIndices | null>;
  totals: {
    children: number | null;
    childrenImputed: number | null;
    gapChildren: number | null;
    overlapChildren: number | null;
  };
  estimated: boolean;
  /** The threshold applied (people). */
  threshold: number;
  /** Hidden network-level fields, e.g. ["totals.gapChildren", "indices.rental"]. */
  suppressed: string[];
}

/** A count, or null when it is strictly between 0 and the threshold. */
function smallCount(value: number, threshold: number, name: string, suppressed: string[]): number | null {
  if (value > 0 && value < threshold) {
    suppressed.push(name);
    return null;
  }
  return value;
}

function publicSchool(f: SchoolFigures, threshold: number): PublicSchoolFigures {
  const out = publicFigures(f, threshold);
  return f.status ? { ...out, status: f.status } : out;
}

function publicFigures(f: SchoolFigures, threshold: number): PublicSchoolFigures {
  const suppressed: string[] = [];
  const ids = Object.keys(f.shares);
  if (f.status === 'closed' || f.status === 'not-yet-open') {
    const none = Object.fromEntries(ids.map((id) => [id, null]));
    return { id: f.id, name: f.name, children: 0, childrenImputed: 0, capacity: f.capacity, utilisation: null, shares: none, shareBase: { ...none }, composite: null, suppressed };
  }
  if (!(f.children >= threshold)) {
    suppressed.push('children', 'childrenImputed', 'utilisation', ...ids.flatMap((id) => [`shares.${id}`, `shareBase.${id}`]), 'composite');
    return {
      id: f.id,
      name: f.name,
      children: null,
      childrenImputed: null,
      capacity: f.capacity,
      utilisation: null,
      shares: Object.fromEntries(ids.map((id) => [id, null])),
      shareBase: Object.fromEntries(ids.map((id) => [id, null])),
      composite: null,
      suppressed,
    };
  }
  const childrenImputed = smallCount(f.childrenImputed, threshold, 'childrenImputed', suppressed);
  const shares: Record<string, number | null> = {};
  const shareBase: Record<string, number | null> = {};
  for (const id of ids) {
    const base = f.shareBase[id] ?? 0;
    if (base < threshold) {
      shares[id] = null;
      shareBase[id] = null;
      suppressed.push(`shares.${id}`, `shareBase.${id}`);
    } else {
      shares[id] = f.shares[id];
      shareBase[id] = base;
    }
  }
  const anyShareHidden = suppressed.some((s) => s.startsWith('shares.'));
  if (anyShareHidden && f.composite !== null) suppressed.push('composite');
  return {
    id: f.id,
    name: f.name,
    children: f.children,
    childrenImputed,
    capacity: f.capacity,
    utilisation: f.utilisation,
    shares,
    shareBase,
    composite: anyShareHidden ? null : f.composite,
    suppressed,
  };
}

/**
 * The display/export version of `indicators`.
 *
 * @param threshold people (config.privacyThreshold, e.g. 10)
 */
export function applyPrivacy(indicators: NetworkIndicators, threshold: number): PublicNetworkIndicators {
  const suppressed: string[] = [];
  const t = indicators.totals;
  const networkHidden = !(t.children >= threshold);
  const indices: Record<string, TwoGroupIndices | null> = {};
  for (const [id, value] of Object.entries(indicators.indices)) {
    const base = indicators.schools.reduce((sum, s) => sum + (s.shareBase[id] ?? 0), 0);
    const hidden = networkHidden || base < threshold;
    indices[id] = hidden ? null : value;
    if (hidden) suppressed.push(`indices.${id}`);
  }
  const multigroup: Record<string, MultigroupIndices | null> = {};
  for (const [id, value] of Object.entries(indicators.multigroup)) {
    multigroup[id] = networkHidden ? null : value;
    if (networkHidden) suppressed.push(`multigroup.${id}`);
  }
  let children: number | null = t.children;
  if (networkHidden) {
    children = null;
    suppressed.push('totals.children');
  }
  return {
    network: indicators.network,
    schools: indicators.schools.map((s) => publicSchool(s, threshold)),
    indices,
    multigroup,
    totals: {
      children,
      childrenImputed: networkHidden ? hide('totals.childrenImputed', suppressed) : smallCount(t.childrenImputed, threshold, 'totals.childrenImputed', suppressed),
      gapChildren: smallCount(t.gapChildren, threshold, 'totals.gapChildren', suppressed),
      overlapChildren: smallCount(t.overlapChildren, threshold, 'totals.overlapChildren', suppressed),
    },
    estimated: indicators.estimated,
    threshold,
    suppressed,
  };
}

function hide(name: string, suppressed: string[]): null {
  suppressed.push(name);
  return null;
}

/**
 * A count as shown in the UI: rounded to whole people, "<10" (for threshold 10) when hidden
 * (null) or strictly between 0 and the threshold, "0" for zero.
 *
 * @param locale optional BCP 47 locale for digit grouping ("fi" → "1 234")
 */
export function formatCount(value: number | null, threshold: number, locale?: string): string {
  if (value === null || Number.isNaN(value) || (value > 0 && value < threshold)) return `<${threshold}`;
  const rounded = Math.round(value);
  return locale ? rounded.toLocaleString(locale) : String(rounded);
}
