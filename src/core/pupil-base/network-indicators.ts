/**
 * All indicators of one network from the per-school sums: school figures, two-group indices
 * per share (minority = with_k, total = base_k per school), multigroup indices per partition
 * and totals. Full precision: pass the result through applyPrivacy before showing it.
 */
import type { IndicatorConfig } from '../config/indicator-config';
import type { MultigroupIndices, NetworkIndicators, TwoGroupIndices } from '../indicators/indicator-types';
import { multigroupIndices } from '../indicators/multigroup-indices';
import { twoGroupIndices } from '../indicators/two-group-indices';
import type { Network, School } from '../model/school';
import { schoolFigures } from './school-figures';
import type { UnitValueLayout } from './unit-values';

/** Children outside every catchment and counted twice, from the overlay (expected children). */
export interface GapOverlap {
  gapChildren: number;
  overlapChildren: number;
}

/**
 * @param sums row-major schoolCount × layout.width in network.schoolIds order (see schoolFigures)
 * @param gapOverlap children in gaps and overlaps of the partition; zeros when omitted
 */
export function networkIndicators(
  sums: Float64Array,
  layout: UnitValueLayout,
  network: Network,
  schools: School[],
  config: IndicatorConfig,
  gapOverlap: GapOverlap = { gapChildren: 0, overlapChildren: 0 },
): NetworkIndicators {
  const figures = schoolFigures(sums, layout, network, schools, config);
  const w = layout.width;
  const n = network.schoolIds.length;
  const column = (c: number): Float64Array => {
    const out = new Float64Array(n);
    for (let j = 0; j < n; j++) out[j] = sums[j * w + c];
    return out;
  };
  const indices: Record<string, TwoGroupIndices> = {};
  for (const s of layout.shares) indices[s.id] = twoGroupIndices(column(s.with), column(s.base));
  const multigroup: Record<string, MultigroupIndices> = {};
  for (const g of layout.multigroup) {
    const counts = Array.from({ length: n }, (_, j) => Float64Array.from(g.categories, (c) => sums[j * w + c.column]));
    multigroup[g.id] = multigroupIndices(counts);
  }
  let children = 0;
  let childrenImputed = 0;
  for (const f of figures) {
    children += f.children;
    childrenImputed += f.childrenImputed;
  }
  return {
    network: network.id,
    schools: figures,
    indices,
    multigroup,
    totals: { children, childrenImputed, gapChildren: gapOverlap.gapChildren, overlapChildren: gapOverlap.overlapChildren },
    estimated: config.ageBands.estimated === true,
  };
}
