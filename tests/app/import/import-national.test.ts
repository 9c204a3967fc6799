/**
 * The wizard's worker side on the generated national file set (tests/helpers/national-files.ts):
 * 3,030 Paavo-like areas spanning Finland as units and as planning area, 2,196 register-like
 * schools, area kuntano = 837, schools kunta = 837 and olo = 0.
 *
 * By hand (national-files.ts): the 837 block is columns 18–20, rows 9–11, so the areas
 * k = 50r + c = 468, 469, 470, 518, 519, 520, 568, 569, 570 (9 units). Inhabitants 100·(k mod 97) + 50:
 * 8050, 8150, 8250, 3350, 3450, 3550, 8350, 8450, 8550; he_7_12 = ⌊0.07 × that⌋:
 * 563 + 570 + 577 + 234 + 241 + 248 + 584 + 591 + 598 = 4206 children of grades 1–6.
 * kunta = 837 and olo = 0 keep 36 of the 38 schools of 837; "Rajalan koulu" lies in column 21
 * (outside the area), flagged and left out unless kept; "Tammelan ala-asteen koulun esi" is cut at
 * 30 characters (flagged, still Finnish); "Tampere International School" has no language (flagged,
 * left out); the special school is left out; so 36 − 3 = 33 schools are chosen by default.
 */
import { describe, expect, test } from 'vitest';
import { createImportService } from '../../../src/app/workers/import-service';
import type { DatasetSummary } from '../../../src/app/workers/engine-protocol';
import type { StepProgress } from '../../../src/app/workers/import-protocol';
import { presets } from '../../../src/core/config/presets';
import type { Dataset } from '../../../src/core/model/dataset';
import { ok } from '../../../src/core/model/result';
import { ScenarioEngine } from '../../../src/core/scenario/scenario-engine';
import { paavoNational, registerNational, TAMPERE } from '../../helpers/national-files';

const files = { paavo: new TextEncoder().encode(paavoNational()), register: new TextEncoder().encode(registerNational()) };
const TAMPERE_CHILDREN = 4206;

async function wizard() {
  let adopted: Dataset | null = null;
  const service = createImportService(async (dataset) => {
    adopted = dataset;
    return ok({ name: dataset.name } as DatasetSummary);
  });
  const none = () => undefined;
  expect((await service.read('units', { name: 'paavo.geojson', bytes: files.paavo.slice() }, null, none)).ok).toBe(true);
  expect((await service.read('boundary', { name: 'paavo.geojson', bytes: files.paavo.slice() }, null, none)).ok).toBe(true);
  expect((await service.read('schools', { name: 'register.geojson', bytes: files.register.slice() }, null, none)).ok).toBe(true);
  const fields = await service.fields();
  if (!fields.ok) throw new Error('fields');
  expect(fields.value.detectedPreset).toBe('paavo');
  expect((await service.applyFields({ preset: 'paavo', mapping: fields.value.mapping })).ok).toBe(true);
  return { service, adopted: () => adopted as Dataset | null };
}

const choices = {
  filter: null,
  filters: [{ field: 'kunta', op: '=' as const, value: TAMPERE }, { field: 'olo', op: '=' as const, value: '0' }],
  area: null,
  areaFilters: [{ field: 'kuntano', op: '=' as const, value: TAMPERE }],
  overrides: {},
  generate: true,
};

describe('national files with a municipality filter', () => {
  test('filters before generation, flags for the user, catchments inside the area, every child in a catchment', { timeout: 60_000 }, async () => {
    const { service, adopted } = await wizard();
    const info = await service.schools(choices);
    if (!info.ok) throw new Error(info.problems[0].message);
    expect(info.value.filteredCount).toBe(36);
    expect(info.value.area).toMatchObject({ unitsKept: 9, unitsTotal: 3030, problems: [] });
    const byName = new Map(info.value.schools.map((s) => [s.name, s]));
    expect(byName.get('Rajalan koulu')).toMatchObject({ include: false, flags: ['outside-area'], excludedReason: 'outside planning area' });
    expect(byName.get('Tammelan ala-asteen koulun esi')).toMatchObject({ include: true, language: 'fi', flags: ['truncated-name'] });
    expect(byName.get('Tampere International School')).toMatchObject({ include: false, flags: ['language-unknown'] });
    expect(info.value.schools.filter((s) => s.include)).toHaveLength(33);

    const progress: StepProgress[] = [];
    const check = await service.check((p) => progress.push(p));
    if (!check.ok) throw new Error(check.problems[0].message);
    expect(check.value.errors).toEqual([]);
    expect(check.value.schoolCount).toBe(33);
    expect(progress.filter((p) => p.stage === 'generate').map((p) => p.network)).toEqual(check.value.networks.map((n) => n.id));
    // Catchments partition the area: no gap over the 9 areas, nothing outside the outline.
    for (const n of check.value.networks) expect(n.counts).toMatchObject({ gap: 0, overlap: 0, 'outside-outline': 0 });

    const done = await service.finish('Tampere', '');
    expect(done.ok).toBe(true);
    const dataset = adopted()!;
    expect(dataset.units.count).toBe(9);
    const engine = new ScenarioEngine(dataset, presets.paavo);
    const lower = engine.indicators('fi-lower').schools.reduce((a, s) => a + s.children, 0);
    // Children in no catchment = 4206 − Σ school children = 0.
    expect(lower).toBeCloseTo(TAMPERE_CHILDREN, 6);
  });

  test('an outside school kept by the user is used; a filter field the file lacks is named, nothing generated', { timeout: 60_000 }, async () => {
    const { service } = await wizard();
    const first = await service.schools(choices);
    if (!first.ok) throw new Error('schools');
    const rajala = first.value.schools.find((s) => s.name === 'Rajalan koulu')!;
    const kept = await service.schools({ ...choices, overrides: { [rajala.id]: { include: true } } });
    expect(kept.ok && kept.value.schools.filter((s) => s.include)).toHaveLength(34);
    const check = await service.check();
    expect(check.ok && check.value.schoolCount).toBe(34);

    const bad = await service.schools({ ...choices, filters: [{ field: 'kunat', op: '=', value: TAMPERE }] });
    if (!bad.ok) throw new Error('bad filter should come back with the Schools step');
    expect(bad.value.filterProblems?.[0]).toMatchObject({ code: 'filter-field-unknown', field: 'kunat' });
    const blocked = await service.check();
    expect(blocked.ok && blocked.value.errors.map((e) => e.code)).toEqual(['filter-field-unknown']);
  });

  test('without any filter the whole country is generated inside the units, never overflowing the clipper', { timeout: 120_000 }, async () => {
    const { service } = await wizard();
    await service.remove('boundary');
    const info = await service.schools({ filter: null, overrides: {}, generate: true });
    expect(info.ok).toBe(true);
    const check = await service.check();
    if (!check.ok) throw new Error(check.problems[0].message);
    expect(check.value.errors).toEqual([]);
    expect(check.value.networks.length).toBeGreaterThan(0);
  });
});
