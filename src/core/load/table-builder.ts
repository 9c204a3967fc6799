/**
 * Builds a FeatureTable one GeoJSON-like feature at a time (shared by the GeoJSON and
 * FlatGeobuf readers), then detects the CRS, reprojects to EPSG:3067 and checks that the
 * data lies in Finland.
 */
import type { BBox, MultiPolygon, Polygon, Position, Ring } from '../model/geometry-types';
import { fail, ok, type Problem, type Result } from '../model/result';
import { crsFromCoordinates, crsName, detectCrs, isSupportedCrs, parseCrsName, reproject, TM35FIN, type CrsCode } from './crs';
import { toNumber, type FeatureGeometry, type FeatureTable, type FileFormat, type PropertyColumn } from './feature-table';

/** Finland's extent in EPSG:3067 metres, with a margin: x −100 000…800 000, y 6 500 000…7 900 000. */
export const FINLAND_EXTENT_3067: BBox = [-100_000, 6_500_000, 800_000, 7_900_000];

const MAX_REPORTED = 20;
const LABEL_FIELDS = ['id', 'grd_id', 'school_id', 'tunn', 'index'];

interface ColumnBuilder {
  name: string;
  lower: string;
  /** The last feature that had this column, and under which key (case clashes within a feature). */
  lastFeature: number;
  lastKey: string;
  numbers: number[];
  texts: (string | null)[] | null;
  nonNumeric: number[];
  present: number;
}

/** Reports progress of a long read: fraction 0…1 and a short message ("reading features 1200/5784"). */
export type ProgressCallback = (fraction: number, message: string) => void;

export interface BuilderOptions {
  /** CRS chosen by the user ("EPSG:3879", "3879", "urn:ogc:def:crs:EPSG::3879"); wins over the file's declaration. */
  crsOverride?: string | null;
  onProgress?: ProgressCallback;
}

export class FeatureTableBuilder {
  readonly file: string;
  readonly format: FileFormat;
  readonly options: BuilderOptions;
  private count = 0;
  private warnings: Problem[] = [];
  private geometries: (FeatureGeometry | null)[] = [];
  private featureIds: (string | null)[] = [];
  private columns = new Map<string, ColumnBuilder>();
  /** Column by the key as written (features repeat their keys: one lower-casing per key). */
  private byKey = new Map<string, ColumnBuilder>();
  private errors: Problem[] = [];
  private errorCount = 0;
  private caseClash = new Set<string>();

  constructor(file: string, format: FileFormat, options: BuilderOptions = {}) {
    this.file = file;
    this.format = format;
    this.options = options;
  }

  /** Number of features added so far. */
  get size(): number {
    return this.count;
  }

  /** Report progress (no-op without a callback). */
  progress(fraction: number, message: string): void {
    this.options.onProgress?.(Math.min(1, Math.max(0, fraction)), message);
  }

  /** Add a warning that is returned with the table when it loads. */
  warn(problem: Problem): void {
    this.warnings.push(problem);
  }

  /** Add one feature: a GeoJSON geometry object (or null), its properties and its `id` member. */
  add(geometry: unknown, properties: Record<string, unknown> | null | undefined, id: unknown): void {
    const index = this.count++;
    const fid = id === undefined || id === null ? null : String(id);
    this.featureIds.push(fid);
    const props = properties ?? {};
    // The feature's label ("12 (id A)", this.label) is made only for a message.
    for (const key in props) {
      if (!Object.prototype.hasOwnProperty.call(props, key)) continue;
      const c = this.column(key);
      // Two keys of one feature that differ only in case land in the same column.
      if (c.lastFeature === index && !this.caseClash.has(c.lower)) {
        this.caseClash.add(c.lower);
        const other = c.lastKey;
        const label = this.label(index, props, fid);
        this.error({ code: 'duplicate-field', message: `Feature ${label} has the fields "${other}" and "${key}", which differ only in case; field names are matched without case, so one would hide the other.`, fix: `Rename or remove one of "${other}" and "${key}" in a GIS or spreadsheet, then export again.`, file: this.file, feature: label, field: key });
      }
      c.lastFeature = index;
      c.lastKey = key;
      this.setProperty(c, index, props[key]);
    }
    this.geometries.push(this.readGeometry(geometry, index, props, fid));
  }

