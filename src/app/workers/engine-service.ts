/**
 * The engine worker's implementation of EngineApi, independent of Comlink so tests can call
 * it directly with a fake engine and a fake fetch. Loads the bundle, builds the engine and
 * answers with display-ready snapshots (privacy applied, catchments in lon/lat).
 */
import { presets, detectPreset, type PresetId } from '../../core/config/presets';
import { validateConfig } from '../../core/config/validate-config';
import { evaluateColumn } from '../../core/config/field-expression';
import type { FieldExpression, IndicatorConfig } from '../../core/config/indicator-config';
import { loadBundle } from '../../core/load/load-bundle';
import type { Dataset } from '../../core/model/dataset';
import type { MultiPolygon } from '../../core/model/geometry-types';
import { fail, ok, type Result } from '../../core/model/result';
import { capacityFor } from '../../core/model/school';
import { applyPrivacy } from '../../core/pupil-base/privacy';
import type { NetworkIndicators } from '../../core/indicators/indicator-types';
import type { EditOutcome, HousingProjectRecord } from '../../core/scenario/edit';
import { readHousingFile } from '../../core/housing/housing-from-table';
import { projectPupils } from '../../core/housing/project-pupils';
import type { SqlJsOptions } from '../../core/load/read-geopackage';
import { isSchoolNetworkRecord } from '../../core/scenario/edit';
import { isSchoolRecordAt, schoolInfos } from '../school-network/school-infos';
import { multiPolygonToLonLat, toLonLat } from '../map/display-projection';
import { changedRegion } from '../../core/edits/changed-region';
import { DEFAULT_HORIZON, MAX_HORIZON } from '../../core/projection/projection-config';
import { networkYearSeries } from '../../core/projection/year-series';
import { gridOutlines, polygonOutlines } from '../map/unit-geometry';
import { gridCornersLonLat } from '../map/grid-corners';
import type { StoredDataset } from '../persistence/dataset-store';
import type { EngineFactory, EngineLike } from './engine-like';
import type { BundleSource, DatasetSummary, PlaceInfo, EditResponse, EngineApi, LoadProgress, NetworkSnapshot, UnitDisplay, UnitMeasure } from './engine-protocol';
import { assignColours, bboxAdjacency, CATCHMENT_PALETTE, gridAdjacency, gridIndex, mergeAdjacency, outlineAdjacency } from '../map/catchment-palette';
import type { GridIndex } from '../map/catchment-palette';
import { catchmentArea, labelPoint } from './label-point';
import { CatchmentColourMemory } from '../map/catchment-colour-memory';
import { buildStreets, setStreets, streetsFromLinks } from '../travel/travel-registry';
import type { StreetLinks } from '../../core/travel/street-links';
import { readForecastBytes } from '../../core/projection/read-forecast';

export type Fetcher = (url: string) => Promise<Uint8Array>;

interface Loaded {
  dataset: Dataset;
  config: IndicatorConfig;
  engine: EngineLike;
}

/** Installs a dataset built elsewhere (the import wizard, import-service.ts) as the loaded one. */
export type AdoptDataset = (dataset: Dataset, config: IndicatorConfig, presetName: string, declarations: { id: string; label: unknown }[], streets?: StreetLinks | null) => Promise<Result<DatasetSummary>>;

/** EngineApi.importHousing with where sql.js finds its WebAssembly (GeoPackage) in the browser. */
export type ImportHousing = (file: { name: string; bytes: Uint8Array }, defaultYear: number, sqlJs?: SqlJsOptions) => Promise<Result<EditResponse>>;

/** Reads a dataset kept in the browser (persistence/dataset-store.ts), null when there is none. */
export type StoredReader = (hash: string) => Promise<StoredDataset | null>;

