/**
 * A Shapefile (.shp geometry + .dbf attributes + .prj CRS + optional .cpg encoding) →
 * FeatureTable in EPSG:3067. The parts usually come from a ZIP archive (read-zip.ts).
 */
import { fail, UserError, type Result } from '../model/result';
import { crsFromWkt } from './crs';
import type { FeatureTable } from './feature-table';
import { encodingName } from './code-pages';
import { readDbf, type DbfTable } from './read-dbf';
import { readShp } from './read-shp';
import { FeatureTableBuilder, type BuilderOptions } from './table-builder';

export interface ShapefileParts {
  shp: Uint8Array;
  dbf?: Uint8Array;
  /** The index (.shx): when present, its record count must match the .shp's. */
  shx?: Uint8Array;
  /** Text of the .prj (WKT). */
  prj?: string;
  /** Text of the .cpg (encoding name). */
  cpg?: string;
}

/**
 * Read a Shapefile. The CRS comes from the .prj (by name or EPSG authority); without a .prj it is
 * detected from the coordinates and the warning `missing-prj` says so. The .dbf is required.
 */
export function readShapefile(file: string, parts: ShapefileParts, options: BuilderOptions = {}): Result<FeatureTable> {
  if (!parts.dbf)
    return fail({
      code: 'shapefile-missing-part',
      message: 'The Shapefile has no .dbf file, so its features have no attributes (ids, names, counts).',
      fix: 'Put the .shp, .shx, .dbf and .prj files (and .cpg if there is one) of the layer in the same ZIP archive.',
      file,
      field: '.dbf',
    });
  const builder = new FeatureTableBuilder(file, 'shapefile', options);
  let dbf: DbfTable;
  try {
    builder.progress(0, 'reading the .shp geometries');
    const geometries = readShp(file, parts.shp, parts.shx);
    dbf = readDbf(file, parts.dbf, parts.cpg);
    for (const w of dbf.warnings) builder.warn(w);
    if (dbf.count !== geometries.length)
      return fail({
        code: 'shapefile-mismatch',
        message: `The .shp has ${geometries.length} shapes but the .dbf has ${dbf.count} records; they belong to different layers or one is truncated.`,
        fix: 'Take the .shp, .shx, .dbf and .prj of the same export, zipped together.',
        file,
      });
    const step = Math.max(1, Math.floor(geometries.length / 50));
    for (let i = 0; i < geometries.length; i++) {
      const props = dbf.record(i);
      if (props === null) continue; // deleted record
      builder.add(geometries[i], props, null);
      geometries[i] = null;
      if (i % step === 0) builder.progress((0.9 * i) / geometries.length, `reading features ${i}/${geometries.length}`);
    }
  } catch (e) {
    if (e instanceof UserError) return fail(e.problem);
    throw e;
  }
  let declared = null;
  let declaredText: string | undefined;
  if (parts.prj !== undefined) {
    declared = crsFromWkt(parts.prj);
    declaredText = /"([^"]*)"/.exec(parts.prj)?.[1] ?? parts.prj.slice(0, 60);
    if (!declared && !options.crsOverride)
      return fail({
        code: 'unsupported-crs',
        message: `The .prj declares ${JSON.stringify(declaredText)}, which is not a CRS this tool knows.`,
        fix: 'Use EPSG:3067, an ETRS-GKn zone (EPSG:3873–3885) or EPSG:4326 — reproject with `ogr2ogr -t_srs EPSG:3067` — or override the CRS if the .prj is wrong.',
        file,
        field: '.prj',
      });
  }
  const result = builder.finish(declared, declaredText);
  if (result.ok && parts.prj === undefined && result.value.crs.source !== 'override')
    result.warnings.push({
      code: 'missing-prj',
      message: `The Shapefile has no .prj file; its CRS was ${result.value.crs.source === 'coordinates' ? 'detected from the coordinate ranges' : 'assumed'} to be ${result.value.crs.crs}.`,
      fix: 'Check the map. If the CRS is wrong, override it, or add the .prj of the layer to the ZIP archive.',
      file,
      field: '.prj',
    });
  if (result.ok) result.value.encoding = `${encodingName(dbf.encoding)} (${dbf.encodingSource === 'cpg' ? 'from the .cpg' : 'detected'})`;
  return result;
}