  /** Report a problem with a feature found by the reader itself. */
  error(problem: Problem): void {
    this.errorCount++;
    if (this.errors.length < MAX_REPORTED) this.errors.push(problem);
  }

  /**
   * Finish: detect the CRS (declared, else from coordinates), reproject to EPSG:3067 and
   * check the extent. `declared` is the parsed declaration (null when none); `declaredText` the raw one.
   */
  finish(declared: CrsCode | null, declaredText?: string): Result<FeatureTable> {
    if (this.errors.length) return fail(...this.withOverflow());
    const positions = this.allPositions();
    const rawBBox = bboxOf(positions);
    const overrideText = this.options.crsOverride?.trim() || null;
    const override = overrideText ? parseCrsName(overrideText) : null;
    if (overrideText && (!override || !isSupportedCrs(override)))
      return fail({
        code: 'unsupported-crs',
        message: `The CRS override ${JSON.stringify(overrideText)} is not a CRS this tool knows.`,
        fix: 'Choose EPSG:3067, an ETRS-GKn zone (EPSG:3873–3885, e.g. EPSG:3879 for GK25) or EPSG:4326.',
        file: this.file,
      });
    const detection = detectCrs({ override, declared, declaredText, bbox: rawBBox });
    const crsProblem = override ? null : this.checkCrs(detection.crs, declared, declaredText, rawBBox);
    if (crsProblem) return fail(crsProblem);
    this.progress(0.95, `reprojecting ${positions.length} positions from ${detection.crs} to ${TM35FIN}`);
    reproject(positions, detection.crs, TM35FIN, true);
    const outside = this.outsideFinland();
    if (outside) return fail(outside);
    const columns: Record<string, PropertyColumn> = Object.create(null);
    for (const [key, c] of this.columns) {
      while (c.numbers.length < this.count) c.numbers.push(NaN);
      if (c.texts) while (c.texts.length < this.count) c.texts.push(null);
      columns[key] = { name: c.name, numbers: Float64Array.from(c.numbers), texts: c.texts, nonNumeric: c.nonNumeric, present: c.present };
    }
    return ok({
      file: this.file,
      format: this.format,
      count: this.count,
      geometries: this.geometries,
      columns,
      fieldNames: [...this.columns.keys()],
      featureIds: this.featureIds,
      crs: detection,
      bbox: bboxOf(positions),
    }, this.warnings);
  }

  private withOverflow(): Problem[] {
    const extra = this.errorCount - this.errors.length;
    if (extra <= 0) return this.errors;
    return [...this.errors, { code: 'too-many-problems', message: `${extra} more problems of the same kinds were not listed.`, fix: 'Fix the problems above and load again.', file: this.file }];
  }

  /** The column of a property key (lower-cased once per distinct key, not per feature). */
  private column(key: string): ColumnBuilder {
    let c = this.byKey.get(key);
    if (c) return c;
    const lower = key.toLowerCase();
    c = this.columns.get(lower);
    if (!c) {
      c = { name: key, lower, numbers: [], texts: null, nonNumeric: [], present: 0, lastFeature: -1, lastKey: key };
      this.columns.set(lower, c);
    }
    this.byKey.set(key, c);
    return c;
  }

  private setProperty(c: ColumnBuilder, index: number, value: unknown): void {
    while (c.numbers.length < index) c.numbers.push(NaN);
    const parsed = toNumber(value);
    c.numbers[index] = parsed.n;
    if (parsed.present) c.present++;
    if (parsed.bad) c.nonNumeric.push(index);
    if (parsed.text !== null) {
      if (!c.texts) c.texts = c.numbers.slice(0, index).map((n) => (Number.isNaN(n) ? null : String(n)));
      while (c.texts.length < index) c.texts.push(null);
      c.texts[index] = parsed.text;
    } else if (c.texts) {
      while (c.texts.length < index) c.texts.push(null);
      c.texts[index] = Number.isNaN(parsed.n) ? null : String(parsed.n);
    }
  }

