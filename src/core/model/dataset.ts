import type { BBox, MultiPolygon } from './geometry-types';
import type { Network, Partition, School } from './school';
import type { Units } from './units';

/**
 * Everything a scenario is computed on. Immutable once loaded: edits produce new
 * partitions, never modify this object.
 */
export interface Dataset {
  /** Human-readable name, e.g. "Esimerkkilä (sample city)". */
  name: string;
  /** Attribution/source line shown on maps and reports. */
  source: string;
  units: Units;
  schools: School[];
  networks: Network[];
  /** Baseline partition per network id. */
  partitions: Record<string, Partition>;
  /** Municipal boundary (land + water inside the border), EPSG:3067. Optional context. */
  boundary?: MultiPolygon;
  /** Sea and lakes, for drawing context without a background map. */
  water?: MultiPolygon;
  /** Year of the statistics (bundle manifest "year"): the base year of projections. */
  year?: number;
  /** Named areas of the context file (lakes, districts, postal areas), for searching the map. */
  places?: Place[];
}

/** A named area: its name as in the data, its kind ("water", "district", …) and bounding box (EPSG:3067). */
export interface Place {
  name: string;
  kind: string;
  bbox: BBox;
}
