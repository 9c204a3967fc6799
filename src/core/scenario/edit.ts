import type { MultiPolygon, Position } from '../model/geometry-types';
import type { BuildingType, Tenure } from '../housing/housing-config';
import type { GradeRange, Language } from '../model/school';

/**
 * A scenario is the dataset plus a list of dated records (docs/scenario-format.md). A record is
 * data that can be saved, replayed by the CLI and undone; each is effective from a school year
 * (autumn term). Kinds:
 * - `assign-region` / `assign-cells` (boundary edits): "assign region R to school S" from `year`
 *   (default the base year): R is clipped to the network's domain, added to S's catchment and
 *   removed from every other catchment of the network.
 * - `housing-project`: dwellings completed in `year`, adding children by the yield table.
 *   A record with the id of an earlier project replaces it (an inline change is a new record).
 * - `remove-housing-project`: deletes the project with that id.
 * - `open-school`, `close-school`, `set-capacity`, `relocate-school` (school-network records):
 *   the school network itself changes from `year` (src/core/school-network/).
 * Every switch over `kind` ends in an exhaustive default.
 */
export type Edit = BoundaryEdit | HousingProjectRecord | RemoveHousingProjectRecord | SchoolNetworkRecord;

export type SchoolNetworkRecord = OpenSchoolRecord | CloseSchoolRecord | SetCapacityRecord | RelocateSchoolRecord;

/** A new school from `year`, in every network of its language whose level its grades serve. */
export interface OpenSchoolRecord {
  kind: 'open-school';
  year: number;
  school: {
    id: string;
    name: string;
    language: Language;
    grades: GradeRange;
    capacity: number;
    capacityByLevel?: { lower?: number; upper?: number };
    /** EPSG:3067 metres; must lie in a unit. */
    location: Position;
  };
  /** "nearest": the units nearer to it than to their current school; or a drawn region (EPSG:3067). */
  catchment: 'nearest' | MultiPolygon;
}

/** From `year` the school has no catchment: its units go to the nearest remaining school, or all to `to`. */
export interface CloseSchoolRecord {
  kind: 'close-school';
  year: number;
  schoolId: string;
  to: 'nearest' | string;
}

/** New places from `year` (the receiver of a merger keeps its capacity unless one of these changes it). */
export interface SetCapacityRecord {
  kind: 'set-capacity';
  year: number;
  schoolId: string;
  capacity: number;
  capacityByLevel?: { lower?: number; upper?: number };
}

/** The school works at `location` in the school years `from` … `to` (inclusive), same catchment. */
export interface RelocateSchoolRecord {
  kind: 'relocate-school';
  from: number;
  to: number;
  schoolId: string;
  location: Position;
}

export function isSchoolNetworkRecord(e: Edit): e is SchoolNetworkRecord {
  return e.kind === 'open-school' || e.kind === 'close-school' || e.kind === 'set-capacity' || e.kind === 'relocate-school';
}

/**
 * What an open or a close does to one network's catchments, resolved against the live
 * catchments when the network applies it (school-network/resolve-school-step.ts). One object
 * per (record, network), kept by the record log, so syncEdits can compare them by identity.
 */
export type SchoolStep =
  | { kind: 'open-step'; networkId: string; schoolId: string; year: number; location: Position; catchment: 'nearest' | MultiPolygon }
  /** `receivers`: ids of the schools open in `year` that may take its units (frozen when logged). */
  | { kind: 'close-step'; networkId: string; schoolId: string; year: number; to: string | null; receivers: string[] };

/** What an EditableNetwork applies: a boundary edit or a school step. */
export type NetworkStep = BoundaryEdit | SchoolStep;

export type BoundaryEdit =
  | {
      kind: 'assign-region';
      networkId: string;
      schoolId: string;
      /** Lasso or drawn polygon, EPSG:3067 metres. */
      region: MultiPolygon;
      /** School year from which the edit is in effect; default the base year. */
      year?: number;
    }
  | {
      kind: 'assign-cells';
      networkId: string;
      schoolId: string;
      /** Painted or clicked grid cells as [col, row] pairs on the units' grid. */
      cells: [number, number][];
      /** School year from which the edit is in effect; default the base year. */
      year?: number;
    };

/** One phase of a housing project (a project with mixed tenure is several records). */
export interface HousingProjectRecord {
  kind: 'housing-project';
  /** Completion year: the first school year whose pupils it adds (yield index 0). */
  year: number;
  id: string;
  name: string;
  dwellings: number;
  tenure: Tenure;
  buildingType: BuildingType;
  /** Area of the project, EPSG:3067 metres (as assign-region's region); or `location`. */
  region?: MultiPolygon;
  /** A point, EPSG:3067 metres: the children go to the unit containing it. */
  location?: Position;
}

export interface RemoveHousingProjectRecord {
  kind: 'remove-housing-project';
  /** Id of the housing project to delete. */
  id: string;
}

export function isBoundaryEdit(e: Edit): e is BoundaryEdit {
  return e.kind === 'assign-region' || e.kind === 'assign-cells';
}

/** What an edit changed, so the UI redraws only that. */
export interface EditOutcome {
  networkId: string;
  /** Indices (into the network's schoolIds) of schools whose catchment or sums changed. */
  changedSchools: number[];
  /** Indices of units whose weights changed. */
  changedUnits: Int32Array;
}
