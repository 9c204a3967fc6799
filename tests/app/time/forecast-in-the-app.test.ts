/**
 * A city's forecast imported in the app: through the real worker pieces in-process (engine service
 * + ScenarioHost + document store) on Tiny City (base year B = this calendar year, its manifest
 * has none). Figures worked out by hand in tests/core/projection/tiny-city-projection.test.ts:
 * in B + 1 school A has 8 + 500/6 children by the model, of which cell (0, 0) holds 1 + 50/6
 * (age 6 of B, 1, plus ages 7–11 of B, 5 × 10/6); B has 158. A housing project of 100 ARA block
 * dwellings completed in B + 1 in cell (0, 0) adds 100 × 0.072 = 7.2 pupils (default yield).
 */
import { describe, expect, test } from 'vitest';
import { openTinyCityApp } from '../../helpers/tiny-city-app';

const CELL00 = 'CRS3067RES250mN6672000E385000';
const csv = (text: string, name = 'ennuste-2025.csv') => ({ name, bytes: new TextEncoder().encode(text) });

describe('the city forecast in the app', () => {
  test('replaces the model where it has figures in every scenario, keeps the records and the year, says which figures come from it', async () => {
    const { service, api, document } = await openTinyCityApp();
    const base = new Date().getUTCFullYear();
    const doc = () => document.getState();
    const a = () => doc().views['fi-lower'].indicatorsFull.schools[0].children;
    await doc().requestEdit({ kind: 'housing-project', year: base + 1, id: 'h', name: 'H', dwellings: 100, tenure: 'social_rental', buildingType: 'block', location: [385_100, 6_672_100] });
    await doc().setYear(base + 1);
    expect(a()).toBeCloseTo(8 + 500 / 6 + 7.2, 12);
    expect(await service.childrenSources!('fi-lower')).toMatchObject({ year: base + 1, forecastName: null, units: { data: 0, model: 16, forecast: 0, scaled: 0 } });

    // The forecast: cell (0, 0) has 20 children of 7–12 in B + 1 (semicolons, decimal comma); an unknown id is a warning.
    const taken = await doc().importForecast(csv(`id;year;age;people\n${CELL00};${base + 1};7-12;20,0\nNOWHERE;${base + 1};7-12;5\n`));
    expect(taken?.warnings.map((w) => w.code)).toEqual(['forecast-unknown-ids']);
    // A = model − cell (0, 0)'s model value + the forecast's 20 + the project's 7.2; the record and the year are kept.
    expect(doc().year).toBe(base + 1);
    expect(a()).toBeCloseTo(8 + 500 / 6 - (1 + 50 / 6) + 20 + 7.2, 12);
    expect(doc().canUndo).toBe(true);
    const sources = (await service.childrenSources!('fi-lower'))!;
    expect(sources.forecastName).toBe('ennuste-2025');
    expect(sources.units).toEqual({ data: 0, model: 15, forecast: 1, scaled: 0 });
    expect(sources.children.forecast).toBeCloseTo(20, 12);
    // Model: A's other 7 cells (8 + 500/6 − 1 − 50/6 = 7 + 450/6) and B's 158.
    expect(sources.children.model).toBeCloseTo(7 + 450 / 6 + 158, 12);
    // Undo works on the rebuilt engine: the project goes, the forecast stays.
    await doc().undo();
    expect(a()).toBeCloseTo(8 + 500 / 6 - (1 + 50 / 6) + 20, 12);

    // A new scenario starts from the baseline with the forecast.
    await api.create('T');
    expect((await service.snapshot('fi-lower')).indicatorsFull.schools[0].children).toBeCloseTo(8 + 500 / 6 - (1 + 50 / 6) + 20, 12);

    // A bad row refuses the file by name and changes nothing; so does a table matching no unit.
    expect(await doc().importForecast(csv(`id,year,age,people\n${CELL00},20x5,7-12,20\n`))).toBeNull();
    expect(doc().editProblems.map((p) => p.code)).toEqual(['forecast-bad-year']);
    expect(await doc().importForecast(csv(`id,year,age,people\nNOWHERE,${base + 1},7-12,20\n`))).toBeNull();
    expect(doc().editProblems.map((p) => p.code)).toEqual(['forecast-no-match']);
    expect((await service.childrenSources!('fi-lower'))!.forecastName).toBe('ennuste-2025');

    // Removing it brings the model back.
    expect(await doc().importForecast(null)).not.toBeNull();
    expect(a()).toBeCloseTo(8 + 500 / 6, 12);
    expect((await service.childrenSources!('fi-lower'))!.forecastName).toBeNull();
  });
});
