/**
 * One network's editing state inside the ScenarioEngine and the figures it derives for a
 * school year: the EditableNetwork holds the catchments with the boundary edits in effect in
 * the selected year; the projection gives its children per unit and year; housing projects
 * add their children on top (docs/indicators.md "Projection by year", /work/notes/time-design.md).
 */
import type { IndicatorConfig } from '../config/indicator-config';
import { EditableNetwork } from '../edits/editable-network';
import type { AppliedEdit } from '../edits/editable-network';
import type { HousingConfig } from '../housing/housing-config';
import { addHousing } from '../housing/housing-sums';
import type { ActiveProject } from '../housing/housing-sums';
import type { NetworkIndicators } from '../indicators/indicator-types';
import type { Network, Partition, School } from '../model/school';
import type { Units } from '../model/units';
import { NetworkOverlay } from '../overlay/network-overlay';
import { networkIndicators } from '../pupil-base/network-indicators';
import type { GapOverlap } from '../pupil-base/network-indicators';
import { buildUnitValues } from '../pupil-base/unit-values';
import type { SharedNeighbourSums } from '../pupil-base/neighbourhood';
import type { UnitValueLayout, UnitValuesReport } from '../pupil-base/unit-values';
import { levelAges, projectionBands } from '../projection/projection-config';
import { UnitProjection } from '../projection/unit-projection';
import type { ProjectionSetup } from '../projection/unit-projection';
import { averageComposition, gapOverlapIn, YearRows } from '../projection/year-rows';
import type { Edit, NetworkStep } from './edit';
import { indicatorsWithStatus } from '../school-network/indicators-with-status';
import { schoolInYear, schoolStatus } from '../school-network/school-timeline';
import type { StepResolver } from '../edits/editable-network';
import { NetworkTracker } from './network-tracker';
import type { FieldExpression } from '../config/indicator-config';

export interface NetworkState {
  /** The network as it is now (opened schools appended); the same object as editable.network. */
  network: Network;
  /** Parallel to network.schoolIds (dataset schools, then opened ones). */
  schools: School[];
  /** The dataset's network and schools (the baseline). */
  baseNetwork: Network;
  baseSchools: School[];
  editable: EditableNetwork;
  layout: UnitValueLayout;
  report: UnitValuesReport;
  tracker: NetworkTracker;
  /** The baseline overlay (no edits), for the baseline in any year. */
  baselineOverlay: NetworkOverlay;
  projection: UnitProjection;
  /** Network-average value per child, for units without children in the base year. */
  fallback: Float64Array;
  /** Per-school sums of every projected year, live (layers of `editable`: kept current by every edit, undo and redo). */
  yearRows: YearRows;
  /** The same for the baseline catchments. */
  baselineRows: YearRows;
  /** Units in gaps or overlaps of the baseline (the live ones: tracker.offCoverUnits()). */
  baselineGapUnits: Int32Array;
  /** Indicators per year for the current log; cleared on every change of the log. */
  current: Map<number, NetworkIndicators>;
  baseline: Map<number, NetworkIndicators>;
}

/** Age band of a network: per-network override, else the level's band. */
export function ageBandOf(config: IndicatorConfig, network: Network): FieldExpression {
  return config.ageBands.byNetwork?.[network.id] ?? (network.level === 'lower' ? config.ageBands.lower : config.ageBands.upper);
}

export function createState(units: Units, config: IndicatorConfig, network: Network, partition: Partition, schools: School[],
  setup: Omit<ProjectionSetup, 'bands' | 'config'>, resolveStep?: StepResolver, shared?: SharedNeighbourSums): NetworkState {
  const values = buildUnitValues(units, config, ageBandOf(config, network), shared);
  const overlay = NetworkOverlay.build(units, partition);
  const n = units.count;
  const children = new Float64Array(n);
  for (let u = 0; u < n; u++) children[u] = values.matrix[u * values.width + values.layout.children];
  const projection = new UnitProjection(units, { ...setup, bands: projectionBands(config.preset, config.projection), config: config.projection }, levelAges(network.level), children);
  const fallback = averageComposition(values.matrix, values.layout);
  const yearRows = YearRows.build(overlay, projection, values.matrix, values.layout, fallback);
  const baselineRows = yearRows.clone();
  const editable = new EditableNetwork({
    network, units, partition, matrix: values.matrix, width: values.width, overlay, maxHistory: Number.MAX_SAFE_INTEGER, resolveStep, layers: yearRows.layers(),
  });
  const tracker = new NetworkTracker(overlay, values.matrix, values.width, values.layout.children);
  return {
    network, schools, baseNetwork: network, baseSchools: schools, editable, layout: values.layout, report: values.report, tracker,
    baselineOverlay: overlay, projection, fallback, yearRows, baselineRows, baselineGapUnits: overlay.uncoveredOrOverlapping(),
    current: new Map(), baseline: new Map(),
  };
}

