/** Load a dataset bundle: manifest.json plus the files it names, read through a callback. */
import type { Dataset } from '../model/dataset';
import { fail, ok, type Result, errorText } from '../model/result';
import { parseManifest } from './manifest';
import { loadDatasetWithReport, type LoadedDataset, type LoadOptions } from './load-dataset';
import type { InputFile } from './read-features';

/** Reads one file of the bundle by the name given in the manifest; rejects when it is missing. */
export type BundleFileReader = (name: string) => Promise<Uint8Array>;

export async function loadBundle(manifestJson: unknown, readFile: BundleFileReader, options: LoadOptions = {}): Promise<Result<Dataset>> {
  const r = await loadBundleWithReport(manifestJson, readFile, options);
  return r.ok ? ok(r.value.dataset, r.warnings) : r;
}

/** Like loadBundle, with the loading report. `manifestJson` may be the parsed object or its text. */
export async function loadBundleWithReport(manifestJson: unknown, readFile: BundleFileReader, options: LoadOptions = {}): Promise<Result<LoadedDataset>> {
  const m = parseManifest(manifestJson);
  if (!m.ok) return m;
  const names = m.value.files;
  const roles = (['units', 'schools', 'catchments', 'context'] as const).filter((r) => names[r]);
  const read = await Promise.all(
    roles.map(async (role): Promise<Result<InputFile>> => {
      const name = names[role]!;
      try {
        return ok({ name, bytes: await readFile(name) });
      } catch (e) {
        return fail({ code: 'file-not-found', message: `The ${role} file "${name}" named in the manifest could not be read (${errorText(e)}).`, fix: `Put "${name}" next to manifest.json, or correct "files.${role}".`, file: name });
      }
    }),
  );
  const problems = read.flatMap((r) => (r.ok ? [] : r.problems));
  if (problems.length) return fail(...problems);
  const file = (role: (typeof roles)[number]) => (read[roles.indexOf(role)] as { value: InputFile }).value;
  return loadDatasetWithReport(
    { units: file('units'), schools: file('schools'), catchments: file('catchments'), context: names.context ? file('context') : undefined, manifest: m.value },
    options,
  );
}
