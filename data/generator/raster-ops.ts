/**
 * Small operations on w × h pixel rasters stored row by row (index = row * w + col,
 * row 0 at the south edge). Connectivity is 4-neighbour throughout, so that a connected
 * set of pixels traces to one polygon without self-touching rings.
 */

/** Pixels reachable from `seeds` through pixels where `passable` is true (4-neighbour). */
export function flood(w: number, h: number, passable: (i: number) => boolean, seeds: Iterable<number>): Uint8Array {
  const reached = new Uint8Array(w * h);
  const queue = new Int32Array(w * h);
  let head = 0;
  let tail = 0;
  for (const s of seeds) {
    if (!reached[s] && passable(s)) {
      reached[s] = 1;
      queue[tail++] = s;
    }
  }
  while (head < tail) {
    const i = queue[head++];
    const c = i % w;
    const r = (i - c) / w;
    if (c > 0) tail = visit(i - 1, tail);
    if (c < w - 1) tail = visit(i + 1, tail);
    if (r > 0) tail = visit(i - w, tail);
    if (r < h - 1) tail = visit(i + w, tail);
  }
  return reached;

  function visit(j: number, t: number): number {
    if (reached[j] || !passable(j)) return t;
    reached[j] = 1;
    queue[t] = j;
    return t + 1;
  }
}

/** Indices of the pixels on the raster's outer edge. */
export function borderPixels(w: number, h: number): number[] {
  const out: number[] = [];
  for (let c = 0; c < w; c++) out.push(c, (h - 1) * w + c);
  for (let r = 1; r < h - 1; r++) out.push(r * w, r * w + w - 1);
  return out;
}

/** The 4-connected component of `mask` containing `seed`, with its holes filled. */
export function solidComponent(w: number, h: number, mask: Uint8Array, seed: number): Uint8Array {
  const comp = flood(w, h, (i) => mask[i] === 1, [seed]);
  const outside = flood(w, h, (i) => comp[i] === 0, borderPixels(w, h));
  const out = new Uint8Array(w * h);
  for (let i = 0; i < w * h; i++) out[i] = outside[i] ? 0 : 1;
  return out;
}

/** 4-neighbour (Manhattan) distance in pixels from each pixel to the nearest pixel outside `mask`, capped at `cap`. */
export function insideDistance(w: number, h: number, mask: Uint8Array, cap: number): Uint8Array {
  const dist = new Uint8Array(w * h).fill(cap);
  let frontier: number[] = [];
  for (let i = 0; i < w * h; i++) {
    if (!mask[i]) {
      dist[i] = 0;
      frontier.push(i);
    }
  }
  for (let d = 1; d < cap && frontier.length; d++) {
    const nextFrontier: number[] = [];
    for (const i of frontier) {
      const c = i % w;
      for (const j of [c > 0 ? i - 1 : -1, c < w - 1 ? i + 1 : -1, i - w, i + w]) {
        if (j >= 0 && j < w * h && dist[j] > d) {
          dist[j] = d;
          nextFrontier.push(j);
        }
      }
    }
    frontier = nextFrontier;
  }
  return dist;
}
