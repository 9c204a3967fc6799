/**
 * State of the import wizard (framework-free zustand/vanilla, so tests drive it with a fake
 * ImportApi): the step, each layer's file (reading progress, summary, problems), the field
 * choices, the school choices and the check report. Every call goes to the worker; the current
 * dataset is replaced only by `finish`, through `onFinished`.
 */
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { PresetId } from '../../core/config/presets';
import type { AgeFraction } from '../../core/mapping/age-apportion';
import { fail, type Problem, type Result } from '../../core/model/result';
import { thrownProblem } from '../workers/import-guard';
import type { OverlapRule } from '../../core/validate/split-overlaps';
import type { DatasetSummary } from '../workers/engine-protocol';
import type { CheckInfo, FieldsInfo, GroupTotal, ImportApi, ImportFileInput, ImportFileSummary, ImportRole, RepairKind, SchoolChoices, SchoolOverride, SchoolsInfo, StepProgress } from '../workers/import-protocol';
import type { FieldCondition } from '../../core/mapping/feature-filter';
import { canEnter, IMPORT_STEPS, type ImportStep } from './import-steps';

export interface FileSlot {
  status: 'empty' | 'reading' | 'ready' | 'error';
  name: string | null;
  progress: number;
  message: string;
  summary: ImportFileSummary | null;
  problems: Problem[];
  crsOverride: string | null;
}

export interface ImportState {
  open: boolean;
  step: ImportStep;
  files: Record<ImportRole, FileSlot>;
  fieldsInfo: FieldsInfo | null;
  preset: PresetId | null;
  mapping: Record<string, string>;
  fractions: { lower: AgeFraction[]; upper: AgeFraction[] } | null;
  fieldsApplied: boolean;
  schoolChoices: SchoolChoices;
  schools: SchoolsInfo | null;
  check: CheckInfo | null;
  totals: { field: string; rows: GroupTotal[] } | null;
  overlapRule: OverlapRule;
  name: string;
  source: string;
  /** Year of the statistics (the projection's base year); null: this year. */
  dataYear: number | null;
  busy: boolean;
  /** What the worker is doing now (filters, planning area, generating a network, checking), while busy. */
  activity: StepProgress | null;
  /** Problems of the last action of the current step (named file, feature, field, fix). */
  problems: Problem[];
  warnings: Problem[];

  openWizard(): void;
  close(): Promise<void>;
  goTo(step: ImportStep): Promise<void>;
  pick(role: ImportRole, input: ImportFileInput): Promise<void>;
  setCrs(role: ImportRole, crs: string | null): Promise<void>;
  /** Read another layer of the same file (GeoPackage table, Shapefile in a ZIP); a failure keeps the layer read before. */
  chooseLayer(role: ImportRole, layer: string): Promise<void>;
  removeFile(role: ImportRole): Promise<void>;
  setPreset(preset: PresetId): void;
  setMapping(field: string, source: string): void;
  setFraction(level: 'lower' | 'upper', field: string, factor: number): void;
  setFilter(filter: SchoolChoices['filter']): Promise<void>;
  /** School conditions (all must hold), applied before anything is generated. */
  setFilters(conditions: FieldCondition[]): Promise<void>;
  /** Planning-area conditions on the boundary polygons (all must hold; none: every polygon). */
  setAreaFilters(conditions: FieldCondition[]): Promise<void>;
  setSchool(id: string, override: SchoolOverride): Promise<void>;
  /** The same override for many schools at once (language, grades, use). */
  setSchools(ids: readonly string[], override: SchoolOverride): Promise<void>;
  /** Runs the Schools step again (after a failure). */
  reloadSchools(): Promise<void>;
  setGenerate(generate: boolean): Promise<void>;
  /** The planning-area filter of the boundary file (null: every polygon). */
  setArea(area: SchoolChoices['area']): Promise<void>;
  setOverlapRule(rule: OverlapRule): void;
  repair(kind: RepairKind): Promise<void>;
  undoRepair(): Promise<void>;
  showTotals(field: string): Promise<void>;
  setName(name: string): void;
  setSource(source: string): void;
  setDataYear(year: number | null): void;
  finish(): Promise<boolean>;
}

export type ImportStore = StoreApi<ImportState>;

