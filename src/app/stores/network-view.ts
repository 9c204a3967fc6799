/**
 * The main thread's picture of one network: the worker's snapshots merged so that catchments
 * an edit did not touch keep their array identity (map layers then skip re-uploading them).
 */
import type { NetworkIndicators } from '../../core/indicators/indicator-types';
import type { PublicNetworkIndicators } from '../../core/pupil-base/privacy';
import type { MultiPolygon } from '../../core/model/geometry-types';
import type { NetworkSnapshot } from '../workers/engine-protocol';

export interface NetworkView {
  networkId: string;
  indicators: PublicNetworkIndicators;
  baseline: PublicNetworkIndicators;
  indicatorsFull: NetworkIndicators;
  baselineFull: NetworkIndicators;
  /** Lon/lat catchment per school index (parallel to the network's schools). */
  catchments: MultiPolygon[];
  labelPoints: ([number, number] | null)[];
  unitSchool: Int32Array;
  unitChanged: Uint8Array;
  /** Increases with every merged snapshot; handy as a cheap change key. */
  version: number;
}

/**
 * Merges a snapshot into the previous view. Catchments and label points not in the snapshot
 * keep their previous objects; the arrays themselves are new whenever anything changed.
 * A complete snapshot replaces everything.
 */
export function mergeSnapshot(previous: NetworkView | undefined, snapshot: NetworkSnapshot, schoolCount: number): NetworkView {
  const base = snapshot.complete || !previous;
  const catchments: MultiPolygon[] = base ? new Array<MultiPolygon>(schoolCount).fill([]) : previous.catchments.slice();
  const labelPoints: ([number, number] | null)[] = base ? new Array(schoolCount).fill(null) : previous.labelPoints.slice();
  for (const [key, mp] of Object.entries(snapshot.catchments)) catchments[Number(key)] = mp;
  for (const [key, p] of Object.entries(snapshot.labelPoints)) labelPoints[Number(key)] = p;
  return {
    networkId: snapshot.networkId,
    indicators: snapshot.indicators,
    baseline: snapshot.baseline,
    indicatorsFull: snapshot.indicatorsFull,
    baselineFull: snapshot.baselineFull,
    catchments,
    labelPoints,
    unitSchool: snapshot.unitSchool,
    unitChanged: snapshot.unitChanged,
    version: (previous?.version ?? 0) + 1,
  };
}
