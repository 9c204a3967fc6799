/**
 * What crosses between the main thread and the engine worker for "Propose" (the optimiser,
 * src/core/optimiser): a request with the measure and the limits, progress with the best plan
 * so far (its figures and which units it moves, for the map), and the verified plan.
 */
import type { Result } from '../../core/model/result';
import type { MultiPolygon } from '../../core/model/geometry-types';
import type { Edit } from '../../core/scenario/edit';
import type { PlanFigures } from '../../core/optimiser/verify-plan';

export interface ProposeRequest {
  networkId: string;
  /** Measure text, e.g. "share:foreign_language" (core/optimiser/optimiser-measure.ts). */
  measure: string;
  /** Share 0–1; null = unlimited. */
  maxRezonedShare: number | null;
  maxTripIncreaseShare: number | null;
  maxTripIncreaseMetres: number | null;
  utilisation: [number, number] | null;
  lockedSchoolIds: string[];
  /** Areas kept as they are (EPSG:3067): a unit whose centre lies inside one does not move. */
  lockedAreas: MultiPolygon[];
  /** Keep the units this scenario already changed (by hand or an accepted plan) as they are. */
  lockChanged: boolean;
  seconds: number;
  /** Seed of the search (the panel's default is 1: the same request on the same machine and budget gives a comparable run). */
  seed: number;
}

export interface ProposeProgress {
  fraction: number;
  seconds: number;
  startMeasure: number;
  bestMeasure: number;
  bestRezonedShare: number;
  /** 1 where the best plan so far moves the unit (the map highlights them). */
  moved: Uint8Array;
}

export interface ProposeResult {
  edits: Edit[];
  figures: PlanFigures;
  stopped: boolean;
  seconds: number;
}

/** The worker's optimiser API (Comlink); one search at a time. */
export interface OptimiserApi {
  propose(request: ProposeRequest, onProgress: (p: ProposeProgress) => void): Promise<Result<ProposeResult>>;
  /** Ends the running search; its best plan so far is verified and returned by propose. */
  stop(): Promise<void>;
}
