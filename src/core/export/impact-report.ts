/**
 * The printable segregation impact assessment ("segregaatiovaikutusten ennakkoarviointi"):
 * one self-contained HTML string (inline CSS with @media print, A4) with the scenario, date
 * and data source, a map of the changes (inline SVG), every index before and after with a
 * plain-language sentence (change-sentence.ts), the pupil base of the affected schools before
 * and after, children changing school and straight-line trips over the limit, and the caveats.
 * Privacy is applied to every figure; school names can be replaced by "Koulu A", "Koulu B", …
 */
import type { IndicatorConfig } from '../config/indicator-config';
import { compareIndicators } from '../compare/compare-indicators';
import type { IndexComparison, ValueChange } from '../compare/compare-indicators';
import { compareWithBaseline } from '../compare/compare-scenarios';
import type { CompareOptions, ScenarioComparison } from '../compare/compare-scenarios';
import { subtract, unionAll } from '../geometry/boolean-ops';
import type { NetworkIndicators } from '../indicators/indicator-types';
import type { Dataset } from '../model/dataset';
import type { MultiPolygon } from '../model/geometry-types';
import type { Result } from '../model/result';
import { ok } from '../model/result';
import type { Network } from '../model/school';
import { applyPrivacy } from '../pupil-base/privacy';
import type { ScenarioEngine } from '../scenario/scenario-engine';
import { nameFor, schoolAliases } from './anonymise';
import type { ReportLanguage } from './anonymise';
import { changeSentence, formatNumber, INDEX_NAMES } from './change-sentence';
import { reportMapSvg } from './report-map-svg';
import { fill, REPORT_TEXT } from './report-text';
import { REPORT_CSS } from './report-style';

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
}

export interface ReportOptions {
  language?: ReportLanguage;
  /** Workshop anonymisation: school names become "Koulu A", "Koulu B", … (dataset order). */
  anonymise?: boolean;
  /** Date of the report, ISO 8601 (default: today). */
  date?: string;
}

const esc = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** A whole count with grouped digits (narrow no-break space in fi/sv, comma in en); "<t" below the threshold. */
export function reportCount(value: number | null, threshold: number, language: ReportLanguage): string {
  if (value === null || Number.isNaN(value) || (value > 0 && value < threshold)) return `&lt;${threshold}`;
  const digits = String(Math.round(value));
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, language === 'en' ? ',' : '\u202f');
}

function percent(value: number | null, language: ReportLanguage, decimals = 1): string {
  return value === null ? '–' : `${formatNumber(value * 100, language, decimals)} %`;
}

function reportDate(iso: string, language: ReportLanguage): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  if (!m) return esc(iso);
  return language === 'en' ? `${m[1]}-${m[2]}-${m[3]}` : `${Number(m[3])}.${Number(m[2])}.${m[1]}`;
}

function indexSection(rows: IndexComparison[], input: ImpactReportInput, lang: ReportLanguage): string {
  const t = REPORT_TEXT[lang];
  const label = (kind: string, group: string): string =>
    (kind === 'two-group' ? input.config.shares : input.config.multigroup).find((d) => d.id === group)?.label[lang] ?? group;
  const groups = [...new Set(rows.map((r) => `${r.kind}\u0000${r.group}`))];
  return groups.map((g) => {
    const [kind, group] = g.split('\u0000');
    const name = label(kind, group);
    const body = rows.filter((r) => r.kind === kind && r.group === group).map((r) => {
      const v = r.value;
      const indexName = INDEX_NAMES[lang][r.index] ?? r.index;
      if (v.a === null || v.b === null) return `<tr><td>${esc(indexName)}</td><td colspan="4">${esc(t.hidden)}</td></tr>`;
      return `<tr><td>${esc(indexName)}</td><td class="num">${formatNumber(v.a, lang)}</td><td class="num">${formatNumber(v.b, lang)}</td><td class="num">${formatNumber(v.b - v.a, lang, 3, true)}</td><td>${esc(changeSentence(r.index, name.toLowerCase(), v.a, v.b, lang))}</td></tr>`;
    }).join('');
    return `<h3>${esc(name)} <small>(${esc(kind === 'two-group' ? t.twoGroup : t.multigroup)})</small></h3>
<table class="indices"><thead><tr><th>${esc(t.index)}</th><th>${esc(t.before)}</th><th>${esc(t.after)}</th><th>${esc(t.change)}</th><th>${esc(t.interpretation)}</th></tr></thead><tbody>${body}</tbody></table>`;
  }).join('\n');
}

function pair(v: ValueChange, show: (x: number | null) => string): string {
  return `${show(v.a)} → ${show(v.b)}`;
}

