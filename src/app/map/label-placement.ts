/**
 * Screen-space label placement without overprinting: labels are taken in priority order
 * (label-priority.ts; the selected school first) and a label is shown only when its box, grown
 * by `padding` pixels on every side, overlaps no box already shown. Pure; boxes in CSS pixels,
 * centred on the label's anchor.
 */
export interface LabelBox {
  /** Centre, CSS px. */
  x: number;
  y: number;
  /** Full width and height, CSS px. */
  width: number;
  height: number;
  priority: number;
}

/**
 * @returns 1 for each label shown, 0 for each hidden (parallel to `boxes`). Ties in priority go
 *   to the lower index. Labels with a non-finite position are hidden.
 */
export function placeLabels(boxes: readonly LabelBox[], padding = 2): Uint8Array {
  const shown = new Uint8Array(boxes.length);
  const order = boxes.map((_, i) => i).sort((a, b) => boxes[b].priority - boxes[a].priority || a - b);
  const taken: [number, number, number, number][] = [];
  for (const i of order) {
    const b = boxes[i];
    if (!Number.isFinite(b.x) || !Number.isFinite(b.y)) continue;
    const box: [number, number, number, number] = [b.x - b.width / 2 - padding, b.y - b.height / 2 - padding, b.x + b.width / 2 + padding, b.y + b.height / 2 + padding];
    if (taken.some((t) => box[0] < t[2] && t[0] < box[2] && box[1] < t[3] && t[1] < box[3])) continue;
    taken.push(box);
    shown[i] = 1;
  }
  return shown;
}

