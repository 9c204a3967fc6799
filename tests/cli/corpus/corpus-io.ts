/** A CliIo over an in-memory file map (generated corpus files) falling back to the disk (Tiny City). */
import { readFile } from 'node:fs/promises';
import type { CapturedIo } from '../cli-test-io';

export function memoryIo(files: Record<string, Uint8Array | string>): CapturedIo {
  const io: CapturedIo = {
    out: '',
    err: '',
    readFile: async (path) => {
      const f = files[path];
      if (f !== undefined) return typeof f === 'string' ? new TextEncoder().encode(f) : f;
      return new Uint8Array(await readFile(path));
    },
    stdout: (t) => void (io.out += t),
    stderr: (t) => void (io.err += t),
  };
  return io;
}
