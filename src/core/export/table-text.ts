/**
 * Headers and notes of the school tables (CSV, XLSX) in Finnish, Swedish and English, and the
 * number format of the interface language for the "report" variant: fi/sv decimal comma
 * ("12,3 %"), en full stop ("12.3 %"). The "data" variant keeps ids, fractions and English
 * snake_case headers for scripts (export-format.ts).
 */
import type { ReportLanguage } from './anonymise';

export interface TableText {
  sheet: string;
  dataSheet: string;
  indicesSheet: string;
  notesSheet: string;
  network: string;
  year: string;
  school: string;
  capacity: string;
  children: string;
  utilisation: string;
  /** Name of the baseline and of the scenario columns when the table is baseline → scenario. */
  baseline: string;
  scenario: string;
  /** "Scenario" as a notes item. */
  scenarioLabel: string;
  change: string;
  /** Units in headers. */
  count: string;
  percent: string;
  points: string;
  index: string;
  group: string;
  item: string;
  note: string;
  source: string;
  date: string;
  hidden: string;
  caveat: string;
  ecological: string;
  aliases: string;
}

export const TABLE_TEXT: Record<ReportLanguage, TableText> = {
  fi: {
    sheet: 'Koulut', dataSheet: 'schools_data', indicesSheet: 'Indeksit', notesSheet: 'Huomiot',
    network: 'Kouluverkko', year: 'Vuosi', school: 'Koulu', capacity: 'Oppilaspaikat', children: 'Lapsia', utilisation: 'Käyttöaste',
    baseline: 'lähtötilanne', scenario: 'skenaario', scenarioLabel: 'Skenaario', change: 'muutos',
    count: 'lkm', percent: '%', points: '%-yks.', index: 'Indeksi', group: 'Ryhmä', item: 'Kohta', note: 'Huomio',
    source: 'Aineiston lähde', date: 'Päivämäärä',
    hidden: 'Alle {t} henkilöön perustuvia lukuja ei näytetä: lukumäärä on ”<{t}”, muut luvut tyhjiä.',
    caveat: 'Varauma',
    ecological: 'Luvut ovat ekologisia arvioita: ruutujen luvut on jaettu oppilaaksiottoalueille pinta-alan suhteessa; ne eivät ole oppilasrekisterin tietoja.',
    aliases: 'Koulujen nimet on korvattu tunnuksilla (Koulu A, Koulu B, …).',
  },
  sv: {
    sheet: 'Skolor', dataSheet: 'schools_data', indicesSheet: 'Index', notesSheet: 'Anmärkningar',
    network: 'Skolnätverk', year: 'År', school: 'Skola', capacity: 'Elevplatser', children: 'Barn', utilisation: 'Användningsgrad',
    baseline: 'utgångsläge', scenario: 'scenario', scenarioLabel: 'Scenario', change: 'förändring',
    count: 'antal', percent: '%', points: 'procentenheter', index: 'Index', group: 'Grupp', item: 'Punkt', note: 'Anmärkning',
    source: 'Datakälla', date: 'Datum',
    hidden: 'Siffror som vilar på färre än {t} personer visas inte: antal är ”<{t}”, andra siffror är tomma.',
    caveat: 'Förbehåll',
    ecological: 'Siffrorna är ekologiska uppskattningar: rutornas värden har fördelats på upptagningsområdena efter areal; de är inte elevregisteruppgifter.',
    aliases: 'Skolornas namn har ersatts med koder (Skola A, Skola B, …).',
  },
  en: {
    sheet: 'Schools', dataSheet: 'schools_data', indicesSheet: 'Indices', notesSheet: 'Notes',
    network: 'School network', year: 'Year', school: 'School', capacity: 'Pupil places', children: 'Children', utilisation: 'Utilisation',
    baseline: 'baseline', scenario: 'scenario', scenarioLabel: 'Scenario', change: 'change',
    count: 'count', percent: '%', points: 'percentage points', index: 'Index', group: 'Group', item: 'Item', note: 'Note',
    source: 'Data source', date: 'Date',
    hidden: 'Figures resting on fewer than {t} people are hidden: counts read "<{t}", other figures are blank.',
    caveat: 'Caveat',
    ecological: 'Figures are ecological estimates: grid-cell counts are apportioned to catchments by area; they are not pupil registers.',
    aliases: 'School names are replaced by aliases (School A, School B, …).',
  },
};

/** A number with `decimals` decimals in the language's convention (decimal comma in fi/sv); ASCII minus so spreadsheets read it. */
export function localeNumber(value: number, language: ReportLanguage, decimals: number): string {
  let s = value.toFixed(decimals);
  if (/^-0\.?0*$/.test(s)) s = s.slice(1);
  return language === 'en' ? s : s.replace('.', ',');
}

/** A fraction as a percentage: 0.1234 → "12,3 %" (fi, sv) or "12.3 %" (en). */
export function localePercent(fraction: number, language: ReportLanguage, decimals = 1): string {
  return `${localeNumber(fraction * 100, language, decimals)} %`;
}
