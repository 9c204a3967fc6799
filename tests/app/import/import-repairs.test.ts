/**
 * The wizard's repairs over every network (import-repairs.ts) on a hand-made draft: catchment A
 * is the asymmetric bow tie (0,0)→(10,10)→(10,0)→(0,5) (lobes 25/3 and 100/3 m², see
 * tests/core/validate/fix-self-intersections.test.ts), B the square [10,20]×[0,10], on a 1 m
 * grid with one person per cell.
 */
import { describe, expect, test } from 'vitest';
import { multiPolygonArea } from '../../../src/core/geometry/area';
import type { School } from '../../../src/core/model/school';
import { checkNetworks, repairNetworks, type DraftNetworks } from '../../../src/app/import/import-repairs';
import { onePersonPerM2, rect, ring } from '../../core/validate/fixtures';

const school = (id: string, x: number): School => ({ id, name: id, language: 'fi', grades: '1-6', capacity: 100, location: [x, 5] }) as School;

function draft(): DraftNetworks {
  return {
    networks: [{ id: 'n', label: 'n', language: 'fi', level: 'lower', schoolIds: ['A', 'B'] }],
    partitions: { n: { networkId: 'n', catchments: [ring([0, 0], [10, 10], [10, 0], [0, 5]), rect(10, 0, 20, 10)] } },
    labels: {},
    schools: [school('A', 8), school('B', 15)],
  };
}

describe('import repairs', () => {
  test('"fix self-intersections" clears the crossing and keeps both lobes; the check no longer reports it', () => {
    const ctx = onePersonPerM2(25, 15);
    const d = draft();
    expect(checkNetworks(d, ctx.units, ctx.values, 'catchments.geojson')[0].counts['self-intersection']).toBe(1);
    const r = repairNetworks(d, ctx.units, ctx.values, 'self-intersections');
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(multiPolygonArea(r.value.partitions.n.catchments[0])).toBeCloseTo(125 / 3, 9);
    expect(r.value.partitions.n.catchments[1]).toBe(d.partitions.n.catchments[1]);
    expect(r.value.outcome).toMatchObject({ repair: 'self-intersections', unresolved: 0 });
    const after = checkNetworks({ ...d, partitions: r.value.partitions }, ctx.units, ctx.values, 'catchments.geojson');
    expect(after[0].counts['self-intersection']).toBe(0);
  });
});
