import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { loadBundle } from '../../src/core/load/load-bundle';
import type { Dataset } from '../../src/core/model/dataset';

/** Loads a bundle folder from disk (tests only); throws with the problems when it fails. */
export async function loadFixtureBundle(dir: string): Promise<Dataset> {
  const manifest = JSON.parse(await readFile(join(dir, 'manifest.json'), 'utf8'));
  const result = await loadBundle(manifest, async (name) => new Uint8Array(await readFile(join(dir, name))));
  if (!result.ok) throw new Error(result.problems.map((p) => p.message).join('\n'));
  return result.value;
}
