import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Dataset } from '../../../src/core/model/dataset';
import { ScenarioEngine } from '../../../src/core/scenario/scenario-engine';
import { indicatorsXlsx } from '../../../src/core/export/xlsx-export';
import { loadFixtureBundle } from '../../helpers/load-fixture-bundle';
import { config, smallSchoolEngine } from './tiny-city-engines';

let dataset: Dataset;
beforeAll(async () => {
  dataset = await loadFixtureBundle('tests/fixtures/tiny-city');
});

async function open(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
  return wb;
}

describe('indicatorsXlsx', () => {
  it('writes Schools, Indices and Notes sheets with numbers as numbers', async () => {
    const engine = new ScenarioEngine(dataset, config);
    const bytes = await indicatorsXlsx([engine.indicators('fi-lower')], config, { source: dataset.source, scenarioName: 'Perustilanne', date: '2025-01-15' });
    expect(bytes[0]).toBe(0x50); // "PK": a zip
    expect(bytes[1]).toBe(0x4b);
    const wb = await open(bytes);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Schools', 'Indices', 'Notes']);
    const s = wb.getWorksheet('Schools')!;
    expect(s.getRow(1).getCell(5).value).toBe('children (count)');
    expect(s.getRow(2).getCell(3).value).toBe('Länsikoulu');
    // A: 100 children, foreign-language share 6/100; B: 180 children.
    expect(s.getRow(2).getCell(5).value).toBeCloseTo(100, 9);
    expect(s.getRow(2).getCell(8).value).toBeCloseTo(0.06, 9);
    expect(s.getRow(3).getCell(5).value).toBeCloseTo(180, 9);
    const i = wb.getWorksheet('Indices')!;
    expect(i.getRow(2).values).toEqual([undefined, 'fi-lower', 'two-group', 'foreign_language', 'D', expect.closeTo(3520 / 11856, 9)]);
    const notes = wb.getWorksheet('Notes')!;
    const text = notes.getSheetValues().flat().filter((v) => typeof v === 'string').join('\n');
    expect(text).toContain('Hand-written test data, Catchment Studio');
    expect(text).toContain('2025-01-15');
    expect(text).toContain('fewer than 10 people');
    expect(text).toContain('Perustilanne');
  });

  it('hides the small school: "<10" for counts, empty shares', async () => {
    const engine = smallSchoolEngine(dataset);
    const wb = await open(await indicatorsXlsx([engine.indicators('fi-lower')], config, { source: 'x' }));
    const row = wb.getWorksheet('Schools')!.getRow(2);
    expect(row.getCell(5).value).toBe('<10');
    expect(row.getCell(6).value).toBe('<10');
    expect(row.getCell(7).value).toBeNull();
    expect(row.getCell(8).value).toBeNull();
  });
});
