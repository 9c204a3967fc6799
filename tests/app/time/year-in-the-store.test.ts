/**
 * The year control's path through the real worker pieces in-process (engine service +
 * ScenarioHost + document store) on Tiny City. Tiny City's manifest has no "year", so the base
 * year is the current calendar year B. Children worked out by hand in
 * tests/core/projection/tiny-city-projection.test.ts: A = 100 in B, 8 + 500/6 in B + 1.
 */
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { describe, expect, test } from 'vitest';
import { openTinyCityApp } from '../../helpers/tiny-city-app';
import { ScenarioEngine } from '../../../src/core/scenario/scenario-engine';
import { ScenarioHost } from '../../../src/app/scenarios/scenario-host';
import { createScenarioApi } from '../../../src/app/scenarios/scenario-worker-api';
import { createEngineService } from '../../../src/app/workers/engine-service';

const manifestUrl = pathToFileURL(resolve('tests/fixtures/tiny-city/manifest.json')).href;
const fetchBytes = async (url: string) => new Uint8Array(await readFile(fileURLToPath(url)));

describe('the selected year in the document store', () => {
  test('every figure follows the year, housing records included, and the scenario keeps it', async () => {
    const { document } = await openTinyCityApp();
    const base = new Date().getUTCFullYear();
    expect(document.getState().summary?.years).toEqual({ base, last: base + 10, selected: base });
    const a = () => document.getState().views['fi-lower'].indicatorsFull.schools[0].children;
    expect(a()).toBe(100);
    await document.getState().setYear(base + 1);
    expect(document.getState().year).toBe(base + 1);
    expect(a()).toBeCloseTo(8 + 500 / 6, 12);
    // 100 ARA block dwellings in cell (0, 0) completed next year: + 100 × 0.072 pupils (default yield).
    await document.getState().requestEdit({ kind: 'housing-project', year: base + 1, id: 'h', name: 'H', dwellings: 100, tenure: 'social_rental', buildingType: 'block', location: [385_100, 6_672_100] });
    expect(a()).toBeCloseTo(8 + 500 / 6 + 7.2, 12);
    await document.getState().undo();
    expect(a()).toBeCloseTo(8 + 500 / 6, 12);
    await document.getState().setYear(base);
    expect(a()).toBe(100);
  });

  test('a year switch answers the figures only, unless a dated edit moves catchments in that year', async () => {
    const { service, document } = await openTinyCityApp();
    const base = new Date().getUTCFullYear();
    const view = () => document.getState().views['fi-lower'];
    // Cells (2, 0) and (2, 1) go to A from B + 2 on: 2 cells of column 2 (each 20 children in B) leave B.
    await document.getState().requestEdit({ kind: 'assign-cells', networkId: 'fi-lower', schoolId: 'A', cells: [[2, 0], [2, 1]], year: base + 2 });
    const before = view().catchments;
    const r = await service.setYear!(base + 1, 'fi-lower');
    expect(r.ok && r.value.complete).toBe(false);
    expect(Object.keys(r.ok ? r.value.catchments : {})).toEqual([]);
    await document.getState().setYear(base + 1);
    // The catchments are kept (same geometry objects), the figures are the year's: A = 8 + 500/6.
    expect(view().catchments.every((c, i) => c === before[i])).toBe(true);
    expect(view().indicatorsFull.schools[0].children).toBeCloseTo(8 + 500 / 6, 12);
    // B + 2: the dated edit comes into effect, the answer is complete and A's catchment has grown.
    await document.getState().setYear(base + 2);
    expect(view().catchments[0]).not.toBe(before[0]);
    // A in B + 2 (16 + 400/6) + 2 cells of column 2, each (2 + 80/6) (tiny-city-projection.test.ts).
    expect(view().indicatorsFull.schools[0].children).toBeCloseTo(16 + 400 / 6 + 2 * (2 + 80 / 6), 12);
  });

  test('the worker answers the series of every year on request (charts of the years ahead)', async () => {
    const host = new ScenarioHost((d, c) => new ScenarioEngine(d, c), { schedule: () => ({ cancel() {} }) });
    const service = createEngineService(host.engineFactory, host.gate(fetchBytes));
    const api = createScenarioApi(host);
    const loading = service.load({ manifestUrl, fileUrls: {} }, () => {});
    await api.prime({ records: [], sessions: [], datasets: [], defaultName: 'S' } as never);
    expect((await loading).ok).toBe(true);
    const base = new Date().getUTCFullYear();
    await service.apply({ kind: 'housing-project', year: base + 1, id: 'h', name: 'H', dwellings: 100, tenure: 'social_rental', buildingType: 'block', location: [385_100, 6_672_100] }, false);
    const r = await service.yearSeries!('fi-lower');
    if (!r.ok) throw new Error(r.problems[0].message);
    expect(r.value.years).toEqual(Array.from({ length: 11 }, (_, i) => base + i));
    const a = r.value.schools.find((s) => s.id === 'A')!;
    // A: 100 in B; B + 1: 8 + 500/6 and the project's 100 × 0.072 (default yield) in the scenario only.
    expect(a.children.baseline[1]).toBeCloseTo(8 + 500 / 6, 12);
    expect(a.children.scenario[1]).toBeCloseTo(8 + 500 / 6 + 7.2, 12);
    expect(a.capacity.scenario[0]).toBe(100);
  });

  test('the cell choropleth\'s children are the selected year\'s', async () => {
    const host = new ScenarioHost((d, c) => new ScenarioEngine(d, c), { schedule: () => ({ cancel() {} }) });
    const service = createEngineService(host.engineFactory, host.gate(fetchBytes));
    const api = createScenarioApi(host);
    const loading = service.load({ manifestUrl, fileUrls: {} }, () => {});
    await api.prime({ records: [], sessions: [], datasets: [], defaultName: 'S' } as never);
    expect((await loading).ok).toBe(true);
    const base = new Date().getUTCFullYear();
    const total = async () => (await service.unitMeasures('fi-lower'))[0].values.reduce((x, v) => x + v, 0);
    // B: A + B = 100 + 180; B + 1: 8 + 500/6 + 158 (tiny-city-projection.test.ts).
    expect(await total()).toBeCloseTo(280, 9);
    await service.setYear!(base + 1, 'fi-lower');
    expect(await total()).toBeCloseTo(8 + 500 / 6 + 158, 9);
  });
});
