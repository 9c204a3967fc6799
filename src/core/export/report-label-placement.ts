/**
 * Label placement for the report map (SVG user units = CSS px): greedy, by priority, with
 * collision avoidance. Each label tries eight positions next to its point (right, left, above,
 * below, then the diagonals); when none is free of other labels, of every school point and of
 * the map edge, it tries the same directions further out with a leader line to its point; when
 * that fails too it is dropped (the caller says how many). Text width is estimated from the
 * character count (0.6 × font size per character, a little wider than most sans-serif text),
 * so placed labels never overlap even where the real font is narrower.
 */

export interface LabelRequest {
  /** Point position, px. */
  x: number;
  y: number;
  text: string;
  /** Larger first (changed schools before the others); ties keep input order. */
  priority: number;
}

export type Box = [number, number, number, number];

export interface PlacedLabel {
  /** Index into the requests. */
  index: number;
  /** Text position (SVG x, baseline y) and anchor. */
  x: number;
  y: number;
  anchor: 'start' | 'middle' | 'end';
  box: Box;
  /** Leader line from the point to the label, when the label sits away from its point. */
  leader: [number, number, number, number] | null;
}

export interface PlacementOptions {
  fontSize: number;
  width: number;
  height: number;
  /** Radius of the point symbols, px. */
  pointRadius: number;
}

const PAD = 1.5;

/** Estimated text width, px. */
export function textWidth(text: string, fontSize: number): number {
  return [...text].length * fontSize * 0.6;
}

export function boxesOverlap(a: Box, b: Box): boolean {
  return a[0] < b[2] && b[0] < a[2] && a[1] < b[3] && b[1] < a[3];
}

// Directions: right, left, above, below, upper right, lower right, upper left, lower left.
const DIRECTIONS: [number, number][] = [[1, 0], [-1, 0], [0, -1], [0, 1], [1, -1], [1, 1], [-1, -1], [-1, 1]];

function candidate(p: LabelRequest, [dx, dy]: [number, number], gap: number, w: number, o: PlacementOptions): Omit<PlacedLabel, 'index' | 'leader'> {
  const asc = o.fontSize * 0.8;
  const desc = o.fontSize * 0.25;
  const anchor = dx > 0 ? 'start' : dx < 0 ? 'end' : 'middle';
  const x = p.x + dx * gap;
  // Baseline so that the text box sits beside (dy = 0), above (dy < 0) or below (dy > 0) the point.
  const y = dy === 0 ? p.y + (asc - desc) / 2 : dy < 0 ? p.y - gap - desc : p.y + gap + asc;
  const left = anchor === 'start' ? x : anchor === 'end' ? x - w : x - w / 2;
  return { x, y, anchor, box: [left - PAD, y - asc - PAD, left + w + PAD, y + desc + PAD] };
}

/** Places as many labels as fit without overlapping (see the module comment). */
export function placeLabels(requests: readonly LabelRequest[], o: PlacementOptions): { placed: PlacedLabel[]; dropped: number[] } {
  const r = o.pointRadius + 1;
  const points: Box[] = requests.map((p) => [p.x - r, p.y - r, p.x + r, p.y + r]);
  const taken: Box[] = [];
  const placed: PlacedLabel[] = [];
  const dropped: number[] = [];
  const order = requests.map((_, i) => i).sort((a, b) => requests[b].priority - requests[a].priority || a - b);
  const free = (box: Box) =>
    box[0] >= 0 && box[1] >= 0 && box[2] <= o.width && box[3] <= o.height && !taken.some((t) => boxesOverlap(t, box)) && !points.some((q) => boxesOverlap(q, box));
  for (const i of order) {
    const p = requests[i];
    const w = textWidth(p.text, o.fontSize);
    let done = false;
    for (const gap of [o.pointRadius + 3, o.pointRadius + 18, o.pointRadius + 34]) {
      for (const d of DIRECTIONS) {
        const c = candidate(p, d, gap, w, o);
        if (!free(c.box)) continue;
        const near = gap === o.pointRadius + 3;
        const edge: [number, number] = [Math.min(Math.max(p.x, c.box[0]), c.box[2]), Math.min(Math.max(p.y, c.box[1]), c.box[3])];
        placed.push({ index: i, ...c, leader: near ? null : [p.x, p.y, edge[0], edge[1]] });
        taken.push(c.box);
        done = true;
        break;
      }
      if (done) break;
    }
    if (!done) dropped.push(i);
  }
  return { placed, dropped };
}
