/**
 * The record log's part for school-network records (edit.ts): turns an open-school or
 * close-school record into one SchoolStep per network it changes (kept by record, so the
 * steps keep their identity for syncEdits), adds the slot of an opened school, and applies or
 * withdraws the steps on the networks where they are in effect. set-capacity and
 * relocate-school change no geometry: their effect is a fold over the log (school-timeline.ts).
 */
import type { AppliedEdit } from '../edits/editable-network';
import { ok } from '../model/result';
import type { Result } from '../model/result';
import { servedNetworks } from '../school-network/check-school-record';
import { isOpen, openedSchool, schoolStatus } from '../school-network/school-timeline';
import type { Edit, SchoolNetworkRecord, SchoolStep } from './edit';
import type { NetworkStateSource } from './network-states';
import { addSchoolSlot, afterBoundaryChange, removeSchoolSlot, unionUnits } from './network-state';

export class SchoolSteps {
  private readonly steps = new WeakMap<Edit, Map<string, SchoolStep>>();
  private readonly states: NetworkStateSource;

  constructor(states: NetworkStateSource) {
    this.states = states;
  }

  /** The network's step of record `e`, if it has one. */
  step(e: Edit, networkId: string): SchoolStep | undefined {
    return this.steps.get(e)?.get(networkId);
  }

  /** Networks a school-network record concerns (those holding the school, or an opened school's). */
  networksOf(e: SchoolNetworkRecord): string[] {
    const map = this.steps.get(e);
    if (map && e.kind === 'open-school') return [...map.keys()];
    const id = e.kind === 'open-school' ? e.school.id : e.schoolId;
    return [...this.states.values()].filter((s) => s.network.schoolIds.includes(id)).map((s) => s.network.id);
  }

  /**
   * Makes the steps of a checked record (receivers of a close frozen from `log`, the log before
   * it), adds an opened school's slots, and applies the steps when in effect in `selected`.
   * On failure everything is withdrawn.
   */
  add(e: SchoolNetworkRecord, log: readonly Edit[], selected: number): Result<AppliedEdit[]> {
    if (e.kind !== 'open-school' && e.kind !== 'close-school') return ok([]);
    const map = new Map<string, SchoolStep>();
    if (e.kind === 'open-school') {
      const school = openedSchool(e);
      for (const n of servedNetworks(school, [...this.states.values()].map((s) => s.network))) {
        map.set(n.id, { kind: 'open-step', networkId: n.id, schoolId: school.id, year: e.year, location: school.location, catchment: e.catchment });
        addSchoolSlot(this.states.get(n.id)!, school);
      }
    } else {
      for (const id of this.networksOf(e)) {
        const ids = this.states.get(id)!.network.schoolIds;
        const receivers = ids.filter((s) => s !== e.schoolId && isOpen(schoolStatus(log, s, e.year)));
        map.set(id, { kind: 'close-step', networkId: id, schoolId: e.schoolId, year: e.year, to: e.to === 'nearest' ? null : e.to, receivers });
      }
    }
    this.steps.set(e, map);
    if (e.year > selected) return ok([]);
    const done: AppliedEdit[] = [];
    for (const [id, step] of map) {
      const s = this.states.get(id)!;
      const r = s.editable.apply(step);
      if (!r.ok) {
        this.remove(e, selected);
        for (const other of map.keys()) this.states.get(other)!.editable.discardRedo();
        return r;
      }
      afterBoundaryChange(s, r.value.changedUnits);
      done.push(r.value);
    }
    return ok(done);
  }

  /** Withdraws the record's steps (undo): undoes them where applied, removes an opened school's slots. */
  remove(e: Edit, selected: number): Int32Array {
    const map = this.steps.get(e);
    if (!map) return new Int32Array(0);
    const changed: Int32Array[] = [];
    for (const [id, step] of map) {
      const s = this.states.get(id)!;
      const history = s.editable.history;
      if (step.year <= selected && history[history.length - 1] === step) {
        const o = s.editable.undo()!;
        afterBoundaryChange(s, o.changedUnits);
        changed.push(o.changedUnits);
      }
      if (step.kind === 'open-step' && s.network.schoolIds[s.network.schoolIds.length - 1] === step.schoolId) removeSchoolSlot(s, step.schoolId);
    }
    return unionUnits(changed.length ? changed : [new Int32Array(0)]);
  }

  /** Re-adds an undone record's slots and steps (redo), exactly as they were. */
  restore(e: Edit, selected: number): Int32Array {
    const map = this.steps.get(e);
    if (!map || (e.kind !== 'open-school' && e.kind !== 'close-school')) return new Int32Array(0);
    const changed: Int32Array[] = [];
    for (const [id, step] of map) {
      const s = this.states.get(id)!;
      if (e.kind === 'open-school') addSchoolSlot(s, openedSchool(e));
      if (step.year > selected) continue;
      const redo = s.editable.redoHistory;
      const o = redo[redo.length - 1] === step ? s.editable.redo() : (() => { const r = s.editable.apply(step); return r.ok ? r.value : null; })();
      if (!o) continue;
      afterBoundaryChange(s, o.changedUnits);
      changed.push(o.changedUnits);
    }
    return unionUnits(changed.length ? changed : [new Int32Array(0)]);
  }
}
