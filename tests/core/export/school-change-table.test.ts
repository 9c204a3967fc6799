/**
 * The school table of a report (baseline, scenario, change) on Tiny City after column 2 moves
 * to Länsikoulu (tests/fixtures/tiny-city/README.md), worked out by hand:
 * - children aged 7–12 per cell 10 + 5c: A = 4 × (10 + 15) = 100 → 100 + 4 × 20 = 180;
 *   B = 4 × (20 + 25) = 180 → 4 × 25 = 100; capacities A 100, B 80;
 * - utilisation A 100/100 = 100 % → 180 %; B 180/80 = 225 % → 125 %;
 * - foreign-language share (vieraskielisia 10c of 100 inhabitants, children-weighted):
 *   A = 4 × (10 × 0 + 15 × 0.1) / 100 = 6/100 = 6,0 % → (6 + 4 × 20 × 0.2) / 180 = 22/180 = 12,2 %,
 *   change 12.222 − 6.0 = +6,2 percentage points; B 46/180 = 25,6 % → 30/100 = 30,0 %, +4,4.
 */
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { compareIndicators } from '../../../src/core/compare/compare-indicators';
import { changeTableCsv } from '../../../src/core/export/change-table-format';
import { schoolChangeXlsx } from '../../../src/core/export/change-xlsx';
import { schoolChangeTable } from '../../../src/core/export/school-change-table';
import type { Dataset } from '../../../src/core/model/dataset';
import { applyPrivacy } from '../../../src/core/pupil-base/privacy';
import { ScenarioEngine } from '../../../src/core/scenario/scenario-engine';
import { loadFixtureBundle } from '../../helpers/load-fixture-bundle';
import { column2, config, smallSchoolEngine } from './tiny-city-engines';

let dataset: Dataset;
beforeAll(async () => {
  dataset = await loadFixtureBundle('tests/fixtures/tiny-city');
});

const tablesOf = (engine: ScenarioEngine) => [compareIndicators(applyPrivacy(engine.baselineIndicators('fi-lower'), 10), applyPrivacy(engine.indicators('fi-lower'), 10))];
const moved = () => {
  const engine = new ScenarioEngine(dataset, config);
  engine.apply(column2);
  return engine;
};
const lines = (csv: string) => csv.replace(/^\uFEFF/, '').trimEnd().split('\r\n');

describe('school change table', () => {
  it('report variant in Finnish: headers in Finnish, semicolons, whole children, "12,2 %" and signed points', () => {
    const table = schoolChangeTable(tablesOf(moved()), { variant: 'report', language: 'fi', shares: config.shares.slice(0, 1), networkLabels: { 'fi-lower': 'Alakoulut' }, year: 2026 });
    const [head, a, b] = lines(changeTableCsv(table, 'report', 'fi', 10));
    expect(head).toBe('Kouluverkko;Vuosi;Koulu;Oppilaspaikat;Lapsia, lähtötilanne (lkm);Lapsia, skenaario (lkm);Lapsia, muutos (lkm);Käyttöaste, lähtötilanne (%);Käyttöaste, skenaario (%);Käyttöaste, muutos (%-yks.);Vieraskieliset, lähtötilanne (%);Vieraskieliset, skenaario (%);Vieraskieliset, muutos (%-yks.)');
    expect(a).toBe('Alakoulut;2026;Länsikoulu;100;100;180;+80;100 %;180 %;+80,0;6,0 %;12,2 %;+6,2');
    expect(b).toBe('Alakoulut;2026;Itäkoulu;80;180;100;-80;225 %;125 %;-100,0;25,6 %;30,0 %;+4,4');
  });

  it('report variant in English uses commas and full stops; data variant keeps ids and fractions', () => {
    const shares = config.shares.slice(0, 1);
    const en = lines(changeTableCsv(schoolChangeTable(tablesOf(moved()), { variant: 'report', language: 'en', shares }), 'report', 'en', 10));
    expect(en[1]).toBe('fi-lower,Länsikoulu,100,100,180,+80,100 %,180 %,+80.0,6.0 %,12.2 %,+6.2');
    const data = lines(changeTableCsv(schoolChangeTable(tablesOf(moved()), { variant: 'data', language: 'fi', shares }), 'data', 'fi', 10));
    expect(data[0]).toBe('network,school_id,school_name,capacity (places),children_baseline (count),children_scenario (count),children_change (count),utilisation_baseline (children/capacity),utilisation_scenario (children/capacity),utilisation_change (children/capacity),foreign_language_baseline (share 0–1),foreign_language_scenario (share 0–1),foreign_language_change (share 0–1)');
    // 22/180 = 0.12222…, 0.12222 − 0.06 = 0.06222…
    expect(data[1]).toBe('fi-lower,A,Länsikoulu,100,100.0,180.0,80.0,1.000,1.800,0.800,0.0600,0.1222,0.0622');
  });

  it('hides figures resting on fewer than 10 children', () => {
    const table = schoolChangeTable(tablesOf(smallSchoolEngine(dataset)), { variant: 'report', language: 'sv', shares: config.shares.slice(0, 1) });
    // A keeps 5 children (< 10): "<10" in the scenario, blank change, blank shares.
    expect(lines(changeTableCsv(table, 'report', 'sv', 10))[1]).toBe('fi-lower;Länsikoulu;100;100;<10;;100 %;;;6,0 %;;');
  });

  it('XLSX: the report sheet in the language with percent formats, the data sheet with fractions, indices and notes', async () => {
    const bytes = await schoolChangeXlsx(tablesOf(moved()), { language: 'sv', shares: config.shares, multigroup: config.multigroup, threshold: 10, source: 'Testdata', scenarioName: 'Kolumn 2', date: '2026-03-01', year: 2026 });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Skolor', 'schools_data', 'Index', 'Anmärkningar']);
    const s = wb.getWorksheet('Skolor')!;
    expect(s.getRow(1).getCell(3).value).toBe('Skola');
    expect(s.getRow(1).getCell(11).value).toBe('Främmande språk, utgångsläge (%)'.replace('Främmande språk', config.shares[0].label.sv));
    expect(s.getRow(2).getCell(3).value).toBe('Länsikoulu');
    expect(s.getRow(2).getCell(6).value).toBe(180);
    expect(s.getRow(2).getCell(12).value).toBeCloseTo(22 / 180, 12);
    expect(s.getRow(2).getCell(12).numFmt).toBe('0.0 %');
    expect(s.getRow(2).getCell(13).value).toBeCloseTo((22 / 180 - 0.06) * 100, 9);
    const d = wb.getWorksheet('schools_data')!;
    expect(d.getRow(2).getCell(3).value).toBe('A');
    expect(d.getRow(2).getCell(13).value).toBeCloseTo(22 / 180, 12);
    const i = wb.getWorksheet('Index')!;
    // D of the foreign-language share: 3520/11856 before (xlsx-export.test.ts), then lower.
    expect(i.getRow(2).getCell(3).value).toBe('Segregationsindex D');
    expect(i.getRow(2).getCell(4).value).toBeCloseTo(3520 / 11856, 9);
    const notes = wb.getWorksheet('Anmärkningar')!.getSheetValues().flat().filter((v) => typeof v === 'string').join('\n');
    expect(notes).toContain('Testdata');
    expect(notes).toContain('2026-03-01');
    expect(notes).toContain('färre än 10 personer');
  });
});