export function createEngineService(createEngine: EngineFactory, fetchBytes: Fetcher, readStored: StoredReader = async () => null): EngineApi & { adopt: AdoptDataset; importHousing: ImportHousing } {
  let loaded: Loaded | null = null;

  const need = (): Loaded => {
    if (!loaded) throw new Error('engine used before load');
    return loaded;
  };

  /**
   * Palette colours per network (catchment-colour-memory.ts): an edit recolours only the
   * schools it changed, and a state seen before (undo, redo, switching back) gets its colours
   * back exactly. A network's first colouring starts from the baseline partition's, so a school
   * has the same colour after a reload or a scenario switch as before.
   */
  const colourMemory = new CatchmentColourMemory(CATCHMENT_PALETTE.length);
  /** The grid's dense block, computed once per dataset (keyed by its column array). */
  const gridIndexes = new WeakMap<ArrayLike<number>, GridIndex>();
  const gridIndexOf = (col: Int32Array, row: Int32Array): GridIndex => {
    let index = gridIndexes.get(col);
    if (!index) gridIndexes.set(col, (index = gridIndex(col, row)));
    return index;
  };
  const colours = (networkId: string, all: MultiPolygon[], unitSchool: Int32Array, changed: number[] | null): Int32Array => {
    const { dataset } = need();
    const u = dataset.units;
    const tolerance = u.kind === 'grid' ? u.grid.cellSize / 2 : 50;
    const start = (): ArrayLike<number> => {
      const baseline = dataset.partitions[networkId]?.catchments;
      return baseline && baseline.length === all.length ? assignColours(outlineAdjacency(baseline, tolerance), CATCHMENT_PALETTE.length) : [];
    };
    // Computed only for a state not seen before, and after an edit only for the changed schools.
    const adjacency = {
      schoolCount: all.length,
      lists: (only: readonly number[] | null) => mergeAdjacency(outlineAdjacency(all, tolerance, only),
        u.kind === 'grid' ? gridAdjacency(u.col, u.row, unitSchool, all.length, only, gridIndexOf(u.col, u.row)) : bboxAdjacency(all.map(bboxOf), 1, only)),
    };
    return colourMemory.colours(networkId, unitSchool, adjacency, changed, start);
  };

  /** The baseline's public figures, once per baseline object (the engine keeps one per network and year). */
  const publicBaselines = new WeakMap<NetworkIndicators, { threshold: number; value: ReturnType<typeof applyPrivacy> }>();
  const publicBaseline = (base: NetworkIndicators, threshold: number) => {
    let kept = publicBaselines.get(base);
    if (!kept || kept.threshold !== threshold) publicBaselines.set(base, (kept = { threshold, value: applyPrivacy(base, threshold) }));
    return kept.value;
  };

  const snapshot = (networkId: string, changed: number[] | null): NetworkSnapshot => {
    const { dataset, config, engine } = need();
    const network = dataset.networks.find((n) => n.id === networkId)!;
    const all = engine.catchments(networkId);
    const indices = changed ?? all.map((_, i) => i);
    const catchments: NetworkSnapshot['catchments'] = {};
    const labelPoints: NetworkSnapshot['labelPoints'] = {};
    const areas: NetworkSnapshot['areas'] = {};
    const schoolById = new Map(dataset.schools.map((s) => [s.id, s]));
    for (const i of indices) {
      catchments[i] = multiPolygonToLonLat(all[i]);
      const school = schoolById.get(network.schoolIds[i]);
      const p = labelPoint(all[i], school?.location ?? [0, 0]);
      labelPoints[i] = p ? toLonLat(p[0], p[1]) : null;
      areas[i] = catchmentArea(all[i]);
    }
    const unitSchool = engine.unitSchool(networkId).slice();
    const full = engine.indicators(networkId);
    const base = engine.baselineIndicators(networkId);
    return {
      networkId,
      indicators: applyPrivacy(full, config.privacyThreshold),
      baseline: publicBaseline(base, config.privacyThreshold),
      indicatorsFull: full,
      baselineFull: base,
      catchments,
      labelPoints,
      areas,
      unitSchool,
      colourIndex: colours(networkId, all, unitSchool, changed),
      unitChanged: engine.unitChanged(networkId).slice(),
      // Polygon units (postal areas): hatch the part that changed, not whole areas.
      changedRegion: dataset.units.kind === 'grid' ? null : multiPolygonToLonLat(changedRegion(all, dataset.partitions[networkId]?.catchments ?? [])),
      complete: changed === null,
      canUndo: engine.canUndo(),
      canRedo: engine.canRedo(),
      editCount: engine.edits().length,
      travel: engine.travel?.(networkId, config.privacyThreshold) ?? null,
      housing: engine.housingProjects?.() ?? [],
      ...withSchools(networkId),
    };
  };

  /** The network's schools in the selected year (school-network/school-infos.ts), when the engine has records. */
  const withSchools = (networkId: string): { schools?: NetworkSnapshot['schools'] } => {
    const { dataset, engine } = need();
    const infos = schoolInfos(engine, networkId, new Map(dataset.schools.map((s) => [s.id, s.location])));
    return infos ? { schools: infos } : {};
  };

  /** Installs a dataset built elsewhere (the import wizard, a dataset kept in the browser). */
  const adopt: AdoptDataset = async (dataset, config, presetName, declarations, streetLinks = null) => {
    // The wizard's optional street file (walkable links, kept with the dataset in the browser).
    const streets = streetLinks ? streetsFromLinks(dataset, config, streetLinks) : null;
    setStreets(streets?.net ?? null);
    let engine: EngineLike;
    try {
      engine = createEngine(dataset, config);
    } catch (e) {
      return fail({ code: 'engine-failed', message: `The scenario engine could not start: ${(e as Error).message}`, fix: 'Check the imported data; report this as a bug if it persists.' });
    }
    loaded = { dataset, config, engine };
    colourMemory.clear();
    return ok({ ...summarise(dataset, config, declarations, presetName), ...yearsOf(dataset, config), streets: streets?.lines ?? null });
  };

  /** Adds several housing records as one step of checking: every record is checked first, so a bad one applies none. */
  const addHousing = (records: HousingProjectRecord[]): Result<EditResponse> => {
    const { engine } = need();
    const problems = records.flatMap((r) => engine.checkHousing?.(r) ?? []);
    if (problems.length > 0) return fail(...problems.slice(0, 20));
    let last: EditOutcome | null = null;
    for (const r of records) {
      const applied = engine.apply(r, { allowEmptying: true, allowFlagged: true });
      if (!applied.ok) throw new Error(`housing record ${r.id} passed its check but was refused: ${applied.problems[0]?.message ?? ''}`);
      last = applied.value;
    }
    if (!last) return fail({ code: 'housing-file-empty', message: 'The file holds no housing projects.', fix: 'Choose the file that holds the projects.' });
    return ok(respond(last)!);
  };

  /** A school-network record moves several catchments and may add or remove a school: the snapshot is complete. */
  const respond = (outcome: EditOutcome | null, emptiedSchools: number[] = [], schoolRecord = false): EditResponse | null =>
    outcome ? { outcome, emptiedSchools, snapshot: snapshot(outcome.networkId, schoolRecord ? null : outcome.changedSchools), ...(schoolRecord ? { schoolRecord } : {}) } : null;

  return {
    async load(source: BundleSource, onProgress: (p: LoadProgress) => void): Promise<Result<DatasetSummary>> {
      let manifestText: string;
      try {
        manifestText = new TextDecoder().decode(await fetchBytes(source.manifestUrl));
      } catch (e) {
        return fail({ code: 'file-not-found', message: `The manifest could not be read (${(e as Error).message}).`, fix: 'Check the bundle address, or run npm run sample-data.', file: source.manifestUrl });
      }
      let manifest: { preset?: string; config?: string; networks?: { id: string; label: unknown }[] };
      try {
        manifest = JSON.parse(manifestText);
      } catch (e) {
        return fail({ code: 'invalid-json', message: `manifest.json is not valid JSON (${(e as Error).message}).`, fix: 'Repair or regenerate manifest.json.', file: 'manifest.json' });
      }
      let done = 0;
      const names = Object.values((manifest as { files?: Record<string, string> }).files ?? {});
      onProgress({ stage: 'fetch', loaded: 0, total: names.length });
      const readFile = async (name: string): Promise<Uint8Array> => {
        const bytes = await fetchBytes(source.fileUrls[name] ?? new URL(name, source.manifestUrl).href);
        onProgress({ stage: 'fetch', loaded: ++done, total: names.length });
        return bytes;
      };
      const result = await loadBundle(manifestText, readFile);
      if (!result.ok) return result;
      onProgress({ stage: 'engine', loaded: 0, total: 1 });
      const dataset = result.value;
      const presetId = (manifest.preset && manifest.preset in presets ? manifest.preset : detectPreset(dataset.units.attributes.names)) as PresetId | null;
      let config = presets[presetId ?? 'statfi-grid'];
      if (typeof manifest.config === 'string') {
        // The bundle's own indicator configuration (e.g. the sample city's Swedish age band) overrides the preset.
        const own = validateConfig(new TextDecoder().decode(await readFile(manifest.config)), manifest.config);
        if (!own.ok) return own;
        config = own.value;
      }
      const streetsName = (manifest as { files?: { streets?: string } }).files?.streets;
      const streets = await buildStreets(dataset, config, streetsName ? { name: streetsName, bytes: await readFile(streetsName) } : null);
      if (!streets.ok) return streets;
      setStreets(streets.value?.net ?? null);
      let engine: EngineLike;
      try {
        engine = createEngine(dataset, config);
      } catch (e) {
        return fail({ code: 'engine-failed', message: `The scenario engine could not start: ${(e as Error).message}`, fix: 'Report this as a bug with the dataset attached.' });
      }
      loaded = { dataset, config, engine };
      onProgress({ stage: 'engine', loaded: 1, total: 1 });
      return ok({ ...summarise(dataset, config, manifest.networks ?? [], presetId ?? 'statfi-grid'), ...yearsOf(dataset, config), streets: streets.value?.lines ?? null }, [...result.warnings, ...streets.warnings]);
    },

    async loadStored(hash, onProgress) {
      onProgress({ stage: 'fetch', loaded: 0, total: 1 });
      let record: StoredDataset | null;
      try {
        record = await readStored(hash);
      } catch (e) {
        return fail({ code: 'stored-dataset-unreadable', message: `The data kept in this browser could not be read (${(e as Error).message}).`, fix: 'Open the sample city, then import your files again (Import data).' });
      }
      if (!record) return fail({ code: 'stored-dataset-missing', message: `No data with id ${hash} are kept in this browser (they were deleted, or the browser cleared its storage).`, fix: 'Open the sample city, then import your files again (Import data).' });
      onProgress({ stage: 'engine', loaded: 0, total: 1 });
      const r = await adopt(record.dataset, record.config, record.presetName, record.declarations, record.streets ?? null);
      onProgress({ stage: 'engine', loaded: 1, total: 1 });
      return r;
    },

    adopt,

    async snapshot(networkId) {
      return snapshot(networkId, null);
    },

    async unitMeasures(networkId) {
      const { dataset, config, engine } = need();
      const measures = unitMeasures(dataset, config, networkId);
      // After the base year (or with housing projects) the children are the selected year's.
      const projected = engine.year !== engine.baseYear || (engine.housingProjects?.().length ?? 0) > 0 ? engine.unitChildren?.(networkId) : undefined;
      if (projected && measures[0]?.id === 'children') measures[0] = { ...measures[0], values: projected, base: projected };
      return measures;
    },

    async apply(edit, allowEmptying) {
      const r = need().engine.apply(edit, { allowEmptying, allowFlagged: allowEmptying });
      if (!r.ok) return r;
      const { emptiedSchools, networkId, changedSchools, changedUnits } = r.value;
      return ok(respond({ networkId, changedSchools, changedUnits }, emptiedSchools, isSchoolNetworkRecord(edit))!, r.warnings);
    },

    async undo() {
      const { engine } = need();
      const school = isSchoolRecordAt(engine.edits(), -1);
      return respond(engine.undo(), [], school);
    },

    async redo() {
      const { engine } = need();
      const school = isSchoolRecordAt(engine.redoEdits?.(), 0);
      return respond(engine.redo(), [], school);
    },

    async feeders(share) {
      return need().engine.feeders?.(undefined, share) ?? [];
    },

    async travelBands(networkId, school) {
      return need().engine.travelBands?.(networkId, school) ?? null;
    },

    async edits() {
      return need().engine.edits();
    },

    async setYear(year, networkId) {
      const { engine } = need();
      if (!engine.setYear) return fail({ code: 'no-projection', message: 'This engine has no projection by year.', fix: 'Reload the page.' });
      const r = engine.setYear(year);
      if (!r.ok) return r;
      // No catchment moved (no dated boundary or school-network record crossed): the figures only, not the geometry.
      const moved = (r.value as { changedUnits?: ArrayLike<number> }).changedUnits?.length ?? 1;
      return ok(snapshot(networkId, moved === 0 ? [] : null));
    },

    async yearSeries(networkId) {
      const { engine, config } = need();
      const { years, indicatorsInYear } = engine;
      if (!years || !indicatorsInYear) return fail({ code: 'no-projection', message: 'This engine has no projection by year.', fix: 'Reload the page.' });
      const source = { years: () => years.call(engine), indicatorsInYear: indicatorsInYear.bind(engine), baselineIndicators: (id: string, y: number) => engine.baselineIndicators(id, y) };
      return ok(networkYearSeries(source, networkId, config.privacyThreshold));
    },

    async importHousing(file, defaultYear, sqlJs?: SqlJsOptions) {
      const { engine } = need();
      const baseYear = engine.baseYear ?? defaultYear;
      const read = await readHousingFile(file, { defaultYear, baseYear, lastYear: engine.lastYear ?? baseYear, sqlJs });
      if (!read.ok) return read;
      return addHousing(read.value);
    },

    async importForecast(file, networkId) {
      const { engine, dataset } = need();
      if (!engine.setForecast) return fail({ code: 'no-projection', message: 'This engine has no projection by year.', fix: 'Reload the page.' });
      const read = file ? readForecastBytes(file.name, file.bytes, new Set(dataset.units.ids)) : ok(null);
      if (!read.ok) return read;
      const set = engine.setForecast(read.value);
      if (!set.ok) return set as Result<never>;
      return ok(snapshot(networkId, null), read.warnings);
    },

    async childrenSources(networkId) {
      const { engine, config } = need();
      return engine.childrenSources?.(networkId, config.privacyThreshold) ?? null;
    },

    async housingPupils() {
      const { engine, config } = need();
      const years = engine.years?.() ?? [];
      return { years, projects: (engine.housingProjects?.() ?? []).map((p) => projectPupils(p, config.housing, years)) };
    },
  };
}

