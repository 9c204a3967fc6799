/**
 * The scenario's one log of dated records (edit.ts), with undo and redo in the order the user
 * made them. Applying a record is one code path per kind that returns what changed:
 * - a boundary edit in effect in the selected year goes through the network's EditableNetwork
 *   (exact snapshots for undo/redo); one dated later is checked, logged and applied only when
 *   the selected year reaches it (ScenarioEngine.setYear → syncEdits);
 * - housing records are checked, resolved to units once (kept per record object) and logged;
 *   the projects in effect are a fold over the log, so undo and redo are exact by construction.
 */
import { resolveEdit } from '../edits/resolve-edit';
import type { AppliedEdit } from '../edits/editable-network';
import type { ActiveProject } from '../housing/housing-sums';
import { resolveProject } from '../housing/resolve-project';
import type { ProjectUnits } from '../housing/resolve-project';
import { fail, ok } from '../model/result';
import type { Result } from '../model/result';
import type { Units } from '../model/units';
import type { BoundaryEdit, Edit, HousingProjectRecord, NetworkStep, SchoolNetworkRecord } from './edit';
import { isBoundaryEdit, isSchoolNetworkRecord } from './edit';
import type { NetworkState, RecordOutcome } from './network-state';
import { afterBoundaryChange, unionUnits } from './network-state';
import type { School } from '../model/school';
import { checkBoundaryTarget, checkSchoolRecord } from '../school-network/check-school-record';
import { SchoolSteps } from './school-steps';
import type { NetworkStateSource } from './network-states';

export class RecordLog {
  private readonly applied: Edit[] = [];
  /** Undone records, the next to redo last. */
  private readonly undone: Edit[] = [];
  private readonly resolved = new WeakMap<HousingProjectRecord, ProjectUnits>();
  private projectCache: ActiveProject[] | null = null;

  private readonly states: NetworkStateSource;
  private readonly units: Units;
  private readonly baseYear: number;
  private readonly horizon: number;
  private readonly schoolSteps: SchoolSteps;

  constructor(states: NetworkStateSource, units: Units, baseYear: number, horizon: number) {
    this.states = states;
    this.units = units;
    this.baseYear = baseYear;
    this.horizon = horizon;
    this.schoolSteps = new SchoolSteps(states);
  }

  canUndo(): boolean {
    return this.applied.length > 0;
  }

  canRedo(): boolean {
    return this.undone.length > 0;
  }

  records(): Edit[] {
    return this.applied.slice();
  }

  redoRecords(): Edit[] {
    return this.undone.slice().reverse();
  }

  /** Year from which a boundary edit is in effect. */
  effectiveYear(e: BoundaryEdit): number {
    return e.year ?? this.baseYear;
  }

  /** The network's boundary edits and school steps (open, close) in effect in `year`, in log order. */
  networkSteps(networkId: string, year: number): NetworkStep[] {
    const out: NetworkStep[] = [];
    for (const e of this.applied) {
      if (isBoundaryEdit(e)) {
        if (e.networkId === networkId && this.effectiveYear(e) <= year) out.push(e);
      } else if ((e.kind === 'open-school' || e.kind === 'close-school') && e.year <= year) {
        const step = this.schoolSteps.step(e, networkId);
        if (step) out.push(step);
      }
    }
    return out;
  }

  /** Every school of the index space (dataset and opened), by id. */
  schools(): Map<string, School> {
    const out = new Map<string, School>();
    for (const s of this.states.values()) s.schools.forEach((school) => out.set(school.id, school));
    return out;
  }

  /** Housing projects in effect (any completion year): the last record of each id, unless removed. */
  projects(): ActiveProject[] {
    if (!this.projectCache) {
      const byId = new Map<string, ActiveProject>();
      for (const e of this.applied) {
        if (e.kind === 'housing-project') {
          byId.delete(e.id);
          byId.set(e.id, { record: e, where: this.resolved.get(e)! });
        } else if (e.kind === 'remove-housing-project') byId.delete(e.id);
      }
      this.projectCache = [...byId.values()];
    }
    return this.projectCache;
  }

  apply(e: Edit, selected: number, allowEmptying: boolean): Result<RecordOutcome> {
    const r = this.check(e, selected, allowEmptying);
    if (!r.ok) return r;
    this.applied.push(e);
    this.undone.length = 0;
    this.projectCache = null;
    return r;
  }

  /** Forgets the record an undo just moved to the redo list (a refused edit leaves no redo). */
  dropRedo(): void {
    const e = this.undone.pop();
    if (e && isBoundaryEdit(e)) this.states.get(e.networkId)?.editable.discardRedo();
  }

  undo(selected: number): RecordOutcome | null {
    const e = this.applied.pop();
    if (!e) return null;
    this.undone.push(e);
    this.projectCache = null;
    if (isSchoolNetworkRecord(e)) return this.schoolOutcome(e, this.schoolSteps.remove(e, selected));
    if (!isBoundaryEdit(e)) return this.housingOutcome(e);
    const s = this.states.get(e.networkId)!;
    const history = s.editable.history;
    if (this.effectiveYear(e) > selected || history[history.length - 1] !== e) return this.noChange(e.networkId);
    return this.boundaryOutcome(s, s.editable.undo()!);
  }

