/**
 * Per-unit facts the app draws and the indicators report, kept up to date incrementally:
 * the dominant school of each unit, whether its weights differ from the baseline, and the
 * children lying in gaps (uncovered) or overlaps (covered twice). An edit or undo touches only
 * `changedUnits`, so updating costs O(changed units), not O(units).
 */
import type { GapOverlap } from '../pupil-base/network-indicators';
import { COVER_TOLERANCE } from '../overlay/network-overlay';
import type { NetworkOverlay } from '../overlay/network-overlay';

/** Weights closer than this to the baseline count as unchanged (fractions of a unit's area). */
const CHANGE_TOLERANCE = 1e-9;

export class NetworkTracker {
  /** School index with the largest weight in each unit; −1 where no school covers it. */
  readonly dominant: Int32Array;
  /** 1 where the unit's weights differ from the baseline. */
  readonly changed: Uint8Array;
  private readonly baseline: NetworkOverlay;
  private readonly children: Float64Array;
  private readonly gap: Float64Array;
  private readonly overlap: Float64Array;
  private gapTotal = 0;
  private overlapTotal = 0;
  /** Units covered outside 1 ± COVER_TOLERANCE (in a gap or an overlap). */
  private readonly offCover = new Set<number>();
  /** offCover sorted, or null after a change. */
  private offCoverSorted: Int32Array | null = null;

  /**
   * @param overlay the baseline overlay (cloned; the tracker keeps its own copy)
   * @param matrix unit-value matrix (row-major, `width` columns); column `childrenColumn` holds children
   */
  constructor(overlay: NetworkOverlay, matrix: Float64Array, width: number, childrenColumn: number) {
    const n = overlay.unitCount;
    this.baseline = overlay.clone();
    this.dominant = new Int32Array(n);
    this.changed = new Uint8Array(n);
    this.children = new Float64Array(n);
    this.gap = new Float64Array(n);
    this.overlap = new Float64Array(n);
    for (let u = 0; u < n; u++) {
      const c = matrix[u * width + childrenColumn];
      this.children[u] = Number.isNaN(c) ? 0 : c;
      this.refresh(overlay, u, false);
    }
  }

  /** Children in gaps and overlaps of the current partition. */
  gapOverlap(): GapOverlap {
    return { gapChildren: Math.max(0, this.gapTotal), overlapChildren: Math.max(0, this.overlapTotal) };
  }

  /**
   * Units in gaps or overlaps of the live overlay, ascending (what overlay.uncoveredOrOverlapping()
   * gives, kept incrementally: O(changed units) per edit instead of a pass over every unit).
   */
  offCoverUnits(): Int32Array {
    if (!this.offCoverSorted) this.offCoverSorted = Int32Array.from(this.offCover).sort();
    return this.offCoverSorted;
  }

  /** Re-reads the given units from the live overlay. */
  update(overlay: NetworkOverlay, units: ArrayLike<number>): void {
    for (let i = 0; i < units.length; i++) this.refresh(overlay, units[i], true);
  }

  private refresh(overlay: NetworkOverlay, u: number, compare: boolean): void {
    let best = -1;
    let bestWeight = 0;
    let covered = 0;
    let differs = false;
    overlay.forEach(u, (school, weight) => {
      covered += weight;
      if (weight > bestWeight) {
        best = school;
        bestWeight = weight;
      }
      if (compare && Math.abs(weight - this.baseline.weight(u, school)) > CHANGE_TOLERANCE) differs = true;
    });
    // A school the baseline had in this unit but the current overlay lost entirely.
    if (compare && !differs) {
      this.baseline.forEach(u, (school, weight) => {
        if (weight > CHANGE_TOLERANCE && overlay.weight(u, school) === 0) differs = true;
      });
    }
    this.dominant[u] = best;
    this.changed[u] = differs ? 1 : 0;
    const off = covered < 1 - COVER_TOLERANCE || covered > 1 + COVER_TOLERANCE;
    if (off !== this.offCover.has(u)) {
      if (off) this.offCover.add(u);
      else this.offCover.delete(u);
      this.offCoverSorted = null;
    }
    const gap = covered < 1 - COVER_TOLERANCE ? (1 - covered) * this.children[u] : 0;
    const overlap = covered > 1 + COVER_TOLERANCE ? (covered - 1) * this.children[u] : 0;
    this.gapTotal += gap - this.gap[u];
    this.overlapTotal += overlap - this.overlap[u];
    this.gap[u] = gap;
    this.overlap[u] = overlap;
  }
}
