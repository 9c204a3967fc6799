/**
 * Feeders on a hand-built two-network Tiny City (tests/fixtures/tiny-city/README.md): the
 * lower network is the fixture's (A = columns 0–1, B = columns 2–3; 7–12-year-olds per cell of
 * column c: 10 + 5c); an upper network is added with U1 = columns 0–2 and U2 = column 3.
 *   A → U1: all of A = 4 × (10 + 15) = 100
 *   B → U1: column 2 = 4 × 20 = 80;  B → U2: column 3 = 4 × 25 = 100
 * B sends 80 / 180 = 44 % to its second upper school: a split feeder at 10 %, not at 50 %.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { presets } from '../../../src/core/config/presets';
import { feederFlows, splitFeeders } from '../../../src/core/feeders/feeders';
import type { Dataset } from '../../../src/core/model/dataset';
import type { MultiPolygon } from '../../../src/core/model/geometry-types';
import { ScenarioEngine } from '../../../src/core/scenario/scenario-engine';
import { loadFixtureBundle } from '../../helpers/load-fixture-bundle';

const X0 = 385_000;
const Y0 = 6_672_000;
const rect = (x0: number, x1: number): MultiPolygon => [[[[X0 + x0, Y0], [X0 + x1, Y0], [X0 + x1, Y0 + 1000], [X0 + x0, Y0 + 1000], [X0 + x0, Y0]]]];

let dataset: Dataset;
beforeAll(async () => {
  const tiny = await loadFixtureBundle('tests/fixtures/tiny-city');
  dataset = {
    ...tiny,
    schools: [
      ...tiny.schools,
      { id: 'U1', name: 'Yläkoulu 1', language: 'fi', grades: '7-9', capacity: 200, location: [X0 + 375, Y0 + 500] },
      { id: 'U2', name: 'Yläkoulu 2', language: 'fi', grades: '7-9', capacity: 200, location: [X0 + 875, Y0 + 500] },
    ],
    networks: [...tiny.networks, { id: 'fi-upper', label: 'fi 7–9', language: 'fi', level: 'upper', schoolIds: ['U1', 'U2'] }],
    partitions: { ...tiny.partitions, 'fi-upper': { networkId: 'fi-upper', catchments: [rect(0, 750), rect(750, 1000)] } },
  };
});

function engine(): ScenarioEngine {
  const e = ScenarioEngine.create(dataset, presets['statfi-grid'], { baseYear: 2024, horizon: 3 });
  if (!e.ok) throw new Error(e.problems[0].message);
  return e.value;
}

describe('feeders', () => {
  it('gives the children by (lower, upper) pair and flags the split feeder', () => {
    const [table] = engine().feeders(2024);
    expect(table.lowerNetwork).toBe('fi-lower');
    expect(table.upperNetwork).toBe('fi-upper');
    expect(table.feeders.map((f) => [f.lower, f.upper, Math.round(f.children * 1e9) / 1e9])).toEqual([['A', 'U1', 100], ['B', 'U1', 80], ['B', 'U2', 100]]);
    expect(table.splitFeeders).toEqual(['B']);
    expect(engine().feeders(2024, 0.5)[0].splitFeeders).toEqual([]);
  });

  it('follows a merger: after closing B into A, A feeds both upper schools', () => {
    const e = engine();
    expect(e.apply({ kind: 'close-school', year: 2025, schoolId: 'B', to: 'A' }).ok).toBe(true);
    expect(e.feeders(2024)[0].splitFeeders).toEqual(['B']);
    const t = e.feeders(2025)[0];
    // 2025: per cell of column c, 1 + 5(10 + 5c)/6; U2 = column 3 = 4 × (1 + 125/6); A's total is every cell.
    const u2 = 4 * (1 + 125 / 6);
    expect(t.feeders.find((f) => f.upper === 'U2')!.children).toBeCloseTo(u2, 9);
    expect(t.feeders.every((f) => f.lower === 'A')).toBe(true);
    expect(t.splitFeeders).toEqual(['A']);
  });

  it('splitFeeders uses the second-largest share, strictly above the threshold', () => {
    const flows = [{ lower: 'x', upper: 'p', children: 90 }, { lower: 'x', upper: 'q', children: 10 }, { lower: 'y', upper: 'p', children: 5 }];
    expect(splitFeeders(flows, 0.1)).toEqual([]);
    expect(splitFeeders(flows, 0.09)).toEqual(['x']);
    expect(feederFlows).toBeTypeOf('function');
  });
});
