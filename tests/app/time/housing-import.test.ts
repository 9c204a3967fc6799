/**
 * Housing projects from a file through the real worker pieces in-process (engine service +
 * ScenarioHost + document store) on Tiny City (base year B = this year, no "year" in its manifest).
 * Default yields: ARA block lower grades 0.072 per dwelling in the completion year (docs/indicator-config.md).
 */
import { describe, expect, test } from 'vitest';
import { openTinyCityApp } from '../../helpers/tiny-city-app';

const bytes = (s: string) => new TextEncoder().encode(s);

describe('housing projects from a file in the app', () => {
  test('a CSV adds every project (one record each), the figures and the pupils per year follow', async () => {
    const { document, service } = await openTinyCityApp();
    const base = new Date().getUTCFullYear();
    // Two ARA block projects of 100 and 50 dwellings in cell (0, 0), school A, completed this year.
    const csv = `name;dwellings;tenure;x;y\nP1;100;social_rental;385100;6672100\nP2;50;ARA;385120;6672120\n`;
    expect(await document.getState().importHousing({ name: 'p.csv', bytes: bytes(csv) })).toBe(true);
    expect(document.getState().housing.map((p) => [p.id, p.dwellings, p.year])).toEqual([['p-1', 100, base], ['p-2', 50, base]]);
    // A: 100 + 150 × 0.072 = 110.8.
    expect(document.getState().views['fi-lower'].indicatorsFull.schools[0].children).toBeCloseTo(110.8, 12);
    expect(document.getState().editCount).toBe(2);
    const pupils = await service.housingPupils!();
    expect(pupils.years[0]).toBe(base);
    expect(pupils.projects[0].lower[0]).toBeCloseTo(7.2, 12);
  });

  test('one bad row refuses the file: named problems, nothing added', async () => {
    const { document } = await openTinyCityApp();
    const csv = `name;dwellings;x;y\nGood;100;385100;6672100\nFar;100;300000;6600000\n`;
    expect(await document.getState().importHousing({ name: 'bad.csv', bytes: bytes(csv) })).toBe(false);
    expect(document.getState().editProblems.map((p) => p.code)).toEqual(['housing-outside-units']);
    expect(document.getState().housing).toEqual([]);
    expect(document.getState().editCount).toBe(0);
    expect(document.getState().views['fi-lower'].indicatorsFull.schools[0].children).toBe(100);
  });
});
