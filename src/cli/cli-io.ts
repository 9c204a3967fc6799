/** What the CLI needs from the outside world; main.ts wires Node's, tests pass fakes. */
export interface CliIo {
  /** Read a file by path (relative paths are relative to the working directory); rejects when missing. */
  readFile(path: string): Promise<Uint8Array>;
  stdout(text: string): void;
  stderr(text: string): void;
  /** Write a text file (optimise --out); absent where files cannot be written. */
  writeFile?(path: string, text: string): Promise<void>;
}