function schoolsSection(input: ImpactReportInput, lang: ReportLanguage, aliases: Map<string, string> | null): string {
  const t = REPORT_TEXT[lang];
  const threshold = input.config.privacyThreshold;
  const table = compareIndicators(applyPrivacy(input.before, threshold), applyPrivacy(input.after, threshold));
  const affected = new Set(input.comparison.changedSchoolIds);
  const rows = table.schools.filter((s) => affected.has(s.id));
  if (rows.length === 0) return `<p>${esc(t.noAffected)}</p>`;
  const shares = input.config.shares;
  const head = `<tr><th>${esc(t.school)}</th><th>${esc(t.children)}</th><th>${esc(t.utilisation)}</th>${shares.map((s) => `<th>${esc(s.label[lang])}</th>`).join('')}</tr>`;
  const body = rows.map((s) => `<tr><td>${esc(nameFor(aliases, s.id, s.name))}</td><td class="num">${pair(s.children, (x) => reportCount(x, threshold, lang))}</td><td class="num">${pair(s.utilisation, (x) => percent(x, lang, 0))}</td>${shares.map((d) => `<td class="num">${pair(s.shares[d.id], (x) => percent(x, lang))}</td>`).join('')}</tr>`).join('');
  return `<table class="schools"><thead>${head}</thead><tbody>${body}</tbody></table>`;
}

function caveats(input: ImpactReportInput, lang: ReportLanguage): string[] {
  const t = REPORT_TEXT[lang];
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
  const aliases = options.anonymise ? schoolAliases(input.dataset.schools, lang) : null;
  const schoolsById = new Map(input.dataset.schools.map((s) => [s.id, s]));
  const c = input.comparison;
  const gains = c.changedCatchments.map((i) => subtract(input.catchmentsAfter[i] ?? [], input.catchmentsBefore[i] ?? []));
  const map = reportMapSvg({
    title: t.map,
    catchments: input.catchmentsAfter,
    changed: c.changedCatchments,
    changedArea: gains.length ? unionAll(...gains) : [],
    schools: input.network.schoolIds.map((id) => ({ label: nameFor(aliases, id, schoolsById.get(id)?.name ?? id), location: schoolsById.get(id)!.location })),
    boundary: input.dataset.boundary,
  });
  const km = formatNumber(c.movement.limitMetres / 1000, lang, c.movement.limitMetres % 1000 === 0 ? 0 : 1);
  const count = (x: number): string => reportCount(x, threshold, lang);
  const meta: [string, string][] = [
    [t.scenario, esc(input.scenarioName)],
    ...(input.scenarioDescription ? [[t.description, esc(input.scenarioDescription)] as [string, string]] : []),
    [t.network, esc(input.network.labels?.[lang] ?? input.network.label)],
    [t.date, reportDate(options.date ?? new Date().toISOString(), lang)],
    [t.dataset, esc(input.dataset.name)],
    [t.source, esc(input.dataset.source)],
    [t.preset, esc(input.config.preset)],
  ];
  const pub = compareIndicators(applyPrivacy(input.before, threshold), applyPrivacy(input.after, threshold));
  return `<!DOCTYPE html>
<html lang="${lang}"><head><meta charset="utf-8"><title>${esc(t.title)} – ${esc(input.scenarioName)}</title>
<style>${REPORT_CSS}</style></head>
<body><main>
<h1>${esc(t.title)}</h1>
<table class="meta"><tbody>${meta.map(([k, v]) => `<tr><th>${esc(k)}</th><td>${v}</td></tr>`).join('')}</tbody></table>
<section class="map"><h2>${esc(t.map)}</h2>${map}
<p class="legend"><span class="key grey"></span>${esc(t.legendCatchments)} <span class="key strong"></span>${esc(t.legendChanged)} <span class="key hatch"></span>${esc(t.legendArea)} <span class="key dot"></span>${esc(t.legendSchools)}</p></section>
<section class="movement"><h2>${esc(t.movement)}</h2>
<table class="summary"><thead><tr><th></th><th>${esc(t.before)}</th><th>${esc(t.after)}</th></tr></thead><tbody>
<tr><th>${esc(t.movedChildren)}</th><td class="num" colspan="2">${count(c.movement.movedChildren)}</td></tr>
<tr><th>${esc(fill(t.overLimitAll, { km }))}</th><td class="num">${count(c.movement.totalOverLimitA)}</td><td class="num">${count(c.movement.totalOverLimitB)}</td></tr>
<tr><th>${esc(fill(t.overLimitMoved, { km }))}</th><td class="num">${count(c.movement.movedOverLimitA)}</td><td class="num">${count(c.movement.movedOverLimitB)}</td></tr>
</tbody></table></section>
<section class="index-section"><h2>${esc(t.indices)}</h2>
${indexSection(pub.indices, input, lang)}</section>
<section class="school-section"><h2>${esc(t.schools)}</h2>
${schoolsSection(input, lang, aliases)}</section>
<section class="caveats"><h2>${esc(t.caveats)}</h2><ul>${caveats(input, lang).map((x) => `<li>${esc(x)}</li>`).join('')}</ul></section>
<footer>${esc(t.generated)}</footer>
</main></body></html>
`;
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
  }, options);
  return ok(html, comparison.warnings);
}
