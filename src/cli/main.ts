/** Entry point of `npm run cli`: wires process.argv, the file system and stdout/stderr to runCli. */
import { readFile, writeFile } from 'node:fs/promises';
import { runCli } from './run-cli';

const code = await runCli(process.argv.slice(2), {
  readFile: async (path) => new Uint8Array(await readFile(path)),
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  writeFile: (path, text) => writeFile(path, text),
});
process.exitCode = code;
