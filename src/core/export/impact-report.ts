/**
 * The printable segregation impact assessment ("segregaatiovaikutusten ennakkoarviointi"):
 * one self-contained HTML string (inline CSS, A4, page numbers in the page margins). A one-page
 * summary comes first (report-sections.ts: what changes and for how many children, the pupil
 * bases that shift most, index D before and after with a plain-language reading, trips over the
 * legal limit, the main caveats); then the details: a map of the changes whose labels never
 * overlap, every index with a short reading, the schools whose catchment changes (only those),
 * and every caveat. The author, organisation and date are the user's; nothing internal (preset
 * or network ids) is shown. Privacy is applied to every figure; school names can be replaced by
 * "Koulu A", "Koulu B", …
 */
import type { IndicatorConfig } from '../config/indicator-config';
import { compareIndicators } from '../compare/compare-indicators';
import { compareWithBaseline } from '../compare/compare-scenarios';
import type { CompareOptions, ScenarioComparison } from '../compare/compare-scenarios';
import { subtract, unionAll } from '../geometry/boolean-ops';
import type { NetworkIndicators } from '../indicators/indicator-types';
import type { Dataset } from '../model/dataset';
import type { MultiPolygon } from '../model/geometry-types';
import type { Result } from '../model/result';
import { ok } from '../model/result';
import type { Network, School } from '../model/school';
import { DEFAULT_SPLIT_SHARE } from '../feeders/feeders';
import type { FeederTable } from '../scenario/scenario-engine';
import { feederSection } from './report-feeders';
import { applyPrivacy } from '../pupil-base/privacy';
import type { ScenarioEngine } from '../scenario/scenario-engine';
import { nameFor, schoolAliases } from './anonymise';
import type { ReportLanguage } from './anonymise';
import { reportMap } from './report-map-svg';
import { esc, indexDetails, percent, schoolDetails, summarySection, type SectionContext } from './report-sections';
import { fill, REPORT_TEXT } from './report-text';
import { reportCss } from './report-style';
import { yearsSection } from './report-years';
import { travelSection, travelTextOverrides, type ReportTravel } from './report-travel';

export { reportCount } from './report-sections';

export interface ImpactReportInput {
  scenarioName: string;
  scenarioDescription?: string;
  dataset: Dataset;
  config: IndicatorConfig;
  network: Network;
  /** Full-precision indicators before (usually the baseline) and after the change. */
  before: NetworkIndicators;
  after: NetworkIndicators;
  /** Catchments parallel to network.schoolIds, EPSG:3067. */
  catchmentsBefore: MultiPolygon[];
  catchmentsAfter: MultiPolygon[];
  /** compareWithBaseline / compareScenarios of the same two states (movement, changed catchments). */
  comparison: ScenarioComparison;
  /** The section on the years ahead (report-years.ts), placed after the one-page summary; none when absent. */
  yearsSection?: string;
  /** Feeders of the network's pairs in the report's year (report-feeders.ts); none: no feeder table. */
  feeders?: FeederTable[];
  /** Schools opened by records (their names and locations); the dataset's schools come first. */
  openedSchools?: School[];
  /** Travel figures before and after (core/travel, privacy applied); none: no section on school trips. */
  travel?: ReportTravel;
}

export interface ReportOptions {
  language?: ReportLanguage;
  /** Workshop anonymisation: school names become "Koulu A", "Koulu B", … (dataset order). */
  anonymise?: boolean;
  /** Date of the report, ISO 8601 (default: today). */
  date?: string;
  /** Filled in by the user; shown on the title block and in every page footer. */
  author?: string;
  organisation?: string;
  /** The year the figures are for, when the data are projected. */
  year?: number;
  /** Years for the section on housing projects and the projected pupil base (report-years.ts); none: no section. */
  years?: number[];
  /** Travel figures before and after (impactReportForEngine: the section on school trips, trips over 5 km along the streets). */
  travel?: ReportTravel;
}

