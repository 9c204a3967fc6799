/**
 * The impact report's feeder table (issue 10, docs/school-network.md "Feeders"): for each pair of a
 * grades 1–6 and a 7–9 network of the network's language, the children of each lower school by
 * upper school in the report's year, and the split feeders (a lower school sending more than the
 * chosen share to a second upper school). Privacy: a flow under the threshold prints as "<T";
 * school names follow the report's anonymisation.
 */
import type { FeederTable } from '../scenario/scenario-engine';
import type { ReportLanguage } from './anonymise';
import { nameFor } from './anonymise';
import { esc, reportCount } from './report-sections';

const TEXT: Record<ReportLanguage, { title: string; lower: string; upper: string; children: string; split: string; note: string }> = {
  fi: { title: 'Oppilasvirrat alakouluista yläkouluihin', lower: 'Alakoulu (1–6)', upper: 'Yläkoulu (7–9)', children: 'Lapsia', split: 'jakautuva', note: 'Jakautuva: yli {share} % alakoulun oppilaista menee toiseen yläkouluun.' },
  sv: { title: 'Elevströmmar från lågstadier till högstadier', lower: 'Lågstadium (1–6)', upper: 'Högstadium (7–9)', children: 'Barn', split: 'delad', note: 'Delad: över {share} % av lågstadiets elever går till en andra högstadieskola.' },
  en: { title: 'Feeders from grades 1–6 to grades 7–9', lower: 'Grades 1–6 school', upper: 'Grades 7–9 school', children: 'Children', split: 'split', note: 'Split: more than {share} % of the lower school\'s pupils go to a second upper school.' },
};

export interface FeederSectionInput {
  tables: FeederTable[];
  /** School id → name (opened schools included). */
  names: ReadonlyMap<string, string>;
  aliases: Map<string, string> | null;
  threshold: number;
  lang: ReportLanguage;
  /** Split threshold as a fraction (default 0.1). */
  share: number;
}

/** The section's HTML, or '' when no pair has flows. */
export function feederSection(input: FeederSectionInput): string {
  const t = TEXT[input.lang];
  const name = (id: string) => esc(nameFor(input.aliases, id, input.names.get(id) ?? id));
  const rows = input.tables.flatMap((table) => {
    const split = new Set(table.splitFeeders);
    return table.feeders.map((f) => `<tr><td>${name(f.lower)}${split.has(f.lower) ? ` <em>(${esc(t.split)})</em>` : ''}</td><td>${name(f.upper)}</td><td class="num">${reportCount(f.children, input.threshold, input.lang)}</td></tr>`);
  });
  if (rows.length === 0) return '';
  return `<section class="feeder-section"><h3>${esc(t.title)}</h3>
<table class="feeders"><thead><tr><th>${esc(t.lower)}</th><th>${esc(t.upper)}</th><th class="num">${esc(t.children)}</th></tr></thead><tbody>${rows.join('')}</tbody></table>
<p class="note">${esc(t.note.replace('{share}', String(Math.round(input.share * 100))))}</p></section>`;
}
