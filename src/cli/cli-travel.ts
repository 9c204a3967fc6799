/**
 * `--streets FILE` (or a bundle's `files.streets`): the street network for trip lengths, and the
 * `travel` members of the indicators output (docs/cli.md, docs/travel.md). Without a street
 * layer every trip is a straight line and `straight_line` is true.
 */
import { join } from 'node:path';
import { resolveTravelSettings } from '../core/config/travel-settings';
import { unitCentres } from '../core/compare/unit-centres';
import type { IndicatorConfig } from '../core/config/indicator-config';
import type { Problem, Result } from '../core/model/result';
import { ok } from '../core/model/result';
import type { Units } from '../core/model/units';
import type { ScenarioEngine } from '../core/scenario/scenario-engine';
import { ScenarioTravel } from '../core/travel/scenario-travel';
import { streetLinksFromTable, type StreetLinksReport } from '../core/travel/street-links';
import { StreetNetwork } from '../core/travel/street-network';
import { publicNetworkTravel, publicTravel, type PublicNetworkTravel, type PublicSchoolTravel } from '../core/travel/travel-privacy';
import { readInputTable, type CliIo } from './cli-io';
import type { ParsedOptions } from './cli-options';
import type { NetworkOutput } from './format-output';

/** What was made of the street layer (for `validate`). */
export interface StreetsReport extends StreetLinksReport {
  nodes: number;
  edges: number;
  components: number;
  offNetworkUnits: number;
  snapLimitM: number;
}

/** The street file to use: --streets, else the bundle manifest's files.streets; null when neither. */
export function streetsPath(options: ParsedOptions, manifestStreets: string | undefined): string | null {
  if (options.streets) return options.streets;
  return options.bundle && manifestStreets ? join(options.bundle, manifestStreets) : null;
}

/** Reads the street layer and builds the network on the units; ok(null) without a street file. */
export async function loadStreets(io: CliIo, path: string | null, units: Units, config: IndicatorConfig, maxBytes?: number): Promise<Result<{ net: StreetNetwork; report: StreetsReport } | null>> {
  if (!path) return ok(null);
  const table = await readInputTable(io, path, 'streets', maxBytes);
  if (!table.ok) return table;
  const settings = resolveTravelSettings(config.travel);
  const links = streetLinksFromTable(table.value, settings);
  if (!links.ok) return links;
  const net = StreetNetwork.fromLinks(links.value.links, unitCentres(units), settings);
  let off = 0;
  for (let u = 0; u < net.unitCount; u++) if (net.unitEdge[u] < 0) off++;
  const g = net.graph;
  const report: StreetsReport = { ...links.value.report, nodes: g.nodeCount, edges: g.edgeCount, components: g.componentCount, offNetworkUnits: off, snapLimitM: settings.snapLimitM };
  return ok({ net, report }, [...table.warnings, ...links.warnings]);
}

/** Per network: the schools' and the network's public travel figures, and warnings naming the fallback units. */
export function travelOutputs(engine: ScenarioEngine, net: StreetNetwork | null, networkIds: string[], threshold: number): { byNetwork: Map<string, { schools: PublicSchoolTravel[]; network: PublicNetworkTravel }>; warnings: Problem[] } {
  const travel = new ScenarioTravel(engine, net);
  const byNetwork = new Map<string, { schools: PublicSchoolTravel[]; network: PublicNetworkTravel }>();
  const warnings: Problem[] = [];
  const ids = engine.units.ids;
  for (const id of networkIds) {
    const f = travel.figures(id);
    const fallback = net ? travel.fallbackUnits(id) : { offNetwork: [], unreachable: [] };
    const offNetwork = fallback.offNetwork.map((u) => ids[u]);
    const unreachable = fallback.unreachable.map((u) => ids[u]);
    byNetwork.set(id, {
      schools: f.schools.map((s) => publicTravel(s, threshold)),
      network: publicNetworkTravel(f.network, threshold, { offNetwork, unreachable, straightLine: f.straightLine }),
    });
    warnings.push(...fallbackWarnings(id, offNetwork.length, unreachable.length, travel.settings.snapLimitM));
  }
  return { byNetwork, warnings };
}

/** The network's output with each school's `travel` and the network's `travel` added. */
export function withTravel(output: NetworkOutput, travel: { schools: PublicSchoolTravel[]; network: PublicNetworkTravel }): NetworkOutput {
  return { ...output, schools: output.schools.map((s, i) => ({ ...s, travel: travel.schools[i] })), travel: travel.network };
}

/** The street layer's lines of the `validate` text report. */
export function streetsText(r: StreetsReport): string {
  return [
    `Streets: ${r.file} (${r.features} features, rule "${r.rule}": ${r.links} walkable links, ${r.excluded} not walkable, ${r.notLines} without lines)`,
    `  graph: ${r.nodes} nodes, ${r.edges} edges, ${r.components} connected parts; ${r.offNetworkUnits} units more than ${r.snapLimitM} m from any walkable street`,
  ].join('\n') + '\n';
}

/**
 * `project`: the network's public travel figures in any year (the engine is moved to the year;
 * the trackers re-read only the units whose children changed), with the fallback units and their
 * warnings worked out once.
 */
export function travelByYear(engine: ScenarioEngine, net: StreetNetwork | null, networkId: string, threshold: number): { inYear(year: number): { schools: PublicSchoolTravel[]; network: PublicNetworkTravel }; warnings: Problem[] } {
  const travel = new ScenarioTravel(engine, net);
  const fallback = net ? travel.fallbackUnits(networkId) : { offNetwork: [], unreachable: [] };
  const ids = engine.units.ids;
  const extra = { offNetwork: fallback.offNetwork.map((u) => ids[u]), unreachable: fallback.unreachable.map((u) => ids[u]) };
  const warnings = fallbackWarnings(networkId, extra.offNetwork.length, extra.unreachable.length, travel.settings.snapLimitM);
  return {
    warnings,
    inYear(year) {
      engine.setYear(year);
      const f = travel.figures(networkId);
      return { schools: f.schools.map((s) => publicTravel(s, threshold)), network: publicNetworkTravel(f.network, threshold, { ...extra, straightLine: f.straightLine }) };
    },
  };
}

/** The warnings naming how many units of a network fell back to straight lines. */
function fallbackWarnings(id: string, offNetwork: number, unreachable: number, snapLimitM: number): Problem[] {
  const out: Problem[] = [];
  if (offNetwork)
    out.push({ code: 'units-off-network', message: `Network ${id}: ${offNetwork} unit(s) are more than ${snapLimitM} m from any walkable street; their trips are straight lines (listed in travel.off_network_units).`, fix: 'Check that the street layer covers the whole area, or raise travel.snapLimitM in the indicator configuration.' });
  if (unreachable)
    out.push({ code: 'units-unreachable', message: `Network ${id}: ${unreachable} unit(s) cannot reach their school on the street network; their trips are straight lines (listed in travel.unreachable_units).`, fix: 'Check the street layer for missing links (bridges, ferries, paths) between those units and their school.' });
  return out;
}
