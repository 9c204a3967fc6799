/**
 * The impact report's section on school trips (issue 11): the network's travel figures before
 * and after with the change (mean, median, 90th percentile and longest trip; children over 5 km;
 * the share whose catchment school is also their nearest) and the mean trip and children over
 * 5 km of each school whose catchment changes. Figures come privacy-applied (travel-privacy.ts).
 * Also the wording of the report's trip figures when trips run along the streets.
 */
import type { PublicNetworkTravel, PublicSchoolTravel } from '../travel/travel-privacy';
import type { ReportLanguage } from './anonymise';
import { esc, percent, reportCount } from './report-sections';
import type { ReportText } from './report-text';

export interface ReportTravel {
  straightLine: boolean;
  before: { network: PublicNetworkTravel; schools: PublicSchoolTravel[] };
  after: { network: PublicNetworkTravel; schools: PublicSchoolTravel[] };
}

const TEXT: Record<ReportLanguage, Record<string, string>> = {
  fi: {
    title: 'Koulumatkat', streets: 'Matkat on mitattu kävellen katuverkkoa pitkin (linnuntietä verkon ulkopuolisille ruuduille).',
    straight: 'Matkat ovat linnuntie-etäisyyksiä (katuverkkoa ei ole annettu).', figure: 'Luku', before: 'Ennen', after: 'Jälkeen', change: 'Muutos',
    mean: 'Keskimääräinen matka, km', median: 'Matkan mediaani, km', p90: 'Matkan 90. persentiili, km', max: 'Pisin matka, km',
    over5: 'Lapsia, joiden matka on yli 5 km', nearest: 'Lapset, joiden alueen koulu on myös lähin', school: 'Koulu',
    overLimitAll: 'Lapsia, joiden koulumatka on yli {km} km (katuverkkoa pitkin)',
    caveat: 'Koulumatkat on mitattu lyhintä käveltävää reittiä katuverkkoa pitkin ruudun keskipisteestä koululle; verkon ulkopuoliset ruudut linnuntietä.',
  },
  sv: {
    title: 'Skolvägar', streets: 'Vägarna är mätta till fots längs gatunätet (fågelvägen för rutor utanför nätet).',
    straight: 'Vägarna är fågelvägsavstånd (inget gatunät angivet).', figure: 'Tal', before: 'Före', after: 'Efter', change: 'Ändring',
    mean: 'Genomsnittlig väg, km', median: 'Medianväg, km', p90: 'Vägens 90:e percentil, km', max: 'Längsta väg, km',
    over5: 'Barn med skolväg över 5 km', nearest: 'Barn vars områdesskola också är den närmaste', school: 'Skola',
    overLimitAll: 'Barn med skolväg över {km} km (längs gatunätet)',
    caveat: 'Skolvägarna är mätta längs den kortaste gångvägen i gatunätet från rutans mittpunkt till skolan; rutor utanför nätet fågelvägen.',
  },
  en: {
    title: 'School trips', streets: 'Trips are measured on foot along the street network (straight line for cells off the network).',
    straight: 'Trips are straight-line distances (no street network given).', figure: 'Figure', before: 'Before', after: 'After', change: 'Change',
    mean: 'Mean trip, km', median: 'Median trip, km', p90: '90th percentile trip, km', max: 'Longest trip, km',
    over5: 'Children with trips over 5 km', nearest: 'Children whose catchment school is their nearest', school: 'School',
    overLimitAll: 'Children with a school trip over {km} km (along the streets)',
    caveat: 'School trips are the shortest walking routes along the street network from the cell centre to the school; cells off the network by straight line.',
  },
};

/** Report texts that change when trips run along the streets (the summary's over-limit row and the caveat). */
export function travelTextOverrides(travel: ReportTravel | undefined, lang: ReportLanguage): Partial<ReportText> {
  if (!travel || travel.straightLine) return {};
  return { overLimitAll: TEXT[lang].overLimitAll, caveatStraightLine: TEXT[lang].caveat };
}

type Kind = 'km' | 'count' | 'share';

function cells(a: number | null | undefined, b: number | null | undefined, kind: Kind, lang: ReportLanguage, threshold: number): string {
  const fmt = (v: number, digits: number, signed = false) => new Intl.NumberFormat(lang === 'en' ? 'en-GB' : lang === 'sv' ? 'sv-FI' : 'fi-FI', { minimumFractionDigits: digits, maximumFractionDigits: digits, signDisplay: signed ? 'exceptZero' : 'auto' }).format(v).replace('-', '\u2212');
  const one = (v: number | null | undefined) =>
    v === null || v === undefined ? (kind === 'count' ? reportCount(null, threshold, lang) : '–') : kind === 'km' ? fmt(v / 1000, 1) : kind === 'share' ? percent(v, lang) : reportCount(v, threshold, lang);
  const both = a !== null && a !== undefined && b !== null && b !== undefined;
  const d = both ? (b as number) - (a as number) : null;
  const change = d === null ? '–' : kind === 'km' ? fmt(d / 1000, 1, true) : kind === 'share' ? `${fmt(d * 100, 1, true)} pp` : fmt(Math.round(d), 0, true);
  return `<td class="num">${one(a)}</td><td class="num">${one(b)}</td><td class="num">${change}</td>`;
}

/**
 * The section's HTML.
 * @param changed indices of the schools whose catchment changes, with their shown names
 */
export function travelSection(travel: ReportTravel, changed: { index: number; name: string }[], lang: ReportLanguage, threshold: number): string {
  const t = TEXT[lang];
  const rows: [string, keyof PublicNetworkTravel, Kind][] = [
    [t.mean, 'mean_m', 'km'], [t.median, 'median_m', 'km'], [t.p90, 'p90_m', 'km'], [t.max, 'max_m', 'km'],
    [t.over5, 'over_5km_children', 'count'], [t.nearest, 'nearest_school_share', 'share'],
  ];
  const value = (side: ReportTravel['before'], key: keyof PublicNetworkTravel) => side.network[key] as number | null;
  const head = `<tr><th>${esc(t.figure)}</th><th class="num">${esc(t.before)}</th><th class="num">${esc(t.after)}</th><th class="num">${esc(t.change)}</th></tr>`;
  const network = rows.map(([label, key, kind]) => `<tr><th>${esc(label)}</th>${cells(value(travel.before, key), value(travel.after, key), kind, lang, threshold)}</tr>`).join('');
  const schools = changed.length
    ? `<table class="data"><thead><tr><th rowspan="2">${esc(t.school)}</th><th colspan="3">${esc(t.mean)}</th><th colspan="3">${esc(t.over5)}</th></tr><tr><th class="num">${esc(t.before)}</th><th class="num">${esc(t.after)}</th><th class="num">${esc(t.change)}</th><th class="num">${esc(t.before)}</th><th class="num">${esc(t.after)}</th><th class="num">${esc(t.change)}</th></tr></thead><tbody>${changed
        .map(({ index, name }) => `<tr><th>${esc(name)}</th>${cells(travel.before.schools[index]?.mean_m, travel.after.schools[index]?.mean_m, 'km', lang, threshold)}${cells(travel.before.schools[index]?.over_5km_children, travel.after.schools[index]?.over_5km_children, 'count', lang, threshold)}</tr>`)
        .join('')}</tbody></table>`
    : '';
  return `<section class="travel-section keep"><h3>${esc(t.title)}</h3><p class="note">${esc(travel.straightLine ? t.straight : t.streets)}</p>
<table class="data"><thead>${head}</thead><tbody>${network}</tbody></table>${schools}</section>`;
}
