/**
 * Workshop anonymisation on screen: the dataset summary with every school name replaced by its
 * alias ("Koulu A", …), so the map labels, the table and the tooltips all show aliases.
 */
import type { DatasetSummary } from '../workers/engine-protocol';

/** The summary with school names from `aliases` (school id → alias); schools without one keep their name. */
export function anonymisedSummary(summary: DatasetSummary, aliases: Record<string, string>): DatasetSummary {
  return {
    ...summary,
    networks: summary.networks.map((n) => ({ ...n, schools: n.schools.map((s) => ({ ...s, name: aliases[s.id] ?? s.name })) })),
  };
}
