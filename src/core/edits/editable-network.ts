/**
 * Editing state of one network: current catchments, unit overlay and per-school
 * sums, with exact state-based undo/redo.
 *
 * apply(edit): plans the geometry (plan-assign.ts), converts each transferred
 * area to unit coverage with the raster kernel (cost O(size of R)), moves that
 * weight from the losing school to the target unit by unit (so the network total
 * is conserved by construction) and updates the sums rows of the changed units
 * incrementally. Before mutating it records, for the changed schools and units,
 * the previous catchments, unit entries and sums rows, and after mutating the new
 * ones: undo and redo copy those back, bit for bit, without re-doing arithmetic.
 */
import type { BBox, MultiPolygon } from '../model/geometry-types';
import type { Network, Partition } from '../model/school';
import type { Units } from '../model/units';
import type { BoundaryEdit, EditOutcome } from '../scenario/edit';
import { fail, ok } from '../model/result';
import type { Problem, Result } from '../model/result';
import { multiPolygonBBox } from '../geometry/bbox';
import type { SliverOptions } from '../geometry/remove-slivers';
import { NetworkOverlay } from '../overlay/network-overlay';
import { aggregateSums } from '../overlay/school-sums';
import { resolveEdit } from './resolve-edit';
import { planAssign } from './plan-assign';
import type { AssignPlan } from './plan-assign';
import { WeightMover } from './move-weights';
import type { EntryBlock } from './move-weights';
import { updateSumsRows } from './update-sums-rows';

/** What an apply, undo or redo changed. */
export interface AppliedEdit extends EditOutcome {
  /** Changed schools left with no area (allowed, but the UI should warn). */
  emptiedSchools: number[];
  /** New catchment of each changed school, parallel to changedSchools. */
  catchments: MultiPolygon[];
}

/** One side (before or after) of a recorded edit. */
interface Snapshot {
  catchments: MultiPolygon[];
  /** Bounding boxes of `catchments`. */
  bboxes: BBox[];
  entries: EntryBlock;
  /** Sums rows of the changed schools, concatenated (changedSchools.length × width). */
  sumsRows: Float64Array;
}

interface EditRecord {
  edit: BoundaryEdit;
  schools: number[];
  units: Int32Array;
  emptied: number[];
  before: Snapshot;
  after: Snapshot;
}

export interface EditableNetworkOptions {
  network: Network;
  units: Units;
  partition: Partition;
  /** Row-major unitCount × width values (linear in the weights), see school-sums.ts. */
  matrix: Float64Array;
  width: number;
  /** A prebuilt overlay of `partition` (cloned, never modified); built when absent. */
  overlay?: NetworkOverlay;
  slivers?: SliverOptions;
  /** Undo steps kept (oldest dropped first). Default 500. */
  maxHistory?: number;
}

export class EditableNetwork {
  readonly network: Network;
  readonly units: Units;
  readonly matrix: Float64Array;
  readonly width: number;
  /** Live overlay; read it, never modify it. */
  readonly overlay: NetworkOverlay;
  /** Live per-school sums (schoolCount × width); read it, never modify it. */
  readonly sums: Float64Array;
  private current: Partition;
  private bboxes: BBox[];
  private readonly undoStack: EditRecord[] = [];
  private readonly redoStack: EditRecord[] = [];
  private readonly slivers: SliverOptions;
  private readonly maxHistory: number;
  private readonly mover: WeightMover;
  /** School → row in a block of changed schools' sums rows; −1 between uses. */
  private readonly rowOf: Int32Array;

  constructor(o: EditableNetworkOptions) {
    if (o.partition.catchments.length !== o.network.schoolIds.length) {
      throw new Error(`Partition of ${o.partition.networkId} has ${o.partition.catchments.length} catchments for ${o.network.schoolIds.length} schools`);
    }
    if (o.matrix.length !== o.units.count * o.width) throw new Error('matrix length must be unitCount × width');
    this.network = o.network;
    this.units = o.units;
    this.matrix = o.matrix;
    this.width = o.width;
    this.current = { networkId: o.partition.networkId, catchments: o.partition.catchments.slice() };
    this.bboxes = this.current.catchments.map(multiPolygonBBox);
    this.overlay = o.overlay ? o.overlay.clone() : NetworkOverlay.build(o.units, o.partition);
    this.sums = aggregateSums(this.overlay, o.matrix, o.width);
    this.slivers = o.slivers ?? {};
    this.maxHistory = o.maxHistory ?? 500;
    this.mover = new WeightMover(o.units.count);
    this.rowOf = new Int32Array(o.network.schoolIds.length).fill(-1);
  }

  /** Current partition; a new object after every change (the catchment arrays are shared, never mutated). */
  get partition(): Partition {
    return this.current;
  }

  get canUndo(): boolean {
    return this.undoStack.length > 0;
  }

  get canRedo(): boolean {
    return this.redoStack.length > 0;
  }

  /** Edits that undo would revert, oldest first. */
  get history(): BoundaryEdit[] {
    return this.undoStack.map((r) => r.edit);
  }

