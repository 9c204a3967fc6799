/**
 * Sections of the impact report as HTML strings: the one-page summary (what changes, for how
 * many children, the pupil bases that shift most, index D before and after with a reading,
 * trips over the legal limit, the main caveats) and the details (every index with a short
 * reading, the schools whose figures change). Every figure comes privacy-applied.
 */
import type { IndexComparison, IndicatorComparison, SchoolComparison, ValueChange } from '../compare/compare-indicators';
import type { IndicatorConfig } from '../config/indicator-config';
import type { MovementSummary } from '../compare/movement';
import { nameFor } from './anonymise';
import type { ReportLanguage } from './anonymise';
import { changeSentence, changeSize, formatNumber, INDEX_NAMES, NEGLIGIBLE_CHANGE } from './change-sentence';
import { fill, REPORT_TEXT, type ReportText } from './report-text';
import { statusNote } from './report-status';

export const esc = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** A whole count with grouped digits (narrow no-break space in fi/sv, comma in en); "<t" below the threshold. */
export function reportCount(value: number | null, threshold: number, language: ReportLanguage): string {
  if (value === null || Number.isNaN(value) || (value > 0 && value < threshold)) return `&lt;${threshold}`;
  const digits = String(Math.round(Math.abs(value)));
  return (value < 0 && Math.round(value) !== 0 ? '−' : '') + digits.replace(/\B(?=(\d{3})+(?!\d))/g, language === 'en' ? ',' : '\u202f');
}

export function percent(value: number | null, language: ReportLanguage, decimals = 1): string {
  return value === null ? '–' : `${formatNumber(value * 100, language, decimals)}\u00a0%`;
}

export interface SectionContext {
  lang: ReportLanguage;
  config: IndicatorConfig;
  /** Privacy-applied comparison of before and after. */
  table: IndicatorComparison;
  movement: MovementSummary;
  changedSchoolIds: string[];
  aliases: Map<string, string> | null;
  /** Texts replacing the language's (e.g. trips along the streets instead of straight lines: report-travel.ts). */
  text?: Partial<ReportText>;
}

const threshold = (c: SectionContext) => c.config.privacyThreshold;
const shareLabel = (c: SectionContext, id: string) => c.config.shares.find((d) => d.id === id)?.label[c.lang] ?? id;
const groupLabel = (c: SectionContext, kind: string, id: string) => (kind === 'two-group' ? c.config.shares : c.config.multigroup).find((d) => d.id === id)?.label[c.lang] ?? id;

/** The share of a school that changes most (percentage points), when any is shown. */
function biggestShareChange(s: SchoolComparison): { id: string; v: ValueChange } | null {
  let best: { id: string; v: ValueChange } | null = null;
  for (const [id, v] of Object.entries(s.shares)) if (v.change !== null && (!best || Math.abs(v.change) > Math.abs(best.v.change!))) best = { id, v };
  return best;
}

function shiftScore(s: SchoolComparison): number {
  const share = biggestShareChange(s);
  const rel = s.children.a && s.children.change !== null ? Math.abs(s.children.change) / Math.max(s.children.a, 1) : 0;
  return (share ? Math.abs(share.v.change!) : 0) + rel;
}

/** "100 → 180 (+80)" */
function countChange(v: ValueChange, c: SectionContext): string {
  const t = threshold(c);
  const d = v.change === null ? '' : ` (${v.change > 0 ? '+' : ''}${reportCount(v.change, 0, c.lang)})`;
  return `${reportCount(v.a, t, c.lang)} → ${reportCount(v.b, t, c.lang)}${v.a === null || v.b === null ? '' : d}`;
}

function shareChange(v: ValueChange, c: SectionContext): string {
  const pp = v.change === null ? '' : ` (${formatNumber(v.change * 100, c.lang, 1, true)} ${c.lang === 'fi' ? '%-yks.' : c.lang === 'sv' ? 'p.e.' : 'pp'})`;
  return `${percent(v.a, c.lang)} → ${percent(v.b, c.lang)}${pp}`;
}

