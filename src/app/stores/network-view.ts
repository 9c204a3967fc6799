/**
 * The main thread's picture of one network: the worker's snapshots merged so that catchments
 * an edit did not touch keep their array identity (map layers then skip re-uploading them).
 */
import type { NetworkIndicators } from '../../core/indicators/indicator-types';
import type { PublicNetworkIndicators } from '../../core/pupil-base/privacy';
import type { MultiPolygon } from '../../core/model/geometry-types';
import type { NetworkSnapshot, SchoolInfo } from '../workers/engine-protocol';
import type { TravelSnapshot } from '../travel/travel-registry';

export interface NetworkView {
  networkId: string;
  indicators: PublicNetworkIndicators;
  baseline: PublicNetworkIndicators;
  indicatorsFull: NetworkIndicators;
  baselineFull: NetworkIndicators;
  /** Lon/lat catchment per school index (parallel to the network's schools). */
  catchments: MultiPolygon[];
  labelPoints: ([number, number] | null)[];
  /** Catchment area per school, m² (0 = empty). */
  areas: number[];
  unitSchool: Int32Array;
  unitChanged: Uint8Array;
  /** Polygon units: the region whose catchment changed (lon/lat), hatched instead of whole areas; null for grids. */
  changedRegion: MultiPolygon | null;
  /** Palette index per school; the previous array is kept when the colours did not change. */
  colourIndex: Int32Array;
  /** Trip lengths, travel figures and catchment pieces (null without travel). */
  travel: TravelSnapshot | null;
  /** The network's schools in the selected year (opened ones included, with status); null: the summary's list stands. */
  schools: SchoolInfo[] | null;
  /** Increases with every merged snapshot; handy as a cheap change key. */
  version: number;
  /**
   * What the last edit (or undo/redo) changed, relative to the previous view: the units whose
   * weights changed, the schools whose figures changed and the previous figures.
   * Null for a full snapshot.
   */
  lastChange: { units: Int32Array; schools: number[]; previous: PublicNetworkIndicators } | null;
}

/**
 * Merges a snapshot into the previous view. Catchments and label points not in the snapshot
 * keep their previous objects; the arrays themselves are new whenever anything changed.
 * A complete snapshot replaces everything.
 */
export function mergeSnapshot(
  previous: NetworkView | undefined,
  snapshot: NetworkSnapshot,
  schoolCount: number,
  change?: { units: Int32Array; schools: number[] },
): NetworkView {
  // A snapshot listing the schools (school-network records may add one) sets the count.
  schoolCount = snapshot.schools?.length ?? schoolCount;
  const base = snapshot.complete || !previous;
  const catchments: MultiPolygon[] = base ? new Array<MultiPolygon>(schoolCount).fill([]) : previous.catchments.slice();
  const labelPoints: ([number, number] | null)[] = base ? new Array(schoolCount).fill(null) : previous.labelPoints.slice();
  for (const [key, mp] of Object.entries(snapshot.catchments)) catchments[Number(key)] = mp;
  for (const [key, p] of Object.entries(snapshot.labelPoints)) labelPoints[Number(key)] = p;
  const areas: number[] = base ? new Array<number>(schoolCount).fill(0) : previous.areas.slice();
  for (const [key, a] of Object.entries(snapshot.areas ?? {})) areas[Number(key)] = a;
  return {
    networkId: snapshot.networkId,
    indicators: snapshot.indicators,
    baseline: snapshot.baseline,
    indicatorsFull: snapshot.indicatorsFull,
    baselineFull: snapshot.baselineFull,
    catchments,
    labelPoints,
    areas,
    unitSchool: snapshot.unitSchool,
    unitChanged: snapshot.unitChanged,
    travel: snapshot.travel ?? null,
    schools: snapshot.schools ?? (snapshot.complete ? null : (previous?.schools ?? null)),
    changedRegion: snapshot.changedRegion ?? null,
    colourIndex: sameColours(previous?.colourIndex, snapshot.colourIndex) ? previous!.colourIndex : (snapshot.colourIndex ?? new Int32Array(schoolCount)),
    version: (previous?.version ?? 0) + 1,
    lastChange:
      previous && change && !snapshot.complete
        ? { units: change.units, schools: change.schools, previous: previous.indicators }
        : null,
  };
}

function sameColours(a: Int32Array | undefined, b: Int32Array | undefined): boolean {
  return !!a && !!b && a.length === b.length && a.every((v, i) => v === b[i]);
}
