/**
 * Document state: the loaded dataset and the scenario (current and baseline figures per
 * network, undo/redo availability). Every change of the scenario goes through `requestEdit`
 * → the engine (which refuses an edit that empties a school) → confirmation → the engine again
 * with allowEmptying → `mergeSnapshot`.
 * Framework-free (zustand/vanilla) so tests drive it with a fake engine.
 */
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { Problem } from '../../core/model/result';
import type { Edit, HousingProjectRecord } from '../../core/scenario/edit';
import type { DatasetSource, DatasetSummary, EditResponse, EngineApi, LoadProgress } from '../workers/engine-protocol';
import { mergeSnapshot, type NetworkView } from './network-view';

export type LoadStatus = 'idle' | 'loading' | 'ready' | 'error';

/** An edit waiting for the user's answer because it would leave schools without area. */
export interface PendingEdit {
  edit: Edit;
  /** Names of the schools that would be left without area. */
  emptiedSchoolNames: string[];
  /** Other reasons to confirm: a new detached piece, children handed more than 5 km away (the engine's messages). */
  travelWarnings?: string[];
}

export interface DocumentState {
  status: LoadStatus;
  progress: LoadProgress | null;
  problems: Problem[];
  summary: DatasetSummary | null;
  networkId: string | null;
  views: Record<string, NetworkView>;
  canUndo: boolean;
  canRedo: boolean;
  editCount: number;
  pending: PendingEdit | null;
  /** Problems of the last rejected edit, shown inline until the next edit. */
  editProblems: Problem[];
  /** Number of engine calls in flight. */
  inFlight: number;
  /** The school year every figure is for (null: the engine has no projection). */
  year: number | null;
  /** The scenario's housing projects, as of the last snapshot. */
  housing: HousingProjectRecord[];

  /** Loads a bundle over HTTP, or a dataset kept in the browser ({ storedHash }). */
  load(source: DatasetSource): Promise<void>;
  /** Shows a dataset the worker has already loaded (the import wizard's finish): resets views and history. */
  adopt(summary: DatasetSummary): Promise<void>;
  setNetwork(networkId: string): Promise<void>;
  /** Applies an edit, or parks it in `pending` when it would empty a school. */
  requestEdit(edit: Edit): Promise<void>;
  confirmPending(): Promise<void>;
  cancelPending(): void;
  undo(): Promise<void>;
  redo(): Promise<void>;
  /** Shows every figure for another school year (summary.years.base … last). */
  setYear(year: number): Promise<void>;
  /** Adds the housing projects of a file, one record each; a bad row refuses the whole file (editProblems). Returns whether they were added. */
  importHousing(file: { name: string; bytes: Uint8Array }): Promise<boolean>;
  /** Uses a city's forecast table (CSV) for every scenario, or none (null); a bad file changes nothing (editProblems). Answers its warnings when taken, else null. */
  importForecast(file: { name: string; bytes: Uint8Array } | null): Promise<{ warnings: Problem[] } | null>;
}

export type DocumentStore = StoreApi<DocumentState>;

/** Problem code of an edit refused because it would leave a school with no area. */
export const EMPTIES_SCHOOL = 'edit-empties-school';
/** Problem codes of edits the user may confirm (core/travel/scenario-travel.ts: a new detached piece, a trip over 5 km). */
const CONFIRMABLE = [EMPTIES_SCHOOL, 'edit-detaches-piece', 'edit-far-units'];