  /** Applies the edit. On failure nothing changes. Emptied schools come back as a warning too. */
  apply(edit: BoundaryEdit): Result<AppliedEdit> {
    const resolved = resolveEdit(edit, this.network, this.units);
    if (!resolved.ok) return resolved;
    const { school, region } = resolved.value;
    let plan: AssignPlan | null;
    try {
      plan = planAssign(this.current.catchments, this.bboxes, school, region, this.slivers);
    } catch (e) {
      // The clipper throws only on input it cannot represent (non-finite, or wider than ~2 000 km).
      return fail({
        code: 'edit-geometry-failed',
        message: `The region could not be clipped against the catchments (${e instanceof Error ? e.message : String(e)}).`,
        fix: 'Draw the region within the network’s area, in EPSG:3067 metres; if it already is, redraw it slightly differently.',
      });
    }
    if (!plan) {
      return fail({
        code: 'edit-no-change',
        message: `The region is already all in ${edit.schoolId}'s catchment or lies outside the network's area; nothing changes.`,
        fix: 'Draw the region over the catchments of other schools.',
      });
    }
    const record = this.record(edit, plan);
    this.restore(record, record.after);
    this.undoStack.push(record);
    if (this.undoStack.length > this.maxHistory) this.undoStack.shift();
    this.redoStack.length = 0;
    const warnings: Problem[] = plan.emptiedSchools.map((s) => ({
      code: 'edit-empties-school',
      message: `School ${this.network.schoolIds[s]} is left with no catchment area.`,
      fix: 'Undo, or give the school another area.',
      ids: [this.network.schoolIds[s]],
    }));
    return ok(this.outcome(record, record.after), warnings);
  }

  /** Reverts the last applied edit exactly; null when there is nothing to undo. */
  undo(): AppliedEdit | null {
    const r = this.undoStack.pop();
    if (!r) return null;
    this.restore(r, r.before);
    this.redoStack.push(r);
    return this.outcome(r, r.before);
  }

  /** Re-applies the last undone edit exactly; null when there is nothing to redo. */
  redo(): AppliedEdit | null {
    const r = this.redoStack.pop();
    if (!r) return null;
    this.restore(r, r.after);
    this.undoStack.push(r);
    return this.outcome(r, r.after);
  }

  /** Edits that redo would re-apply, the next one last. */
  get redoHistory(): BoundaryEdit[] {
    return this.redoStack.map((r) => r.edit);
  }

  /** Forgets the redo history (used when an applied edit is withdrawn, e.g. a refused confirmation). */
  discardRedo(): void {
    this.redoStack.length = 0;
  }

  /** Computes the before and after snapshots of the plan without changing state. */
  private record(edit: BoundaryEdit, plan: AssignPlan): EditRecord {
    const { units, before, after } = this.mover.compute(this.overlay, plan.target, plan.transfers);
    const sumsBefore = this.sumsRows(plan.changedSchools);
    // Sums after: the incremental update of the changed units, done on a copy of the changed rows.
    const sumsAfter = sumsBefore.slice();
    updateSumsRows(sumsAfter, this.matrix, this.width, units, before, after, plan.changedSchools, this.rowOf);
    return {
      edit,
      schools: plan.changedSchools,
      units,
      emptied: plan.emptiedSchools,
      before: {
        catchments: plan.changedSchools.map((s) => this.current.catchments[s]),
        bboxes: plan.changedSchools.map((s) => this.bboxes[s]),
        entries: before,
        sumsRows: sumsBefore,
      },
      after: { catchments: plan.newCatchments, bboxes: plan.newCatchments.map(multiPolygonBBox), entries: after, sumsRows: sumsAfter },
    };
  }

  /** Copies a snapshot into the live state. */
  private restore(r: EditRecord, snap: Snapshot): void {
    const catchments = this.current.catchments.slice();
    const bboxes = this.bboxes.slice();
    r.schools.forEach((s, i) => {
      catchments[s] = snap.catchments[i];
      bboxes[s] = snap.bboxes[i];
    });
    this.current = { networkId: this.current.networkId, catchments };
    this.bboxes = bboxes;
    const { start, schools, weights } = snap.entries;
    for (let i = 0; i < r.units.length; i++) this.overlay.setUnitRange(r.units[i], schools, weights, start[i], start[i + 1]);
    const W = this.width;
    r.schools.forEach((s, i) => this.sums.set(snap.sumsRows.subarray(i * W, (i + 1) * W), s * W));
  }

  private sumsRows(schools: number[]): Float64Array {
    const W = this.width;
    const rows = new Float64Array(schools.length * W);
    schools.forEach((s, i) => rows.set(this.sums.subarray(s * W, (s + 1) * W), i * W));
    return rows;
  }

  private outcome(r: EditRecord, snap: Snapshot): AppliedEdit {
    return {
      networkId: this.network.id,
      changedSchools: r.schools.slice(),
      changedUnits: r.units.slice(),
      emptiedSchools: snap === r.after ? r.emptied.slice() : [],
      catchments: snap.catchments.slice(),
    };
  }
}
