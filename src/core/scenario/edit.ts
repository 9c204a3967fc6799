import type { MultiPolygon } from '../model/geometry-types';

/**
 * An edit is a record: data that can be saved, replayed by the CLI and undone.
 * "Assign region R to school S": R is clipped to the network's domain, added to S's
 * catchment and removed from every other catchment of the network.
 */
export type Edit =
  | {
      kind: 'assign-region';
      networkId: string;
      schoolId: string;
      /** Lasso or drawn polygon, EPSG:3067 metres. */
      region: MultiPolygon;
    }
  | {
      kind: 'assign-cells';
      networkId: string;
      schoolId: string;
      /** Painted or clicked grid cells as [col, row] pairs on the units' grid. */
      cells: [number, number][];
    };

/** What an edit changed, so the UI redraws only that. */
export interface EditOutcome {
  networkId: string;
  /** Indices (into the network's schoolIds) of schools whose catchment or sums changed. */
  changedSchools: number[];
  /** Indices of units whose weights changed. */
  changedUnits: Int32Array;
}
