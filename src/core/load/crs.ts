/**
 * Coordinate reference systems the loaders understand, how they are detected and how
 * coordinates are reprojected. The core works in EPSG:3067 (ETRS-TM35FIN) metres;
 * other CRSs are converted on load, EPSG:4326 only for display.
 */
import proj4 from 'proj4';
import type { BBox, Position } from '../model/geometry-types';

/** A CRS code in "EPSG:nnnn" form. */
export type CrsCode = string;

export const TM35FIN: CrsCode = 'EPSG:3067';
export const WGS84: CrsCode = 'EPSG:4326';

const GRS80_TM = '+ellps=GRS80 +towgs84=0,0,0,0,0,0,0 +units=m +no_defs';

/** ETRS-GKn zone (19–31) → EPSG code 3873–3885. */
export function gkZoneCode(zone: number): CrsCode {
  return `EPSG:${3854 + zone}`;
}

function gkDefinitions(): Record<CrsCode, { name: string; proj: string }> {
  const defs: Record<CrsCode, { name: string; proj: string }> = {};
  for (let zone = 19; zone <= 31; zone++) {
    defs[gkZoneCode(zone)] = {
      name: `ETRS89 / GK${zone}FIN (ETRS-GK${zone})`,
      proj: `+proj=tmerc +lat_0=0 +lon_0=${zone} +k=1 +x_0=${zone * 1_000_000 + 500_000} +y_0=0 ${GRS80_TM}`,
    };
  }
  return defs;
}

/** Every CRS the loaders accept, with its proj4 definition. */
export const SUPPORTED_CRS: Readonly<Record<CrsCode, { name: string; proj: string }>> = {
  [TM35FIN]: { name: 'ETRS89 / TM35FIN (ETRS-TM35FIN)', proj: `+proj=utm +zone=35 ${GRS80_TM}` },
  [WGS84]: { name: 'WGS 84 (longitude/latitude degrees)', proj: '+proj=longlat +datum=WGS84 +no_defs' },
  ...gkDefinitions(),
};

for (const [code, def] of Object.entries(SUPPORTED_CRS)) proj4.defs(code, def.proj);

export function isSupportedCrs(code: string): boolean {
  return code in SUPPORTED_CRS;
}

/**
 * How a CRS was found: declared in the file (GeoJSON member, FlatGeobuf header, .prj,
 * GeoPackage srs, GML srsName), guessed from coordinates, assumed (EPSG:3067), or given by
 * the user as an override.
 */
export type CrsSource = 'declared' | 'coordinates' | 'assumed' | 'override';

export interface CrsDetection {
  crs: CrsCode;
  source: CrsSource;
  /** The declaration as found, e.g. "urn:ogc:def:crs:EPSG::3879". */
  declared?: string;
}

/** Normalise "EPSG:3879", "urn:ogc:def:crs:EPSG::3879", "CRS84", an EPSG number … to "EPSG:nnnn"; null when unrecognised. */
export function parseCrsName(name: string | number): CrsCode | null {
  if (typeof name === 'number') return Number.isInteger(name) ? `EPSG:${name === 4258 ? 4326 : name}` : null;
  const s = name.trim();
  if (/CRS84$/i.test(s) || /WGS[ _]?84$/i.test(s)) return WGS84;
  // "EPSG:3879", "urn:ogc:def:crs:EPSG::3879", "urn:ogc:def:crs:EPSG:6.9:3879", "http://www.opengis.net/gml/srs/epsg.xml#3879", ".../def/crs/EPSG/0/3879"
  const m = /EPSG.*?(\d{4,5})\s*$/i.exec(s) ?? /^(\d{4,5})$/.exec(s);
  if (!m) return null;
  return parseCrsName(Number(m[1]));
}

/** CRS from a GeoJSON `crs` member ({ type: "name", properties: { name } } or the old { type: "EPSG", properties: { code } }). */
export function crsFromGeoJsonMember(member: unknown): CrsCode | null {
  if (!member || typeof member !== 'object') return null;
  const props = (member as { properties?: Record<string, unknown> }).properties;
  if (!props) return null;
  if (typeof props.name === 'string') return parseCrsName(props.name);
  if (typeof props.code === 'number' || typeof props.code === 'string') return parseCrsName(props.code);
  return null;
}