  private label(index: number, properties: Record<string, unknown>, fid: string | null): string {
    for (const k of Object.keys(properties)) {
      const v = properties[k];
      if (LABEL_FIELDS.includes(k.toLowerCase()) && (typeof v === 'string' || typeof v === 'number') && v !== '') return `${index} (id ${String(v)})`;
    }
    return fid !== null ? `${index} (id ${fid})` : String(index);
  }

  private readGeometry(g: unknown, index: number, props: Record<string, unknown>, fid: string | null): FeatureGeometry | null {
    if (g === null || g === undefined) return null;
    const geom = g as { type?: unknown; coordinates?: unknown };
    const type = typeof geom.type === 'string' ? geom.type : 'geometry without a "type"';
    const problem = (code: string, message: string, fix: string): null => {
      this.error({ code, message, fix, file: this.file, feature: this.label(index, props, fid) });
      return null;
    };
    const badCoords = () =>
      problem('non-finite-coordinate', `Feature ${index} has a coordinate that is not a finite number (null, NaN, text or a missing value).`, 'Repair or remove the feature in a GIS (e.g. QGIS "Fix geometries"), then export again.');
    if (type === 'Point' || type === 'MultiPoint') {
      const coords = type === 'Point' ? [geom.coordinates] : geom.coordinates;
      if (!Array.isArray(coords) || coords.length !== 1) return { kind: 'other', type };
      const p = toPosition(coords[0]);
      return p ? { kind: 'point', point: p } : badCoords();
    }
    if (type === 'Polygon' || type === 'MultiPolygon') {
      const raw = type === 'Polygon' ? [geom.coordinates] : geom.coordinates;
      if (!Array.isArray(raw)) return badCoords();
      const polygons: MultiPolygon = [];
      for (const rawPolygon of raw) {
        if (!Array.isArray(rawPolygon) || rawPolygon.length === 0) return problem('invalid-ring', `Feature ${index} has a polygon without rings.`, 'Remove the empty polygon or repair the geometry in a GIS.');
        const polygon: Polygon = [];
        for (const rawRing of rawPolygon) {
          if (!Array.isArray(rawRing)) return badCoords();
          const ring: Ring = [];
          for (const rp of rawRing) {
            const p = toPosition(rp);
            if (!p) return badCoords();
            ring.push(p);
          }
          if (ring.length > 0 && (ring[0][0] !== ring[ring.length - 1][0] || ring[0][1] !== ring[ring.length - 1][1])) ring.push([ring[0][0], ring[0][1]]);
          if (ring.length < 4)
            return problem('invalid-ring', `Feature ${index} has a ring with ${rawRing.length} positions; a closed ring needs at least 4 (3 corners and the first one repeated).`, 'Repair the geometry in a GIS (QGIS "Fix geometries") or remove the degenerate ring.');
          polygon.push(ring);
        }
        polygons.push(polygon);
      }
      return { kind: 'polygons', polygons };
    }
    if (type === 'LineString' || type === 'MultiLineString') return this.readLines(type, geom.coordinates, badCoords);
    return { kind: 'other', type };
  }

  /** A LineString or MultiLineString; parts with fewer than two positions are dropped. */
  private readLines(type: 'LineString' | 'MultiLineString', coordinates: unknown, badCoords: () => null): FeatureGeometry | null {
    const raw = type === 'LineString' ? [coordinates] : coordinates;
    if (!Array.isArray(raw)) return badCoords();
    const lines: Position[][] = [];
    for (const rawLine of raw) {
      if (!Array.isArray(rawLine)) return badCoords();
      const line: Position[] = [];
      for (const rp of rawLine) {
        const p = toPosition(rp);
        if (!p) return badCoords();
        line.push(p);
      }
      if (line.length >= 2) lines.push(line);
    }
    return { kind: 'lines', type, lines };
  }

