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
import type { EditOutcome, NetworkStep, SchoolStep } from '../scenario/edit';
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
import { updateLayerRows, updateSumsRows } from './update-sums-rows';
import type { SumsLayer } from './update-sums-rows';

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
  /** The same rows of each layer (options.layers), in layer order. */
  layerRows: Float64Array[];
}

interface EditRecord {
  schools: number[];
  units: Int32Array;
  emptied: number[];
  before: Snapshot;
  after: Snapshot;
}

/** One applied step: a boundary edit is one record, a school step one record per receiving school. */
interface StepGroup {
  edit: NetworkStep;
  records: EditRecord[];
}

/** One assignment of a resolved school step: give `region` to school index `school`. */
export interface StepPart {
  school: number;
  /** The region, or a function giving it when the part is applied (after the earlier parts). */
  region: MultiPolygon | (() => MultiPolygon);
}

/** Resolves a school step against the live state (school-network/resolve-school-step.ts). */
export type StepResolver = (step: SchoolStep, net: EditableNetwork) => Result<StepPart[]>;

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
  /** Needed to apply school steps (open/close). */
  resolveStep?: StepResolver;
  /**
   * Further sums kept current with the catchments (e.g. the projected years' sums): updated
   * incrementally from the changed units on every apply, copied back on undo and redo, like
   * `sums`. Their sums must match `overlay` when the network is created.
   */
  layers?: SumsLayer[];
}

