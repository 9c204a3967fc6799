/**
 * Travel figures on Tiny City (tests/fixtures/tiny-city/README.md) with straight-line trips:
 * cell (c, r) centre = (385 125 + 250c, 6 672 125 + 250r); A at (385 250, 6 672 500) owns
 * columns 0–1, B at (385 750, 6 672 500) columns 2–3; children per cell 10 + 5c.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { presets } from '../../../src/core/config/presets';
import type { Dataset } from '../../../src/core/model/dataset';
import { ScenarioEngine } from '../../../src/core/scenario/scenario-engine';
import { ScenarioTravel } from '../../../src/core/travel/scenario-travel';
import { loadFixtureBundle } from '../../helpers/load-fixture-bundle';

let dataset: Dataset;
beforeAll(async () => {
  dataset = await loadFixtureBundle('tests/fixtures/tiny-city');
});

const near = Math.hypot(125, 125); // rows 1–2 of the school's own columns: 176.78 m
const far = Math.hypot(125, 375); // rows 0 and 3: 395.28 m
const farther = Math.hypot(375, 375); // column 2 rows 0/3 seen from A: 530.33 m

function setup() {
  const engine = new ScenarioEngine(dataset, { ...presets['statfi-grid'], travel: { youngestLimitM: 400 } });
  return { engine, travel: new ScenarioTravel(engine, null) };
}

describe('travel figures (straight lines, worked by hand)', () => {
  it('baseline: mean, weighted median and p90, max, nearest-school share', () => {
    const { travel } = setup();
    const f = travel.figures('fi-lower');
    expect(f.straightLine).toBe(true);
    const [A, B] = f.schools;
    // A: 50 children at 176.78 m (cells c0,c1 × r1,r2: 10+10+15+15), 50 at 395.28 m → mean = (near + far) / 2
    expect(A.children).toBeCloseTo(100, 9);
    expect(A.meanM).toBeCloseTo((near + far) / 2, 9);
    // median: children with trips ≤ 176.78 m are 50 of 100 = exactly half → 176.78
    expect(A.medianM).toBeCloseTo(near, 9);
    expect(A.p90M).toBeCloseTo(far, 9);
    expect(A.maxM).toBeCloseTo(far, 9);
    expect(B.meanM).toBeCloseTo((near + far) / 2, 9);
    expect(A.over5kmChildren).toBe(0);
    expect(A.overLimitChildren).toBe(0);
    // Every cell is nearest to its own school.
    expect(f.network.nearestSchoolShare).toBeCloseTo(1, 9);
    expect(f.network.medianM).toBeCloseTo(near, 9);
  });

  it('follows an edit incrementally, and undo restores the baseline', () => {
    const { engine, travel } = setup();
    const before = JSON.stringify(travel.figures('fi-lower'));
    const r = engine.apply({ kind: 'assign-cells', networkId: 'fi-lower', schoolId: 'A', cells: [[2, 0], [2, 1], [2, 2], [2, 3]] });
    expect(r.ok).toBe(true);
    const f = travel.figures('fi-lower');
    const A = f.schools[0];
    // A gains column 2 (20 children per cell): rows 1–2 at 395.28 m, rows 0/3 at 530.33 m.
    // A: 50 @ near, 50 + 40 = 90 @ far, 40 @ farther; 180 children.
    expect(A.children).toBeCloseTo(180, 9);
    expect(A.meanM).toBeCloseTo((50 * near + 90 * far + 40 * farther) / 180, 9);
    // cumulative: 50 (27.8 %) ≤ near, 140 (77.8 %) ≤ far, 180 ≤ farther → median far, p90 farther
    expect(A.medianM).toBeCloseTo(far, 9);
    expect(A.p90M).toBeCloseTo(farther, 9);
    expect(A.maxM).toBeCloseTo(farther, 9);
    // Over the 400 m limit for the youngest: the 40 children at 530 m.
    expect(A.overLimitChildren).toBeCloseTo(40, 9);
    // Column 2 (80 children) is nearer to B: share = (280 − 80) / 280.
    expect(f.network.nearestSchoolShare).toBeCloseTo(200 / 280, 9);
    expect(travel.baseline('fi-lower').network.nearestSchoolShare).toBeCloseTo(1, 9);
    engine.undo();
    expect(JSON.stringify(travel.figures('fi-lower'))).toBe(before);
  });

  it('uses the children of the selected year, in the figures and in the baseline', () => {
    const { engine, travel } = setup();
    expect(travel.figures('fi-lower').network.children).toBeCloseTo(280, 9);
    engine.setYear(engine.baseYear + 5);
    // Tiny City's projection five years on gives each row 6.667 + 7.5 + 8.333 + 9.167 = 31.667
    // children (columns 0–3): 4 rows × 31.667 = 126.667, in the scenario and in the baseline.
    expect(travel.figures('fi-lower').network.children).toBeCloseTo(380 / 3, 9);
    expect(travel.baseline('fi-lower').network.children).toBeCloseTo(380 / 3, 9);
    engine.setYear(engine.baseYear);
    expect(travel.figures('fi-lower').network.children).toBeCloseTo(280, 9);
  });
});
