/**
 * Output shapes of the indicators. Shares and indices are fractions 0–1.
 * These are the full-precision figures; `applyPrivacy` turns figures resting on
 * fewer people than the threshold into null before anything is shown or exported.
 */

export interface SchoolFigures {
  id: string;
  name: string;
  /** Expected children of the network's age band living in the catchment. */
  children: number;
  /** Part of `children` that rests on imputed (suppressed or missing) values. */
  childrenImputed: number;
  capacity: number | null;
  /** children / capacity; null when capacity is unknown. */
  utilisation: number | null;
  /** Expected share of the children with each property (share id → 0–1); null when undefined. */
  shares: Record<string, number | null>;
  /** Children on which each share rests (after excluding units where it is unknown). */
  shareBase: Record<string, number>;
  /** Composite status/need index (weighted z-scores; 0 = network mean). */
  composite: number | null;
  /** The school's status in the year (school-network/school-timeline.ts); set by the scenario engine. */
  status?: 'open' | 'closed' | 'not-yet-open' | 'temporary-premises';
}

export interface TwoGroupIndices {
  D: number;
  gini: number;
  H: number;
  isolation: number;
  exposure: number;
  atkinson_0_5: number;
  eta2: number;
}

export interface MultigroupIndices {
  D: number;
  M: number;
  H: number;
  normalized_exposure: number;
}

export interface NetworkIndicators {
  network: string;
  schools: SchoolFigures[];
  indices: Record<string, TwoGroupIndices>;
  multigroup: Record<string, MultigroupIndices>;
  totals: {
    children: number;
    childrenImputed: number;
    /** Children in units (or parts of units) covered by no catchment. */
    gapChildren: number;
    /** Children counted twice because catchments overlap. */
    overlapChildren: number;
  };
  /** True when the age band is apportioned from wider bands: label as estimates. */
  estimated: boolean;
}
