/**
 * Partial colour updates of the binary unit layers. After an edit the worker reports which
 * units changed; only the layer rows (polygon parts) of those units need new colours. These
 * helpers turn a list of units into merged [startRow, endRow) ranges for deck.gl's
 * `attributeManager.invalidate(accessor, {startRow, endRow})`, so the main thread's work per edit
 * is proportional to the changed units, not to the whole grid.
 */

/**
 * First layer row of every unit and one past the last: rows of unit u are
 * [starts[u], starts[u + 1]). `objectUnit` lists the unit of each row, in ascending unit order
 * (as unit-geometry.ts builds it). Units without a row get an empty range.
 */
export function unitRowStarts(objectUnit: ArrayLike<number>, unitCount: number): Uint32Array {
  const starts = new Uint32Array(unitCount + 1);
  for (let o = 0; o < objectUnit.length; o++) starts[objectUnit[o] + 1]++;
  for (let u = 0; u < unitCount; u++) starts[u + 1] += starts[u];
  return starts;
}

/**
 * Merged, sorted [startRow, endRow) ranges covering the rows of `units`. Ranges closer than
 * `gap` rows are joined (fewer, slightly larger uploads). Out-of-range units are ignored.
 */
export function unitRowRanges(units: ArrayLike<number>, rowStarts: Uint32Array, gap = 0): [number, number][] {
  const unitCount = rowStarts.length - 1;
  const spans: [number, number][] = [];
  for (let i = 0; i < units.length; i++) {
    const u = units[i];
    if (u < 0 || u >= unitCount) continue;
    const a = rowStarts[u];
    const b = rowStarts[u + 1];
    if (b > a) spans.push([a, b]);
  }
  spans.sort((p, q) => p[0] - q[0]);
  const out: [number, number][] = [];
  for (const s of spans) {
    const last = out[out.length - 1];
    if (last && s[0] <= last[1] + gap) last[1] = Math.max(last[1], s[1]);
    else out.push([s[0], s[1]]);
  }
  return out;
}

/** Units whose flag differs between two arrays of the same length (test and fallback helper). */
export function changedFlags(before: ArrayLike<number>, after: ArrayLike<number>): number[] {
  const out: number[] = [];
  for (let i = 0; i < after.length; i++) if (before[i] !== after[i]) out.push(i);
  return out;
}
