/**
 * The "nearest" rules of resolve-school-step.ts when distances follow a unit-based rule (a street
 * network, core/travel/street-distance-provider.ts). Pairs beyond the provider's search limit are
 * only known to be longer than it; they are searched (one pass per school location, batched) only
 * for the units the known pairs cannot decide. Exact: the same answers as asking every pair.
 */
import type { Position } from '../model/geometry-types';
import type { NetworkOverlay } from '../overlay/network-overlay';
import { nearestByUnit, type DistanceProvider } from './distance';

/** Units whose dominant school is farther (strictly) than `location`, the new school `school`'s. */
export function nearerOnStreets(overlay: NetworkOverlay, p: DistanceProvider, school: number, location: Position, locations: Position[]): number[] {
  const limit = p.limitM ?? Infinity;
  const out: number[] = [];
  const undecided: number[] = [];
  for (let u = 0; u < overlay.unitCount; u++) {
    const best = overlay.dominantSchool(u);
    if (best < 0 || best === school) continue;
    const dNew = p.tryUnitDistance!(u, location);
    const dCur = p.tryUnitDistance!(u, locations[best]);
    const newKnown = !Number.isNaN(dNew);
    const curKnown = !Number.isNaN(dCur);
    if (newKnown && curKnown) {
      if (dNew < dCur) out.push(u);
    } else if (!newKnown && curKnown && dCur <= limit) continue;
    else if (newKnown && !curKnown && dNew <= limit) out.push(u);
    else undecided.push(u);
  }
  if (undecided.length === 0) return out;
  const wanted = new Map<Position, number[]>();
  const want = (loc: Position, u: number) => (wanted.get(loc) ?? wanted.set(loc, []).get(loc)!).push(u);
  for (const u of undecided) {
    if (Number.isNaN(p.tryUnitDistance!(u, location))) want(location, u);
    const cur = locations[overlay.dominantSchool(u)];
    if (Number.isNaN(p.tryUnitDistance!(u, cur))) want(cur, u);
  }
  for (const [loc, list] of wanted) p.prefetch?.(loc, list);
  for (const u of undecided) if (p.unitDistance!(u, location) < p.unitDistance!(u, locations[overlay.dominantSchool(u)])) out.push(u);
  return out.sort((a, b) => a - b);
}

/** For each unit of `units`, the index (into `locations`) of its nearest location; ties: the lowest index. */
export function nearestOnStreets(p: DistanceProvider, units: ArrayLike<number>, locations: Position[]): Int32Array {
  const limit = p.limitM ?? Infinity;
  // Units no known pair within the limit decides: search their unknown pairs, one pass per location.
  const wanted = new Map<number, number[]>();
  for (let k = 0; k < units.length; k++) {
    const u = units[k];
    let known = Infinity;
    const unknown: number[] = [];
    for (let i = 0; i < locations.length; i++) {
      const d = p.tryUnitDistance!(u, locations[i]);
      if (Number.isNaN(d)) unknown.push(i);
      else known = Math.min(known, d);
    }
    if (unknown.length && !(known <= limit)) for (const i of unknown) (wanted.get(i) ?? wanted.set(i, []).get(i)!).push(u);
  }
  for (const [i, list] of wanted) p.prefetch?.(locations[i], list);
  return Int32Array.from(units, (u) => nearestByUnit(p, u, locations));
}
