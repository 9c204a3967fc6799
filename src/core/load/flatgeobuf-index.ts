/**
 * FlatGeobuf's packed Hilbert R-tree: building one (for the writer) and searching one through
 * a range reader (for bbox loading from bytes or over HTTP). Layout as in the FlatGeobuf spec:
 * nodes of 40 bytes (minX, minY, maxX, maxY as float64, offset as uint64, little-endian), the
 * root first and the leaves last; a branch node's offset is the index of its first child, a
 * leaf's offset is the byte offset of its feature in the feature section.
 */
import type { BBox } from '../model/geometry-types';

export const NODE_BYTES = 40;
export const DEFAULT_NODE_SIZE = 16;

/** [start, end) node index of each level, leaves (level 0) first, root last. */
export function levelBounds(numItems: number, nodeSize: number): [number, number][] {
  const counts = [numItems];
  let n = numItems;
  do {
    n = Math.ceil(n / nodeSize);
    counts.push(n);
  } while (n !== 1);
  const total = counts.reduce((a, b) => a + b, 0);
  const out: [number, number][] = [];
  let end = total;
  for (const c of counts) {
    out.push([end - c, end]);
    end -= c;
  }
  return out;
}

/** Hilbert index (0 … 2³²−1) of a point on a 65 536 × 65 536 grid. */
export function hilbert(x: number, y: number): number {
  let d = 0;
  for (let s = 1 << 15; s > 0; s >>>= 1) {
    const rx = (x & s) > 0 ? 1 : 0;
    const ry = (y & s) > 0 ? 1 : 0;
    d += s * s * ((3 * rx) ^ ry);
    if (ry === 0) {
      if (rx === 1) {
        x = s - 1 - x;
        y = s - 1 - y;
      }
      [x, y] = [y, x];
    }
  }
  return d;
}

/** Order of the items along the Hilbert curve of their box centres. */
export function hilbertOrder(boxes: BBox[]): number[] {
  let minX = Infinity, minY = Infinity, maxX = -Infinity, maxY = -Infinity;
  for (const b of boxes) {
    minX = Math.min(minX, b[0]);
    minY = Math.min(minY, b[1]);
    maxX = Math.max(maxX, b[2]);
    maxY = Math.max(maxY, b[3]);
  }
  const w = maxX - minX || 1;
  const h = maxY - minY || 1;
  const keys = boxes.map((b) => hilbert(Math.floor((65535 * ((b[0] + b[2]) / 2 - minX)) / w), Math.floor((65535 * ((b[1] + b[3]) / 2 - minY)) / h)));
  return boxes.map((_, i) => i).sort((a, b) => keys[a] - keys[b]);
}

/** Build the tree bytes for items (already in Hilbert order) with their boxes and feature byte offsets. */
export function buildTree(boxes: BBox[], offsets: number[], nodeSize = DEFAULT_NODE_SIZE): Uint8Array {
  const levels = levelBounds(boxes.length, nodeSize);
  const total = levels[0][1]; // leaves are last, so their end is the node count
  const bytes = new Uint8Array(total * NODE_BYTES);
  const view = new DataView(bytes.buffer);
  const box = new Float64Array(total * 4);
  const write = (node: number, b: ArrayLike<number>, offset: number) => {
    for (let k = 0; k < 4; k++) {
      view.setFloat64(node * NODE_BYTES + 8 * k, b[k], true);
      box[node * 4 + k] = b[k];
    }
    view.setBigUint64(node * NODE_BYTES + 32, BigInt(offset), true);
  };
  boxes.forEach((b, i) => write(levels[0][0] + i, b, offsets[i]));
  for (let l = 1; l < levels.length; l++) {
    const [cs, ce] = levels[l - 1];
    const [ps, pe] = levels[l];
    for (let p = ps; p < pe; p++) {
      const first = cs + (p - ps) * nodeSize;
      const b = [Infinity, Infinity, -Infinity, -Infinity];
      for (let c = first; c < Math.min(first + nodeSize, ce); c++) {
        b[0] = Math.min(b[0], box[c * 4]);
        b[1] = Math.min(b[1], box[c * 4 + 1]);
        b[2] = Math.max(b[2], box[c * 4 + 2]);
        b[3] = Math.max(b[3], box[c * 4 + 3]);
      }
      write(p, b, first);
    }
  }
  return bytes;
}

/** Reads `length` bytes of the index starting `offset` bytes into it. */
export type IndexReader = (offset: number, length: number) => Promise<Uint8Array>;

export interface IndexHit {
  /** Feature number (position in the feature section). */
  item: number;
  /** Byte offset of the feature in the feature section. */
  offset: number;
  /** Byte length (size prefix included), null for the last feature of the file. */
  length: number | null;
}

/**
 * Features whose boxes intersect `rect` ([minX, minY, maxX, maxY] in the file's CRS), in file
 * order. Reads the tree level by level, merging nearby node ranges into one read.
 */
export async function searchTree(numItems: number, nodeSize: number, rect: BBox, read: IndexReader, mergeGapNodes = 64): Promise<IndexHit[]> {
  const levels = levelBounds(numItems, nodeSize);
  const leafStart = levels[0][0];
  let ranges: [number, number][] = [[0, 1]];
  const hits: IndexHit[] = [];
  for (let level = levels.length - 1; level >= 0 && ranges.length; level--) {
    const next: [number, number][] = [];
    const levelEnd = levels[level][1];
    for (const [s, e0] of ranges) {
      const e = level === 0 ? Math.min(e0 + 1, levelEnd) : e0; // one more leaf gives the last hit's length
      const bytes = await read(s * NODE_BYTES, (e - s) * NODE_BYTES);
      if (bytes.length < (e - s) * NODE_BYTES) throw new Error('the spatial index ends early (truncated file)');
      const v = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
      for (let n = s; n < e0; n++) {
        const o = (n - s) * NODE_BYTES;
        if (rect[2] < v.getFloat64(o, true) || rect[3] < v.getFloat64(o + 8, true) || rect[0] > v.getFloat64(o + 16, true) || rect[1] > v.getFloat64(o + 24, true)) continue;
        const offset = Number(v.getBigUint64(o + 32, true));
        if (level > 0) {
          if (offset < levels[level - 1][0] || offset >= levels[level - 1][1]) throw new Error('a spatial index node points outside its level');
          next.push([offset, Math.min(offset + nodeSize, levels[level - 1][1])]);
        } else {
          const nextOffset = n + 1 < e ? Number(v.getBigUint64(o + 32 + NODE_BYTES, true)) : null;
          hits.push({ item: n - leafStart, offset, length: nextOffset === null ? null : nextOffset - offset });
        }
      }
    }
    ranges = mergeRanges(next, mergeGapNodes);
  }
  return hits.sort((a, b) => a.offset - b.offset);
}

function mergeRanges(ranges: [number, number][], gap: number): [number, number][] {
  ranges.sort((a, b) => a[0] - b[0]);
  const out: [number, number][] = [];
  for (const r of ranges) {
    const last = out[out.length - 1];
    if (last && r[0] <= last[1] + gap) last[1] = Math.max(last[1], r[1]);
    else out.push([r[0], r[1]]);
  }
  return out;
}
