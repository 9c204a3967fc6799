/**
 * Indicators of a network whose schools vary by year: the schools open in the year (status
 * open or temporary-premises) are the network (indices, composite, totals); closed and
 * not-yet-open schools are listed too, in network order, with children 0 and no shares.
 * With every school open this is networkIndicators exactly, plus the status of each school.
 */
import type { IndicatorConfig } from '../config/indicator-config';
import type { NetworkIndicators, SchoolFigures } from '../indicators/indicator-types';
import { capacityFor } from '../model/school';
import type { Network, School } from '../model/school';
import { networkIndicators } from '../pupil-base/network-indicators';
import type { GapOverlap } from '../pupil-base/network-indicators';
import type { UnitValueLayout } from '../pupil-base/unit-values';
import { isOpen } from './school-timeline';
import type { SchoolStatus } from './school-timeline';

export function indicatorsWithStatus(sums: Float64Array, layout: UnitValueLayout, network: Network, schools: School[],
  status: SchoolStatus[], config: IndicatorConfig, gapOverlap: GapOverlap): NetworkIndicators {
  const open = status.map((s, j) => (isOpen(s) ? j : -1)).filter((j) => j >= 0);
  if (open.length === status.length) {
    const out = networkIndicators(sums, layout, network, schools, config, gapOverlap);
    out.schools.forEach((f, j) => (f.status = status[j]));
    return out;
  }
  const w = layout.width;
  const sub = new Float64Array(open.length * w);
  open.forEach((j, i) => sub.set(sums.subarray(j * w, (j + 1) * w), i * w));
  const subNetwork: Network = { ...network, schoolIds: open.map((j) => network.schoolIds[j]) };
  const out = networkIndicators(sub, layout, subNetwork, open.map((j) => schools[j]), config, gapOverlap);
  const figures = new Map(out.schools.map((f) => [f.id, f]));
  out.schools = network.schoolIds.map((id, j) => {
    const f = figures.get(id);
    if (f) return { ...f, status: status[j] };
    return closedFigures(schools[j], network, layout, status[j]);
  });
  return out;
}

function closedFigures(school: School, network: Network, layout: UnitValueLayout, status: SchoolStatus): SchoolFigures {
  const shares: Record<string, number | null> = {};
  const shareBase: Record<string, number> = {};
  for (const s of layout.shares) {
    shares[s.id] = null;
    shareBase[s.id] = 0;
  }
  return { id: school.id, name: school.name, children: 0, childrenImputed: 0, capacity: capacityFor(school, network.level), utilisation: null, shares, shareBase, composite: null, status };
}