/** CRS from a WKT string (.prj file, FlatGeobuf header): EPSG authority or the projection name. */
export function crsFromWkt(wkt: string): CrsCode | null {
  const head = /^\s*(PROJCS|PROJCRS|GEOGCS|GEOGCRS|GEODCRS)\s*\[\s*"([^"]*)"/i.exec(wkt);
  const name = head?.[2] ?? '';
  const projected = head ? /^PROJ/i.test(head[1]) : /PROJ/i.test(wkt);
  const compact = name.toUpperCase().replace(/[^A-Z0-9]/g, '');
  if (/TM35/.test(compact)) return TM35FIN;
  const gk = /GK(\d{2})/.exec(compact);
  if (gk && Number(gk[1]) >= 19 && Number(gk[1]) <= 31) return gkZoneCode(Number(gk[1]));
  // The outermost AUTHORITY/ID is the last one in WKT1 and WKT2.
  const auth = [...wkt.matchAll(/(?:AUTHORITY|ID)\s*\[\s*"EPSG"\s*,\s*"?(\d+)"?\s*\]/gi)].pop();
  if (auth) return parseCrsName(Number(auth[1]));
  if (!projected && /WGS|ETRS|GRS/i.test(name)) return WGS84;
  return null;
}

/**
 * Guess the CRS from a bounding box of raw coordinates: longitude/latitude → EPSG:4326;
 * x 50 000–760 000 and y 6 600 000–7 800 000 → EPSG:3067; x with a 19–31 million prefix → ETRS-GKn.
 */
export function crsFromCoordinates(bbox: BBox): CrsCode | null {
  const [minX, minY, maxX, maxY] = bbox;
  if (minX >= -180 && maxX <= 180 && minY >= -90 && maxY <= 90) return WGS84;
  if (minY >= 6_600_000 && maxY <= 7_800_000) {
    if (minX >= 50_000 && maxX <= 760_000) return TM35FIN;
    const zone = Math.floor(minX / 1_000_000);
    if (zone >= 19 && zone <= 31 && Math.floor(maxX / 1_000_000) === zone) return gkZoneCode(zone);
  }
  return null;
}

export interface CrsHints {
  /** A CRS chosen by the user; wins over everything else. */
  override?: CrsCode | null;
  /** Declared CRS, already parsed (GeoJSON member, header code or WKT). */
  declared?: CrsCode | null;
  /** The raw declaration, for messages. */
  declaredText?: string;
  /** Bounding box of the raw coordinates. */
  bbox?: BBox | null;
}

/** The user's override first, then the declared CRS, then a guess from coordinates, else EPSG:3067 as assumed. */
export function detectCrs(hints: CrsHints): CrsDetection {
  if (hints.override) return { crs: hints.override, source: 'override', ...(hints.declared ? { declared: hints.declaredText ?? hints.declared } : {}) };
  if (hints.declared) return { crs: hints.declared, source: 'declared', declared: hints.declaredText ?? hints.declared };
  const guessed = hints.bbox ? crsFromCoordinates(hints.bbox) : null;
  if (guessed) return { crs: guessed, source: 'coordinates' };
  return { crs: TM35FIN, source: 'assumed' };
}

/**
 * Reproject [x, y] positions from one CRS to another (codes from SUPPORTED_CRS). Copies unless
 * `inPlace` is set, in which case the given positions are overwritten and returned.
 */
export function reproject(positions: Position[], from: CrsCode, to: CrsCode, inPlace = false): Position[] {
  const out = inPlace ? positions : positions.map((p) => [p[0], p[1]] as Position);
  if (from === to) return out;
  const converter = proj4(from, to);
  for (const p of out) {
    const [x, y] = converter.forward([p[0], p[1]]);
    p[0] = x;
    p[1] = y;
  }
  return out;
}

/** Reproject interleaved x,y coordinates (Float64Array [x0, y0, x1, y1, …]) in place. */
export function reprojectInterleaved(xy: Float64Array, from: CrsCode, to: CrsCode): Float64Array {
  if (from === to) return xy;
  const converter = proj4(from, to);
  for (let i = 0; i < xy.length; i += 2) {
    const [x, y] = converter.forward([xy[i], xy[i + 1]]);
    xy[i] = x;
    xy[i + 1] = y;
  }
  return xy;
}

/** Human-readable name of a CRS code. */
export function crsName(code: CrsCode): string {
  return SUPPORTED_CRS[code]?.name ?? code;
}
