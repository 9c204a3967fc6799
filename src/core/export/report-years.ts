/**
 * The impact report's section on the years ahead (issue 9): the scenario's housing projects (with
 * the pupils each adds in the years the user picked) and the projected pupil base and dissimilarity
 * index D per share in those years, the scenario against the baseline of the same year. Figures come
 * privacy-applied from core/projection/year-series.ts. Texts in the three report languages here,
 * not in report-text.ts, so the section stays self-contained.
 */
import type { IndicatorConfig } from '../config/indicator-config';
import { projectPupils } from '../housing/project-pupils';
import type { YearSeriesSource } from '../projection/year-series';
import { networkYearSeries } from '../projection/year-series';
import type { HousingProjectRecord } from '../scenario/edit';
import type { ReportLanguage } from './anonymise';
import { nameFor } from './anonymise';
import { formatNumber } from './change-sentence';
import { esc, reportCount } from './report-sections';

const TEXT = {
  fi: {
    title: 'Tulevat vuodet', housing: 'Asuntohankkeet', none: 'Skenaariossa ei ole asuntohankkeita.', name: 'Hanke', dwellings: 'Asuntoja', tenure: 'Hallintamuoto',
    type: 'Talotyyppi', completed: 'Valmistuu', pupils: 'Oppilaita lisää vuonna {y}', projected: 'Ennustettu oppilaspohja ja indeksit', year: 'Lukuvuosi',
    children: 'Lapsia (skenaario)', baseline: 'Lapsia (lähtötilanne)', change: 'Muutos', dIndex: 'D: {share}', schools: 'Koulut, joiden lapsimäärä muuttuu eniten',
    forecast: 'Missä kaupungin ennusteessa ”{name}” on luku, sitä käytetään kohorttimallin sijaan.',
    school: 'Koulu', capacity: 'Kapasiteetti', model: 'Ennuste: kohorttimalli (ikäluokat vanhenevat vuosittain, pysyvyys- ja syntyvyyskertoimet asetuksista) ja asuntohankkeiden oppilaat tuottokertoimin. Osuudet oletetaan ennallaan. Ennuste ei ole tosiasia.',
    tenures: { owner: 'omistus', social_rental: 'ARA-vuokra', right_of_occupancy: 'asumisoikeus', market_rental: 'vapaarahoitteinen vuokra' },
    types: { detached: 'erillistalo', terraced: 'rivitalo', block: 'kerrostalo' },
  },
  sv: {
    title: 'De kommande åren', housing: 'Bostadsprojekt', none: 'Scenariot har inga bostadsprojekt.', name: 'Projekt', dwellings: 'Bostäder', tenure: 'Upplåtelseform',
    type: 'Hustyp', completed: 'Klart', pupils: 'Tillkommande elever {y}', projected: 'Prognos för elevunderlag och index', year: 'Läsår',
    children: 'Barn (scenario)', baseline: 'Barn (utgångsläge)', change: 'Förändring', dIndex: 'D: {share}', schools: 'Skolor vars barnantal ändras mest',
    forecast: 'Där stadens prognos ”{name}” har en siffra används den i stället för kohortmodellen.',
    school: 'Skola', capacity: 'Kapacitet', model: 'Prognos: kohortmodell (åldersklasserna åldras årligen, kvarboende- och födelsefaktorer enligt inställningarna) och bostadsprojektens elever enligt elevtal per bostad. Andelarna antas oförändrade. En prognos är inget faktum.',
    tenures: { owner: 'ägarbostad', social_rental: 'ARA-hyresbostad', right_of_occupancy: 'bostadsrätt (asumisoikeus)', market_rental: 'fritt finansierad hyresbostad' },
    types: { detached: 'fristående hus', terraced: 'radhus', block: 'flervåningshus' },
  },
  en: {
    title: 'The years ahead', housing: 'Housing projects', none: 'The scenario has no housing projects.', name: 'Project', dwellings: 'Dwellings', tenure: 'Tenure',
    type: 'Building type', completed: 'Completed', pupils: 'Pupils added in {y}', projected: 'Projected pupil base and indices', year: 'School year',
    children: 'Children (scenario)', baseline: 'Children (baseline)', change: 'Change', dIndex: 'D: {share}', schools: 'Schools whose children change most',
    forecast: 'Where the city’s forecast “{name}” has a figure, it is used instead of the cohort model.',
    school: 'School', capacity: 'Capacity', model: 'Projection: cohort model (age groups age each year; retention and birth factors from the configuration) and the pupils of housing projects by yield per dwelling. Composition shares are held constant. A projection is not a fact.',
    tenures: { owner: 'owner-occupied', social_rental: 'social rental (ARA)', right_of_occupancy: 'right of occupancy', market_rental: 'market rental' },
    types: { detached: 'detached', terraced: 'terraced', block: 'block of flats' },
  },
} as const;

