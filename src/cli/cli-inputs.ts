/** Reading the CLI's input files through CliIo and handing them to the core loaders. */
import { join } from 'node:path';
import { loadBundleWithReport } from '../core/load/load-bundle';
import { loadDatasetWithReport, type LoadedDataset, type LoadOptions } from '../core/load/load-dataset';
import { errorText, fail, type Result } from '../core/model/result';
import { readInput, type CliIo } from './cli-io';
import { maxBytes, usesPlanning, type ParsedOptions } from './cli-options';
import { loadPlanned } from './cli-planning';

export { readInput } from './cli-io';

/** Load the dataset from --bundle DIR or from --units/--schools/--catchments [--context]. */
export async function loadFromOptions(io: CliIo, options: ParsedOptions): Promise<Result<LoadedDataset>> {
  if (!options.bundle && usesPlanning(options)) return loadPlanned(io, options);
  const layers = { units: options['units-layer'], schools: options['schools-layer'], catchments: options['catchments-layer'] };
  const max = maxBytes(options);
  const loadOptions: LoadOptions = { ...(max ? { maxBytes: max } : {}), layers };
  if (options.bundle) {
    const dir = options.bundle;
    const manifestPath = join(dir, 'manifest.json');
    const manifest = await readInput(io, manifestPath, 'manifest');
    if (!manifest.ok) return manifest;
    let json: unknown;
    try {
      json = JSON.parse(new TextDecoder().decode(manifest.value));
    } catch (e) {
      return fail({ code: 'invalid-json', message: `manifest.json is not valid JSON (${errorText(e)}).`, fix: 'Repair manifest.json (see docs/data-formats.md, "Dataset bundle").', file: manifestPath });
    }
    return loadBundleWithReport(json, (name) => io.readFile(join(dir, name)), loadOptions);
  }
  const roles = ['units', 'schools', 'catchments', 'context'] as const;
  const paths = roles.map((r) => options[r]);
  const read = await Promise.all(paths.map((p, i) => (p ? readInput(io, p, roles[i]) : Promise.resolve(null))));
  const problems = read.flatMap((r) => (r && !r.ok ? r.problems : []));
  if (problems.length) return fail(...problems);
  const file = (i: number) => {
    const r = read[i];
    return r && r.ok ? { name: paths[i]!, bytes: r.value } : undefined;
  };
  return loadDatasetWithReport({ units: file(0)!, schools: file(1)!, catchments: file(2)!, context: file(3) }, loadOptions);
}
