/**
 * Catchments as features for the GeoJSON and GeoPackage exports: one feature per school of
 * each network with properties network, school_id, school_name, children (privacy applied:
 * null when the school rests on fewer children than the threshold; one decimal otherwise),
 * capacity, utilisation (children/capacity, three decimals) and every share of the
 * configuration under its id (fraction 0–1, four decimals; null when hidden). Geometry is
 * valid OGC simple features (rings through one vertex twice are split, split-touching-rings.ts)
 * in EPSG:3067 metres, or EPSG:4326 longitude/latitude degrees when asked (reprojected with the
 * loaders' proj4 definitions, core/load/crs.ts).
 */
import type { IndicatorConfig } from '../config/indicator-config';
import type { NetworkIndicators } from '../indicators/indicator-types';
import type { MultiPolygon } from '../model/geometry-types';
import { reproject, TM35FIN, WGS84 } from '../load/crs';
import { applyPrivacy } from '../pupil-base/privacy';
import { splitTouchingRings } from '../geometry/split-touching-rings';
import { nameFor } from './anonymise';

export type ExportCrs = 'EPSG:3067' | 'EPSG:4326';

export interface CatchmentProperties {
  network: string;
  school_id: string;
  school_name: string;
  /** Expected children (one decimal); null when hidden by the privacy threshold. */
  children: number | null;
  /** Pupil places; null when unknown. */
  capacity: number | null;
  /** children / capacity (three decimals); null when hidden or capacity unknown. */
  utilisation: number | null;
  /** Share id → share 0–1 (four decimals); null when hidden. */
  shares: Record<string, number | null>;
}

export interface CatchmentFeature {
  properties: CatchmentProperties;
  /** In the export CRS. */
  geometry: MultiPolygon;
}

/** One network's catchments with its indicators (catchments parallel to the indicators' schools). */
export interface NetworkCatchments {
  indicators: NetworkIndicators;
  catchments: MultiPolygon[];
}

export interface FeatureOptions {
  crs?: ExportCrs;
  aliases?: Map<string, string> | null;
}

/** A MultiPolygon reprojected from EPSG:3067 to `crs` (copied). */
export function reprojectMultiPolygon(mp: MultiPolygon, crs: ExportCrs): MultiPolygon {
  if (crs === TM35FIN) return mp.map((p) => p.map((r) => r.map(([x, y]) => [x, y])));
  return mp.map((p) => p.map((r) => reproject(r, TM35FIN, WGS84)));
}

const round = (v: number | null, decimals: number): number | null => (v === null || !Number.isFinite(v) ? null : Math.round(v * 10 ** decimals) / 10 ** decimals);

/** The properties as one flat record (shares under their ids), as GeoJSON and GeoPackage store them. */
export function flatProperties(p: CatchmentProperties): Record<string, string | number | null> {
  const { shares, ...rest } = p;
  return { ...rest, ...shares };
}

/** Features of every school of every given network, privacy applied. */
export function catchmentFeatures(networks: NetworkCatchments[], config: IndicatorConfig, options: FeatureOptions = {}): CatchmentFeature[] {
  const crs = options.crs ?? TM35FIN;
  return networks.flatMap(({ indicators, catchments }) => {
    const pub = applyPrivacy(indicators, config.privacyThreshold);
    return pub.schools.map((s, i) => ({
      properties: {
        network: pub.network,
        school_id: s.id,
        school_name: nameFor(options.aliases, s.id, s.name),
        children: s.children === null ? null : Math.round(s.children * 10) / 10,
        capacity: s.capacity,
        utilisation: round(s.utilisation, 3),
        shares: Object.fromEntries(config.shares.map((d) => [d.id, round(s.shares[d.id] ?? null, 4)])),
      },
      geometry: reprojectMultiPolygon(splitTouchingRings(catchments[i] ?? []), crs as ExportCrs),
    }));
  });
}

/**
 * A GeoJSON FeatureCollection text. EPSG:4326 follows RFC 7946 (no crs member, lon/lat);
 * EPSG:3067 carries the legacy `crs` member (urn:ogc:def:crs:EPSG::3067) that GIS tools read.
 */
export function catchmentsGeoJson(networks: NetworkCatchments[], config: IndicatorConfig, options: FeatureOptions = {}): string {
  const crs = options.crs ?? TM35FIN;
  const features = catchmentFeatures(networks, config, options).map((f) => ({
    type: 'Feature',
    properties: flatProperties(f.properties),
    geometry: { type: 'MultiPolygon', coordinates: f.geometry },
  }));
  const fc = {
    type: 'FeatureCollection',
    ...(crs === TM35FIN ? { crs: { type: 'name', properties: { name: 'urn:ogc:def:crs:EPSG::3067' } } } : {}),
    features,
  };
  return JSON.stringify(fc);
}
