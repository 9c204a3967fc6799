/**
 * Scenario files: exact round trip, the version-1 fixture (migration), corrupted files with
 * named problems that change nothing, and the dataset-mismatch warning. Tiny City
 * (tests/fixtures/tiny-city/README.md): A owns columns 0–1 (100 children), B columns 2–3 (180);
 * moving column 2 (4 cells × 20 children) to A gives A = 180, B = 100.
 */
import { readFile } from 'node:fs/promises';
import { beforeAll, describe, expect, it } from 'vitest';
import { presets } from '../../../src/core/config/presets';
import type { Dataset } from '../../../src/core/model/dataset';
import type { Edit } from '../../../src/core/scenario/edit';
import { ScenarioEngine } from '../../../src/core/scenario/scenario-engine';
import { datasetHash } from '../../../src/core/scenario/dataset-hash';
import {
  applyScenario, createScenario, describeScenario, duplicateScenario, parseScenarioFile, renameScenario, scenarioWithEngineEdits, serializeScenario,
} from '../../../src/core/scenario/scenario-file';
import type { Scenario } from '../../../src/core/scenario/scenario-file';
import { loadFixtureBundle } from '../../helpers/load-fixture-bundle';

let dataset: Dataset;
let v1Text: string;
beforeAll(async () => {
  dataset = await loadFixtureBundle('tests/fixtures/tiny-city');
  v1Text = await readFile('tests/fixtures/scenarios/tiny-city-v1.json', 'utf8');
});

const NOW = '2025-01-15T12:00:00.000Z';
const column2: Edit = { kind: 'assign-cells', networkId: 'fi-lower', schoolId: 'A', cells: [[2, 0], [2, 1], [2, 2], [2, 3]] };
// Awkward binary fractions: 0.1 + 0.2 and thirds do not have short decimal forms.
const x = 385_500 + 0.1 + 0.2;
const awkward: Edit = {
  kind: 'assign-region', networkId: 'fi-lower', schoolId: 'B',
  region: [[[[x, 6_672_000 + 1 / 3], [x + 100 / 3, 6_672_000 + 1 / 3], [x + 100 / 3, 6_672_900.000_000_1], [x, 6_672_900.000_000_1], [x, 6_672_000 + 1 / 3]]]],
};

function scenario(edits: Edit[], cursor = edits.length): Scenario {
  return { ...createScenario(dataset, 'Länsi–itä: “testi”', { id: 's1', now: NOW, description: 'Kuvaus, jossa on pilkku' }), edits, cursor };
}

function positions(edits: Edit[]): number[] {
  return edits.flatMap((e) => (e.kind === 'assign-region' ? e.region.flat(3) : e.kind === 'assign-cells' ? e.cells.flat() : []));
}

describe('scenario helpers', () => {
  it('create, duplicate, rename and describe', () => {
    const s = scenario([column2]);
    expect(s.cursor).toBe(1);
    expect(s.datasetName).toBe('Tiny City (test fixture)');
    const d = duplicateScenario(s, { id: 's2', now: '2025-02-01T00:00:00.000Z' });
    expect(d).toMatchObject({ id: 's2', name: 'Länsi–itä: “testi” (copy)', createdAt: '2025-02-01T00:00:00.000Z', cursor: 1 });
    expect(d.edits).toEqual(s.edits);
    expect(d.edits).not.toBe(s.edits);
    expect(renameScenario(s, 'Uusi', NOW).name).toBe('Uusi');
    expect(describeScenario(s, 'Muu', NOW).description).toBe('Muu');
    const fresh = createScenario(dataset, 'x');
    expect(fresh.id).not.toBe(createScenario(dataset, 'x').id);
    // The hash is computed unless the caller has it (the scenario host computes it once per load).
    expect(fresh.datasetHash).toBe(datasetHash(dataset));
    expect(createScenario(dataset, 'x', { datasetHash: fresh.datasetHash }).datasetHash).toBe(fresh.datasetHash);
    expect(serializeScenario(fresh, dataset, fresh.datasetHash)).toBe(serializeScenario(fresh, dataset));
    const against = parseScenarioFile(serializeScenario(fresh, dataset), dataset, 'another hash');
    expect(against.ok && against.warnings.map((w) => w.code)).toEqual(['dataset-mismatch']);
  });

  it('takes the edit log of an engine', () => {
    const engine = new ScenarioEngine(dataset, presets['statfi-grid']);
    engine.apply(column2);
    const s = scenarioWithEngineEdits(scenario([]), engine, NOW);
    expect(s.edits).toEqual([column2]);
    expect(s.cursor).toBe(1);
  });
});