export class EditableNetwork {
  /** The network; a new object when a school slot is added or removed (addSlot/removeSlot). */
  network: Network;
  readonly units: Units;
  readonly matrix: Float64Array;
  readonly width: number;
  /** Live overlay; read it, never modify it. */
  readonly overlay: NetworkOverlay;
  /** Live per-school sums (schoolCount × width); read it, never modify it (reallocated by addSlot/removeSlot). */
  sums: Float64Array;
  private current: Partition;
  private bboxes: BBox[];
  private readonly undoStack: StepGroup[] = [];
  private readonly redoStack: StepGroup[] = [];
  private readonly resolveStep: StepResolver | undefined;
  private readonly slivers: SliverOptions;
  private readonly maxHistory: number;
  private readonly mover: WeightMover;
  /** School → row in a block of changed schools' sums rows; −1 between uses. */
  private rowOf: Int32Array;
  private readonly layers: SumsLayer[];
  /** Scratch row for the layers' unit rows. */
  private readonly layerRow: Float64Array;

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
    this.resolveStep = o.resolveStep;
    this.layers = o.layers ?? [];
    this.layerRow = new Float64Array(Math.max(0, ...this.layers.map((l) => l.width)));
  }

  /** Appends an empty catchment slot for an opened school (index = the old school count). */
  addSlot(schoolId: string): void {
    this.network = { ...this.network, schoolIds: [...this.network.schoolIds, schoolId] };
    this.current = { networkId: this.current.networkId, catchments: [...this.current.catchments, []] };
    this.bboxes = [...this.bboxes, multiPolygonBBox([])];
    this.overlay.setSchoolCount(this.network.schoolIds.length);
    const sums = new Float64Array(this.sums.length + this.width);
    sums.set(this.sums);
    this.sums = sums;
    this.rowOf = new Int32Array(this.network.schoolIds.length).fill(-1);
    for (const l of this.layers) l.resize(this.network.schoolIds.length);
  }

  /** Removes the last slot (undo of an open); it must be empty, with no area and no weights. */
  removeSlot(schoolId: string): void {
    const last = this.network.schoolIds.length - 1;
    if (this.network.schoolIds[last] !== schoolId || this.current.catchments[last].length > 0) throw new Error(`Slot ${schoolId} is not the last empty one`);
    this.network = { ...this.network, schoolIds: this.network.schoolIds.slice(0, last) };
    this.current = { networkId: this.current.networkId, catchments: this.current.catchments.slice(0, last) };
    this.bboxes = this.bboxes.slice(0, last);
    this.overlay.setSchoolCount(last);
    this.sums = this.sums.slice(0, last * this.width);
    this.rowOf = new Int32Array(last).fill(-1);
    for (const l of this.layers) l.resize(last);
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
  get history(): NetworkStep[] {
    return this.undoStack.map((r) => r.edit);
  }

  /**
   * Applies a boundary edit or a school step. On failure nothing changes. Emptied schools come
   * back as a warning too. A school step always enters the history (possibly changing nothing),
   * so the history stays the list of steps in effect.
   */
  apply(edit: NetworkStep): Result<AppliedEdit> {
    if (edit.kind === 'open-step' || edit.kind === 'close-step') return this.applyStep(edit);
    const resolved = resolveEdit(edit, this.network, this.units);
    if (!resolved.ok) return resolved;
    const { school, region } = resolved.value;
    const plan = this.plan(school, region);
    if (!plan.ok) return plan;
    if (!plan.value) {
      return fail({
        code: 'edit-no-change',
        message: `The region is already all in ${edit.schoolId}'s catchment or lies outside the network's area; nothing changes.`,
        fix: 'Draw the region over the catchments of other schools.',
      });
    }
    const record = this.record(plan.value);
    this.restore(record, record.after);
    this.push({ edit, records: [record] });
    const warnings: Problem[] = plan.value.emptiedSchools.map((s) => ({
      code: 'edit-empties-school',
      message: `School ${this.network.schoolIds[s]} is left with no catchment area.`,
      fix: 'Undo, or give the school another area.',
      ids: [this.network.schoolIds[s]],
    }));
    return ok(this.outcome([record], 'after'), warnings);
  }

  private applyStep(step: SchoolStep): Result<AppliedEdit> {
    if (!this.resolveStep) throw new Error('EditableNetwork has no step resolver');
    const parts = this.resolveStep(step, this);
    if (!parts.ok) return parts;
    const records: EditRecord[] = [];
    for (const part of parts.value) {
      const plan = this.plan(part.school, typeof part.region === 'function' ? part.region() : part.region);
      if (!plan.ok) {
        for (let i = records.length - 1; i >= 0; i--) this.restore(records[i], records[i].before);
        return plan;
      }
      if (!plan.value) continue;
      const record = this.record(plan.value);
      this.restore(record, record.after);
      records.push(record);
    }
    this.push({ edit: step, records });
    return ok(this.outcome(records, 'after'));
  }

  private plan(school: number, region: MultiPolygon): Result<AssignPlan | null> {
    try {
      return ok(planAssign(this.current.catchments, this.bboxes, school, region, this.slivers));
    } catch (e) {
      // The clipper throws only on input it cannot represent (non-finite, or wider than ~2 000 km).
      return fail({
        code: 'edit-geometry-failed',
        message: `The region could not be clipped against the catchments (${e instanceof Error ? e.message : String(e)}).`,
        fix: 'Draw the region within the network’s area, in EPSG:3067 metres; if it already is, redraw it slightly differently.',
      });
    }
  }

  private push(group: StepGroup): void {
    this.undoStack.push(group);
    if (this.undoStack.length > this.maxHistory) this.undoStack.shift();
    this.redoStack.length = 0;
  }

  /** Reverts the last applied edit exactly; null when there is nothing to undo. */
  undo(): AppliedEdit | null {
    const g = this.undoStack.pop();
    if (!g) return null;
    for (let i = g.records.length - 1; i >= 0; i--) this.restore(g.records[i], g.records[i].before);
    this.redoStack.push(g);
    return this.outcome(g.records, 'before');
  }

  /** Re-applies the last undone edit exactly; null when there is nothing to redo. */
  redo(): AppliedEdit | null {
    const g = this.redoStack.pop();
    if (!g) return null;
    for (const r of g.records) this.restore(r, r.after);
    this.undoStack.push(g);
    return this.outcome(g.records, 'after');
  }

  /** Edits that redo would re-apply, the next one last. */
  get redoHistory(): NetworkStep[] {
    return this.redoStack.map((r) => r.edit);
  }

  /** Forgets the redo history (used when an applied edit is withdrawn, e.g. a refused confirmation). */
  discardRedo(): void {
    this.redoStack.length = 0;
  }

  /** Computes the before and after snapshots of the plan without changing state. */
  private record(plan: AssignPlan): EditRecord {
    const { units, before, after } = this.mover.compute(this.overlay, plan.target, plan.transfers);
    const sumsBefore = this.sumsRows(plan.changedSchools);
    // Sums after: the incremental update of the changed units, done on a copy of the changed rows.
    const sumsAfter = sumsBefore.slice();
    updateSumsRows(sumsAfter, this.matrix, this.width, units, before, after, plan.changedSchools, this.rowOf);
    const layersBefore = this.layers.map((l) => rowsOf(l.sums, l.width, plan.changedSchools));
    const layersAfter = this.layers.map((l, i) => {
      const rows = layersBefore[i].slice();
      updateLayerRows(rows, l, this.layerRow, units, before, after, plan.changedSchools, this.rowOf);
      return rows;
    });
    return {
      schools: plan.changedSchools,
      units,
      emptied: plan.emptiedSchools,
      before: {
        catchments: plan.changedSchools.map((s) => this.current.catchments[s]),
        bboxes: plan.changedSchools.map((s) => this.bboxes[s]),
        entries: before,
        sumsRows: sumsBefore,
        layerRows: layersBefore,
      },
      after: { catchments: plan.newCatchments, bboxes: plan.newCatchments.map(multiPolygonBBox), entries: after, sumsRows: sumsAfter, layerRows: layersAfter },
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
    this.layers.forEach((l, j) => {
      const rows = snap.layerRows[j];
      const w = l.width;
      r.schools.forEach((s, i) => l.sums.set(rows.subarray(i * w, (i + 1) * w), s * w));
    });
  }

  private sumsRows(schools: number[]): Float64Array {
    return rowsOf(this.sums, this.width, schools);
  }

  /** What a group of records changed (the last snapshot of each school; union of units). */
  private outcome(records: EditRecord[], side: 'before' | 'after'): AppliedEdit {
    if (records.length === 1) {
      const r = records[0];
      const snap = r[side];
      return { networkId: this.network.id, changedSchools: r.schools.slice(), changedUnits: r.units.slice(), emptiedSchools: side === 'after' ? r.emptied.slice() : [], catchments: snap.catchments.slice() };
    }
    const schools = [...new Set(records.flatMap((r) => r.schools))].sort((a, b) => a - b);
    const units = Int32Array.from(new Set(records.flatMap((r) => Array.from(r.units)))).sort();
    const emptied = side === 'after' ? schools.filter((s) => this.current.catchments[s].length === 0) : [];
    return { networkId: this.network.id, changedSchools: schools, changedUnits: units, emptiedSchools: emptied, catchments: schools.map((s) => this.current.catchments[s]) };
  }
}

/** The rows of `schools` in `sums` (width values each), concatenated. */
function rowsOf(sums: Float64Array, width: number, schools: number[]): Float64Array {
  const rows = new Float64Array(schools.length * width);
  schools.forEach((s, i) => rows.set(sums.subarray(s * width, (s + 1) * width), i * width));
  return rows;
}
