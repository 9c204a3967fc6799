/** The school-network forms' records (src/app/school-network/school-records.ts), feeder rows and the map pick. */
import { describe, expect, test } from 'vitest';
import { newSchoolId, openSchoolRecord, setCapacityRecord, yearRange } from '../../../src/app/school-network/school-records';
import { schoolFeeders } from '../../../src/app/school-network/feeder-rows';
import { deliverMapClick, finishRegionPick, isPicking, locationPick, requestPoint, requestRegion, regionPickActive } from '../../../src/app/school-network/location-pick';
import { toLonLat } from '../../../src/app/map/display-projection';
import type { SchoolInfo } from '../../../src/app/workers/engine-protocol';
import type { MultiPolygon, Position } from '../../../src/core/model/geometry-types';

const info = (patch: Partial<SchoolInfo>): SchoolInfo => ({ id: 'S', name: 'S', index: 0, capacity: 100, location: [0, 0], lonLat: [0, 0], ...patch });

describe('school records of the forms', () => {
  test('a new id from the name, unique', () => {
    expect(newSchoolId('Uusi Ääkkös-koulu', new Set())).toBe('new-uusi-aakkos-koulu');
    expect(newSchoolId('Uusi koulu', new Set(['new-uusi-koulu', 'new-uusi-koulu-2']))).toBe('new-uusi-koulu-3');
    expect(newSchoolId('  ', new Set())).toBe('new-school');
  });

  test('open-school record: trimmed name, the form values as given', () => {
    const r = openSchoolRecord({ name: ' Koulu ', language: 'sv', grades: '1-9', capacity: 250, year: 2027, location: [1, 2], catchment: 'nearest' }, new Set());
    expect(r).toEqual({ kind: 'open-school', year: 2027, school: { id: 'new-koulu', name: 'Koulu', language: 'sv', grades: '1-9', capacity: 250, location: [1, 2] }, catchment: 'nearest' });
  });

  test('capacity: a 1–6 school gets its capacity; a 1–9 school the level part, its total and the other level kept', () => {
    expect(setCapacityRecord(info({ grades: '1-6', schoolCapacity: 100 }), 'lower', 140, 2026)).toEqual({ kind: 'set-capacity', year: 2026, schoolId: 'S', capacity: 140 });
    expect(setCapacityRecord(info({ grades: '1-9', schoolCapacity: 500, capacityByLevel: { lower: 300, upper: 200 } }), 'upper', 260, 2026))
      .toEqual({ kind: 'set-capacity', year: 2026, schoolId: 'S', capacity: 500, capacityByLevel: { lower: 300, upper: 260 } });
    expect(setCapacityRecord(info({ grades: '1-9', schoolCapacity: null }), 'lower', 80, 2025))
      .toEqual({ kind: 'set-capacity', year: 2025, schoolId: 'S', capacity: 80, capacityByLevel: { lower: 80 } });
  });

  test('year range of the year control', () => {
    expect(yearRange({ base: 2024, last: 2026 })).toEqual([2024, 2025, 2026]);
    expect(yearRange(undefined)).toEqual([]);
  });
});

describe('feeder rows of one school', () => {
  const tables = [{ lowerNetwork: 'fi-lower', upperNetwork: 'fi-upper', feeders: [{ lower: 'A', upper: 'U1', children: 100 }, { lower: 'B', upper: 'U1', children: 80 }, { lower: 'B', upper: 'U2', children: 100 }], splitFeeders: ['B'] }];
  test('a lower school: where its pupils go, most first, and the split flag', () => {
    expect(schoolFeeders(tables, 'fi-lower', 'lower', 'B')).toEqual({ flows: [{ id: 'U2', children: 100 }, { id: 'U1', children: 80 }], split: true });
    expect(schoolFeeders(tables, 'fi-lower', 'lower', 'A')).toEqual({ flows: [{ id: 'U1', children: 100 }], split: false });
  });
  test('an upper school: where its pupils come from; another network: nothing', () => {
    expect(schoolFeeders(tables, 'fi-upper', 'upper', 'U1')).toEqual({ flows: [{ id: 'A', children: 100 }, { id: 'B', children: 80 }], split: false });
    expect(schoolFeeders(tables, 'sv-lower', 'lower', 'A')).toEqual({ flows: [], split: false });
  });
});

describe('map pick', () => {
  test('a pending point takes the next click in EPSG:3067 (rounded to the metre), and the same click selects nothing', () => {
    let got: Position | null = null;
    requestPoint((p) => (got = p));
    expect(isPicking(0)).toBe(true);
    const [lon, lat] = toLonLat(385_500, 6_672_500);
    expect(deliverMapClick(lon, lat, 1000)).toBe(true);
    expect(got).toEqual([385_500, 6_672_500]);
    expect(isPicking(1200)).toBe(true);
    expect(isPicking(1500)).toBe(false);
    expect(deliverMapClick(lon, lat, 2000)).toBe(false);
  });
  test('a pending region takes the next lasso', () => {
    let got: MultiPolygon | null = null;
    const region: MultiPolygon = [[[[0, 0], [1, 0], [1, 1], [0, 0]]]];
    expect(finishRegionPick(region)).toBe(false);
    requestRegion((r) => (got = r));
    expect(regionPickActive()).toBe(true);
    expect(finishRegionPick(region)).toBe(true);
    expect(got).toBe(region);
    expect(locationPick.getState().pending).toBeNull();
  });
});
