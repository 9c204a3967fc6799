/**
 * School trips in the comparison CSV and in the XLSX workbooks, on hand-made figures: two
 * schools and the network, side A and B, with a hidden figure (null) and a "not applicable" one.
 * Expected cells written out by hand.
 */
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { IndicatorComparison } from '../../../src/core/compare/compare-indicators';
import { schoolChangeXlsx } from '../../../src/core/export/change-xlsx';
import { comparisonSchoolsCsv } from '../../../src/core/export/comparison-csv';
import { travelCsvHeaders, type TravelChangeInput } from '../../../src/core/export/travel-change-table';
import type { PublicSchoolTravel } from '../../../src/core/travel/travel-privacy';

const v = (a: number | null, b: number | null) => ({ a, b, change: a === null || b === null ? null : b - a });
const table: IndicatorComparison = {
  network: 'fi-lower',
  schools: [
    { id: 'A', name: 'Länsikoulu', capacity: 100, children: v(100, 180), utilisation: v(1, 1.8), shares: {} },
    { id: 'B', name: 'Itäkoulu', capacity: 80, children: v(180, 100), utilisation: v(2.25, 1.25), shares: {} },
  ],
  indices: [],
  totals: { children: v(280, 280), gapChildren: v(0, 0), overlapChildren: v(0, 0) },
};
const trip = (mean: number, max: number, over5: number | null, daily: number | null): PublicSchoolTravel => ({
  mean_m: mean, median_m: mean - 50, p90_m: max - 100, max_m: max, over_5km_children: over5, over_limit_children: null, max_daily_travel_h: daily, over_daily_limit_children: over5 === null ? null : 0,
});
const travel: TravelChangeInput = {
  straightLine: false,
  a: { network: { ...trip(1500, 6200, 12, 1.06), nearest_school_share: 0.9 }, schools: [trip(1200, 3000, 0, null), trip(1800, 6200, 12, 1.06)] },
  b: { network: { ...trip(1650, 7000, 30, 1.1), nearest_school_share: 0.8 }, schools: [trip(2000, 7000, 30, 1.1), trip(1000, 2500, null, null)] },
};

describe('school trips in the exports', () => {
  it('comparison CSV: every travel figure with A, B and the change; blank where hidden or not applicable', () => {
    const csv = comparisonSchoolsCsv(table, { a: 'A0', b: 'B1', shareIds: [], threshold: 10, travel }).replace('\uFEFF', '').split('\r\n');
    const header = csv[0].split(',');
    expect(header.slice(-24)).toEqual(travelCsvHeaders());
    expect(header).toContain('travel_mean_m A (m)');
    expect(header).toContain('travel_max_daily_travel_h change B−A (h)');
    const cell = (row: number, name: string) => csv[row].split(',')[header.indexOf(name)];
    // School A: mean 1 200 → 2 000 m (+800); over 5 km 0 → 30; daily time none → 1.1 h (no change).
    expect(cell(1, 'travel_mean_m A (m)')).toBe('1200');
    expect(cell(1, 'travel_mean_m B (m)')).toBe('2000');
    expect(cell(1, 'travel_mean_m change B−A (m)')).toBe('800');
    expect(cell(1, 'travel_over_5km_children change B−A (count)')).toBe('30');
    expect(cell(1, 'travel_max_daily_travel_h A (h)')).toBe('');
    expect(cell(1, 'travel_max_daily_travel_h B (h)')).toBe('1.1');
    expect(cell(1, 'travel_max_daily_travel_h change B−A (h)')).toBe('');
    // School B: over 5 km hidden in B: blank, and its change blank.
    expect(cell(2, 'travel_over_5km_children A (count)')).toBe('12');
    expect(cell(2, 'travel_over_5km_children B (count)')).toBe('');
    expect(cell(2, 'travel_over_5km_children change B−A (count)')).toBe('');
    expect(cell(2, 'travel_max_m change B−A (m)')).toBe('-3700');
  });

  it('without travel the CSV has no travel columns', () => {
    expect(comparisonSchoolsCsv(table, { a: 'A0', b: 'B1', shareIds: [], threshold: 10 })).not.toContain('travel_');
  });

  it('XLSX: a "School trips" sheet (localised) with the network and every school; names aliased when anonymised', async () => {
    const bytes = await schoolChangeXlsx([table], {
      language: 'fi', shares: [], multigroup: [], threshold: 10, source: 'Testi', date: '2026-12-07', sideNames: { a: 'A: Nyt', b: 'B: Uusi' },
      networkLabels: { 'fi-lower': 'Suomenkieliset 1–6' }, aliases: new Map([['A', 'Koulu 1'], ['B', 'Koulu 2']]), travel: [travel],
    });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toContain('Koulumatkat');
    const s = wb.getWorksheet('Koulumatkat')!;
    const head = (s.getRow(1).values as unknown[]).slice(1);
    expect(head.slice(0, 5)).toEqual(['Kouluverkko', 'Koulu', 'Keskimääräinen matka (m): A: Nyt', 'Keskimääräinen matka (m): B: Uusi', 'Keskimääräinen matka (m): muutos']);
    const col = (name: string) => head.indexOf(name) + 1;
    // Row 2: the whole network; rows 3–4: the schools under their aliases.
    expect(s.getRow(2).getCell(2).value).toBe('Koko verkko');
    expect(s.getRow(2).getCell(col('Keskimääräinen matka (m): muutos')).value).toBe(150);
    expect(s.getRow(2).getCell(col('Lähikoulu on oma koulu (osuus): muutos')).value).toBeCloseTo(-0.1, 12);
    expect(s.getRow(3).getCell(2).value).toBe('Koulu 1');
    expect(s.getRow(4).getCell(2).value).toBe('Koulu 2');
    expect(s.getRow(3).getCell(col('Pisin päivittäinen matka-aika (h): B: Uusi')).value).toBe(1.1);
    expect(s.getRow(4).getCell(col('Yli 5 km, lapsia: B: Uusi')).value).toBeNull();
    const all = wb.worksheets.flatMap((w) => w.getSheetValues().flat()).filter((x) => typeof x === 'string').join('\n');
    expect(all).not.toContain('Länsikoulu');
    expect(all).toContain('Matkat on mitattu katuverkkoa pitkin.');
  });
});
