/**
 * Texts of the segregation impact report in Finnish, Swedish (best effort) and English.
 * `{x}` placeholders are filled by fill().
 */
import type { ReportLanguage } from './anonymise';

export interface ReportText {
  title: string;
  scenario: string;
  description: string;
  network: string;
  date: string;
  source: string;
  dataset: string;
  preset: string;
  map: string;
  legendCatchments: string;
  legendChanged: string;
  legendArea: string;
  legendSchools: string;
  movement: string;
  movedChildren: string;
  overLimitAll: string;
  overLimitMoved: string;
  before: string;
  after: string;
  change: string;
  indices: string;
  twoGroup: string;
  multigroup: string;
  index: string;
  interpretation: string;
  hidden: string;
  schools: string;
  school: string;
  children: string;
  utilisation: string;
  noAffected: string;
  caveats: string;
  caveatEcological: string;
  caveatStraightLine: string;
  caveatImputed: string;
  caveatEstimated: string;
  caveatPrivacy: string;
  caveatThresholds: string;
  generated: string;
  summary: string;
  whatChanges: string;
  whatChangesNone: string;
  shiftsMost: string;
  biggestShare: string;
  segregation: string;
  readingAllSame: string;
  trips: string;
  tripsNote: string;
  keyCaveats: string;
  details: string;
  allIndices: string;
  schoolsDetail: string;
  unchangedSchools: string;
  unchanged: string;
  author: string;
  organisation: string;
  year: string;
  page: string;
  labelsDropped: string;
  group: string;
}

