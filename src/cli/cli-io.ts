import type { FeatureTable } from '../core/load/feature-table';
import { readFeatures } from '../core/load/read-features';
import { errorText, fail, ok, type Result } from '../core/model/result';

/** What the CLI needs from the outside world (main.ts wires Node's, tests pass fakes), and reading one input through it. */
export interface CliIo {
  /** Read a file by path (relative paths are relative to the working directory); rejects when missing. */
  readFile(path: string): Promise<Uint8Array>;
  /** Write a file (the export command); absent in read-only test fakes. */
  writeFile?(path: string, bytes: Uint8Array): Promise<void>;
  stdout(text: string): void;
  stderr(text: string): void;
  /** Write a text file (optimise --out); absent where files cannot be written. */
  writeFile?(path: string, text: string): Promise<void>;
}

/** Read one file; a missing or unreadable file is a 'file-not-found' problem. */
export async function readInput(io: CliIo, path: string, role: string): Promise<Result<Uint8Array>> {
  try {
    return ok(await io.readFile(path));
  } catch (e) {
    const code = (e as { code?: string }).code;
    return fail({
      code: 'file-not-found',
      message: `The ${role} file "${path}" could not be read (${code === 'ENOENT' ? 'no such file' : errorText(e)}).`,
      fix: 'Check the path (relative paths start from the current directory).',
      file: path,
    });
  }
}

/** Read one file and its features (any vector format the loaders read; --max-mb as `maxBytes`). */
export async function readInputTable(io: CliIo, path: string, role: string, maxBytes?: number): Promise<Result<FeatureTable>> {
  const bytes = await readInput(io, path, role);
  if (!bytes.ok) return bytes;
  return readFeatures({ name: path, bytes: bytes.value }, maxBytes ? { maxBytes } : {});
}
