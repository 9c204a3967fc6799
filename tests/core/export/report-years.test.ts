/**
 * The impact report's section on the years ahead (core/export/report-years.ts) on Tiny City, worked
 * by hand (tests/core/projection/year-series.test.ts): base year 2024, 100 ARA block dwellings in
 * cell (0, 0) completed 2025 with yields [0.1, 0.2, 0.15] → +10 pupils in 2025, +15 from 2027.
 * Baseline A = 8 + 500/6 (2025), 74 (2027); B = 158, 114.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { presets } from '../../../src/core/config/presets';
import type { IndicatorConfig } from '../../../src/core/config/indicator-config';
import { impactReportForEngine } from '../../../src/core/export/impact-report';
import type { Dataset } from '../../../src/core/model/dataset';
import { ScenarioEngine } from '../../../src/core/scenario/scenario-engine';
import { loadFixtureBundle } from '../../helpers/load-fixture-bundle';

let dataset: Dataset;
beforeAll(async () => {
  dataset = await loadFixtureBundle('tests/fixtures/tiny-city');
});

const config: IndicatorConfig = { ...presets['statfi-grid'], housing: { yields: { lower: { block: { social_rental: [0.1, 0.2, 0.15] } } } } };

function engine(): ScenarioEngine {
  const e = ScenarioEngine.create(dataset, config, { baseYear: 2024 });
  if (!e.ok) throw new Error(e.problems[0].message);
  expect(e.value.apply({ kind: 'housing-project', year: 2025, id: 'p1', name: 'Rantapuisto', dwellings: 100, tenure: 'social_rental', buildingType: 'block', location: [385_100, 6_672_100] }).ok).toBe(true);
  return e.value;
}

/** D for two schools: |a/W − (A − a)/(N − W)|. */
const D = (withA: number, childrenA: number, withB: number, childrenB: number) => Math.abs(withA / (withA + withB) - (childrenA - withA) / (childrenA + childrenB - withA - withB));

describe('the report\'s years section', () => {
  it('lists the projects with their pupils and the projected pupil base and D in the picked years, after the summary', () => {
    const r = impactReportForEngine(engine(), 'fi-lower', { name: 'Rantapuisto' }, { language: 'en', date: '2026-01-01', years: [2027, 2025] });
    if (!r.ok) throw new Error(r.problems[0].message);
    const html = r.value;
    const section = html.slice(html.indexOf('<section class="years-section">'));
    expect(html.indexOf('summary-page')).toBeLessThan(html.indexOf('years-section'));
    // The project: 100 dwellings, social rental, block; pupils 100 × 0.1 = 10.0 (2025), 100 × 0.15 = 15.0 (2027).
    expect(section).toContain('<tr><td>Rantapuisto</td><td class="num">100</td><td>social rental (ARA)</td><td>block of flats</td><td>2025</td><td class="num">10.0</td><td class="num">15.0</td></tr>');
    // 2025: scenario 8 + 500/6 + 10 + 158 = 259.33 → 259, baseline 249.33 → 249, +10.
    // D baseline (with A 5.4, B 2 + 230/6) → scenario (A 10 more children, none foreign-language).
    const d25 = [D(5.4, 8 + 500 / 6, 2 + 230 / 6, 158), D(5.4, 18 + 500 / 6, 2 + 230 / 6, 158)].map((v) => v.toFixed(3));
    expect(section).toContain(`<tr><td>2025</td><td class="num">259</td><td class="num">249</td><td class="num">+10</td><td class="num">${d25[0]} → ${d25[1]}</td>`);
    // 2027: 74 + 15 + 114 = 203, baseline 188, +15.
    expect(section).toContain('<tr><td>2027</td><td class="num">203</td><td class="num">188</td><td class="num">+15</td>');
    // School A changes most: 100 places; 2025: 101 (+10), 2027: 89 (+15).
    expect(section).toContain('<tr><td>Länsikoulu</td><td class="num">100</td><td class="num">101 (+10)</td><td class="num">89 (+15)</td></tr>');
  });

  it('names the city\'s forecast in its note when one is in use', () => {
    const forecast = { name: 'Ennuste 2025', rows: [{ id: 'CRS3067RES250mN6672000E385000', year: 2025, from: 7, to: 12, value: 20 }] };
    const e = ScenarioEngine.create(dataset, config, { baseYear: 2024, forecast });
    if (!e.ok) throw new Error(e.problems[0].message);
    const r = impactReportForEngine(e.value, 'fi-lower', { name: 'S' }, { language: 'en', date: '2026-01-01', years: [2025] });
    expect(r.ok && r.value).toContain('Where the city’s forecast “Ennuste 2025” has a figure, it is used instead of the cohort model.');
    const plain = impactReportForEngine(engine(), 'fi-lower', { name: 'S' }, { language: 'en', date: '2026-01-01', years: [2025] });
    expect(plain.ok && plain.value).not.toContain('forecast “');
  });

  it('has no section unless years are picked', () => {
    const r = impactReportForEngine(engine(), 'fi-lower', { name: 'S' }, { language: 'fi', date: '2026-01-01' });
    expect(r.ok && r.value.includes('years-section')).toBe(false);
  });
});
