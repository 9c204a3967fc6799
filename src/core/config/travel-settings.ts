/**
 * The optional `travel` section of the indicator configuration (docs/indicator-config.md,
 * docs/travel.md): which street links are walkable, how far a point may lie from the street
 * network before it falls back to a straight line, the search limit of the shortest-path runs,
 * the speeds and the municipal limit for the youngest pupils.
 */
import type { Problem } from '../model/result';

/** Which attribute rule decides walkable links. */
export type WalkableRuleName = 'auto' | 'osm' | 'digiroad' | 'all';

export interface TravelSettings {
  /** 'auto' (default): OSM when the layer has a `highway` field, Digiroad when it has `linkkityyp`, else every link. */
  rule?: WalkableRuleName;
  /** OSM `highway` values that are not walkable (default: OSM_EXCLUDED_HIGHWAYS). Links tagged foot=no are never walkable. */
  osmExcludedHighways?: string[];
  /** Digiroad link types (LINKKITYYP) that are not walkable (default: DIGIROAD_EXCLUDED_LINK_TYPES). */
  digiroadExcludedLinkTypes?: number[];
  /** A point strictly farther than this from every walkable link is off the network (metres, default 500). */
  snapLimitM?: number;
  /** Each school's shortest-path search stops at this network distance (metres, default 15 000); farther pairs are computed on demand. */
  searchLimitM?: number;
  /** Walking speed, km/h (default 4.5). */
  walkKmh?: number;
  /** Driving speed of school transport, km/h (default 40); the speed of a link whose class has none in `driveKmhByClass`. */
  driveKmh?: number;
  /**
   * Driving speed of school transport by road class, km/h (default: none, every link at
   * `driveKmh`): keys are OSM `highway` values (e.g. "primary") or Digiroad functional classes
   * (TOIMINNALLINEN_LUOKKA, "1" … "8"). A transported pupil's trip follows the measured route,
   * each link at its class's speed (docs/travel.md).
   */
  driveKmhByClass?: Record<string, number>;
  /** Waiting time of a transported pupil per school day, minutes (default 30). */
  transportWaitMinutes?: number;
  /** Municipal trip limit for the youngest pupils (grades 1–6 networks), metres; true = 3000. Off unless set. */
  youngestLimitM?: number | true;
  /**
   * How a catchment's separate pieces are counted: "area" (default) the polygons of the catchment;
   * "units" its units joined through shared edges (a corner does not join); "streets" the same,
   * also joined by a street that stays out of other catchments (docs/travel.md).
   */
  pieces?: PiecesRule;
}

export const OSM_EXCLUDED_HIGHWAYS = ['motorway', 'motorway_link', 'trunk', 'trunk_link', 'construction', 'proposed', 'raceway', 'bus_guideway'];
/** Digiroad LINKKITYYP: 1 moottoritie (motorway), 4 moottoriliikennetie (motor road, closed to pedestrians like a motorway), 6 ramppi (ramp), 13 huoltoaukko moottoritiellä (motorway service access). */
export const DIGIROAD_EXCLUDED_LINK_TYPES = [1, 4, 6, 13];

/** Every setting with its default filled in. */
export interface ResolvedTravelSettings {
  rule: WalkableRuleName;
  osmExcludedHighways: string[];
  digiroadExcludedLinkTypes: number[];
  snapLimitM: number;
  searchLimitM: number;
  walkKmh: number;
  driveKmh: number;
  /** null: every link at driveKmh. Keys lower-case. */
  driveKmhByClass: Record<string, number> | null;
  transportWaitMinutes: number;
  /** null when off. */
  youngestLimitM: number | null;
  pieces: PiecesRule;
}

export type PiecesRule = 'area' | 'units' | 'streets';

/** The legal distance (Perusopetuslaki 32 §): a trip strictly over 5 000 m gives the right to free transport. */
export const LEGAL_TRIP_LIMIT_M = 5000;

export function resolveTravelSettings(t: TravelSettings | undefined): ResolvedTravelSettings {
  return {
    rule: t?.rule ?? 'auto',
    osmExcludedHighways: t?.osmExcludedHighways ?? OSM_EXCLUDED_HIGHWAYS,
    digiroadExcludedLinkTypes: t?.digiroadExcludedLinkTypes ?? DIGIROAD_EXCLUDED_LINK_TYPES,
    snapLimitM: t?.snapLimitM ?? 500,
    searchLimitM: t?.searchLimitM ?? 15_000,
    walkKmh: t?.walkKmh ?? 4.5,
    driveKmh: t?.driveKmh ?? 40,
    driveKmhByClass: t?.driveKmhByClass && Object.keys(t.driveKmhByClass).length ? Object.fromEntries(Object.entries(t.driveKmhByClass).map(([k, v]) => [k.trim().toLowerCase(), v])) : null,
    transportWaitMinutes: t?.transportWaitMinutes ?? 30,
    youngestLimitM: t?.youngestLimitM === true ? 3000 : (t?.youngestLimitM ?? null),
    pieces: t?.pieces ?? 'area',
  };
}

