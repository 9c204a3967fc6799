import type { MultiPolygon, Position } from './geometry-types';

export type Language = 'fi' | 'sv';
/** Grades taught: lower (1–6), upper (7–9) or both. */
export type GradeRange = '1-6' | '7-9' | '1-9';
export type SchoolLevel = 'lower' | 'upper';

export interface School {
  id: string;
  name: string;
  language: Language;
  grades: GradeRange;
  /** Pupil places; null when unknown (utilisation is then not computed). */
  capacity: number | null;
  /**
   * Places per level for a comprehensive (1–9) school that sits in both a grades 1–6 and a
   * grades 7–9 network: utilisation in each network uses its own part. Falls back to `capacity`.
   */
  capacityByLevel?: { lower?: number; upper?: number };
  /** Location in EPSG:3067 metres. */
  location: Position;
}

/**
 * A network is the set of schools that share one catchment partition,
 * e.g. "Finnish-language, grades 1–6". Its age band comes from the indicator config.
 */
export interface Network {
  id: string;
  /** Label in the dataset's default language (English when the source gives all three). */
  label: string;
  /** The label in each UI language, when the source gives them (bundle manifests do). */
  labels?: { fi: string; sv: string; en: string };
  language: Language;
  level: SchoolLevel;
  /** Schools in the partition, in a fixed order: the index of a school in this array is its index in every per-school array. */
  schoolIds: string[];
}

/** One catchment polygon per school of the network, EPSG:3067. */
export interface Partition {
  networkId: string;
  /** Parallel to Network.schoolIds. An empty MultiPolygon means the school has no area. */
  catchments: MultiPolygon[];
}

/** Places that count in a network of `level`: the level's own part when given, else the whole capacity. */
export function capacityFor(school: School, level: SchoolLevel): number | null {
  return school.capacityByLevel?.[level] ?? school.capacity;
}

export function schoolServesLevel(school: School, level: SchoolLevel): boolean {
  return school.grades === '1-9' || (level === 'lower' ? school.grades === '1-6' : school.grades === '7-9');
}
