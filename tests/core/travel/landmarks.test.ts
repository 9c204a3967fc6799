/**
 * Landmarks and the goal-directed search (ALT): the landmarks chosen on a small graph worked by
 * hand, the lower bound at hand-computed nodes, and on a generated city with a river the
 * guided search gives the plain search's distances while settling far fewer nodes.
 */
import { describe, expect, it } from 'vitest';
import { resolveTravelSettings } from '../../../src/core/config/travel-settings';
import { Landmarks, TargetBound } from '../../../src/core/travel/landmarks';
import { ShortestPaths } from '../../../src/core/travel/shortest-paths';
import { assembleGraph } from '../../../src/core/travel/street-graph';
import type { StreetLinks } from '../../../src/core/travel/street-links';
import { StreetNetwork } from '../../../src/core/travel/street-network';
import { meander, streetLattice } from '../../../data/generator/street-lattice';

describe('landmarks', () => {
  // A path 0 —100— 1 —200— 2 —300— 3 and a separate edge 4 —50— 5.
  const g = assembleGraph(Float64Array.from([0, 100, 300, 600, 0, 50]), Float64Array.from([0, 0, 0, 0, 1000, 1000]), Int32Array.from([0, 1, 2, 4]), Int32Array.from([1, 2, 3, 5]));

  it('are chosen farthest first in the largest part, with their distances to every node', () => {
    const lm = Landmarks.build(g, new ShortestPaths(g), 2);
    // From node 0 the farthest is 3 (600 m); the node farthest from {3} is 0 (600 m).
    expect([...lm.nodes]).toEqual([3, 0]);
    expect([0, 1, 2, 3].map((n) => lm.dist[n * 2])).toEqual([600, 500, 300, 0]);
    expect([0, 1, 2, 3].map((n) => lm.dist[n * 2 + 1])).toEqual([0, 100, 300, 600]);
    expect(lm.dist[4 * 2]).toBe(Infinity);
  });

  it('bound the distance to the nearest target from below, 0 at the targets', () => {
    const lm = Landmarks.build(g, new ShortestPaths(g), 2);
    const b = new TargetBound(g, lm, [2]);
    // Node 0: landmark 3 gives |300 − 600| = 300 (the true distance); the straight line 300.
    expect(b.at(0)).toBe(300);
    expect(b.at(2)).toBe(0);
    // Targets 1 and 3: node 0's nearest target is 1 at 100 m; the landmarks' intervals [0, 500] and [100, 600] give 0 and 100.
    expect(new TargetBound(g, lm, [1, 3]).at(0)).toBe(100);
  });
});

describe('goal-directed searches beyond the search limit', () => {
  const streets = streetLattice({
    x0: 0, y0: 0, x1: 20_000, y1: 20_000, spacing: 200, seed: 3,
    keep: () => 0.9,
    highway: () => 'residential',
    barriers: [{ kind: 'river', name: 'River', line: meander(1, [-500, 9_000], [20_500, 11_000], 30, 1500), crossings: [0.2, 0.8] }],
  }).filter((l) => l.properties.highway && l.properties.highway !== 'motorway');
  const xy: number[] = [];
  const starts = [0];
  for (const l of streets) {
    for (const [x, y] of l.coordinates) xy.push(x, y);
    starts.push(xy.length / 2);
  }
  const links: StreetLinks = { count: streets.length, linkStart: Int32Array.from(starts), xy: Float64Array.from(xy), feature: Int32Array.from(streets.keys()) };
  // Units across the river from the school, in a cluster.
  const units: number[] = [];
  for (let i = 0; i < 20; i++) units.push(9_000 + (i % 5) * 300, 15_000 + Math.floor(i / 5) * 300);
  const settings = resolveTravelSettings({ searchLimitM: 1000 });

  it('give the plain search’s distances and settle fewer nodes than Dijkstra and the straight-line bound alone', () => {
    const plain = StreetNetwork.fromLinks(links, Float64Array.from(units), settings);
    const guided = StreetNetwork.fromLinks(links, Float64Array.from(units), settings);
    guided.prepareLandmarks(8);
    const school = plain.snap([10_000, 5_000])!;
    const ids = [...Array(20).keys()];
    const a = plain.distancesTo(school, ids);
    const b = guided.distancesTo(school, ids);
    ids.forEach((i) => expect(Math.abs(a[i] - b[i])).toBeLessThan(1e-6));
    // Across the river: the way round by a bridge is much longer than the straight line.
    expect(a[0]).toBeGreaterThan(1.3 * Math.hypot(9_000 - 10_000, 15_000 - 5_000));
    // Dijkstra without a goal, stopping at the same targets.
    const g = plain.graph;
    const marks = new Uint8Array(g.nodeCount);
    let count = 0;
    for (const u of ids)
      for (const n of [g.edgeA[plain.unitEdge[u]], g.edgeB[plain.unitEdge[u]]])
        if (!marks[n]) {
          marks[n] = 1;
          count++;
        }
    const dijkstra = new ShortestPaths(g);
    const len = g.edgeLength[school.edge];
    dijkstra.run([g.edgeA[school.edge], g.edgeB[school.edge]], [school.distance + school.t * len, school.distance + (1 - school.t) * len], Infinity, marks, count);
    // The straight-line bound alone helps; the landmarks help more (the river makes the way long).
    expect(plain.settledInTargetRuns).toBeLessThan(0.8 * dijkstra.settledCount);
    expect(guided.settledInTargetRuns).toBeLessThan(0.75 * plain.settledInTargetRuns);
  });
});