export interface YearFigures {
  sums: Float64Array;
  gapOverlap: GapOverlap;
  /** Children per unit (projection + housing), when asked for. */
  unitChildren: Float64Array | null;
}

/**
 * Sums of `year` over `overlay` (the live one, or the baseline's). The base year without
 * housing is the live sums as they are (bit for bit the figures without a projection).
 */
export function yearFigures(s: NetworkState, year: number, live: boolean, projects: ActiveProject[], housing: HousingConfig | undefined,
  withUnits = false): YearFigures {
  const overlay = live ? s.editable.overlay : s.baselineOverlay;
  let sums: Float64Array;
  let gapOverlap: GapOverlap;
  if (year === s.projection.baseYear && live) {
    sums = s.editable.sums.slice();
    gapOverlap = { ...s.tracker.gapOverlap() };
  } else {
    sums = (live ? s.yearRows : s.baselineRows).sums(year).slice();
    gapOverlap = gapOverlapIn(overlay, live ? s.tracker.offCoverUnits() : s.baselineGapUnits, (u) => s.projection.childrenAt(u, year));
  }
  const unitChildren = withUnits ? s.projection.year(year).children.slice() : null;
  if (projects.length > 0) {
    addHousing(projects, year, s.network.level, housing, overlay, s.editable.matrix, s.layout, s.fallback, sums, unitChildren, gapOverlap);
  }
  return { sums, gapOverlap, unitChildren };
}

/** After the catchments changed: the tracker's units now (the projected years' rows are layers of the editable network). */
export function afterBoundaryChange(s: NetworkState, changedUnits: Int32Array): void {
  s.tracker.update(s.editable.overlay, changedUnits);
}

/** The baseline's indicators (the dataset's schools, all open). */
export function baselineIndicatorsOf(s: NetworkState, f: YearFigures, config: IndicatorConfig): NetworkIndicators {
  const out = networkIndicators(f.sums, s.layout, s.baseNetwork, s.baseSchools, config, f.gapOverlap);
  for (const school of out.schools) school.status = 'open';
  return out;
}

/** The scenario's indicators in `year`: capacities and status of each school from the log. */
export function indicatorsOf(s: NetworkState, f: YearFigures, config: IndicatorConfig, log: readonly Edit[], year: number): NetworkIndicators {
  const schools = s.schools.map((school) => schoolInYear(log, school, year));
  const status = s.network.schoolIds.map((id) => schoolStatus(log, id, year));
  return indicatorsWithStatus(f.sums, s.layout, s.network, schools, status, config, f.gapOverlap);
}

/** Appends (or removes, on undo) the slot of an opened school. */
export function addSchoolSlot(s: NetworkState, school: School): void {
  s.editable.addSlot(school.id);
  s.network = s.editable.network;
  s.schools = [...s.schools, school];
}

export function removeSchoolSlot(s: NetworkState, schoolId: string): void {
  s.editable.removeSlot(schoolId);
  s.network = s.editable.network;
  s.schools = s.schools.slice(0, -1);
}

/**
 * Brings the editable network to the boundary edits `desired` (in log order): undoes back to
 * the longest common prefix with what is applied, then applies the rest. An edit that no longer
 * changes anything (an earlier one took its area) is skipped. Returns the changed units.
 */
export function syncEdits(s: NetworkState, desired: NetworkStep[]): Int32Array {
  const applied = s.editable.history;
  let p = 0;
  while (p < applied.length && p < desired.length && applied[p] === desired[p]) p++;
  if (p === applied.length && p === desired.length) return new Int32Array(0);
  const changed: Int32Array[] = [];
  for (let i = applied.length; i > p; i--) {
    const o = s.editable.undo();
    if (o) changed.push(o.changedUnits);
  }
  for (let i = p; i < desired.length; i++) {
    const r = s.editable.apply(desired[i]);
    if (r.ok) changed.push(r.value.changedUnits);
  }
  const units = unionUnits(changed);
  afterBoundaryChange(s, units);
  return units;
}

export function unionUnits(parts: Int32Array[]): Int32Array {
  if (parts.length === 1) return parts[0];
  return Int32Array.from(new Set(parts.flatMap((p) => Array.from(p)))).sort();
}

/** What a record, its undo or redo, or a year switch changed. */
export interface RecordOutcome extends AppliedEdit {
  /** Every network whose figures changed (a housing project or a year switch: all of them). */
  networks: string[];
}