export const emptySlot = (): FileSlot => ({ status: 'empty', name: null, progress: 0, message: '', summary: null, problems: [], crsOverride: null });

const initial = () => ({
  step: 'files' as ImportStep,
  files: { units: emptySlot(), schools: emptySlot(), catchments: emptySlot(), boundary: emptySlot(), streets: emptySlot() },
  fieldsInfo: null,
  preset: null,
  mapping: {},
  fractions: null,
  fieldsApplied: false,
  schoolChoices: { filter: null, filters: [], areaFilters: [], overrides: {}, generate: false } as SchoolChoices,
  schools: null,
  check: null,
  totals: null,
  overlapRule: 'larger' as OverlapRule,
  name: '',
  source: '',
  dataYear: null as number | null,
  busy: false,
  activity: null,
  problems: [],
  warnings: [],
});

export function createImportStore(api: ImportApi, onFinished: (summary: DatasetSummary, warnings: Problem[]) => Promise<void>): ImportStore {
  return createStore<ImportState>()((set, get) => {
    /** Runs a worker call with the busy flag; returns the value or records the problems. */
    const call = async <T>(work: () => Promise<Result<T>>): Promise<T | null> => {
      set({ busy: true, problems: [] });
      try {
        let r: Result<T>;
        try {
          r = await work();
        } catch (e) {
          // The worker itself failed (crashed, out of memory): a named problem, not a silent wait.
          r = fail(thrownProblem(e, 'the import worker'));
        }
        if (!r.ok) {
          set({ problems: r.problems });
          return null;
        }
        set({ warnings: r.warnings });
        return r.value;
      } finally {
        set({ busy: false, activity: null });
      }
    };
    const slot = (role: ImportRole, patch: Partial<FileSlot>) => set((s) => ({ files: { ...s.files, [role]: { ...s.files[role], ...patch } } }));
    const downstream = (role: ImportRole) =>
      set(role === 'units' ? { fieldsInfo: null, fieldsApplied: false, schools: null, check: null, totals: null } : role === 'streets' ? {} : { schools: null, check: null });

    const reading = async (role: ImportRole, name: string, work: (progress: (p: { fraction: number; message: string }) => void) => Promise<Result<ImportFileSummary>>) => {
      slot(role, { status: 'reading', name, progress: 0, message: '', problems: [] });
      downstream(role);
      let r: Result<ImportFileSummary>;
      try {
        r = await work((p) => slot(role, { progress: p.fraction, message: p.message }));
      } catch (e) {
        r = fail(thrownProblem(e, 'the import worker'));
      }
      if (r.ok) slot(role, { status: 'ready', progress: 1, summary: r.value, problems: [] });
      else slot(role, { status: 'error', summary: null, problems: r.problems });
    };

    const loadFields = async () => {
      const info = await call(() => api.fields());
      if (!info) return;
      const s = get();
      set({
        fieldsInfo: info,
        preset: s.preset ?? info.detectedPreset,
        mapping: Object.keys(s.mapping).length ? s.mapping : info.mapping,
        fractions: s.fractions ?? info.defaultFractions,
      });
    };

    const applyFields = async (): Promise<boolean> => {
      const s = get();
      if (!s.preset) {
        set({ problems: [{ code: 'no-preset', message: 'No indicator preset fits the units’ fields.', fix: 'Choose a preset and map its age-band and population fields.', field: 'preset' }] });
        return false;
      }
      const r = await call(() => api.applyFields({ preset: s.preset!, mapping: s.mapping, ...(s.preset === 'hsy' && s.fractions ? { fractions: s.fractions } : {}) }));
      set({ fieldsApplied: !!r });
      return !!r;
    };

    const activity = (p: StepProgress) => set({ activity: p });
    const loadSchools = async () => {
      const info = await call(() => api.schools(get().schoolChoices, activity));
      set({ schools: info, check: null });
    };

    const loadCheck = async () => {
      const info = await call(() => api.check(activity));
      if (info) set((s) => ({ check: info, name: s.name || info.defaultName }));
    };

    return {
      open: false,
      ...initial(),

      openWizard() {
        set({ open: true });
      },

      async close() {
        await api.reset();
        set({ open: false, ...initial() });
      },

      async goTo(step) {
        const s = get();
        if (!canEnter(s, step)) return;
        const from = IMPORT_STEPS.indexOf(s.step);
        const to = IMPORT_STEPS.indexOf(step);
        if (to > from && s.step === 'fields' && !(await applyFields())) return;
        set({ step, problems: [] });
        if (step === 'fields' && !get().fieldsInfo) await loadFields();
        if (step === 'schools') {
          if (!get().fieldsApplied && !(await applyFields())) return set({ step: 'fields' });
          if (!get().files.catchments.summary && !get().schools) set((x) => ({ schoolChoices: { ...x.schoolChoices, generate: true } }));
          await loadSchools();
        }
        if (step === 'check') await loadCheck();
      },

      pick: (role, input) => reading(role, input.name, (progress) => api.read(role, input, get().files[role].crsOverride, (p) => progress(p))),

      async setCrs(role, crs) {
        slot(role, { crsOverride: crs });
        const name = get().files[role].name;
        if (name) await reading(role, name, (progress) => api.reread(role, crs, (p) => progress(p)));
      },

      async chooseLayer(role, layer) {
        const name = get().files[role].name;
        if (name) await reading(role, name, (progress) => api.reread(role, get().files[role].crsOverride, (p) => progress(p), layer));
      },

      async removeFile(role) {
        await api.remove(role);
        slot(role, emptySlot());
        downstream(role);
      },

      setPreset: (preset) => set({ preset, fieldsApplied: false }),
      setMapping: (field, source) => set((s) => ({ mapping: { ...s.mapping, [field]: source }, fieldsApplied: false })),
      setFraction(level, field, factor) {
        const f = get().fractions;
        if (!f) return;
        set({ fractions: { ...f, [level]: f[level].map((x) => (x.field === field ? { ...x, factor } : x)) }, fieldsApplied: false });
      },

      async setFilter(filter) {
        set((s) => ({ schoolChoices: { ...s.schoolChoices, filter } }));
        await loadSchools();
      },
      async setFilters(filters) {
        set((s) => ({ schoolChoices: { ...s.schoolChoices, filter: null, filters } }));
        await loadSchools();
      },
      async setAreaFilters(areaFilters) {
        set((s) => ({ schoolChoices: { ...s.schoolChoices, area: null, areaFilters } }));
        await loadSchools();
      },
      async setSchools(ids, override) {
        set((s) => {
          const overrides = { ...s.schoolChoices.overrides };
          for (const id of ids) overrides[id] = { ...overrides[id], ...override };
          return { schoolChoices: { ...s.schoolChoices, overrides } };
        });
        await loadSchools();
      },
      reloadSchools: () => loadSchools(),
      async setSchool(id, override) {
        set((s) => ({ schoolChoices: { ...s.schoolChoices, overrides: { ...s.schoolChoices.overrides, [id]: { ...s.schoolChoices.overrides[id], ...override } } } }));
        await loadSchools();
      },
      async setArea(area) {
        set((s) => ({ schoolChoices: { ...s.schoolChoices, area } }));
        await loadSchools();
      },
      async setGenerate(generate) {
        set((s) => ({ schoolChoices: { ...s.schoolChoices, generate } }));
        await loadSchools();
      },
      setOverlapRule: (overlapRule) => set({ overlapRule }),

      async repair(kind) {
        const info = await call(() => api.repair(kind, get().overlapRule));
        if (info) set({ check: info });
      },
      async undoRepair() {
        const info = await call(() => api.undoRepair());
        if (info) set({ check: info });
      },
      async showTotals(field) {
        if (!field) return set({ totals: null });
        const rows = await call(() => api.totals(field));
        set({ totals: rows ? { field, rows } : null });
      },
      setName: (name) => set({ name }),
      setSource: (source) => set({ source }),
      setDataYear: (dataYear) => set({ dataYear }),

      async finish() {
        const s = get();
        const summary = await call(() => {
          set({ activity: { stage: 'finish', done: 0, total: 0 } });
          return api.finish(s.name, s.source, s.dataYear);
        });
        if (!summary) return false;
        await onFinished(summary, get().warnings);
        set({ open: false, ...initial() });
        return true;
      },
    };
  });
}
