/**
 * Per-school figures of one network from the per-school sums S = Wᵀ V of the unit value
 * matrix (unit-values.ts). Shares are formed after summing: share_k = with_k / base_k.
 */
import type { IndicatorConfig } from '../config/indicator-config';
import { compositeIndex } from '../indicators/composite-index';
import type { SchoolFigures } from '../indicators/indicator-types';
import { capacityFor, type Network, type School } from '../model/school';
import type { UnitValueLayout } from './unit-values';

/**
 * @param sums row-major schoolCount × layout.width, rows in network.schoolIds order:
 *   sums[j·width + c] = Σ_u weight(u, school j) · V[u, c]
 * @param schools the dataset's schools (looked up by id)
 * @throws Error (a bug) when `sums` has the wrong length or a school id is unknown
 */
export function schoolFigures(
  sums: Float64Array,
  layout: UnitValueLayout,
  network: Network,
  schools: School[],
  config: IndicatorConfig,
): SchoolFigures[] {
  const w = layout.width;
  const count = network.schoolIds.length;
  if (sums.length !== count * w) throw new Error(`sums has ${sums.length} values, expected ${count} schools × ${w} columns`);
  const byId = new Map(schools.map((s) => [s.id, s]));
  const figures = network.schoolIds.map((id, j): SchoolFigures => {
    const school = byId.get(id);
    if (!school) throw new Error(`network ${network.id} lists school ${id}, which is not in the dataset`);
    const row = j * w;
    const children = sums[row + layout.children];
    const shares: Record<string, number | null> = {};
    const shareBase: Record<string, number> = {};
    for (const s of layout.shares) {
      const base = sums[row + s.base];
      shareBase[s.id] = base;
      shares[s.id] = base > 0 ? Math.min(1, Math.max(0, sums[row + s.with] / base)) : null;
    }
    const capacity = capacityFor(school, network.level);
    return {
      id,
      name: school.name,
      children,
      childrenImputed: sums[row + layout.childrenImputed],
      capacity,
      utilisation: capacity !== null && capacity > 0 ? children / capacity : null,
      shares,
      shareBase,
      composite: null,
    };
  });
  const byShare: Record<string, (number | null)[]> = {};
  for (const s of layout.shares) byShare[s.id] = figures.map((f) => f.shares[s.id]);
  const composite = compositeIndex(byShare, config.composite.weights);
  figures.forEach((f, j) => (f.composite = composite[j]));
  return figures;
}