  private allPositions(): Position[] {
    const out: Position[] = [];
    for (const g of this.geometries) {
      if (!g) continue;
      if (g.kind === 'point') out.push(g.point);
      else if (g.kind === 'polygons') for (const poly of g.polygons) for (const ring of poly) for (const p of ring) out.push(p);
      else if (g.kind === 'lines') for (const line of g.lines) for (const p of line) out.push(p);
    }
    return out;
  }

  private checkCrs(crs: CrsCode, declared: CrsCode | null, declaredText: string | undefined, raw: BBox | null): Problem | null {
    const reproj = 'Reproject the file to EPSG:3067, e.g. `ogr2ogr -t_srs EPSG:3067 out.fgb in.geojson`, or declare its real CRS.';
    if (!isSupportedCrs(crs))
      return { code: 'unsupported-crs', message: `The file declares ${declaredText ?? crs}, which is not supported (supported: EPSG:3067, EPSG:3873–3885 ETRS-GKn, EPSG:4326).`, fix: reproj, file: this.file };
    if (!declared || !raw) return null;
    const looksLike = crsFromCoordinates(raw);
    if (looksLike && looksLike !== declared)
      return {
        code: 'crs-mismatch',
        message: `The file declares ${declaredText ?? declared} (${crsName(declared)}) but its coordinates (x ${fmt(raw[0])}…${fmt(raw[2])}, y ${fmt(raw[1])}…${fmt(raw[3])}) look like ${looksLike} (${crsName(looksLike)}).`,
        fix: `Correct the CRS declaration to ${looksLike}, or override the file's CRS with ${looksLike} (crsOverride), or reproject the data to the declared CRS. ${reproj}`,
        file: this.file,
      };
    return null;
  }

  private outsideFinland(): Problem | null {
    const [x0, y0, x1, y1] = FINLAND_EXTENT_3067;
    const bad: string[] = [];
    let first = -1;
    this.geometries.forEach((g, i) => {
      if (!g || g.kind === 'other') return;
      const pts = g.kind === 'point' ? [g.point] : g.kind === 'lines' ? g.lines.flat() : g.polygons.flat(2);
      if (pts.some((p) => !(p[0] >= x0 && p[0] <= x1 && p[1] >= y0 && p[1] <= y1))) {
        if (first < 0) first = i;
        bad.push(this.featureIds[i] ?? String(i));
      }
    });
    if (!bad.length) return null;
    const g = this.geometries[first];
    const p = g?.kind === 'point' ? g.point : g?.kind === 'polygons' ? g.polygons[0][0][0] : g?.kind === 'lines' ? g.lines[0][0] : [NaN, NaN];
    return {
      code: 'outside-finland',
      message: `${bad.length} feature(s) lie outside Finland after conversion to EPSG:3067 (first: feature ${first} at x ${fmt(p[0])}, y ${fmt(p[1])}; Finland is x −100 000…800 000, y 6 500 000…7 900 000).`,
      fix: 'Check the CRS of the file: declare the right one (GeoJSON "crs" member, FlatGeobuf header) or reproject to EPSG:3067. Remove features that really lie outside Finland.',
      file: this.file,
      feature: first,
      ids: bad,
    };
  }
}

function toPosition(v: unknown): Position | null {
  if (!Array.isArray(v) || v.length < 2) return null;
  const x = v[0];
  const y = v[1];
  return typeof x === 'number' && typeof y === 'number' && Number.isFinite(x) && Number.isFinite(y) ? [x, y] : null;
}

export function bboxOf(positions: Position[]): BBox | null {
  if (!positions.length) return null;
  let minX = Infinity, minY = Infinity, maxX = -Infinity, maxY = -Infinity;
  for (const [x, y] of positions) {
    if (x < minX) minX = x;
    if (y < minY) minY = y;
    if (x > maxX) maxX = x;
    if (y > maxY) maxY = y;
  }
  return [minX, minY, maxX, maxY];
}

function fmt(n: number): string {
  return Math.abs(n) < 1000 ? n.toFixed(4).replace(/\.?0+$/, '') : Math.round(n).toString();
}