/** The school years for the year control, as ScenarioEngine sets them: the data's year (else this year) + the horizon. */
function yearsOf(dataset: Dataset, config: IndicatorConfig): Pick<DatasetSummary, 'years'> {
  const base = dataset.year ?? new Date().getUTCFullYear();
  const horizon = Math.min(MAX_HORIZON, config.projection?.horizon ?? DEFAULT_HORIZON);
  return { years: { base, last: base + horizon, selected: base } };
}

function localised(label: unknown, fallback: string): { fi: string; sv: string; en: string } {
  if (label && typeof label === 'object') {
    const l = label as Record<string, string>;
    return { fi: l.fi ?? l.en ?? fallback, sv: l.sv ?? l.en ?? fallback, en: l.en ?? l.fi ?? fallback };
  }
  const s = typeof label === 'string' ? label : fallback;
  return { fi: s, sv: s, en: s };
}

function unitDisplay(dataset: Dataset): UnitDisplay {
  const u = dataset.units;
  const outlines = u.kind === 'grid' ? gridOutlines(u.grid, u.col, u.row) : polygonOutlines(u.geometries);
  const positions = u.kind === 'grid' ? gridCornersLonLat(u.grid, u.col, u.row) : new Float64Array(outlines.positions.length);
  if (u.kind !== 'grid') {
    for (let i = 0; i < positions.length; i += 2) {
      const p = toLonLat(outlines.positions[i], outlines.positions[i + 1]);
      positions[i] = p[0];
      positions[i + 1] = p[1];
    }
  }
  return {
    kind: u.kind,
    count: u.count,
    grid: u.kind === 'grid' ? { ...u.grid } : null,
    col: u.kind === 'grid' ? u.col.slice() : null,
    row: u.kind === 'grid' ? u.row.slice() : null,
    positions,
    startIndices: outlines.startIndices,
    objectUnit: outlines.objectUnit,
  };
}

