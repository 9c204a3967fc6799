/** In-memory CliIo for tests: reads real files under tests/fixtures/ (or any path), captures output. */
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { CliIo } from '../../src/cli/run-cli';

export const FIXTURES = fileURLToPath(new URL('../fixtures/', import.meta.url));
export const TINY = `${FIXTURES}tiny-city/`;
export const BAD = `${FIXTURES}malformed/`;

export interface CapturedIo extends CliIo {
  out: string;
  err: string;
}

export function captureIo(): CapturedIo {
  const io: CapturedIo = {
    out: '',
    err: '',
    readFile: async (path) => new Uint8Array(await readFile(path)),
    stdout: (t) => void (io.out += t),
    stderr: (t) => void (io.err += t),
  };
  return io;
}

/** --units/--schools/--catchments pointing at Tiny City, with some replaced. */
export function tinyArgs(replace: { units?: string; schools?: string; catchments?: string } = {}): string[] {
  return [
    '--units', replace.units ?? `${TINY}units.geojson`,
    '--schools', replace.schools ?? `${TINY}schools.geojson`,
    '--catchments', replace.catchments ?? `${TINY}catchments.geojson`,
  ];
}
