import type { MultiPolygon, Position } from '../model/geometry-types';
import type { BuildingType, Tenure } from '../housing/housing-config';

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
 * Issue 10 adds `open-school`, `close-school`, `set-capacity`, `relocate-school` to this union
 * (see /work/notes/time-design.md); every switch over `kind` ends in an exhaustive default.
 */
export type Edit = BoundaryEdit | HousingProjectRecord | RemoveHousingProjectRecord;

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
