/**
 * Validation and one-click repairs of an import's catchments, over every network at once
 * (pure, runs in the worker). Each repair returns new partitions and what changed (per school:
 * area gained/lost in m², people gained/lost); the previous partitions are kept for undo.
 * Geometry in EPSG:3067 metres.
 */
import { fail, ok, type Result } from '../../core/model/result';
import type { Network, Partition, School } from '../../core/model/school';
import type { Units } from '../../core/model/units';
import type { RepairResult } from '../../core/validate/change-report';
import { populationContext, type PopulationContext } from '../../core/validate/geometry-problem';
import { fixSelfIntersections } from '../../core/validate/fix-self-intersections';
import { dissolveSlivers, fillGaps } from '../../core/validate/repair-partition';
import { snapPartition } from '../../core/validate/snap-partition';
import { splitOverlaps, type OverlapRule } from '../../core/validate/split-overlaps';
import { validatePartition } from '../../core/validate/validate-partition';
import type { MultiPolygon } from '../../core/model/geometry-types';
import type { NetworkCheck, RepairKind, RepairOutcome } from '../workers/import-protocol';
import { namedChanges, problemViews } from './import-check';

export interface DraftNetworks {
  networks: Network[];
  partitions: Record<string, Partition>;
  labels: Record<string, { fi: string; sv: string; en: string }>;
  schools: School[];
  boundary?: MultiPolygon;
}

/** Partitions before a repair, and what the repair did. */
export interface RepairState {
  partitions: Record<string, Partition>;
  outcome: RepairOutcome;
}

/** Snapping tolerance of the one-click snap, metres. */
export const SNAP_TOLERANCE_M = 1;

/** validatePartition per network, with the problems made drawable. */
export function checkNetworks(draft: DraftNetworks, units: Units, population: Float64Array, file: string): NetworkCheck[] {
  const ctx = populationContext(units, population);
  const schools = new Map(draft.schools.map((s) => [s.id, s]));
  return draft.networks.map((n) => {
    const partition = draft.partitions[n.id];
    const report = validatePartition(partition, n.schoolIds, { population: ctx, file, ...(draft.boundary ? { outline: draft.boundary } : {}) });
    const problems = problemViews(n, partition, report.problems, schools);
    return { id: n.id, label: draft.labels[n.id] ?? { fi: n.id, sv: n.id, en: n.id }, schools: n.schoolIds.length, counts: report.counts, problems, more: report.problems.length - problems.length };
  });
}

function repairOne(kind: RepairKind, p: Partition, n: Network, ctx: PopulationContext, draft: DraftNetworks, rule: OverlapRule): Result<RepairResult> {
  const options = { population: ctx, ...(draft.boundary ? { outline: draft.boundary } : {}) };
  switch (kind) {
    case 'self-intersections':
      return ok(fixSelfIntersections(p, n.schoolIds, { population: ctx }));
    case 'snap':
      return ok(snapPartition(p, n.schoolIds, SNAP_TOLERANCE_M, { population: ctx }));
    case 'slivers':
      return ok(dissolveSlivers(p, n.schoolIds, options));
    case 'gaps':
      return ok(fillGaps(p, n.schoolIds, options));
    case 'overlaps': {
      const byId = new Map(draft.schools.map((s) => [s.id, s]));
      return splitOverlaps(p, n.schoolIds, rule, { ...options, locations: n.schoolIds.map((id) => byId.get(id)!.location) });
    }
  }
}

/** Applies one repair to every network; fails (changing nothing) when any network's repair fails. */
export function repairNetworks(draft: DraftNetworks, units: Units, population: Float64Array, kind: RepairKind, rule: OverlapRule = 'larger'): Result<{ partitions: Record<string, Partition>; outcome: RepairOutcome }> {
  const ctx = populationContext(units, population);
  const schools = new Map(draft.schools.map((s) => [s.id, s]));
  const partitions: Record<string, Partition> = { ...draft.partitions };
  const outcome: RepairOutcome = { repair: kind, ...(kind === 'overlaps' ? { rule } : {}), changes: [], areaGained: 0, areaLost: 0, populationGained: 0, populationLost: 0, unresolved: 0 };
  for (const n of draft.networks) {
    const r = repairOne(kind, draft.partitions[n.id], n, ctx, draft, rule);
    if (!r.ok) return fail(...r.problems);
    partitions[n.id] = r.value.partition;
    const c = r.value.changes;
    outcome.changes.push(...namedChanges(n.id, c, schools));
    outcome.areaGained += c.areaGained;
    outcome.areaLost += c.areaLost;
    outcome.populationGained += c.populationGained ?? 0;
    outcome.populationLost += c.populationLost ?? 0;
    outcome.unresolved += r.value.unresolved.length;
  }
  return ok({ partitions, outcome });
}
