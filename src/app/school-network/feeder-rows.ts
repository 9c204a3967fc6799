/** One school's feeders from the engine's feeder tables (pure; school-feeders.tsx and the report read it). */
import type { SchoolLevel } from '../../core/model/school';
import type { FeederTable } from '../../core/scenario/scenario-engine';

export interface SchoolFeederRows {
  /** The other network's schools and the children between them, most children first. */
  flows: { id: string; children: number }[];
  /** A grades 1–6 school flagged as a split feeder (in any upper network of its language). */
  split: boolean;
}

export function schoolFeeders(tables: readonly FeederTable[], networkId: string, level: SchoolLevel, schoolId: string): SchoolFeederRows {
  const mine = tables.filter((t) => (level === 'lower' ? t.lowerNetwork : t.upperNetwork) === networkId);
  const flows = mine.flatMap((t) => t.feeders
    .filter((f) => (level === 'lower' ? f.lower : f.upper) === schoolId)
    .map((f) => ({ id: level === 'lower' ? f.upper : f.lower, children: f.children })));
  flows.sort((a, b) => b.children - a.children || a.id.localeCompare(b.id));
  return { flows, split: level === 'lower' && mine.some((t) => t.splitFeeders.includes(schoolId)) };
}
