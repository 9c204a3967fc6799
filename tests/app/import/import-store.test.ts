/** The wizard store against a fake ImportApi: reading with progress, errors kept per file, step gating, repairs, finish or cancel. */
import { describe, expect, it, vi } from 'vitest';
import { fail, ok } from '../../../src/core/model/result';
import { createImportStore } from '../../../src/app/import/import-store';
import type { CheckInfo, ImportApi, ImportFileSummary, ImportRole } from '../../../src/app/workers/import-protocol';
import type { DatasetSummary } from '../../../src/app/workers/engine-protocol';

const summary = (role: ImportRole): ImportFileSummary => ({ role, file: `${role}.geojson`, format: 'geojson', features: 3, crs: 'EPSG:4326', crsSource: 'coordinates', geometry: { points: 0, polygons: 3, other: 0, none: 0 }, fields: [], warnings: [] });
const check = (errors = 0, repairs = 0): CheckInfo => ({
  units: { count: 3, kind: 'polygons', populationField: 'he_vakiy', populationTotal: 35, problems: [], suppression: [], groupFields: [] },
  networks: [], errors: Array.from({ length: errors }, () => ({ code: 'no-networks', message: 'm', fix: 'f' })), warnings: [],
  repairs: Array.from({ length: repairs }, () => ({ repair: 'gaps' as const, changes: [], areaGained: 1, areaLost: 0, populationGained: 0, populationLost: 0, unresolved: 0 })),
  estimated: false, preset: 'paavo', schoolCount: 2, defaultName: 'units',
});

function fakeApi(overrides: Partial<ImportApi> = {}): ImportApi {
  let repairs = 0;
  return {
    read: vi.fn(async (role, _input, _crs, onProgress) => {
      onProgress({ role, fraction: 0.5, message: 'half' });
      return role === 'catchments' ? fail({ code: 'invalid-json', message: 'bad', fix: 'fix', file: 'c.geojson' }) : ok(summary(role));
    }),
    reread: vi.fn(async (role) => ok({ ...summary(role), crs: 'EPSG:3879', crsSource: 'override' as const })),
    remove: vi.fn(async () => undefined),
    fields: vi.fn(async () => ok({ detectedPreset: 'paavo' as const, canonical: [], sourceFields: ['vaesto'], mapping: { he_vakiy: 'vaesto' }, matched: [], defaultFractions: { lower: [], upper: [] } })),
    applyFields: vi.fn(async (c) => ok({ preset: c.preset, estimated: false, warnings: [] })),
    schools: vi.fn(async () => ok({ totalInFile: 2, filterFields: [], schools: [], hasCatchmentFile: false, catchmentCount: 0, catchmentsWithoutSchool: [], schoolsWithoutCatchment: [], problems: [] })),
    check: vi.fn(async () => ok(check(0, repairs))),
    repair: vi.fn(async () => ok(check(0, ++repairs))),
    undoRepair: vi.fn(async () => ok(check(0, (repairs = Math.max(0, repairs - 1))))),
    totals: vi.fn(async () => ok([])),
    finish: vi.fn(async () => ok({ name: 'units' } as DatasetSummary)),
    reset: vi.fn(async () => undefined),
    ...overrides,
  };
}

const file = { name: 'x.geojson', bytes: new Uint8Array([1]) };

