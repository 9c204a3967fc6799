/**
 * Grid-cell identifiers → the cell's lower-left corner and size (EPSG:3067 metres unless the
 * long form names another CRS). Supported forms:
 *
 * - INSPIRE long form `CRS3067RES250mN6672250E385250`: CRS code, resolution, then the
 *   lower-left corner's northing and easting in metres (multiples of the resolution).
 * - INSPIRE short form as published by Statistics Finland, `250mN26689E1541`, `1kmN6672E385`,
 *   `5kmN1334E77`: size ("m" or "km"), then the lower-left corner divided by the cell size.
 *   The variant that divides by a power of ten instead (`250mN667225E38525`, trailing zeros of
 *   the resolution removed) is recognised when dividing by the cell size would put the cell
 *   outside Finland.
 */
import type { Problem } from '../model/result';
import type { CrsCode } from './crs';

export interface GridCellId {
  /** Lower-left corner, metres in `crs`. */
  x: number;
  y: number;
  size: number;
  crs: CrsCode;
}

const LONG = /^CRS(\d{4,5})RES(\d+)(m|km)N(\d+(?:\.\d+)?)E(\d+(?:\.\d+)?)$/i;
const SHORT = /^(\d+)(m|km)N(\d+)E(\d+)$/i;
/** Corner in metres without a size: "N6672000E385000" (the size comes from elsewhere). */
const BARE = /^N(\d+)E(\d+)$/i;

/** Finland's northing range in EPSG:3067 with a margin (metres): a plausibility check of short ids. */
const NORTHING = [6_500_000, 7_900_000] as const;

/** Parse a grid-cell id; null when it is not in a supported form. `cellSize` is needed for ids without a size ("N6672000E385000"). */
export function parseGridId(raw: string, cellSize?: number): GridCellId | null {
  const id = raw.trim();
  const bare = BARE.exec(id);
  if (bare) {
    const x = Number(bare[2]);
    const y = Number(bare[1]);
    return cellSize && cellSize > 0 && x % cellSize === 0 && y % cellSize === 0 && y >= NORTHING[0] && y <= NORTHING[1] ? { x, y, size: cellSize, crs: 'EPSG:3067' } : null;
  }
  const long = LONG.exec(id);
  if (long) {
    const size = Number(long[2]) * (long[3].toLowerCase() === 'km' ? 1000 : 1);
    const x = Number(long[5]);
    const y = Number(long[4]);
    return size > 0 && x % size === 0 && y % size === 0 ? { x, y, size, crs: `EPSG:${long[1]}` } : null;
  }
  const short = SHORT.exec(id);
  if (!short) return null;
  const size = Number(short[1]) * (short[2].toLowerCase() === 'km' ? 1000 : 1);
  if (!(size > 0)) return null;
  const n = Number(short[3]);
  const e = Number(short[4]);
  for (const unit of [size, trailingZerosUnit(size)]) {
    const y = n * unit;
    if (y >= NORTHING[0] && y <= NORTHING[1]) return { x: e * unit, y, size, crs: 'EPSG:3067' };
  }
  return null;
}

/** 10^(number of trailing zeros of the size): 250 → 10, 1000 → 1000. */
function trailingZerosUnit(size: number): number {
  let unit = 1;
  while (size % (unit * 10) === 0) unit *= 10;
  return unit;
}

/** Does the text look like a grid id of a supported form (a cheap test for column detection)? */
export function looksLikeGridId(value: string): boolean {
  return LONG.test(value.trim()) || SHORT.test(value.trim()) || BARE.test(value.trim());
}

/** INSPIRE long-form id of a cell given by its lower-left corner in EPSG:3067. */
export function inspireGridId(x: number, y: number, size: number): string {
  return `CRS3067RES${size}mN${y}E${x}`;
}

/** The largest standard cell size (250 m, 500 m, 1 km, 5 km, 10 km) that every corner is a multiple of and no two cells are closer than. */
export function inferCellSize(xs: number[], ys: number[]): number | undefined {
  const gap = (v: number[]) => {
    const u = [...new Set(v)].sort((a, b) => a - b);
    let g = Infinity;
    for (let i = 1; i < u.length; i++) g = Math.min(g, u[i] - u[i - 1]);
    return g;
  };
  const spacing = Math.min(gap(xs), gap(ys));
  if (!Number.isFinite(spacing)) return undefined;
  return [10_000, 5_000, 1_000, 500, 250, 100].find((s) => s <= spacing && xs.every((x) => x % s === 0) && ys.every((y) => y % s === 0));
}

/** A grid whose ids have several cell sizes: the larger cells would contain smaller ones and count people twice. */
export function mixedSizes(cells: (GridCellId | null)[], ids: string[]): Problem | null {
  const sizes = new Map<number, string>();
  cells.forEach((c, i) => c && !sizes.has(c.size) && sizes.set(c.size, ids[i]));
  if (sizes.size < 2) return null;
  const list = [...sizes].map(([size, id]) => `${size} m (e.g. ${id})`).join(', ');
  return { code: 'mixed-cell-sizes', message: `The grid ids have several cell sizes: ${list}. Cells of different sizes overlap, so the people in them would be counted twice.`, fix: 'Keep one cell size (e.g. only the 250 m cells) or aggregate every cell to the largest size before loading.' };
}