/** Bounding box [minX, minY, maxX, maxY] of a multipolygon's outer rings (EPSG:3067), null when empty. */
function bboxOf(mp: MultiPolygon): [number, number, number, number] | null {
  let b: [number, number, number, number] | null = null;
  for (const polygon of mp)
    for (const [x, y] of polygon[0] ?? []) {
      if (!b) b = [x, y, x, y];
      else b = [Math.min(b[0], x), Math.min(b[1], y), Math.max(b[2], x), Math.max(b[3], y)];
    }
  return b;
}

function boundsOf(positions: Float64Array): [number, number, number, number] {
  const b: [number, number, number, number] = [Infinity, Infinity, -Infinity, -Infinity];
  for (let i = 0; i < positions.length; i += 2) {
    b[0] = Math.min(b[0], positions[i]);
    b[1] = Math.min(b[1], positions[i + 1]);
    b[2] = Math.max(b[2], positions[i]);
    b[3] = Math.max(b[3], positions[i + 1]);
  }
  return Number.isFinite(b[0]) ? b : [19, 59.5, 32, 70];
}

function summarise(dataset: Dataset, config: IndicatorConfig, declarations: { id: string; label: unknown }[], presetName: string): DatasetSummary {
  const units = unitDisplay(dataset);
  const schoolById = new Map(dataset.schools.map((s) => [s.id, s]));
  return {
    name: dataset.name,
    source: dataset.source,
    presetName,
    privacyThreshold: config.privacyThreshold,
    networks: dataset.networks.map((n) => ({
      id: n.id,
      label: localised(declarations.find((d) => d.id === n.id)?.label, n.label),
      language: n.language,
      level: n.level,
      schools: n.schoolIds.map((id, index) => {
        const s = schoolById.get(id);
        const location = s?.location ?? [0, 0];
        return { id, name: s?.name ?? id, index, capacity: s ? capacityFor(s, n.level) : null, location, lonLat: toLonLat(location[0], location[1]) };
      }),
    })),
    units,
    shares: config.shares.map((s) => ({ id: s.id, label: s.label })),
    multigroup: config.multigroup.map((m) => ({ id: m.id, label: m.label })),
    land: dataset.boundary ? multiPolygonToLonLat(dataset.boundary) : null,
    water: dataset.water ? multiPolygonToLonLat(dataset.water) : null,
    bounds: boundsOf(units.positions),
    places: placesOf(dataset),
    warnings: [],
  };
}

