/** What the CLI needs from the outside world; main.ts wires Node's, tests pass fakes. */
export interface CliIo {
  /** Read a file by path (relative paths are relative to the working directory); rejects when missing. */
  readFile(path: string): Promise<Uint8Array>;
  /** Write a file (the export command); absent in read-only test fakes. */
  writeFile?(path: string, bytes: Uint8Array): Promise<void>;
  stdout(text: string): void;
  stderr(text: string): void;
}