export function createDocumentStore(engine: EngineApi): DocumentStore {
  return createStore<DocumentState>()((set, get) => {
    const schoolCount = (networkId: string): number =>
      get().summary?.networks.find((n) => n.id === networkId)?.schools.length ?? 0;

    /** Runs an engine call, counting it as in flight. */
    const track = async <T>(work: () => Promise<T>): Promise<T> => {
      set((s) => ({ inFlight: s.inFlight + 1 }));
      try {
        return await work();
      } finally {
        set((s) => ({ inFlight: s.inFlight - 1 }));
      }
    };

    const absorb = (response: EditResponse | null, edit?: Edit): void => {
      if (!response) return;
      const { snapshot } = response;
      const id = snapshot.networkId;
      // A housing record (or an undo, which may be one) changes every network's figures: the other views reload on demand.
      const others = edit && 'networkId' in edit ? get().views : {};
      // A school-network record changes every network serving the school: stay on the network on view.
      const stay = response.schoolRecord && get().networkId !== null && get().networkId !== id ? get().networkId : null;
      set((s) => ({
        views: {
          ...(others === s.views ? s.views : {}),
          [id]: mergeSnapshot(s.views[id], snapshot, schoolCount(id), { units: response.outcome.changedUnits, schools: response.outcome.changedSchools }),
        },
        networkId: stay ?? id,
        housing: snapshot.housing ?? s.housing,
        canUndo: snapshot.canUndo,
        canRedo: snapshot.canRedo,
        editCount: snapshot.editCount,
        editProblems: [],
      }));
      if (stay) void get().setNetwork(stay);
    };

    /** A housing record answers with the first network's snapshot: the view stays on the network the user had. */
    const stayOn = async (networkId: string | null): Promise<void> => {
      if (networkId && get().networkId !== networkId) await get().setNetwork(networkId);
    };

    const apply = async (edit: Edit, allowEmptying: boolean): Promise<void> => {
      const before = get().networkId;
      const result = await track(() => engine.apply(edit, allowEmptying));
      if (result.ok) {
        absorb(result.value, edit);
        if (!('networkId' in edit)) await stayOn(before);
        return;
      }
      if (!allowEmptying && result.problems.length > 0 && result.problems.every((p) => CONFIRMABLE.includes(p.code))) {
        const schools = get().summary?.networks.find((n) => 'networkId' in edit && n.id === edit.networkId)?.schools ?? [];
        const ids = result.problems.filter((p) => p.code === EMPTIES_SCHOOL).flatMap((p) => p.ids ?? []);
        const travelWarnings = result.problems.filter((p) => p.code !== EMPTIES_SCHOOL).map((p) => p.message);
        set({ pending: { edit, emptiedSchoolNames: ids.map((id) => schools.find((s) => s.id === id)?.name ?? id), ...(travelWarnings.length ? { travelWarnings } : {}) } });
        return;
      }
      set({ editProblems: result.problems });
    };

    return {
      status: 'idle',
      progress: null,
      problems: [],
      summary: null,
      networkId: null,
      views: {},
      canUndo: false,
      canRedo: false,
      editCount: 0,
      pending: null,
      editProblems: [],
      inFlight: 0,
      year: null,
      housing: [],

      async load(source) {
        set({ status: 'loading', progress: null, problems: [], summary: null, views: {}, networkId: null });
        const onProgress = (progress: LoadProgress) => set({ progress });
        const result = await track(() => ('storedHash' in source ? engine.loadStored(source.storedHash, onProgress) : engine.load(source, onProgress)));
        if (!result.ok) {
          set({ status: 'error', problems: result.problems });
          return;
        }
        const summary = result.value;
        set({ summary, year: summary.years?.selected ?? null });
        const first = summary.networks[0]?.id ?? null;
        if (first) await get().setNetwork(first);
        set({ status: 'ready' });
      },

      async adopt(summary) {
        set({ status: 'loading', progress: null, problems: [], summary, views: {}, networkId: null, canUndo: false, canRedo: false, editCount: 0, pending: null, editProblems: [], year: summary.years?.selected ?? null });
        const first = summary.networks[0]?.id ?? null;
        if (first) await get().setNetwork(first);
        set({ status: 'ready' });
      },

      async setNetwork(networkId) {
        if (!get().views[networkId]) {
          const snapshot = await track(() => engine.snapshot(networkId));
          set((s) => ({
            views: { ...s.views, [networkId]: mergeSnapshot(undefined, snapshot, schoolCount(networkId)) },
            housing: snapshot.housing ?? s.housing,
            canUndo: snapshot.canUndo,
            canRedo: snapshot.canRedo,
            editCount: snapshot.editCount,
          }));
        }
        set({ networkId });
      },

      async requestEdit(edit) {
        await apply(edit, false);
      },

      async confirmPending() {
        const pending = get().pending;
        if (!pending) return;
        set({ pending: null });
        await apply(pending.edit, true);
      },

      cancelPending() {
        set({ pending: null });
      },

      async undo() {
        if (!get().canUndo) return;
        absorb(await track(() => engine.undo()));
      },

      async redo() {
        if (!get().canRedo) return;
        absorb(await track(() => engine.redo()));
      },

      async setYear(year) {
        const id = get().networkId;
        if (!engine.setYear || id === null || year === get().year) return;
        const result = await track(() => engine.setYear!(year, id));
        if (!result.ok) {
          set({ editProblems: result.problems });
          return;
        }
        // The worker answers the figures only when no catchment moved; without a view to keep them from, ask for everything.
        const previous = result.value.complete ? undefined : get().views[id];
        const snapshot = result.value.complete || previous ? result.value : await track(() => engine.snapshot(id));
        // Every network's figures are for the new year: keep only the one on view, fresh (its catchments kept when none moved).
        set({ year, views: { [id]: mergeSnapshot(previous, snapshot, schoolCount(id)) }, canUndo: snapshot.canUndo, canRedo: snapshot.canRedo, housing: snapshot.housing ?? get().housing });
      },

      async importHousing(file) {
        const year = get().year;
        if (!engine.importHousing || year === null) return false;
        const before = get().networkId;
        const result = await track(() => engine.importHousing!(file, year));
        if (!result.ok) {
          set({ editProblems: result.problems });
          return false;
        }
        absorb(result.value, { kind: 'remove-housing-project', id: '' });
        await stayOn(before);
        return true;
      },

      async importForecast(file) {
        const id = get().networkId;
        if (!engine.importForecast || id === null) return null;
        const result = await track(() => engine.importForecast!(file, id));
        if (!result.ok) {
          set({ editProblems: result.problems });
          return null;
        }
        // Every network's projected figures change (every scenario's): keep only the one on view, fresh.
        set({ views: { [id]: mergeSnapshot(undefined, result.value, schoolCount(id)) }, canUndo: result.value.canUndo, canRedo: result.value.canRedo, editProblems: [] });
        return { warnings: result.warnings };
      },
    };
  });
}