export interface YearsSectionInput {
  source: YearSeriesSource;
  networkId: string;
  level: 'lower' | 'upper';
  config: IndicatorConfig;
  projects: HousingProjectRecord[];
  /** The years the user picked (each within the projection). */
  years: number[];
  lang: ReportLanguage;
  aliases: Map<string, string> | null;
  /** How many schools to list (largest absolute change over the picked years first). */
  topSchools?: number;
  /** The city's forecast in use (its name), said in the note; null or absent: the cohort model alone. */
  forecastName?: string | null;
}

const fill = (s: string, v: Record<string, string | number>) => s.replace(/\{(\w+)\}/g, (_, k: string) => String(v[k] ?? ''));

/** The section as HTML (an h2 and its tables). */
export function yearsSection(input: YearsSectionInput): string {
  const t = TEXT[input.lang];
  const threshold = input.config.privacyThreshold;
  const years = [...input.years].sort((a, b) => a - b);
  const count = (v: number | null) => reportCount(v, threshold, input.lang);
  const signed = (a: number | null, b: number | null) => (a === null || b === null ? '–' : `${a - b > 0.5 ? '+' : ''}${reportCount(a - b, 0, input.lang)}`);
  const pupils = input.projects.map((p) => projectPupils(p, input.config.housing, years)[input.level]);
  const housing = input.projects.length === 0 ? `<p>${esc(t.none)}</p>` : `<table class="housing"><thead><tr><th>${esc(t.name)}</th><th>${esc(t.dwellings)}</th><th>${esc(t.tenure)}</th><th>${esc(t.type)}</th><th>${esc(t.completed)}</th>${years.map((y) => `<th>${esc(fill(t.pupils, { y }))}</th>`).join('')}</tr></thead><tbody>${input.projects.map((p, i) =>
    `<tr><td>${esc(p.name)}</td><td class="num">${reportCount(p.dwellings, 0, input.lang)}</td><td>${esc(t.tenures[p.tenure])}</td><td>${esc(t.types[p.buildingType])}</td><td>${p.year}</td>${pupils[i].map((v) => `<td class="num">${formatNumber(v, input.lang, 1)}</td>`).join('')}</tr>`).join('')}</tbody></table>`;

  const series = networkYearSeries(input.source, input.networkId, threshold, years);
  const shares = input.config.shares.filter((s) => series.indices[s.id]);
  const projected = `<table class="years"><thead><tr><th>${esc(t.year)}</th><th>${esc(t.children)}</th><th>${esc(t.baseline)}</th><th>${esc(t.change)}</th>${shares.map((s) => `<th>${esc(fill(t.dIndex, { share: s.label[input.lang] }))}</th>`).join('')}</tr></thead><tbody>${years.map((y, i) =>
    `<tr><td>${y}</td><td class="num">${count(series.totalChildren.scenario[i])}</td><td class="num">${count(series.totalChildren.baseline[i])}</td><td class="num">${signed(series.totalChildren.scenario[i], series.totalChildren.baseline[i])}</td>${shares.map((s) => {
      const d = series.indices[s.id].D;
      return `<td class="num">${index(d.baseline[i], input.lang)} → ${index(d.scenario[i], input.lang)}</td>`;
    }).join('')}</tr>`).join('')}</tbody></table>`;

  const change = (s: (typeof series.schools)[number]) => Math.max(0, ...years.map((_, i) => Math.abs((s.children.scenario[i] ?? 0) - (s.children.baseline[i] ?? 0))));
  const top = [...series.schools].filter((s) => change(s) >= 0.5).sort((a, b) => change(b) - change(a)).slice(0, input.topSchools ?? 12);
  const schools = top.length === 0 ? '' : `<h3>${esc(t.schools)}</h3><table class="years-schools"><thead><tr><th>${esc(t.school)}</th><th>${esc(t.capacity)}</th>${years.map((y) => `<th>${y}</th>`).join('')}</tr></thead><tbody>${top.map((s) =>
    `<tr><td>${esc(nameFor(input.aliases, s.id, s.name))}</td><td class="num">${s.capacity.scenario[years.length - 1] ?? '–'}</td>${years.map((_, i) => `<td class="num">${count(s.children.scenario[i])} (${signed(s.children.scenario[i], s.children.baseline[i])})</td>`).join('')}</tr>`).join('')}</tbody></table>`;

  return `<section class="years-section"><h2>${esc(t.title)}</h2>
<div class="keep"><h3>${esc(t.housing)}</h3>${housing}</div>
<div class="keep"><h3>${esc(t.projected)}</h3>${projected}</div>
${schools}
<p class="note">${esc(t.model)}${input.forecastName ? ` ${esc(fill(t.forecast, { name: input.forecastName }))}` : ''}</p></section>`;
}

function index(v: number | null, lang: ReportLanguage): string {
  return v === null ? '–' : formatNumber(v, lang, 3);
}
