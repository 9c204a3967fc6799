/**
 * The import wizard's worker side: reads each layer (progress through readFeatures' onProgress),
 * keeps the bytes to read again with another CRS, applies the field mapping and the preset,
 * infers and matches schools, builds or generates the catchments, validates units and
 * catchments, applies one-click repairs with undo, and on finish hands the dataset to the
 * engine (`adopt`). Nothing reaches the engine before finish, so a failed import leaves the
 * current dataset untouched. Independent of Comlink so tests can call it directly.
 */
import { presets, detectPreset, type PresetId } from '../../core/config/presets';
import { evaluateColumn } from '../../core/config/field-expression';
import type { IndicatorConfig } from '../../core/config/indicator-config';
import { usableConfig } from '../../core/config/config-fields';
import { buildSchools } from '../../core/load/build-schools';
import { buildUnits, type UnitsReport } from '../../core/load/build-units';
import type { FeatureTable } from '../../core/load/feature-table';
import { readFeatures, type ReadOptions } from '../../core/load/read-features';
import { checkFractions, uniformFractions, SCHOOL_AGES, withApportionedAgeBands } from '../../core/mapping/age-apportion';
import { CANONICAL_FIELDS } from '../../core/mapping/field-mapping';
import { matchSchoolsToCatchments } from '../../core/mapping/school-matching';
import { suggestMapping } from '../../core/mapping/suggest-mapping';
import type { Dataset } from '../../core/model/dataset';
import type { MultiPolygon } from '../../core/model/geometry-types';
import { fail, ok, type Problem, type Result } from '../../core/model/result';
import type { School } from '../../core/model/school';
import type { Units } from '../../core/model/units';
import { validateUnitTable } from '../../core/validate/validate-units';
import { catchmentRecords, chosenSchools, filterSchools, generatedNetworks, matchedNetworks, schoolRows, type NetworkBuild } from '../import/import-networks';
import { fileSummary, groupTotals, textFields, withMappedColumns } from '../import/import-tables';
import { checkNetworks, repairNetworks, type RepairState } from '../import/import-repairs';
import { unitCheck } from '../import/import-check';
import { unitsHull } from '../../core/geometry/convex-hull';
import { equalsConditions } from '../../core/mapping/feature-filter';
import { pointsOutside, truncatedNames } from '../../core/mapping/school-flags';
import { restrictToArea, type AreaCut } from '../../core/mapping/planning-area';
import type { DatasetSummary } from './engine-protocol';
import { guardImportApi } from './import-guard';
import { resolveTravelSettings } from '../../core/config/travel-settings';
import { streetLinksFromTable, type StreetLinks } from '../../core/travel/street-links';
import type { CheckInfo, FieldChoices, ImportApi, ImportFileInput, ImportRole, SchoolsInfo } from './import-protocol';

/** Installs a finished dataset in the engine (engine-service.ts `adopt`). */
export type Adopt = (dataset: Dataset, config: IndicatorConfig, presetName: string, labels: { id: string; label: unknown }[], streets?: StreetLinks | null) => Promise<Result<DatasetSummary>>;

interface Layer {
  input: ImportFileInput;
  table: FeatureTable;
}

interface Fields {
  preset: PresetId;
  config: IndicatorConfig;
  table: FeatureTable;
  units: Result<{ units: Units; report: UnitsReport }>;
  warnings: Problem[];
}

interface Draft extends NetworkBuild {
  schools: School[];
  boundary?: MultiPolygon;
}

const need = (what: string): Problem => ({ code: 'import-step-missing', message: `The ${what} is not ready yet.`, fix: `Go back and give the ${what}.` });

export function createImportService(adopt: Adopt, sqlJs?: ReadOptions['sqlJs']): ImportApi {
  return guardImportApi(createUnguardedImportService(adopt, sqlJs));
}

