/**
 * A generated street network: a jittered lattice of streets on land, cut by barriers (a river,
 * a motorway) that only a few bridges and crossings pass, so that walking distances differ
 * visibly from straight lines. Used for the sample city's streets.fgb and the travel benchmark.
 * Deterministic for a seed. Rows and columns of the lattice are written as long LineStrings
 * that share a vertex at every junction; a street crossing a barrier at a bridge has no vertex
 * on the barrier (the barrier lines are not walkable: `highway=motorway`, `waterway=river`).
 */
import type { Position } from '../../src/core/model/geometry-types';
import { createRng } from './prng';

export interface Barrier {
  kind: 'river' | 'motorway';
  name: string;
  line: Position[];
  /** Places (fractions of the barrier's length) where streets may cross: bridges, underpasses. */
  crossings: number[];
}

export interface LatticeOptions {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
  spacing: number;
  seed: number;
  /** Probability that a lattice edge from (ax, ay) to (bx, by) exists (0 drops it; land tests go here). */
  keep: (ax: number, ay: number, bx: number, by: number) => number;
  barriers: Barrier[];
  /** OSM highway value of a street near (x, y). */
  highway: (x: number, y: number) => string;
}

export interface StreetLine {
  coordinates: Position[];
  properties: Record<string, string>;
}

/** The streets (rows and columns of the lattice) and the barrier lines. */
export function streetLattice(o: LatticeOptions): StreetLine[] {
  const rng = createRng(o.seed, 'street-lattice');
  const nx = Math.floor((o.x1 - o.x0) / o.spacing) + 1;
  const ny = Math.floor((o.y1 - o.y0) / o.spacing) + 1;
  const px = new Float64Array(nx * ny);
  const py = new Float64Array(nx * ny);
  for (let j = 0; j < ny; j++)
    for (let i = 0; i < nx; i++) {
      px[j * nx + i] = Math.round(o.x0 + i * o.spacing + (rng.next() - 0.5) * 0.4 * o.spacing);
      py[j * nx + i] = Math.round(o.y0 + j * o.spacing + (rng.next() - 0.5) * 0.4 * o.spacing);
    }
  const allowed = o.barriers.map((b) => crossingPoints(b));
  const edge = (a: number, b: number) => {
    if (rng.next() >= o.keep(px[a], py[a], px[b], py[b])) return false;
    return o.barriers.every((bar, k) => passes(bar.line, allowed[k], [px[a], py[a]], [px[b], py[b]], o.spacing));
  };
  const right = Uint8Array.from({ length: nx * ny }, (_, k) => (k % nx < nx - 1 && edge(k, k + 1) ? 1 : 0));
  const up = Uint8Array.from({ length: nx * ny }, (_, k) => (Math.floor(k / nx) < ny - 1 && edge(k, k + nx) ? 1 : 0));
  const out: StreetLine[] = [];
  const chain = (start: number, step: number, count: number, has: Uint8Array) => {
    let line: Position[] = [];
    for (let s = 0; s < count; s++) {
      const k = start + s * step;
      line.push([px[k], py[k]]);
      if (!has[k] || s === count - 1) {
        if (line.length >= 2) out.push({ coordinates: line, properties: { highway: o.highway(line[0][0], line[0][1]) } });
        line = [];
      }
    }
  };
  for (let j = 0; j < ny; j++) chain(j * nx, 1, nx, right);
  for (let i = 0; i < nx; i++) chain(i, nx, ny, up);
  for (const b of o.barriers) out.push({ coordinates: b.line, properties: b.kind === 'river' ? { waterway: 'river', name: b.name } : { highway: 'motorway', name: b.name } });
  return out;
}

/** The points of a barrier where crossing is allowed. */
function crossingPoints(b: Barrier): Position[] {
  const lengths = [0];
  for (let i = 1; i < b.line.length; i++) lengths.push(lengths[i - 1] + Math.hypot(b.line[i][0] - b.line[i - 1][0], b.line[i][1] - b.line[i - 1][1]));
  const total = lengths[lengths.length - 1];
  return b.crossings.map((f) => {
    const at = f * total;
    let i = 1;
    while (i < lengths.length - 1 && lengths[i] < at) i++;
    const t = (at - lengths[i - 1]) / (lengths[i] - lengths[i - 1] || 1);
    return [b.line[i - 1][0] + t * (b.line[i][0] - b.line[i - 1][0]), b.line[i - 1][1] + t * (b.line[i][1] - b.line[i - 1][1])];
  });
}

/** True when segment a–b does not cross the barrier, or crosses it within `spacing` of an allowed crossing. */
function passes(line: Position[], allowed: Position[], a: Position, b: Position, spacing: number): boolean {
  for (let i = 1; i < line.length; i++) {
    const hit = intersection(a, b, line[i - 1], line[i]);
    if (hit && !allowed.some((p) => Math.hypot(p[0] - hit[0], p[1] - hit[1]) < spacing * 0.75)) return false;
  }
  return true;
}

function intersection(a: Position, b: Position, c: Position, d: Position): Position | null {
  if (Math.max(a[0], b[0]) < Math.min(c[0], d[0]) || Math.max(c[0], d[0]) < Math.min(a[0], b[0])) return null;
  if (Math.max(a[1], b[1]) < Math.min(c[1], d[1]) || Math.max(c[1], d[1]) < Math.min(a[1], b[1])) return null;
  const r = [b[0] - a[0], b[1] - a[1]];
  const s = [d[0] - c[0], d[1] - c[1]];
  const den = r[0] * s[1] - r[1] * s[0];
  if (den === 0) return null;
  const t = ((c[0] - a[0]) * s[1] - (c[1] - a[1]) * s[0]) / den;
  const u = ((c[0] - a[0]) * r[1] - (c[1] - a[1]) * r[0]) / den;
  return t >= 0 && t <= 1 && u >= 0 && u <= 1 ? [a[0] + t * r[0], a[1] + t * r[1]] : null;
}

/** A gently meandering line from `from` to `to` (for rivers and motorways), `n` segments. */
export function meander(seed: number, from: Position, to: Position, n: number, amplitude: number): Position[] {
  const rng = createRng(seed, 'meander');
  const dx = to[0] - from[0], dy = to[1] - from[1];
  const len = Math.hypot(dx, dy);
  const nx = -dy / len, ny = dx / len;
  const phase = rng.range(0, 2 * Math.PI);
  const out: Position[] = [];
  for (let i = 0; i <= n; i++) {
    const t = i / n;
    const off = i === 0 || i === n ? 0 : amplitude * (Math.sin(phase + t * 9) * 0.7 + (rng.next() - 0.5) * 0.6);
    out.push([Math.round(from[0] + t * dx + off * nx), Math.round(from[1] + t * dy + off * ny)]);
  }
  return out;
}
