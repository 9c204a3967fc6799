/**
 * Pupil places of the sample city's schools. Finnish networks are planned so that most schools
 * run at 80–110 % of capacity; a few stand out (a popular school crowded at ~130 %, a
 * shrinking one at ~65 %). Each school draws a planned utilisation factor, and its places are
 * its catchment's children (as the tool estimates them) / factor, rounded to 10.
 */
import type { Rng } from './prng';

/** Planned utilisation of an ordinary school: N(0.95, 0.08) kept in [0.8, 1.1]. */
function ordinaryFactor(rng: Rng): number {
  return Math.min(1.1, Math.max(0.8, 0.95 + 0.08 * rng.normal()));
}

/**
 * Planned utilisation per school of a network. Schools from index `firstFree` on are city
 * schools; `outliers` (e.g. [1.32, 0.64]) go to distinct city schools picked at random, so a
 * planner finds one crowded and one half-empty school in the city. A factor under 1 goes to a
 * school with at most the median children, so its places stay within the size limits.
 */
export function utilisationFactors(rng: Rng, children: number[], firstFree: number, outliers: number[]): number[] {
  const count = children.length;
  const factors = Array.from({ length: count }, () => ordinaryFactor(rng));
  const free = Array.from({ length: count - firstFree }, (_, k) => firstFree + k);
  const median = [...free.map((j) => children[j])].sort((a, b) => a - b)[Math.floor((free.length - 1) / 2)];
  for (const f of outliers) {
    const pool = free.filter((j) => f >= 1 || children[j] <= median);
    if (!pool.length) break;
    const j = pool[rng.int(pool.length)];
    free.splice(free.indexOf(j), 1);
    factors[j] = f * (1 + 0.03 * rng.normal());
  }
  return factors;
}

/** Places for `children` at a planned utilisation `factor`: rounded to 10 (to 5 under 100) and kept in [min, max]. */
export function placesFor(children: number, factor: number, min: number, max: number): number {
  const raw = children / factor;
  const unit = raw < 100 ? 5 : 10;
  return Math.min(max, Math.max(min, Math.round(raw / unit) * unit));
}

/** Relative catchment sizes of the city schools (log-normal, σ = 0.15, kept in [0.75, 1.35]). */
export function schoolSizes(rng: Rng, count: number): number[] {
  return Array.from({ length: count }, () => Math.min(1.35, Math.max(0.75, Math.exp(0.15 * rng.normal()))));
}
