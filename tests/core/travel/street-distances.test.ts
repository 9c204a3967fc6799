import { describe, expect, it } from 'vitest';
import type { Position } from '../../../src/core/model/geometry-types';
import { riverCity, X0, Y0 } from './river-city';

const p = (x: number, y: number): Position => [X0 + x, Y0 + y];

// Schools: S1 at (100, 50) joins the south street at (100, 0) by a 50 m connector;
// S2 at (5010, 500) joins the island street (a separate part of the graph) by 10 m.
const schools = [p(100, 50), p(5010, 500)];
// Units:
const units = [
  p(100, 1030), // U0: north of the river, 30 m from the north street at (100, 1000)
  p(1000, 20), // U1: south street, 20 m
  p(1000, 499), // U2: in the river, 499 m from the south street (501 m from the north street)
  p(2600, 1000), // U3: 600 m from D(2000, 1000): off the network (strictly over 500 m)
  p(520, 250), // U4: 20 m from the flyover, which joins nothing
  p(4990, 900), // U5: 10 m from the island street
];

describe('street distances on the river city (worked by hand)', () => {
  it('keeps walkable links only: the motorway and the foot=no link are out', async () => {
    const { links } = await riverCity(units, schools);
    // 7 features: motorway and foot=no excluded; the MultiLineString gives 2 links → 5 − … = 6 links
    expect(links.report).toMatchObject({ rule: 'osm', features: 7, excluded: 2, links: 6 });
  });

  it('goes round by the bridge; crossing without a shared vertex does not join', async () => {
    const { d, net } = await riverCity(units, schools);
    // S1 → U0: 50 (connector) + 1700 (east to the bridge) + 1000 (bridge) + 1700 (west) + 30 = 4480
    expect(d.distance(0, 0)).toBeCloseTo(4480, 9);
    expect(d.fallback(0, 0)).toBe('none');
    // S1 → U1: 50 + 900 + 20 = 970
    expect(d.distance(0, 1)).toBeCloseTo(970, 9);
    // S1 → U2: 499 + 900 + 50 = 1449 (joins the south street: 499 ≤ 500)
    expect(d.distance(0, 2)).toBeCloseTo(1449, 9);
    // U3 is off the network: straight line √(2500² + 950²)
    expect(net.unitEdge[3]).toBe(-1);
    expect(d.fallback(0, 3)).toBe('unit-off-network');
    expect(d.distance(0, 3)).toBeCloseTo(Math.hypot(2500, 950), 9);
    // U4 sits on the flyover, which crosses the south street without a shared vertex: unreachable, straight √(420² + 200²)
    expect(d.fallback(0, 4)).toBe('unreachable');
    expect(d.distance(0, 4)).toBeCloseTo(Math.hypot(420, 200), 9);
  });

  it('a school in a disconnected part reaches its own part only', async () => {
    const { d } = await riverCity(units, schools);
    // S2 → U5: 10 + 400 + 10 = 420
    expect(d.distance(1, 5)).toBeCloseTo(420, 9);
    // S2 → U0: unreachable, straight √(4910² + 530²)
    expect(d.fallback(1, 0)).toBe('unreachable');
    expect(d.distance(1, 0)).toBeCloseTo(Math.hypot(4910, 530), 9);
  });

  it('nearest school follows the same rule, fallbacks included', async () => {
    const { d } = await riverCity(units, schools);
    const near = d.nearest();
    // U0: S1 by network 4480 < S2 straight 4938.5
    // U3 (off network): S1 √(2500²+950²) = 2674.4 > S2 √(2410²+500²) = 2461.3 → S2
    // U4 (unreachable from both): S1 √(420²+200²) = 465.2 < S2 → S1
    expect(Array.from(near.school)).toEqual([0, 0, 0, 1, 0, 1]);
    expect(near.distance[3]).toBeCloseTo(Math.hypot(2410, 500), 9);
  });

  it('pairs beyond the search limit are computed on demand, exactly', async () => {
    const { d } = await riverCity(units, schools, 1000);
    // U0 is 4480 m away, beyond the 1000 m search: not kept, but still exact
    expect(Array.from(d.reaches[0].units)).toEqual([1]);
    expect(d.distance(0, 0)).toBeCloseTo(4480, 9);
    expect(d.nearest().school[0]).toBe(0);
  });
});