describe('scenario file round trip', () => {
  it('is exact: same scenario, coordinates bit-identical', () => {
    const s = scenario([column2, awkward], 1);
    const text = serializeScenario(s, dataset);
    const r = parseScenarioFile(text, dataset);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.warnings).toEqual([]);
    expect(r.value).toEqual(s);
    const a = positions(s.edits);
    const b = positions(r.value.edits);
    expect(b.length).toBe(a.length);
    a.forEach((v, i) => expect(Object.is(v, b[i])).toBe(true));
    // And serialising again gives the same text.
    expect(serializeScenario(r.value, dataset)).toBe(text);
  });

  it('records format, version 3 and the dataset (hash + name)', () => {
    const file = JSON.parse(serializeScenario(scenario([column2]), dataset));
    expect(file.format).toBe('catchment-studio-scenario');
    expect(file.version).toBe(3);
    expect(file.dataset.name).toBe('Tiny City (test fixture)');
    expect(file.dataset.hash).toMatch(/^[0-9a-f]{16}$/);
    expect(file.cursor).toBe(1);
  });

  it('applies with its redo history: cursor 1 of 2 leaves the second edit to redo', () => {
    const engine = new ScenarioEngine(dataset, presets['statfi-grid']);
    const cellBack: Edit = { kind: 'assign-cells', networkId: 'fi-lower', schoolId: 'B', cells: [[2, 0]] };
    const r = applyScenario(engine, scenario([column2, cellBack], 1));
    expect(r.ok && r.value).toBe(1);
    const A = () => engine.indicators('fi-lower').schools[0].children;
    // Column 2 in A: 4 × (10 + 15 + 20) = 180.
    expect(A()).toBeCloseTo(180, 9);
    expect(engine.canRedo()).toBe(true);
    engine.redo();
    // Cell (2, 0) with 20 children back to B: 160.
    expect(A()).toBeCloseTo(160, 9);
  });
});

describe('version-1 files', () => {
  it('imports the v1 fixture through the migration, with a warning', () => {
    const r = parseScenarioFile(v1Text, dataset);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.warnings.map((w) => w.code)).toEqual(['scenario-migrated']);
    const s = r.value;
    expect(s.name).toBe('Sarake 2 Länsikouluun');
    expect(s.createdAt).toBe('2024-05-02T09:30:00.000Z');
    expect(s.datasetHash).toBe('');
    expect(s.datasetName).toBe('Tiny City (test fixture)');
    expect(s.edits).toHaveLength(2);
    expect(s.cursor).toBe(2);
    expect(s.id).toMatch(/^v1-[0-9a-f]{16}$/);
    // Cells (2,0), (2,1) then the region covering rows 2–3 of column 2 (and a 10 m strip of row 1):
    // all of column 2 ends in A, so A = 4 × (10 + 15 + 20) = 180.
    const engine = new ScenarioEngine(dataset, presets['statfi-grid']);
    expect(applyScenario(engine, s).ok).toBe(true);
    expect(engine.indicators('fi-lower').schools[0].children).toBeCloseTo(180, 9);
  });

  it('warns about a v1 file made on another dataset name', () => {
    const r = parseScenarioFile(v1Text.replace('"Tiny City (test fixture)"', '"Other town"'), dataset);
    expect(r.ok && r.warnings.map((w) => w.code)).toEqual(['scenario-migrated', 'dataset-mismatch']);
  });
});