/** The summary page (meant to fit one A4 page). */
export function summarySection(c: SectionContext): string {
  const t = { ...REPORT_TEXT[c.lang], ...c.text };
  const m = c.movement;
  const km = formatNumber(m.limitMetres / 1000, c.lang, m.limitMetres % 1000 === 0 ? 0 : 1);
  const n = c.changedSchoolIds.length;
  const what = n === 0 ? t.whatChangesNone : fill(t.whatChanges, { n, children: reportCount(m.movedChildren, threshold(c), c.lang) });
  const changed = new Set(c.changedSchoolIds);
  const top = c.table.schools.filter((s) => changed.has(s.id)).sort((a, b) => shiftScore(b) - shiftScore(a)).slice(0, 3);
  const shifts = top.length === 0 ? '' : `<h3>${esc(t.shiftsMost)}</h3>
<table class="shifts"><thead><tr><th>${esc(t.school)}</th><th>${esc(t.children)}</th><th>${esc(t.biggestShare)}</th></tr></thead><tbody>${top.map((s) => {
    const b = biggestShareChange(s);
    return `<tr><td>${esc(nameFor(c.aliases, s.id, s.name) + statusNote(s.status, c.lang))}</td><td class="num">${countChange(s.children, c)}</td><td>${b ? `${esc(shareLabel(c, b.id))}: ${shareChange(b.v, c)}` : '–'}</td></tr>`;
  }).join('')}</tbody></table>`;
  const dRows = c.table.indices.filter((r) => r.kind === 'two-group' && r.index === 'D');
  const moved = dRows.filter((r) => r.value.change !== null && Math.abs(r.value.change) >= NEGLIGIBLE_CHANGE);
  const readings = moved.length === 0 ? `<p>${esc(t.readingAllSame)}</p>` : `<ul class="readings">${moved.map((r) => `<li>${esc(changeSentence('D', groupLabel(c, r.kind, r.group).toLowerCase(), r.value.a!, r.value.b!, c.lang))}</li>`).join('')}</ul>`;
  const dTable = `<table class="indices"><thead><tr><th>${esc(t.group)}</th><th>${esc(t.before)}</th><th>${esc(t.after)}</th><th>${esc(t.change)}</th></tr></thead><tbody>${dRows.map((r) => indexCells(esc(groupLabel(c, r.kind, r.group)), r.value, c, false)).join('')}</tbody></table>`;
  const count = (x: number) => reportCount(x, threshold(c), c.lang);
  return `<section class="summary-page">
<h2>${esc(t.summary)}</h2>
<p class="lead">${what}</p>
${shifts}
<div class="keep"><h3>${esc(t.segregation)}</h3>${dTable}${readings}</div>
<div class="keep"><h3>${esc(fill(t.trips, { km }))}</h3>
<table class="summary"><thead><tr><th></th><th>${esc(t.before)}</th><th>${esc(t.after)}</th></tr></thead><tbody>
<tr><th>${esc(fill(t.overLimitAll, { km }))}</th><td class="num">${count(m.totalOverLimitA)}</td><td class="num">${count(m.totalOverLimitB)}</td></tr>
<tr><th>${esc(fill(t.overLimitMoved, { km }))}</th><td class="num">${count(m.movedOverLimitA)}</td><td class="num">${count(m.movedOverLimitB)}</td></tr>
</tbody></table><p class="note">${esc(t.tripsNote)}</p></div>
<div class="keep"><h3>${esc(t.keyCaveats)}</h3><ul class="caveats-short"><li>${esc(t.caveatEcological)}</li><li>${esc(t.caveatStraightLine)}</li><li>${esc(fill(t.caveatPrivacy, { t: threshold(c) }))}</li></ul></div>
</section>`;
}

