/**
 * Property: on random planar street graphs, every trip length equals the one from a plain
 * reference written here independently (brute-force snapping over all segments, Dijkstra by
 * linear scan over an adjacency list), to 1e-6 m, whatever the search limit, with or without
 * landmarks guiding the searches beyond it.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { resolveTravelSettings } from '../../../src/core/config/travel-settings';
import type { Position } from '../../../src/core/model/geometry-types';
import { StreetDistances } from '../../../src/core/travel/street-distances';
import type { StreetLinks } from '../../../src/core/travel/street-links';
import { StreetNetwork } from '../../../src/core/travel/street-network';
import { lcg } from '../random-shapes';

interface Case {
  nodes: Position[];
  edges: [number, number][];
  units: Position[];
  schools: Position[];
}

/** A jittered lattice; each cell may keep its right, up and one diagonal edge (planar by construction). */
function randomCase(seed: number): Case {
  const rand = lcg(seed);
  const n = 4 + Math.floor(rand() * 5);
  const spacing = 100;
  const nodes: Position[] = [];
  for (let j = 0; j < n; j++) for (let i = 0; i < n; i++) nodes.push([1000 + i * spacing + (rand() - 0.5) * 40, 2000 + j * spacing + (rand() - 0.5) * 40]);
  const edges: [number, number][] = [];
  for (let j = 0; j < n; j++)
    for (let i = 0; i < n; i++) {
      const k = j * n + i;
      if (i + 1 < n && rand() < 0.75) edges.push([k, k + 1]);
      if (j + 1 < n && rand() < 0.75) edges.push([k, k + n]);
      if (i + 1 < n && j + 1 < n && rand() < 0.3) edges.push([k, k + n + 1]);
    }
  const pt = (): Position => [900 + rand() * (n * spacing + 100), 1900 + rand() * (n * spacing + 100)];
  return { nodes, edges, units: Array.from({ length: 25 }, pt), schools: Array.from({ length: 4 }, pt) };
}

/** Links: edges chained into polylines where the random walk allows (shared vertices join them). */
function links(c: Case): StreetLinks {
  const xy: number[] = [];
  const starts = [0];
  for (const [a, b] of c.edges) {
    xy.push(...c.nodes[a], ...c.nodes[b]);
    starts.push(xy.length / 2);
  }
  return { count: c.edges.length, linkStart: Int32Array.from(starts), xy: Float64Array.from(xy), feature: Int32Array.from(c.edges.keys()) };
}

function referenceSnap(c: Case, p: Position, limit: number): { e: number; t: number; d: number } | null {
  let best: { e: number; t: number; d: number } | null = null;
  c.edges.forEach(([a, b], e) => {
    const [ax, ay] = c.nodes[a];
    const [bx, by] = c.nodes[b];
    const l2 = (bx - ax) ** 2 + (by - ay) ** 2;
    const t = Math.max(0, Math.min(1, ((p[0] - ax) * (bx - ax) + (p[1] - ay) * (by - ay)) / l2));
    const d = Math.hypot(ax + t * (bx - ax) - p[0], ay + t * (by - ay) - p[1]);
    if (!best || d < best.d) best = { e, t, d };
  });
  return best && (best as { d: number }).d <= limit ? best : null;
}

function referenceDijkstra(c: Case, sources: Map<number, number>): number[] {
  const adj: [number, number][][] = c.nodes.map(() => []);
  for (const [a, b] of c.edges) {
    const len = Math.hypot(c.nodes[a][0] - c.nodes[b][0], c.nodes[a][1] - c.nodes[b][1]);
    adj[a].push([b, len]);
    adj[b].push([a, len]);
  }
  const dist = c.nodes.map((_, i) => sources.get(i) ?? Infinity);
  const done = c.nodes.map(() => false);
  for (;;) {
    let n = -1;
    for (let i = 0; i < dist.length; i++) if (!done[i] && dist[i] < Infinity && (n < 0 || dist[i] < dist[n])) n = i;
    if (n < 0) return dist;
    done[n] = true;
    for (const [m, len] of adj[n]) dist[m] = Math.min(dist[m], dist[n] + len);
  }
}

function referenceDistance(c: Case, school: Position, unit: Position, limit: number): number {
  const straight = Math.hypot(school[0] - unit[0], school[1] - unit[1]);
  const s = referenceSnap(c, school, limit);
  const u = referenceSnap(c, unit, limit);
  if (!s || !u) return straight;
  const len = (e: number) => Math.hypot(c.nodes[c.edges[e][0]][0] - c.nodes[c.edges[e][1]][0], c.nodes[c.edges[e][0]][1] - c.nodes[c.edges[e][1]][1]);
  const [sa, sb] = c.edges[s.e];
  const sources = new Map<number, number>([[sa, s.d + s.t * len(s.e)]]);
  sources.set(sb, Math.min(sources.get(sb) ?? Infinity, s.d + (1 - s.t) * len(s.e)));
  const dist = referenceDijkstra(c, sources);
  const [ua, ub] = c.edges[u.e];
  let d = u.d + Math.min(dist[ua] + u.t * len(u.e), dist[ub] + (1 - u.t) * len(u.e));
  if (u.e === s.e) d = Math.min(d, s.d + u.d + Math.abs(u.t - s.t) * len(u.e));
  return Number.isFinite(d) ? d : straight;
}

describe('street distances against an independent reference', () => {
  it('equal to 1e-6 m on random planar graphs, with and without a search limit and landmarks', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 2 ** 31 }), fc.constantFrom(60, 500), fc.constantFrom(150, 100_000), fc.constantFrom(0, 1, 3), (seed, snapLimitM, searchLimitM, landmarks) => {
        const c = randomCase(seed);
        if (c.edges.length === 0) return;
        const settings = resolveTravelSettings({ snapLimitM, searchLimitM });
        const net = StreetNetwork.fromLinks(links(c), Float64Array.from(c.units.flat()), settings);
        if (landmarks) net.prepareLandmarks(landmarks);
        const d = new StreetDistances(net, c.schools);
        c.schools.forEach((s, i) =>
          c.units.forEach((u, k) => {
            expect(Math.abs(d.distance(i, k) - referenceDistance(c, s, u, snapLimitM))).toBeLessThan(1e-6);
          }),
        );
        // tryDistance (which starts each lookup where the last one for the same school ended):
        // the same trips, asked in ascending runs per school and then in a scrambled order; NaN
        // only for a pair beyond the search limit that no search has computed yet.
        const fresh = new StreetDistances(net, c.schools);
        const pairs = c.schools.flatMap((_, i) => c.units.map((_, k) => [i, k] as const));
        const scrambled = pairs.map((p, j) => ({ p, key: (Math.imul(j + 1, 2654435761) ^ seed) >>> 0 })).sort((a, b) => a.key - b.key).map((x) => x.p);
        for (const [i, k] of [...pairs, ...scrambled]) {
          const t = fresh.tryDistance(i, k);
          if (Number.isNaN(t)) expect(searchLimitM).toBeLessThan(100_000);
          else expect(Math.abs(t - referenceDistance(c, c.schools[i], c.units[k], snapLimitM))).toBeLessThan(1e-6);
        }
        const near = d.nearest();
        c.units.forEach((u, k) => {
          const ref = Math.min(...c.schools.map((s) => referenceDistance(c, s, u, snapLimitM)));
          expect(Math.abs(near.distance[k] - ref)).toBeLessThan(1e-6);
        });
      }),
      { numRuns: 80 },
    );
  });
});