function reportDate(iso: string, language: ReportLanguage): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  if (!m) return esc(iso);
  return language === 'en' ? `${m[1]}-${m[2]}-${m[3]}` : `${Number(m[3])}.${Number(m[2])}.${m[1]}`;
}

function caveats(input: ImpactReportInput, lang: ReportLanguage): string[] {
  const t = { ...REPORT_TEXT[lang], ...travelTextOverrides(input.travel, lang) };
  const totals = input.after.totals;
  const share = totals.children > 0 ? totals.childrenImputed / totals.children : 0;
  const list = [t.caveatEcological, t.caveatStraightLine, fill(t.caveatImputed, { pct: percent(share, lang) })];
  if (input.before.estimated || input.after.estimated) list.push(t.caveatEstimated);
  list.push(fill(t.caveatPrivacy, { t: input.config.privacyThreshold }), t.caveatThresholds);
  return list;
}

/** The report as a complete HTML document string. */
export function impactReportHtml(input: ImpactReportInput, options: ReportOptions = {}): string {
  const lang = options.language ?? 'fi';
  const t = REPORT_TEXT[lang];
  const threshold = input.config.privacyThreshold;
  // Opened schools get aliases too (after the dataset's, so those keep their letters).
  const aliases = options.anonymise ? schoolAliases([...input.dataset.schools, ...(input.openedSchools ?? [])], lang) : null;
  const schoolsById = new Map([...input.dataset.schools, ...(input.openedSchools ?? [])].map((s) => [s.id, s]));
  const c = input.comparison;
  const changedIds = new Set(c.changedSchoolIds);
  const gains = c.changedCatchments.map((i) => subtract(input.catchmentsAfter[i] ?? [], input.catchmentsBefore[i] ?? []));
  const map = reportMap({
    title: t.map,
    catchments: input.catchmentsAfter,
    changed: c.changedCatchments,
    changedArea: gains.length ? unionAll(...gains) : [],
    schools: input.network.schoolIds.map((id) => ({ label: nameFor(aliases, id, schoolsById.get(id)?.name ?? id), location: schoolsById.get(id)!.location, changed: changedIds.has(id) })),
    boundary: input.dataset.boundary,
  });
  const date = reportDate(options.date ?? new Date().toISOString(), lang);
  const networkName = input.network.labels?.[lang] ?? input.network.label;
  const meta: [string, string][] = [
    [t.scenario, esc(input.scenarioName)],
    ...(input.scenarioDescription ? [[t.description, esc(input.scenarioDescription)] as [string, string]] : []),
    [t.network, esc(networkName)],
    ...(options.year != null ? [[t.year, String(options.year)] as [string, string]] : []),
    [t.date, date],
    ...(options.author ? [[t.author, esc(options.author)] as [string, string]] : []),
    ...(options.organisation ? [[t.organisation, esc(options.organisation)] as [string, string]] : []),
    [t.dataset, esc(input.dataset.name)],
    [t.source, esc(input.dataset.source)],
  ];
  const ctx: SectionContext = {
    lang, config: input.config, aliases, movement: c.movement, changedSchoolIds: c.changedSchoolIds,
    table: compareIndicators(applyPrivacy(input.before, threshold), applyPrivacy(input.after, threshold)),
    text: travelTextOverrides(input.travel, lang),
  };
  const changedIndex = c.changedCatchments.map((i) => ({ index: i, name: nameFor(aliases, input.network.schoolIds[i], schoolsById.get(input.network.schoolIds[i])?.name ?? input.network.schoolIds[i]) }));
  const footer = [input.scenarioName, options.organisation, options.author, date].filter(Boolean).join(' · ');
  return `<!DOCTYPE html>
<html lang="${lang}"><head><meta charset="utf-8"><title>${esc(t.title)} – ${esc(input.scenarioName)}</title>
<style>${reportCss({ footer, page: t.page })}</style></head>
<body><main>
<header class="title-block"><h1>${esc(t.title)}</h1>
<table class="meta"><tbody>${meta.map(([k, v]) => `<tr><th>${esc(k)}</th><td>${v}</td></tr>`).join('')}</tbody></table></header>
${summarySection(ctx)}
${input.yearsSection ?? ''}
<section class="details"><h2>${esc(t.details)}</h2>
<section class="map"><h3>${esc(t.map)}</h3>${map.svg}
<p class="legend"><span class="key grey"></span>${esc(t.legendCatchments)} <span class="key strong"></span>${esc(t.legendChanged)} <span class="key hatch"></span>${esc(t.legendArea)} <span class="key dot"></span>${esc(t.legendSchools)}</p>
${map.dropped > 0 ? `<p class="note">${esc(fill(t.labelsDropped, { n: map.dropped }))}</p>` : ''}</section>
<section class="school-section"><h3>${esc(t.schoolsDetail)}</h3>
${schoolDetails(ctx)}</section>
${input.travel ? travelSection(input.travel, changedIndex, lang, threshold) : ''}
${feederSection({ tables: input.feeders ?? [], names: new Map([...schoolsById].map(([id, x]) => [id, x.name])), aliases, threshold, lang, share: DEFAULT_SPLIT_SHARE })}
<section class="index-section"><h3>${esc(t.allIndices)}</h3>
${indexDetails(ctx.table.indices, ctx)}</section>
<section class="caveats keep"><h3>${esc(t.caveats)}</h3><ul>${caveats(input, lang).map((x) => `<li>${esc(x)}</li>`).join('')}</ul></section>
</section>
<footer>${esc(t.generated)}</footer>
</main></body></html>
`;
}