const KEYS = ['rule', 'osmExcludedHighways', 'digiroadExcludedLinkTypes', 'snapLimitM', 'searchLimitM', 'walkKmh', 'driveKmh', 'driveKmhByClass', 'transportWaitMinutes', 'youngestLimitM', 'pieces'];
const POSITIVE: [string, string][] = [
  ['snapLimitM', 'Give a distance in metres, e.g. 500.'],
  ['searchLimitM', 'Give a distance in metres, e.g. 15000.'],
  ['walkKmh', 'Give a speed in km/h, e.g. 4.5.'],
  ['driveKmh', 'Give a speed in km/h, e.g. 40.'],
];

/** Checks the `travel` section; errors and unknown-key warnings name the JSON path. */
export function checkTravelSettings(v: unknown, file?: string): { errors: Problem[]; warnings: Problem[] } {
  const errors: Problem[] = [];
  const warnings: Problem[] = [];
  const error = (field: string, message: string, fix: string) => errors.push({ code: 'invalid-config', message, fix, file, field: `travel.${field}` });
  if (typeof v !== 'object' || v === null || Array.isArray(v)) {
    errors.push({ code: 'invalid-config', message: 'Must be an object with the travel settings.', fix: 'Write "travel": { "snapLimitM": 500 } or leave the section out; see docs/indicator-config.md.', file, field: 'travel' });
    return { errors, warnings };
  }
  const t = v as Record<string, unknown>;
  for (const key of Object.keys(t))
    if (!KEYS.includes(key)) warnings.push({ code: 'unknown-config-key', message: `Unknown key "${key}", ignored.`, fix: `Remove it or correct the spelling; known keys here: ${KEYS.join(', ')}.`, file, field: `travel.${key}` });
  if (t.rule !== undefined && !['auto', 'osm', 'digiroad', 'all'].includes(t.rule as string))
    error('rule', `Must be "auto", "osm", "digiroad" or "all", got ${JSON.stringify(t.rule)}.`, 'Write "auto" to decide from the layer\'s fields.');
  for (const [key, fix] of POSITIVE) {
    const x = t[key];
    if (x !== undefined && !(typeof x === 'number' && Number.isFinite(x) && x > 0)) error(key, `Must be a number > 0, got ${JSON.stringify(x)}.`, fix);
  }
  const byClass = t.driveKmhByClass;
  if (byClass !== undefined) {
    if (typeof byClass !== 'object' || byClass === null || Array.isArray(byClass))
      error('driveKmhByClass', `Must be an object of road class → km/h, got ${JSON.stringify(byClass)}.`, 'E.g. { "primary": 60, "residential": 30 } for OSM, or { "1": 80, "5": 40 } for Digiroad functional classes.');
    else
      for (const [k, x] of Object.entries(byClass))
        if (!(typeof x === 'number' && Number.isFinite(x) && x > 0)) error(`driveKmhByClass.${k}`, `Must be a speed in km/h > 0, got ${JSON.stringify(x)}.`, 'Give e.g. 50.');
  }
  const w = t.transportWaitMinutes;
  if (w !== undefined && !(typeof w === 'number' && Number.isFinite(w) && w >= 0)) error('transportWaitMinutes', `Must be a number of minutes ≥ 0, got ${JSON.stringify(w)}.`, 'Give e.g. 30.');
  if (t.pieces !== undefined && !['area', 'units', 'streets'].includes(t.pieces as string))
    error('pieces', `Must be "area", "units" or "streets", got ${JSON.stringify(t.pieces)}.`, 'Write "units" to count pieces on the units, "streets" to join them also through the street network.');
  const y = t.youngestLimitM;
  if (y !== undefined && y !== true && !(typeof y === 'number' && Number.isFinite(y) && y > 0)) error('youngestLimitM', `Must be a distance in metres > 0 (or true for 3000), got ${JSON.stringify(y)}.`, 'Give e.g. 3000, or leave it out to switch the limit off.');
  if (t.osmExcludedHighways !== undefined && !(Array.isArray(t.osmExcludedHighways) && t.osmExcludedHighways.every((s) => typeof s === 'string')))
    error('osmExcludedHighways', 'Must be a list of OSM highway values.', 'E.g. ["motorway", "motorway_link", "trunk", "trunk_link"].');
  if (t.digiroadExcludedLinkTypes !== undefined && !(Array.isArray(t.digiroadExcludedLinkTypes) && t.digiroadExcludedLinkTypes.every((n) => Number.isInteger(n))))
    error('digiroadExcludedLinkTypes', 'Must be a list of Digiroad LINKKITYYP codes (whole numbers).', 'E.g. [1, 4, 6, 13].');
  return { errors, warnings };
}