export const REPORT_TEXT: Record<ReportLanguage, ReportText> = {
  fi: {
    title: 'Segregaatiovaikutusten ennakkoarviointi',
    scenario: 'Skenaario', description: 'Kuvaus', network: 'Kouluverkko', date: 'Päivämäärä', source: 'Aineiston lähde',
    dataset: 'Aineisto', preset: 'Indikaattorimääritys',
    map: 'Muutokset kartalla',
    legendCatchments: 'oppilaaksiottoalueet (ohut harmaa)', legendChanged: 'muuttuneet alueet (vahva ääriviiva)',
    legendArea: 'koulua vaihtava alue (vinoviivoitus)', legendSchools: 'koulut (pisteet)',
    movement: 'Koulua vaihtavat lapset', movedChildren: 'Lapsia, joiden lähikoulu vaihtuu',
    overLimitAll: 'Lapsia, joiden koulumatka on yli {km} km (linnuntietä)', overLimitMoved: 'Koulua vaihtavista yli {km} km:n matka',
    before: 'Ennen', after: 'Jälkeen', change: 'Muutos',
    indices: 'Eriytymisindeksit', twoGroup: 'Kahden ryhmän indeksit', multigroup: 'Monen ryhmän indeksit',
    index: 'Indeksi', interpretation: 'Tulkinta', hidden: 'Ei näytetä (alle tietosuojarajan).',
    schools: 'Muutoksen kohteena olevien koulujen oppilaspohja', school: 'Koulu', children: 'Lapsia', utilisation: 'Käyttöaste',
    noAffected: 'Yhdenkään koulun alue ei muutu.',
    caveats: 'Varaumat',
    caveatEcological: 'Luvut ovat ekologisia arvioita: ruututietojen (tai alueiden) luvut on jaettu oppilaaksiottoalueille pinta-alan suhteessa. Ne eivät ole oppilasrekisterin tietoja eivätkä kerro, mihin kouluun lapset todella menevät.',
    caveatStraightLine: 'Koulumatkat ovat linnuntie-etäisyyksiä ruudun keskipisteestä koululle (EPSG:3067), eivät todellisia reittipituuksia.',
    caveatImputed: 'Lapsista {pct} perustuu suojattujen tai puuttuvien arvojen arvioon (imputointi ympäröivän alueen perusteella).',
    caveatEstimated: 'Ikäryhmä on arvioitu laajemmista ikäluokista (esim. HSY:n 10-vuotisikäryhmät); lasten määrät ovat arvioita.',
    caveatPrivacy: 'Tietosuoja: alle {t} henkilöön perustuvia lukuja ei näytetä (”<{t}” tai tyhjä).',
    caveatThresholds: 'Tulkinnan rajat: alle 0,005:n muutos tulkitaan ennallaan pysymiseksi, 0,005–0,02 pieneksi muutokseksi.',
    generated: 'Laadittu Catchment Studiolla',
    summary: 'Tiivistelmä',
    whatChanges: 'Muutos koskee {n} koulun oppilaaksiottoaluetta. Lapsia, joiden lähikoulu vaihtuu: {children}.',
    whatChangesNone: 'Yhdenkään koulun oppilaaksiottoalue ei muutu.',
    shiftsMost: 'Eniten muuttuva oppilaspohja',
    biggestShare: 'Suurin osuuden muutos',
    segregation: 'Eriytyminen ennen ja jälkeen (eriytymisindeksi D)',
    readingAllSame: 'Eriytymisindeksit pysyivät käytännössä ennallaan (muutos alle 0,005).',
    trips: 'Koulumatkat yli {km} km',
    tripsNote: 'Perusopetuslain 32 §: yli 5 km:n koulumatka oikeuttaa maksuttomaan kuljetukseen. Matkat linnuntietä.',
    keyCaveats: 'Tärkeimmät varaumat',
    details: 'Yksityiskohdat',
    allIndices: 'Kaikki eriytymisindeksit',
    schoolsDetail: 'Koulut, joiden oppilaspohja muuttuu',
    unchangedSchools: 'Muiden {n} koulun alue ei muutu.',
    unchanged: 'ennallaan',
    author: 'Laatija',
    organisation: 'Organisaatio',
    year: 'Vuosi',
    page: 'Sivu',
    labelsDropped: 'Kartalta jätettiin pois {n} nimeä, jotka eivät mahtuneet päällekkäin.',
    group: 'Ryhmä',
  },
  sv: {
    title: 'Förhandsbedömning av segregationskonsekvenser',
    scenario: 'Scenario', description: 'Beskrivning', network: 'Skolnätverk', date: 'Datum', source: 'Datakälla',
    dataset: 'Data', preset: 'Indikatordefinition',
    map: 'Förändringarna på kartan',
    legendCatchments: 'upptagningsområden (tunn grå)', legendChanged: 'ändrade områden (kraftig kontur)',
    legendArea: 'område som byter skola (streckat)', legendSchools: 'skolor (punkter)',
    movement: 'Barn som byter skola', movedChildren: 'Barn vars närskola byts',
    overLimitAll: 'Barn med skolväg över {km} km (fågelvägen)', overLimitMoved: 'Av dem som byter skola: skolväg över {km} km',
    before: 'Före', after: 'Efter', change: 'Förändring',
    indices: 'Segregationsindex', twoGroup: 'Index för två grupper', multigroup: 'Index för flera grupper',
    index: 'Index', interpretation: 'Tolkning', hidden: 'Visas inte (under skyddsgränsen).',
    schools: 'Elevunderlaget i de berörda skolorna', school: 'Skola', children: 'Barn', utilisation: 'Användningsgrad',
    noAffected: 'Inget skolområde ändras.',
    caveats: 'Förbehåll',
    caveatEcological: 'Siffrorna är ekologiska uppskattningar: rutornas (eller områdenas) värden har fördelats på upptagningsområdena efter areal. De är inte elevregisteruppgifter.',
    caveatStraightLine: 'Skolvägarna är fågelvägsavstånd från rutans mittpunkt till skolan (EPSG:3067), inte verkliga vägavstånd.',
    caveatImputed: 'Av barnen vilar {pct} på uppskattade värden för skyddade eller saknade uppgifter.',
    caveatEstimated: 'Åldersgruppen är uppskattad ur bredare åldersklasser; barnantalen är uppskattningar.',
    caveatPrivacy: 'Dataskydd: siffror som vilar på färre än {t} personer visas inte (”<{t}” eller tomt).',
    caveatThresholds: 'Tolkningsgränser: en förändring under 0,005 tolkas som oförändrat, 0,005–0,02 som en liten förändring.',
    generated: 'Utarbetad med Catchment Studio',
    summary: 'Sammanfattning',
    whatChanges: 'Förändringen gäller {n} skolors upptagningsområden. Barn vars närskola byts: {children}.',
    whatChangesNone: 'Inget skolområde ändras.',
    shiftsMost: 'Elevunderlag som förändras mest',
    biggestShare: 'Största förändringen av en andel',
    segregation: 'Segregation före och efter (segregationsindex D)',
    readingAllSame: 'Segregationsindexen förblev i praktiken oförändrade (förändring under 0,005).',
    trips: 'Skolvägar över {km} km',
    tripsNote: 'Lagen om grundläggande utbildning 32 §: en skolväg över 5 km ger rätt till avgiftsfri skolskjuts. Avstånd fågelvägen.',
    keyCaveats: 'Viktigaste förbehåll',
    details: 'Detaljer',
    allIndices: 'Alla segregationsindex',
    schoolsDetail: 'Skolor vars elevunderlag förändras',
    unchangedSchools: 'Övriga {n} skolors områden ändras inte.',
    unchanged: 'oförändrat',
    author: 'Utarbetad av',
    organisation: 'Organisation',
    year: 'År',
    page: 'Sida',
    labelsDropped: '{n} namn som inte fick plats utan att överlappa har lämnats bort från kartan.',
    group: 'Grupp',
  },
  en: {
    title: 'Ex-ante segregation impact assessment',
    scenario: 'Scenario', description: 'Description', network: 'School network', date: 'Date', source: 'Data source',
    dataset: 'Dataset', preset: 'Indicator definition',
    map: 'Changes on the map',
    legendCatchments: 'catchment areas (thin grey)', legendChanged: 'changed catchments (strong outline)',
    legendArea: 'area changing school (hatched)', legendSchools: 'schools (points)',
    movement: 'Children changing school', movedChildren: 'Children whose catchment school changes',
    overLimitAll: 'Children with a school trip over {km} km (straight line)', overLimitMoved: 'Of the children changing school: trip over {km} km',
    before: 'Before', after: 'After', change: 'Change',
    indices: 'Segregation indices', twoGroup: 'Two-group indices', multigroup: 'Multigroup indices',
    index: 'Index', interpretation: 'Interpretation', hidden: 'Not shown (below the privacy threshold).',
    schools: 'Pupil base of the affected schools', school: 'School', children: 'Children', utilisation: 'Utilisation',
    noAffected: 'No catchment changes.',
    caveats: 'Caveats',
    caveatEcological: 'The figures are ecological estimates: grid-cell (or area) counts are apportioned to catchments by area. They are not pupil-register data and do not say which school children actually attend.',
    caveatStraightLine: 'School trips are straight-line distances from the cell centre to the school (EPSG:3067), not route lengths.',
    caveatImputed: '{pct} of the children rest on estimates of suppressed or missing values (imputed from the surrounding area).',
    caveatEstimated: 'The age band is apportioned from wider age bands (e.g. HSY’s 10-year bands); child counts are estimates.',
    caveatPrivacy: 'Privacy: figures resting on fewer than {t} people are not shown ("<{t}" or blank).',
    caveatThresholds: 'Interpretation thresholds: a change below 0.005 counts as unchanged, 0.005–0.02 as a slight change.',
    generated: 'Prepared with Catchment Studio',
    summary: 'Summary',
    whatChanges: 'The change concerns the catchments of {n} schools. Children whose catchment school changes: {children}.',
    whatChangesNone: 'No catchment changes.',
    shiftsMost: 'Pupil bases that shift most',
    biggestShare: 'Largest change of a share',
    segregation: 'Segregation before and after (dissimilarity index D)',
    readingAllSame: 'The segregation indices stayed practically unchanged (change below 0.005).',
    trips: 'School trips over {km} km',
    tripsNote: 'Basic Education Act, section 32: a school trip over 5 km gives the right to free transport. Straight-line distances.',
    keyCaveats: 'Main caveats',
    details: 'Details',
    allIndices: 'All segregation indices',
    schoolsDetail: 'Schools whose pupil base changes',
    unchangedSchools: 'The catchments of the other {n} schools do not change.',
    unchanged: 'unchanged',
    author: 'Author',
    organisation: 'Organisation',
    year: 'Year',
    page: 'Page',
    labelsDropped: '{n} names that did not fit without overlapping are left off the map.',
    group: 'Group',
  },
};

/** Replaces {name} placeholders. */
export function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (m, k: string) => (k in values ? String(values[k]) : m));
}