/** The network's schools opened by records (not in the dataset), in network order. */
function openedSchoolsOf(engine: ScenarioEngine, networkId: string): School[] {
  const own = new Set(engine.dataset.schools.map((d) => d.id));
  return engine.schoolsInYear(networkId).filter((x) => !own.has(x.id));
}

/** The years section of the engine's network for the picked years inside the projection. */
function yearsSectionOf(engine: ScenarioEngine, networkId: string, options: ReportOptions): string {
  const years = [...new Set(options.years)].filter((y) => y >= engine.baseYear && y <= engine.lastYear);
  const aliases = options.anonymise ? schoolAliases([...engine.dataset.schools, ...openedSchoolsOf(engine, networkId)], options.language ?? 'fi') : null;
  return yearsSection({ source: engine, networkId, level: engine.network(networkId).level, config: engine.config, projects: engine.housingProjects(), years, lang: options.language ?? 'fi', aliases, forecastName: engine.forecast?.name ?? null });
}

/**
 * The report of an engine's current state of a network against its baseline.
 * @param scenario name and description shown in the report
 */
export function impactReportForEngine(engine: ScenarioEngine, networkId: string, scenario: { name: string; description?: string },
  options: ReportOptions & CompareOptions = {}): Result<string> {
  const comparison = compareWithBaseline(engine, networkId, options);
  if (!comparison.ok) return comparison;
  const html = impactReportHtml({
    scenarioName: scenario.name,
    scenarioDescription: scenario.description,
    dataset: engine.dataset,
    config: engine.config,
    network: engine.network(networkId),
    before: engine.baselineIndicators(networkId),
    after: engine.indicators(networkId),
    catchmentsBefore: engine.dataset.partitions[networkId].catchments,
    catchmentsAfter: engine.catchments(networkId),
    comparison: comparison.value,
    yearsSection: options.years?.length ? yearsSectionOf(engine, networkId, options) : undefined,
    feeders: engine.feeders(engine.year).filter((f) => f.lowerNetwork === networkId || f.upperNetwork === networkId),
    openedSchools: openedSchoolsOf(engine, networkId),
    travel: options.travel,
  }, options);
  return ok(html, comparison.warnings);
}