function createUnguardedImportService(adopt: Adopt, sqlJs?: ReadOptions['sqlJs']): ImportApi {
  const layers: Partial<Record<ImportRole, Layer>> = {};
  /** The units as mapped in the Fields step (whole file). */
  let fieldsAll: Fields | null = null;
  /** The units the import uses: fieldsAll, or its part inside the planning area (Schools step). */
  let fields: Fields | null = null;
  let draft: Draft | null = null;
  let repairs: RepairState[] = [];
  let outline: MultiPolygon | null = null;
  /** Why the filters or the planning area could not be applied (blocks Finish until corrected). */
  let areaProblems: Problem[] = [];
  /** The planning area cut for the last area conditions (reused while only the school choices change). */
  let areaCache: { key: string; cut: Result<AreaCut> } | null = null;
  /** Catchments to generate at the Check step: the chosen schools and the outline (computed then). */
  let pending: { schools: School[]; boundary: () => MultiPolygon } | null = null;

  const invalidate = (role: ImportRole) => {
    if (role === 'units') {
      fieldsAll = null;
      fields = null;
      outline = null;
    }
    if (role === 'boundary') fields = fieldsAll;
    if (role === 'units' || role === 'boundary') areaCache = null;
    areaProblems = [];
    draft = null;
    pending = null;
    repairs = [];
  };

  const read = async (role: ImportRole, input: ImportFileInput, crsOverride: string | null, onProgress: (p: { role: ImportRole; fraction: number; message: string }) => void) => {
    const r = await readFeatures({ ...input, ...(crsOverride ? { crsOverride } : {}) }, { sqlJs, layer: input.layer, onProgress: (fraction, message) => onProgress({ role, fraction, message }) });
    if (!r.ok) return r;
    if (role === 'streets') {
      // A street file must hold walkable lines under the default rule (the configuration's rule is applied at Finish).
      const links = streetLinksFromTable(r.value, resolveTravelSettings(undefined));
      if (!links.ok) return links;
    }
    layers[role] = { input, table: r.value };
    if (role === 'streets') return ok(fileSummary(role, r.value, r.warnings), r.warnings);
    invalidate(role);
    return ok(fileSummary(role, r.value, r.warnings), r.warnings);
  };

  const unitOutline = (units: Units): MultiPolygon => (outline ??= unitsHull(units));

  const populationValues = (f: Fields, units: Units): Float64Array => {
    try {
      return evaluateColumn(f.config.population, units.attributes.columns, units.count).map((v) => (v >= 0 ? v : NaN));
    } catch {
      return new Float64Array(units.count).fill(NaN);
    }
  };

  const check = (): Result<CheckInfo> => {
    const unitsLayer = layers.units;
    if (!unitsLayer || !fields) return fail(need('units file and its fields'));
    const errors: Problem[] = [];
    if (!fields.units.ok) errors.push(...fields.units.problems);
    const validation = validateUnitTable(fields.table, fields.config);
    const units = fields.units.ok ? fields.units.value.units : null;
    const population = units ? populationValues(fields, units) : null;
    errors.push(...areaProblems);
    if (!draft) {
      if (areaProblems.length === 0) errors.push({ code: 'no-schools', message: 'The schools step has not been completed.', fix: 'Go back to "Schools".' });
    } else if (draft.networks.length === 0) errors.push({ code: 'no-networks', message: 'No school has a catchment, so there is no network to compute.', fix: 'Give a catchments file that matches the schools, or generate catchments from the school points.' });
    const networks = draft && units && population ? checkNetworks(draft, units, population, layers.catchments?.table.file ?? 'generated catchments') : [];
    return ok({
      units: unitCheck(validation, fields.table.count, units?.kind ?? 'polygons', JSON.stringify(fields.config.population).replace(/"/g, ''), textFields(fields.table)),
      networks,
      errors,
      warnings: [...fields.warnings, ...(draft?.warnings ?? [])],
      repairs: repairs.map((r) => r.outcome),
      estimated: !!fields.config.ageBands.estimated,
      preset: fields.preset,
      schoolCount: draft?.schools.length ?? 0,
      defaultName: unitsLayer.table.file.replace(/\.[^.]+$/, ''),
    });
  };

  return {
    read: (role, input, crsOverride, onProgress) => read(role, input, crsOverride, onProgress),

    async reread(role, crsOverride, onProgress, layerName) {
      const layer = layers[role];
      if (!layer) return fail(need(`${role} file`));
      return read(role, layerName === undefined ? layer.input : { ...layer.input, layer: layerName }, crsOverride, onProgress);
    },

    async remove(role) {
      delete layers[role];
      if (role !== 'streets') invalidate(role);
    },

    async fields() {
      const t = layers.units?.table;
      if (!t) return fail(need('units file'));
      const numeric = fileSummary('units', t, []).fields.filter((f) => f.numeric).map((f) => f.name);
      const suggestion = suggestMapping(numeric);
      const mapping = Object.fromEntries(Object.entries(suggestion.mapping).filter(([, v]) => typeof v === 'string')) as Record<string, string>;
      return ok({
        detectedPreset: detectPreset(t.fieldNames),
        canonical: CANONICAL_FIELDS.map((c) => ({ ...c, presets: [...c.presets] })),
        sourceFields: numeric,
        mapping,
        matched: suggestion.matched,
        defaultFractions: { lower: uniformFractions(SCHOOL_AGES.lower), upper: uniformFractions(SCHOOL_AGES.upper) },
      });
    },

    async applyFields(choices: FieldChoices) {
      const t = layers.units?.table;
      if (!t) return fail(need('units file'));
      const table = withMappedColumns(t, choices.mapping);
      let config = presets[choices.preset];
      if (choices.preset === 'hsy' && choices.fractions) {
        const problems = [...checkFractions(choices.fractions.lower, 'ageBands.lower'), ...checkFractions(choices.fractions.upper, 'ageBands.upper')];
        if (problems.length) return fail(...problems.map((p) => ({ ...p, file: t.file })));
        config = withApportionedAgeBands(config, choices.fractions);
      }
      const numeric = fileSummary('units', table, []).fields.filter((f) => f.numeric).map((f) => f.name);
      const usable = usableConfig(config, numeric, t.file);
      if (!usable.ok) return usable;
      fieldsAll = { preset: choices.preset, config: usable.value, table, units: buildUnits(table, { numericFields: [] }), warnings: usable.warnings };
      fields = fieldsAll;
      outline = null;
      areaCache = null;
      draft = null;
      pending = null;
      repairs = [];
      return ok({ preset: choices.preset, estimated: !!usable.value.ageBands.estimated, warnings: usable.warnings }, usable.warnings);
    },

    async schools(choices, onProgress = () => undefined) {
      const layer = layers.schools;
      if (!layer) return fail(need('schools file'));
      onProgress({ stage: 'schools', done: 0, total: 0 });
      const built = buildSchools(layer.table);
      if (!built.ok) return built;
      const info: SchoolsInfo = { totalInFile: built.value.length, filterFields: textFields(layer.table), schools: [], hasCatchmentFile: !!layers.catchments, catchmentCount: 0, catchmentsWithoutSchool: [], schoolsWithoutCatchment: [], problems: [] };
      fields = fieldsAll;
      areaProblems = [];
      draft = null;
      pending = null;
      repairs = [];
      // 1. The school filter, before anything else.
      onProgress({ stage: 'filter', done: 0, total: 0 });
      const filtered = filterSchools(layer.table, built.value, [...equalsConditions(choices.filter), ...(choices.filters ?? [])]);
      if (!filtered.ok) {
        // Shown with the filter so it can be corrected there; Finish is refused meanwhile.
        areaProblems = filtered.problems;
        info.filterProblems = filtered.problems;
        return ok(info);
      }
      info.filteredCount = filtered.value.length;
      // 2. The planning area (a boundary file): keep the units inside it; generated catchments cover them.
      let areaNow: AreaCut | null = null;
      if (layers.boundary && fieldsAll?.units.ok) {
        onProgress({ stage: 'area', done: 0, total: 0 });
        const conditions = [...equalsConditions(choices.area), ...(choices.areaFilters ?? [])];
        const key = JSON.stringify(conditions);
        if (areaCache?.key !== key) areaCache = { key, cut: restrictToArea(fieldsAll, layers.boundary.table, conditions) };
        const area = areaCache.cut;
        const base = { unitsTotal: fieldsAll.units.value.units.count, polygons: layers.boundary.table.count, filterFields: textFields(layers.boundary.table) };
        if (!area.ok) {
          areaProblems = area.problems;
          info.area = { ...base, unitsKept: 0, problems: area.problems };
          return ok(info);
        }
        fields = { ...fieldsAll, table: area.value.table, units: area.value.units, warnings: area.value.warnings };
        areaNow = area.value;
        info.area = { ...base, unitsKept: area.value.kept, problems: [] };
      }
      // 3. Schools for the user to decide about: outside the area, names cut short.
      onProgress({ stage: 'flags', done: 0, total: 0 });
      const truncatedFlags = truncatedNames(built.value.map((x) => x.name));
      const truncated = new Set(built.value.filter((_, i) => truncatedFlags[i]).map((x) => x.id));
      const outsideFlags = areaNow ? pointsOutside(filtered.value.map((x) => x.location), areaNow.area) : [];
      const outside = new Set(filtered.value.filter((_, i) => outsideFlags[i]).map((x) => x.id));
      const rows = schoolRows(layer.table, filtered.value, choices.overrides, { outside, truncated });
      info.schools = rows;
      const chosen = chosenSchools(filtered.value, rows);
      if (layers.catchments) {
        onProgress({ stage: 'matching', done: 0, total: 0 });
        const { records, labels, networks } = catchmentRecords(layers.catchments.table);
        const match = matchSchoolsToCatchments(chosen, records, layers.catchments.table.file);
        const rowById = new Map(rows.map((r) => [r.id, r]));
        for (const m of match.matches) {
          const row = rowById.get(m.schoolId);
          if (row) row.catchment = { index: m.catchment, label: labels[m.catchment], method: m.method };
        }
        info.catchmentCount = records.length;
        info.catchmentsWithoutSchool = match.catchmentsWithoutSchool.map((index) => ({ index, label: labels[index] }));
        info.schoolsWithoutCatchment = match.schoolsWithoutCatchment;
        info.problems = match.problems;
        draft = { ...matchedNetworks(chosen, match, records, networks), schools: chosen };
      } else if (choices.generate) {
        if (!fields) return fail(need('units file and its fields'));
        if (!fields.units.ok) return fields.units;
        // Generated when the Check step asks for it: every filter and choice is set by then.
        const units = fields.units.value.units;
        const cut = areaNow;
        pending = { schools: chosen, boundary: () => (cut ? cut.outline() : unitOutline(units)) };
      }
      return ok(info, info.problems);
    },

    async check(onProgress = () => undefined) {
      if (pending && !draft) {
        const { schools } = pending;
        onProgress({ stage: 'area', done: 0, total: 0 });
        const boundary = pending.boundary();
        const built = generatedNetworks(schools, boundary, (network, done, total) => onProgress({ stage: 'generate', done, total, network }));
        if (!built.ok) {
          areaProblems = built.problems;
          pending = null;
        } else draft = { ...built.value, schools, boundary };
      }
      onProgress({ stage: 'check', done: 0, total: 0 });
      return check();
    },

    async repair(kind, rule) {
      if (!draft || !fields?.units.ok) return fail(need('check'));
      const units = fields.units.value.units;
      const r = repairNetworks(draft, units, populationValues(fields, units), kind, rule);
      if (!r.ok) return r;
      repairs.push({ partitions: draft.partitions, outcome: r.value.outcome });
      draft = { ...draft, partitions: r.value.partitions };
      return check();
    },

    async undoRepair() {
      const last = repairs.pop();
      if (last && draft) draft = { ...draft, partitions: last.partitions };
      return check();
    },

    async totals(field) {
      if (!fields) return fail(need('units file and its fields'));
      const t = fields.table;
      const columns = Object.fromEntries(t.fieldNames.map((n) => [n, t.columns[n].numbers]));
      let population: Float64Array;
      try {
        population = evaluateColumn(fields.config.population, columns, t.count);
      } catch {
        population = new Float64Array(t.count);
      }
      return ok(groupTotals(t, field, population));
    },

    async finish(name, source, year) {
      const c = check();
      if (!c.ok) return c;
      // The base year of the projection (issue 9): the year of the statistics; none given = this year.
      if (year != null && (!Number.isInteger(year) || year < 1900 || year > 2200))
        return fail({ code: 'import-bad-year', message: `The year of the statistics ${String(year)} is not a year.`, fix: 'Give the year the statistics describe as four digits (such as 2024), or leave the field empty.', field: 'year' });
      if (c.value.errors.length) return fail(...c.value.errors);
      if (!draft || !fields?.units.ok) return fail(need('check'));
      const dataset: Dataset = {
        name: name.trim() || c.value.defaultName,
        source: source.trim(),
        units: fields.units.value.units,
        schools: draft.schools,
        networks: draft.networks,
        partitions: draft.partitions,
        ...(draft.boundary ? { boundary: draft.boundary } : {}),
        ...(year != null ? { year } : {}),
      };
      const labels = draft.networks.map((n) => ({ id: n.id, label: draft!.labels[n.id] }));
      let streets: StreetLinks | null = null;
      if (layers.streets) {
        const links = streetLinksFromTable(layers.streets.table, resolveTravelSettings(fields.config.travel));
        if (!links.ok) return links;
        streets = links.value.links;
      }
      const r = await adopt(dataset, fields.config, fields.preset, labels, streets);
      if (r.ok) {
        for (const role of Object.keys(layers) as ImportRole[]) delete layers[role];
        fields = null;
        draft = null;
        repairs = [];
        outline = null;
      }
      return r;
    },

    async reset() {
      for (const role of Object.keys(layers) as ImportRole[]) delete layers[role];
      fields = null;
      draft = null;
      repairs = [];
      outline = null;
    },
  };
}