/** A short reading of one index change: "laski: koulujen väliset erot pienenevät", or "ennallaan". */
function reading(index: string, v: ValueChange, c: SectionContext): string {
  if (v.a === null || v.b === null) return '';
  if (changeSize(v.b - v.a) === 'negligible') return REPORT_TEXT[c.lang].unchanged;
  const sentence = changeSentence(index, 'x', v.a, v.b, c.lang);
  // "<name> (x) <verb> a → b (±d): <meaning>." → "<verb>: <meaning>"
  const m = /\(x\) (.+?) [−\d].*?\): (.+)\.$/.exec(sentence);
  return m ? `${m[1]}: ${m[2]}` : '';
}

function indexCells(name: string, v: ValueChange, c: SectionContext, withReading: boolean, index = 'D'): string {
  const t = REPORT_TEXT[c.lang];
  if (v.a === null || v.b === null) return `<tr><td>${name}</td><td colspan="${withReading ? 4 : 3}">${esc(t.hidden)}</td></tr>`;
  const r = withReading ? `<td>${esc(reading(index, v, c))}</td>` : '';
  return `<tr><td>${name}</td><td class="num">${formatNumber(v.a, c.lang)}</td><td class="num">${formatNumber(v.b, c.lang)}</td><td class="num">${formatNumber(v.b - v.a, c.lang, 3, true)}</td>${r}</tr>`;
}

/** Every index, grouped by share or partition, with a short reading per row. */
export function indexDetails(rows: IndexComparison[], c: SectionContext): string {
  const t = REPORT_TEXT[c.lang];
  const groups = [...new Set(rows.map((r) => `${r.kind}\u0000${r.group}`))];
  return groups.map((g) => {
    const [kind, group] = g.split('\u0000');
    const body = rows.filter((r) => r.kind === kind && r.group === group).map((r) => indexCells(esc(INDEX_NAMES[c.lang][r.index] ?? r.index), r.value, c, true, r.index)).join('');
    return `<div class="keep"><h3>${esc(groupLabel(c, kind, group))} <small>(${esc(kind === 'two-group' ? t.twoGroup : t.multigroup)})</small></h3>
<table class="indices"><thead><tr><th>${esc(t.index)}</th><th>${esc(t.before)}</th><th>${esc(t.after)}</th><th>${esc(t.change)}</th><th>${esc(t.interpretation)}</th></tr></thead><tbody>${body}</tbody></table></div>`;
  }).join('\n');
}

/** The schools whose catchment changes: children, utilisation and every share before → after. */
export function schoolDetails(c: SectionContext): string {
  const t = REPORT_TEXT[c.lang];
  const changed = new Set(c.changedSchoolIds);
  const rows = c.table.schools.filter((s) => changed.has(s.id));
  if (rows.length === 0) return `<p>${esc(t.noAffected)}</p>`;
  const shares = c.config.shares;
  const pair = (v: ValueChange, show: (x: number | null) => string) => `${show(v.a)} → ${show(v.b)}`;
  const head = `<tr><th>${esc(t.school)}</th><th>${esc(t.children)}</th><th>${esc(t.utilisation)}</th>${shares.map((s) => `<th>${esc(s.label[c.lang])}</th>`).join('')}</tr>`;
  const body = rows.map((s) => `<tr><td>${esc(nameFor(c.aliases, s.id, s.name) + statusNote(s.status, c.lang))}</td><td class="num">${pair(s.children, (x) => reportCount(x, threshold(c), c.lang))}</td><td class="num">${pair(s.utilisation, (x) => percent(x, c.lang, 0))}</td>${shares.map((d) => `<td class="num">${pair(s.shares[d.id], (x) => percent(x, c.lang))}</td>`).join('')}</tr>`).join('');
  const others = c.table.schools.length - rows.length;
  return `<table class="schools"><thead>${head}</thead><tbody>${body}</tbody></table>${others > 0 ? `<p>${esc(fill(t.unchangedSchools, { n: others }))}</p>` : ''}`;
}