/** The dataset's named areas and, for polygon units, each unit by id; bounds in lon/lat. */
function placesOf(dataset: Dataset): PlaceInfo[] {
  const lonLatBounds = (b: readonly number[]): [number, number, number, number] => {
    const sw = toLonLat(b[0], b[1]);
    const ne = toLonLat(b[2], b[3]);
    return [sw[0], sw[1], ne[0], ne[1]];
  };
  const out: PlaceInfo[] = (dataset.places ?? []).map((p) => ({ name: p.name, kind: p.kind, bounds: lonLatBounds(p.bbox) }));
  const u = dataset.units;
  if (u.kind === 'polygons') u.ids.forEach((id, i) => out.push({ name: id, kind: 'unit', bounds: lonLatBounds(u.bboxes[i]) }));
  return out;
}

function safeColumn(expr: FieldExpression, columns: Record<string, Float64Array>, count: number): Float64Array | null {
  try {
    return evaluateColumn(expr, columns, count);
  } catch {
    return null;
  }
}

/** Children of the network's age band per unit, and each share (numerator / denominator). */
export function unitMeasures(dataset: Dataset, config: IndicatorConfig, networkId: string): UnitMeasure[] {
  const network = dataset.networks.find((n) => n.id === networkId);
  const { columns } = dataset.units.attributes;
  const count = dataset.units.count;
  const ageBand = config.ageBands.byNetwork?.[networkId] ?? (network?.level === 'upper' ? config.ageBands.upper : config.ageBands.lower);
  const children = safeColumn(ageBand, columns, count) ?? new Float64Array(count).fill(NaN);
  const out: UnitMeasure[] = [{ id: 'children', kind: 'count', label: { fi: 'Lapset', sv: 'Barn', en: 'Children' }, values: children, base: children }];
  const population = safeColumn(config.population, columns, count);
  if (population) out.push({ id: 'population', kind: 'count', label: { fi: 'Asukkaat', sv: 'Invånare', en: 'Residents' }, values: population, base: population });
  for (const share of config.shares) {
    const num = safeColumn(share.numerator, columns, count);
    const den = safeColumn(share.denominator, columns, count);
    if (!num || !den) continue;
    const values = new Float64Array(count);
    for (let i = 0; i < count; i++) values[i] = den[i] > 0 ? num[i] / den[i] : NaN;
    // A share rests on the people of its denominator: below the threshold it is not shown.
    out.push({ id: share.id, kind: 'share', label: share.label, values, base: den });
  }
  return out;
}
