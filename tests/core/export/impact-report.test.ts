/**
 * The segregation impact report on Tiny City after moving column 2 (4 cells × 20 children) from B
 * to A. D for foreign-language speakers: 3520/11856 = 0.29690 → 3200/11856 = 0.26991, Δ = −0.02699
 * (scenario-engine.test.ts works these out).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Dataset } from '../../../src/core/model/dataset';
import { ScenarioEngine } from '../../../src/core/scenario/scenario-engine';
import { changeSentence, changeSize, formatNumber } from '../../../src/core/export/change-sentence';
import { impactReportForEngine } from '../../../src/core/export/impact-report';
import { letterCode, schoolAliases } from '../../../src/core/export/anonymise';
import { niceLength, reportMapSvg } from '../../../src/core/export/report-map-svg';
import { loadFixtureBundle } from '../../helpers/load-fixture-bundle';
import { ScenarioTravel } from '../../../src/core/travel/scenario-travel';
import { publicNetworkTravel, publicTravel } from '../../../src/core/travel/travel-privacy';
import type { ReportTravel } from '../../../src/core/export/report-travel';
import { column2, config, smallSchoolEngine } from './tiny-city-engines';

let dataset: Dataset;
beforeAll(async () => {
  dataset = await loadFixtureBundle('tests/fixtures/tiny-city');
});

function report(engine: ScenarioEngine, options: Parameters<typeof impactReportForEngine>[3] = {}): string {
  const r = impactReportForEngine(engine, 'fi-lower', { name: 'Sarake 2 Länsikouluun', description: 'Testi <b>' }, { date: '2025-03-07', ...options });
  if (!r.ok) throw new Error('report failed');
  return r.value;
}

describe('changeSentence', () => {
  it('says the example sentence of the issue', () => {
    expect(changeSentence('D', 'vieraskieliset', 3520 / 11856, 3200 / 11856, 'fi')).toBe(
      'Eriytymisindeksi D (vieraskieliset) laski 0,297 → 0,270 (−0,027): koulujen väliset erot pienenevät.');
    expect(changeSentence('D', 'foreign-language speakers', 3520 / 11856, 3200 / 11856, 'en')).toBe(
      'Dissimilarity index D (foreign-language speakers) fell 0.297 → 0.270 (−0.027): differences between schools decrease.');
  });

  it('classifies size by the documented thresholds and reverses exposure', () => {
    expect(changeSize(0.0049)).toBe('negligible');
    expect(changeSize(-0.005)).toBe('slight');
    expect(changeSize(0.0199)).toBe('slight');
    expect(changeSize(0.02)).toBe('clear');
    expect(changeSentence('H', 'x', 0.1, 0.11, 'fi')).toBe('Entropiaindeksi H (x) nousi hieman 0,100 → 0,110 (+0,010): koulujen väliset erot kasvavat.');
    expect(changeSentence('exposure', 'x', 0.5, 0.55, 'en')).toBe('Exposure index (x) rose 0.500 → 0.550 (+0.050): differences between schools decrease.');
    expect(changeSentence('D', 'x', 0.3, 0.302, 'sv')).toBe('Segregationsindex D (x) förblev i praktiken oförändrat 0,300 → 0,302 (+0,002): skillnaderna mellan skolorna förändras knappt.');
    // A change that rounds to zero has no sign.
    expect(formatNumber(-0.0004, 'fi', 3, true)).toBe('±0,000');
    expect(formatNumber(-0.25, 'en')).toBe('−0.250');
  });
});

describe('impactReportForEngine', () => {
  it('contains the scenario, the index values before/after with sentences and the caveats (fi)', () => {
    const engine = new ScenarioEngine(dataset, config);
    engine.apply(column2);
    const html = report(engine);
    expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(html).toContain('<html lang="fi">');
    expect(html).toContain('Segregaatiovaikutusten ennakkoarviointi');
    expect(html).toContain('Sarake 2 Länsikouluun');
    expect(html).toContain('Testi &lt;b&gt;'); // escaped
    expect(html).toContain('7.3.2025');
    expect(html).toContain('Hand-written test data, Catchment Studio');
    expect(html).toContain('Eriytymisindeksi D (vieraskieliset) laski 0,297 → 0,270 (−0,027): koulujen väliset erot pienenevät.');
    expect(html).toContain('<td class="num">0,297</td><td class="num">0,270</td><td class="num">−0,027</td>');
    // 2 catchments change; 80 children change school; nobody is over 5 km.
    expect(html).toContain('Muutos koskee 2 koulun oppilaaksiottoaluetta. Lapsia, joiden lähikoulu vaihtuu: 80.');
    expect(html).toContain('yli 5 km');
    // Caveats: ecological estimate, straight line, imputed share (0 %), privacy threshold 10.
    expect(html).toContain('ekologisia arvioita');
    expect(html).toContain('linnuntie');
    expect(html).toContain('Lapsista 0,0\u00a0% perustuu'); // no-break space before %
    expect(html).toContain('alle 10 henkilöön');
    // Affected schools before → after: A 100 → 180, B 180 → 100.
    expect(html).toContain('<td>Länsikoulu</td><td class="num">100 → 180</td>');
    expect(html).toContain('<td>Itäkoulu</td><td class="num">180 → 100</td>');
    // Map: catchments, strongly outlined changes, hatched area, scale bar, north arrow.
    expect(html).toContain('<svg');
    expect(html.match(/class="catchment"/g)).toHaveLength(2);
    expect(html.match(/class="changed-catchment"/g)).toHaveLength(2);
    expect(html).toContain('class="changed-area"');
    expect(html).toContain('class="scale-bar"');
    expect(html).toContain('class="north-arrow"');
    expect(html).toContain('@media print');
    expect(html).toContain('size: A4');
  });

  it('English, anonymised: no real school names anywhere', () => {
    const engine = new ScenarioEngine(dataset, config);
    engine.apply(column2);
    const html = report(engine, { language: 'en', anonymise: true });
    expect(html).toContain('Ex-ante segregation impact assessment');
    expect(html).toContain('Dissimilarity index D (foreign-language speakers) fell 0.297 → 0.270 (−0.027)');
    expect(html).toContain('School A');
    expect(html).toContain('School B');
    // The scenario's own name ("… Länsikouluun") is the user's text; school names are replaced everywhere else.
    expect(html).not.toMatch(/Länsikoulu(?!un)/);
    expect(html).not.toContain('Itäkoulu');
    expect(html).toContain('straight-line');
    expect(html).toContain('2025-03-07');
  });

  it('opens with the one-page summary, shows the user\'s author and organisation and nothing internal', () => {
    const engine = new ScenarioEngine(dataset, config);
    engine.apply(column2);
    const html = report(engine, { author: 'Maija Meikäläinen', organisation: 'Esimerkkilän kaupunki', year: 2027 });
    const summary = html.indexOf('class="summary-page"');
    expect(summary).toBeGreaterThan(0);
    expect(summary).toBeLessThan(html.indexOf('class="details"'));
    expect(summary).toBeLessThan(html.indexOf('<svg'));
    // The summary names the school whose pupil base shifts most: A 100 → 180 (+80), foreign-language 6,0 % → 12,2 %.
    const page = html.slice(summary, html.indexOf('class="details"'));
    expect(page).toContain('<td>Länsikoulu</td><td class="num">100 → 180 (+80)</td>');
    expect(page).toContain('Eriytyminen ennen ja jälkeen');
    expect(page).toContain('Koulumatkat yli 5 km');
    expect(html).toContain('<th>Laatija</th><td>Maija Meikäläinen</td>');
    expect(html).toContain('<th>Organisaatio</th><td>Esimerkkilän kaupunki</td>');
    expect(html).toContain('<th>Vuosi</th><td>2027</td>');
    // Page numbers and the footer line in the page margins.
    expect(html).toContain('counter(page) " / " counter(pages)');
    expect(html).toContain('Esimerkkilän kaupunki · Maija Meikäläinen · 7.3.2025');
    expect(html).toContain('break-after: avoid');
    // Nothing internal: no preset id, no network id.
    expect(html).not.toContain('statfi-grid');
    expect(html).not.toContain('fi-lower');
    // The long "practically unchanged" sentence is not repeated per index: unchanged rows read just "ennallaan".
    expect(html).not.toContain('pysyi käytännössä ennallaan');
  });

  it('has a section on school trips with the travel figures before and after; along the streets, the trip rows say so', () => {
    const engine = new ScenarioEngine(dataset, config);
    const travel = new ScenarioTravel(engine, null);
    engine.apply(column2);
    const side = (f: ReturnType<ScenarioTravel['figures']>) => ({ network: publicNetworkTravel(f.network, 10, { offNetwork: [], unreachable: [], straightLine: true }), schools: f.schools.map((x) => publicTravel(x, 10)) });
    const t: ReportTravel = { straightLine: true, before: side(travel.baseline('fi-lower')), after: side(travel.figures('fi-lower')) };
    const html = report(engine, { travel: t });
    expect(html).toContain('<h3>Koulumatkat</h3>');
    expect(html).toContain('Matkat ovat linnuntie-etäisyyksiä');
    // Column 2 (80 of 280 children) is nearer to B but goes to A: nearest-school share 100 % → 200/280 = 71.4 %, change −28.6 pp.
    expect(html).toContain('<td class="num">100,0\u00a0%</td><td class="num">71,4\u00a0%</td><td class="num">−28,6 pp</td>');
    // A's mean trip: (176.78 + 395.28) / 2 = 286 m → 0.3 km before; (50 · 176.78 + 90 · 395.28 + 40 · 530.33) / 180 = 364.6 m → 0.4 km after.
    expect(html).toMatch(/Länsikoulu<\/th><td class="num">0,3<\/td><td class="num">0,4<\/td><td class="num">\+0,1<\/td>/);
    expect(html).toContain('(linnuntietä)');
    // Along the streets: the over-5-km row and the caveat name the street network.
    const streets = report(engine, { travel: { ...t, straightLine: false } });
    expect(streets).toContain('Lapsia, joiden koulumatka on yli 5 km (katuverkkoa pitkin)');
    expect(streets).toContain('lyhintä käveltävää reittiä katuverkkoa pitkin');
    expect(streets).not.toContain('(linnuntietä)');
    // Trips over 5 km by given trip lengths (every trip to B 6 km): B's 180 children before, 100 after.
    const far = report(engine, { travel: { ...t, straightLine: false }, tripA: (s) => (s === 1 ? 6000 : 1000), tripB: (s) => (s === 1 ? 6000 : 1000) });
    expect(far).toMatch(/yli 5 km \(katuverkkoa pitkin\)<\/th><td class="num">180<\/td><td class="num">100<\/td>/);
  });

  it('Swedish headings exist', () => {
    const engine = new ScenarioEngine(dataset, config);
    engine.apply(column2);
    expect(report(engine, { language: 'sv' })).toContain('Förhandsbedömning av segregationskonsekvenser');
  });

  it('privacy: a school with fewer than 10 children shows "<10"', () => {
    const html = report(smallSchoolEngine(dataset));
    // A: 100 before, 5 after (hidden).
    expect(html).toContain('<td>Länsikoulu</td><td class="num">100 → &lt;10</td>');
    expect(html).not.toMatch(/100 → 5</);
  });

  it('no change: says so', () => {
    const html = report(new ScenarioEngine(dataset, config));
    expect(html).toContain('Yhdenkään koulun alue ei muutu.');
    expect(html).toContain('Yhdenkään koulun oppilaaksiottoalue ei muutu.');
    expect(html).toContain('Eriytymisindeksit pysyivät käytännössä ennallaan');
    expect(html).not.toContain('class="changed-catchment"');
  });
});

describe('helpers', () => {
  it('letter codes and aliases in dataset order', () => {
    expect([0, 1, 25, 26, 27, 51, 52, 701, 702].map(letterCode)).toEqual(['A', 'B', 'Z', 'AA', 'AB', 'AZ', 'BA', 'ZZ', 'AAA']);
    expect([...schoolAliases([{ id: 'x' }, { id: 'y' }], 'sv').values()]).toEqual(['Skola A', 'Skola B']);
  });

  it('nice scale-bar lengths', () => {
    expect([180, 240, 600, 1300, 4999].map(niceLength)).toEqual([100, 200, 500, 1000, 2000]);
  });

  it('fits a tall area in the page height: 1 km × 10 km at most 760 units high (+ 40 for the scale bar)', () => {
    const tall: [number, number][][][] = [[[[0, 0], [1000, 0], [1000, 10_000], [0, 10_000], [0, 0]]]];
    const svg = reportMapSvg({ title: 't', catchments: [tall], changed: [0], changedArea: [], schools: [] });
    // Padded extent: 4 % of 10 000 m = 400 m each side → 10 800 m high, 1 800 m wide; scale = 760 / 10 800.
    const [, , w, h] = /viewBox="([\d. ]+)"/.exec(svg)![1].split(' ').map(Number);
    expect(h).toBeCloseTo(800, 1);
    // The drawing is 1800 × 760 / 10 800 ≈ 126.7 wide; the SVG keeps a 200-unit minimum for the scale bar and north arrow.
    expect(w).toBe(200);
  });
});