  redo(selected: number): RecordOutcome | null {
    const e = this.undone.pop();
    if (!e) return null;
    this.applied.push(e);
    this.projectCache = null;
    if (isSchoolNetworkRecord(e)) return this.schoolOutcome(e, this.schoolSteps.restore(e, selected));
    if (!isBoundaryEdit(e)) return this.housingOutcome(e);
    const s = this.states.get(e.networkId)!;
    if (this.effectiveYear(e) > selected) return this.noChange(e.networkId);
    const redo = s.editable.redoHistory;
    if (redo[redo.length - 1] === e) return this.boundaryOutcome(s, s.editable.redo()!);
    const r = s.editable.apply(e);
    return r.ok ? this.boundaryOutcome(s, r.value) : this.noChange(e.networkId);
  }

  /** Checks a record and, for a boundary edit in effect, applies it to its network. */
  private check(e: Edit, selected: number, allowEmptying: boolean): Result<RecordOutcome> {
    if (e.kind === 'housing-project') {
      const first = [...this.states.values()][0];
      if (!first) return fail({ code: 'no-networks', message: 'The dataset has no school network to add pupils to.', fix: 'Load catchments for at least one network.' });
      const where = resolveProject(e, this.units, first.editable.overlay, this.baseYear, this.baseYear + this.horizon);
      if (!where.ok) return where;
      this.resolved.set(e, where.value);
      return ok(this.housingOutcome(e, where.value.units));
    }
    if (e.kind === 'remove-housing-project') {
      if (!this.projects().some((p) => p.record.id === e.id)) {
        return fail({ code: 'housing-unknown-project', message: `There is no housing project "${e.id}" to remove.`, fix: 'Remove a project listed in the scenario.', feature: e.id });
      }
      return ok(this.housingOutcome(e));
    }
    if (isBoundaryEdit(e)) return this.checkBoundary(e, selected, allowEmptying);
    if (isSchoolNetworkRecord(e)) return this.checkSchool(e, selected);
    const unknown: never = e;
    return fail({ code: 'edit-unknown-kind', message: `The record kind ${JSON.stringify((unknown as { kind: string }).kind)} is unknown.`, fix: 'Use a newer Catchment Studio.' });
  }

  private checkBoundary(e: BoundaryEdit, selected: number, allowEmptying: boolean): Result<RecordOutcome> {
    const s = this.states.get(e.networkId);
    if (!s) return fail({ code: 'unknown-network', message: `There is no network "${e.networkId}".`, fix: `Use one of: ${[...this.states.keys()].join(', ')}.` });
    const last = this.baseYear + this.horizon;
    if (e.year !== undefined && (!Number.isInteger(e.year) || e.year < this.baseYear || e.year > last)) {
      return fail({ code: 'edit-year-out-of-range', message: `The edit's year ${String(e.year)} is outside the projection (${this.baseYear}–${last}).`, fix: `Give a school year from ${this.baseYear} to ${last}, or leave it out for the base year.`, field: 'year' });
    }
    const open = checkBoundaryTarget(e, this.effectiveYear(e), last, this.applied);
    if (!open.ok) return open;
    if (this.effectiveYear(e) > selected) {
      const r = resolveEdit(e, s.network, this.units);
      return r.ok ? ok(this.noChange(e.networkId)) : r;
    }
    const result = s.editable.apply(e);
    if (!result.ok) return result;
    if (result.value.emptiedSchools.length > 0 && !allowEmptying) {
      s.editable.undo();
      s.editable.discardRedo();
      return fail(...result.warnings);
    }
    return ok(this.boundaryOutcome(s, result.value), result.warnings);
  }

  private checkSchool(e: SchoolNetworkRecord, selected: number): Result<RecordOutcome> {
    const checked = checkSchoolRecord(e, {
      log: this.applied, units: this.units, baseYear: this.baseYear, lastYear: this.baseYear + this.horizon,
      schools: this.schools(), networks: [...this.states.values()].map((s) => s.network), effectiveYear: (b) => this.effectiveYear(b),
    });
    if (!checked.ok) return checked;
    const added = this.schoolSteps.add(e, this.applied, selected);
    if (!added.ok) return added;
    return ok(this.schoolOutcome(e, unionUnits(added.value.length ? added.value.map((o) => o.changedUnits) : [new Int32Array(0)])));
  }

  /** A school-network record changes the figures of every network holding the school. */
  private schoolOutcome(e: SchoolNetworkRecord, units: Int32Array): RecordOutcome {
    const networks = this.schoolSteps.networksOf(e);
    const id = e.kind === 'open-school' ? e.school.id : e.schoolId;
    const changedSchools = networks.length > 0 ? [this.states.get(networks[0])!.network.schoolIds.indexOf(id)].filter((i) => i >= 0) : [];
    return { networkId: networks[0] ?? '', networks, changedSchools, changedUnits: units, emptiedSchools: [], catchments: [] };
  }

  private boundaryOutcome(s: NetworkState, o: AppliedEdit): RecordOutcome {
    afterBoundaryChange(s, o.changedUnits);
    return { ...o, networks: [s.network.id] };
  }

  private noChange(networkId: string): RecordOutcome {
    return { networkId, networks: [networkId], changedSchools: [], changedUnits: new Int32Array(0), emptiedSchools: [], catchments: [] };
  }

  private housingOutcome(e: Edit, units?: Int32Array): RecordOutcome {
    const ids = [...this.states.keys()];
    const touched: Int32Array[] = units ? [units] : [];
    if (e.kind === 'housing-project' || e.kind === 'remove-housing-project') {
      for (const p of this.projects()) if (p.record.id === e.id) touched.push(p.where.units);
      if (e.kind === 'housing-project' && this.resolved.has(e)) touched.push(this.resolved.get(e)!.units);
    }
    return { networkId: ids[0] ?? '', networks: ids, changedSchools: [], changedUnits: unionUnits(touched.length ? touched : [new Int32Array(0)]), emptiedSchools: [], catchments: [] };
  }
}
