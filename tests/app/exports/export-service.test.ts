/**
 * The worker's exports on Tiny City after giving column 2 to A (A 180, B 100 children; README in
 * tests/fixtures/tiny-city): file names, formats and anonymisation. The figures themselves are
 * tested in tests/core/export/.
 */
import { beforeAll, describe, expect, test } from 'vitest';
import { exportFile } from '../../../src/app/exports/export-service';
import type { Dataset } from '../../../src/core/model/dataset';
import { createScenario } from '../../../src/core/scenario/scenario-file';
import { ScenarioEngine } from '../../../src/core/scenario/scenario-engine';
import { loadFixtureBundle } from '../../helpers/load-fixture-bundle';
import { column2, config } from '../../core/export/tiny-city-engines';

let dataset: Dataset;
let engine: ScenarioEngine;
const NOW = '2025-03-04T10:00:00.000Z';
beforeAll(async () => {
  dataset = await loadFixtureBundle('tests/fixtures/tiny-city');
  engine = new ScenarioEngine(dataset, config);
  engine.apply(column2);
});
const scenario = () => createScenario(dataset, 'Sarake 2', { id: 's', now: NOW });
const text = (b: Uint8Array) => new TextDecoder('utf-8', { ignoreBOM: true }).decode(b);

describe('exports of the active scenario', () => {
  test('school table CSV: BOM, header, one row per school, names or aliases', async () => {
    const r = await exportFile(engine, scenario(), { kind: 'schools-csv', anonymise: false, language: 'fi' }, NOW);
    expect(r.ok && r.value.fileName).toBe('Sarake 2-2025-03-04-schools.csv');
    const csv = r.ok ? text(r.value.bytes) : '';
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(csv).toContain('Länsikoulu');
    // Report variant in Finnish: semicolons; A 100 → 180 children (+80), B 180 → 100.
    expect(csv).toContain(';Länsikoulu;100;100;180;+80;');
    expect(csv).toContain('Lapsia, lähtötilanne (lkm)');
    const data = await exportFile(engine, scenario(), { kind: 'schools-data-csv', anonymise: false, language: 'fi', year: 2026 }, NOW);
    expect(data.ok && data.value.fileName).toBe('Sarake 2-2025-03-04-schools-data.csv');
    expect(data.ok ? text(data.value.bytes) : '').toContain('fi-lower,2026,A,Länsikoulu,100,100.0,180.0,80.0,');
    const anon = await exportFile(engine, scenario(), { kind: 'schools-csv', anonymise: true, language: 'fi' }, NOW);
    const anonCsv = anon.ok ? text(anon.value.bytes) : '';
    expect(anonCsv).toContain('Koulu A');
    expect(anonCsv).not.toContain('Länsikoulu');
  });

  test('GeoJSON in EPSG:4326 has longitude/latitude and the tm/wgs tag in its name', async () => {
    const r = await exportFile(engine, scenario(), { kind: 'geojson', crs: 'EPSG:4326', anonymise: false, language: 'en' }, NOW);
    expect(r.ok && r.value.fileName).toBe('Sarake 2-2025-03-04-fi-lower-catchments-wgs84.geojson');
    const fc = JSON.parse(r.ok ? text(r.value.bytes) : '{}');
    expect(fc.features).toHaveLength(2);
    const [lon, lat] = fc.features[0].geometry.coordinates[0][0][0];
    expect(lon).toBeGreaterThan(19);
    expect(lon).toBeLessThan(32);
    expect(lat).toBeGreaterThan(59);
    expect(lat).toBeLessThan(71);
  });

  test('XLSX is a zip (PK) and the report is HTML with the scenario name', async () => {
    const x = await exportFile(engine, scenario(), { kind: 'xlsx', anonymise: false, language: 'fi' }, NOW);
    expect(x.ok && [...x.value.bytes.slice(0, 2)]).toEqual([0x50, 0x4b]);
    const h = await exportFile(engine, scenario(), { kind: 'report-html', anonymise: true, language: 'en', networkId: 'fi-lower' }, NOW);
    const html = h.ok ? text(h.value.bytes) : '';
    expect(html).toContain('Sarake 2');
    expect(html).toContain('School A');
    expect(html).not.toContain('Länsikoulu');
  });
});
