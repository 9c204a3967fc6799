/**
 * Parameters of the generated sample city. Distances in the city layout are given for the
 * default city and multiplied by `layoutScale`, so a smaller test city keeps the same shape.
 * All coordinates are EPSG:3067 metres.
 */
export interface SampleCityConfig {
  seed: number;
  /** Lower-left corner of the generated area (multiples of 250 m). */
  originX: number;
  originY: number;
  /** Size of the generated area, metres (multiples of 250). */
  width: number;
  height: number;
  /** Raster pixel for land, water and catchments, metres; must divide 250. */
  pixel: number;
  /** Multiplier for city layout distances (1 = the default city). */
  layoutScale: number;
  /** Mean radius of the municipal border blob, metres (the land is roughly a disc this size). */
  borderRadius: number;
  /** Where the city centre lies along the coast, as a fraction of the width from the west edge. */
  centreFraction: number;
  /** Inhabitants in the district kernels (centre, suburbs, new and detached-house areas, villages). */
  urbanPopulation: number;
  /** Number of populated scattered rural cells outside the districts (suburban fringe and hinterland). */
  ruralCells: number;
  /** Median inhabitants of a remote rural cell; cells near the city, villages and roads have up to 4× more. */
  ruralMedian: number;
  lakes: number;
  /** The rural hinterland of a merger municipality: former municipal centres and villages. */
  hinterland: {
    /** Church villages (kirkonkylä) of the former municipalities; each gets a comprehensive (1–9) school. */
    churchVillages: number;
    /** Smaller villages; the larger ones get a small grades 1–6 school, the others share. */
    villages: number;
    /** How many of the villages have their own school. */
    villageSchools: number;
  };
  schools: {
    /** Finnish-language schools in the grades 1–6 network, including the comprehensive (1–9) ones. */
    fiLower: number;
    /** Finnish-language schools in the grades 7–9 network, including the comprehensive ones. */
    fiUpper: number;
    svLower: number;
  };
}

/** The committed bundle in data/sample-city/. */
export const DEFAULT_CONFIG: SampleCityConfig = {
  seed: 20240501,
  originX: 310000,
  originY: 6650000,
  width: 120000,
  height: 100000,
  pixel: 50,
  layoutScale: 1,
  borderRadius: 38000,
  centreFraction: 0.5,
  urbanPopulation: 275000,
  ruralCells: 25500,
  ruralMedian: 3,
  lakes: 36,
  hinterland: { churchVillages: 4, villages: 14, villageSchools: 9 },
  schools: { fiLower: 35, fiUpper: 12, svLower: 5 },
};

/** A small, fast city for the determinism test. */
export const SMALL_CONFIG: SampleCityConfig = {
  seed: 7,
  originX: 375000,
  originY: 6665000,
  width: 32000,
  height: 28000,
  pixel: 50,
  layoutScale: 0.4,
  borderRadius: 11000,
  centreFraction: 0.5,
  urbanPopulation: 30000,
  ruralCells: 1500,
  ruralMedian: 3,
  lakes: 4,
  hinterland: { churchVillages: 1, villages: 3, villageSchools: 1 },
  schools: { fiLower: 9, fiUpper: 3, svLower: 2 },
};