describe('import store', () => {
  it('reads files, keeps a failed file’s named problems and gates the next step', async () => {
    const api = fakeApi();
    const store = createImportStore(api, async () => undefined);
    await store.getState().pick('units', file);
    expect(store.getState().files.units).toMatchObject({ status: 'ready', progress: 1 });
    await store.getState().pick('catchments', file);
    expect(store.getState().files.catchments.status).toBe('error');
    expect(store.getState().files.catchments.problems[0]).toMatchObject({ code: 'invalid-json', file: 'c.geojson' });
    await store.getState().goTo('crs');
    expect(store.getState().step).toBe('files');
    await store.getState().pick('schools', file);
    await store.getState().removeFile('catchments');
    await store.getState().goTo('crs');
    expect(store.getState().step).toBe('crs');
  });

  it('reads a file again with the chosen CRS', async () => {
    const api = fakeApi();
    const store = createImportStore(api, async () => undefined);
    await store.getState().pick('units', file);
    await store.getState().setCrs('units', 'EPSG:3879');
    expect(api.reread).toHaveBeenCalledWith('units', 'EPSG:3879', expect.any(Function));
    expect(store.getState().files.units.summary?.crsSource).toBe('override');
  });

  it('pre-fills the mapping, applies it on leaving Fields, generates catchments without a catchments file, and finishes', async () => {
    const api = fakeApi();
    const finished = vi.fn(async () => undefined);
    const store = createImportStore(api, finished);
    await store.getState().pick('units', file);
    await store.getState().pick('schools', file);
    await store.getState().goTo('fields');
    expect(store.getState().mapping).toEqual({ he_vakiy: 'vaesto' });
    expect(store.getState().preset).toBe('paavo');
    await store.getState().goTo('schools');
    expect(api.applyFields).toHaveBeenCalledWith({ preset: 'paavo', mapping: { he_vakiy: 'vaesto' } });
    expect(store.getState().schoolChoices.generate).toBe(true);
    await store.getState().goTo('check');
    expect(store.getState().name).toBe('units');
    await store.getState().repair('gaps');
    expect(store.getState().check?.repairs).toHaveLength(1);
    await store.getState().undoRepair();
    expect(store.getState().check?.repairs).toHaveLength(0);
    expect(await store.getState().finish()).toBe(true);
    expect(finished).toHaveBeenCalledWith({ name: 'units' }, []);
    expect(store.getState().open).toBe(false);
  });

  it('a refused finish keeps the wizard open with the problems and never calls onFinished', async () => {
    const api = fakeApi({ finish: vi.fn(async () => fail({ code: 'no-networks', message: 'none', fix: 'give catchments' })) });
    const finished = vi.fn(async () => undefined);
    const store = createImportStore(api, finished);
    store.getState().openWizard();
    expect(await store.getState().finish()).toBe(false);
    expect(finished).not.toHaveBeenCalled();
    expect(store.getState().open).toBe(true);
    expect(store.getState().problems[0].code).toBe('no-networks');
    await store.getState().close();
    expect(api.reset).toHaveBeenCalled();
    expect(store.getState().files.units.status).toBe('empty');
  });
});

describe('import store: national files', () => {
  it('school and area conditions go to the worker; many schools set at once; progress shown while busy', async () => {
    const seen: unknown[] = [];
    const api = fakeApi({
      schools: vi.fn(async (choices, onProgress) => {
        seen.push(JSON.parse(JSON.stringify(choices)));
        onProgress?.({ stage: 'area', done: 0, total: 0 });
        expect(store.getState().activity).toEqual({ stage: 'area', done: 0, total: 0 });
        return ok({ totalInFile: 2, filterFields: [], schools: [], hasCatchmentFile: false, catchmentCount: 0, catchmentsWithoutSchool: [], schoolsWithoutCatchment: [], problems: [] });
      }),
    });
    const store = createImportStore(api, async () => undefined);
    await store.getState().setFilters([{ field: 'kunta', op: '=', value: '837' }, { field: 'olo', op: '=', value: '0' }]);
    await store.getState().setAreaFilters([{ field: 'kuntano', op: '=', value: '837' }]);
    await store.getState().setSchools(['a', 'b'], { language: 'sv' });
    expect(store.getState().activity).toBeNull();
    expect(seen[2]).toMatchObject({
      filters: [{ field: 'kunta', value: '837' }, { field: 'olo', value: '0' }],
      areaFilters: [{ field: 'kuntano', value: '837' }],
      overrides: { a: { language: 'sv' }, b: { language: 'sv' } },
    });
  });

  it('a worker that fails (the call rejects) shows a named problem instead of waiting', async () => {
    const api = fakeApi({ schools: vi.fn(async () => Promise.reject(new Error('worker terminated'))) });
    const store = createImportStore(api, async () => undefined);
    await store.getState().setFilters([]);
    expect(store.getState().busy).toBe(false);
    expect(store.getState().problems[0]).toMatchObject({ code: 'import-failed' });
    expect(store.getState().problems[0].message).toContain('worker terminated');
  });
});
