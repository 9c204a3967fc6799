/**
 * `export`: the catchments of one network in one school year (after --edits) as GeoJSON or a
 * GeoPackage (docs/cli.md), one feature per school open that year, privacy applied.
 */
import type { IndicatorConfig } from '../core/config/indicator-config';
import type { ExportCrs } from '../core/export/catchment-features';
import { yearCatchmentFeatures, yearFeaturesGeoJson, yearFeaturesGeoPackage } from '../core/export/network-year-export';
import type { Dataset } from '../core/model/dataset';
import { fail, ok, type Result } from '../core/model/result';
import { applyPrivacy } from '../core/pupil-base/privacy';
import type { CliIo } from './cli-io';
import type { ParsedOptions } from './cli-options';
import { scenarioEngine } from './project-command';
import type { StreetNetwork } from '../core/travel/street-network';

/** Writes the file; returns the number of features written. */
export async function exportCatchments(io: CliIo, options: ParsedOptions, dataset: Dataset, config: IndicatorConfig, threshold: number, streets: StreetNetwork | null = null): Promise<Result<number>> {
  const engine = await scenarioEngine(io, options, dataset, config, undefined, streets);
  if (!engine.ok) return engine;
  const e = engine.value;
  const network = options.network!;
  if (!e.networkIds.includes(network)) {
    return fail({ code: 'unknown-network', message: `The dataset has no network "${network}".`, fix: `Choose one of: ${e.networkIds.join(', ')}.`, field: 'network' });
  }
  const crs = (options.crs ?? 'EPSG:3067') as ExportCrs;
  const features = yearCatchmentFeatures(applyPrivacy(e.indicators(network), threshold), e.catchments(network), crs);
  let bytes: Uint8Array;
  if (options.format === 'gpkg') {
    const SQL = await (await import('sql.js')).default();
    bytes = yearFeaturesGeoPackage(SQL, features, crs);
  } else {
    bytes = new TextEncoder().encode(yearFeaturesGeoJson(features, crs));
  }
  if (!io.writeFile) return fail({ code: 'cannot-write', message: 'This CLI cannot write files.', fix: 'Run it with `npm run cli`.' });
  try {
    await io.writeFile(options.out!, bytes);
  } catch (err) {
    return fail({ code: 'cannot-write', message: `Could not write ${options.out} (${(err as Error).message}).`, fix: 'Give a path in a folder you can write to.', file: options.out });
  }
  return ok(features.length, engine.warnings);
}