describe('corrupted files', () => {
  const good = (): Record<string, unknown> => JSON.parse(serializeScenario(scenario([column2, awkward]), dataset));
  const cases: [string, () => string, string][] = [
    ['truncated JSON', () => serializeScenario(scenario([column2]), dataset).slice(0, 120), 'scenario-not-json'],
    ['wrong format tag', () => JSON.stringify({ ...good(), format: 'catchment-studio-bundle' }), 'scenario-wrong-format'],
    ['unknown future version', () => JSON.stringify({ ...good(), version: 4 }), 'scenario-future-version'],
    ['non-numeric version', () => JSON.stringify({ ...good(), version: '2' }), 'scenario-bad-version'],
    ['NaN coordinate (JSON null)', () => JSON.stringify(good()).replace('385500.3', 'null'), 'edit-bad-coordinates'],
    ['NaN coordinate (string)', () => JSON.stringify(good()).replace('385500.3', '"NaN"'), 'edit-bad-coordinates'],
    ['NaN literal', () => JSON.stringify(good()).replace('385500.3', 'NaN'), 'scenario-not-json'],
    ['edit of an unknown kind', () => JSON.stringify({ ...good(), edits: [{ ...column2, kind: 'merge-schools' }] }), 'edit-unknown-kind'],
    ['unknown network id', () => JSON.stringify({ ...good(), edits: [{ ...column2, networkId: 'sv-upper' }] }), 'unknown-network'],
    ['empty network id', () => JSON.stringify({ ...good(), edits: [{ ...column2, networkId: '' }] }), 'edit-bad-network'],
    ['unknown school', () => JSON.stringify({ ...good(), edits: [{ ...column2, schoolId: 'Z' }] }), 'unknown-school'],
    ['fractional cell', () => JSON.stringify({ ...good(), edits: [{ ...column2, cells: [[2.5, 0]] }] }), 'edit-bad-cells'],
    ['cursor beyond the edits', () => JSON.stringify({ ...good(), cursor: 3 }), 'scenario-bad-cursor'],
    ['missing name', () => JSON.stringify({ ...good(), scenario: { id: 'x' } }), 'scenario-bad-field'],
  ];

  it('an edit without a kind says so (not "the unknown kind undefined")', () => {
    const { kind: _, ...kindless } = column2;
    const r = parseScenarioFile(JSON.stringify({ ...good(), edits: [kindless] }), dataset);
    expect(r.ok ? null : r.problems[0]).toMatchObject({ code: 'edit-unknown-kind', message: 'Edit 1 has no "kind".' });
  });

  it.each(cases)('%s → named problem, nothing changed', (_name, make, code) => {
    const engine = new ScenarioEngine(dataset, presets['statfi-grid']);
    expect(applyScenario(engine, scenario([column2])).ok).toBe(true);
    const before = JSON.stringify(engine.indicators('fi-lower'));
    const r = parseScenarioFile(make(), dataset);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems.map((p) => p.code)).toEqual([code]);
    expect(r.problems[0].message.length).toBeGreaterThan(10);
    expect(r.problems[0].fix.length).toBeGreaterThan(5);
    // The current work is untouched.
    expect(JSON.stringify(engine.indicators('fi-lower'))).toBe(before);
    expect(engine.edits()).toEqual([column2]);
  });

  it('a scenario whose edit fails when applied is rolled back completely', () => {
    const engine = new ScenarioEngine(dataset, presets['statfi-grid']);
    const before = JSON.stringify(engine.indicators('fi-lower'));
    // Parsed without a dataset, the unknown school passes the structural check and fails on apply.
    const s = scenario([column2, { ...column2, schoolId: 'Z' }]);
    const r = applyScenario(engine, s);
    expect(r.ok).toBe(false);
    expect(JSON.stringify(engine.indicators('fi-lower'))).toBe(before);
    expect(engine.canUndo()).toBe(false);
  });
});

describe('dataset mismatch', () => {
  it('warns (not an error) when imported onto different data', () => {
    const text = serializeScenario(scenario([column2]), dataset);
    const other: Dataset = { ...dataset, name: 'Tiny City, corrected', schools: dataset.schools.map((s) => (s.id === 'A' ? { ...s, capacity: 120 } : s)) };
    const r = parseScenarioFile(text, other);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.warnings.map((w) => w.code)).toEqual(['dataset-mismatch']);
    expect(r.warnings[0].message).toContain('Tiny City (test fixture)');
    // Without a dataset there is nothing to compare with.
    const bare = parseScenarioFile(text);
    expect(bare.ok && bare.warnings).toEqual([]);
  });
});
