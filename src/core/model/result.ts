/**
 * Expected failures (bad input, an edit that is not allowed) come back as values,
 * not exceptions. Only bugs throw. Every problem names what is wrong, where it
 * is and how to fix it, so that the CLI and the UI can show it as it is.
 */
export interface Problem {
  /** Stable machine-readable code, e.g. "missing-field" or "edit-empties-school". */
  code: string;
  /** What is wrong, in plain English (the UI translates by code where it can). */
  message: string;
  /** What the user can do about it. */
  fix: string;
  /** Where: file name, feature index or id, field name. */
  file?: string;
  feature?: string | number;
  field?: string;
  /** Offending ids (units, schools), when there are many. */
  ids?: string[];
}

export type Result<T> = { ok: true; value: T; warnings: Problem[] } | { ok: false; problems: Problem[] };

export function ok<T>(value: T, warnings: Problem[] = []): Result<T> {
  return { ok: true, value, warnings };
}

export function fail<T = never>(...problems: Problem[]): Result<T> {
  return { ok: false, problems };
}

/** A user error raised deep inside a loader; caught at the boundary and turned into a Result. */
export class UserError extends Error {
  readonly problem: Problem;
  constructor(problem: Problem) {
    super(problem.message);
    this.problem = problem;
    this.name = 'UserError';
  }
}

/** Control characters (C0, DEL, C1, line/paragraph separators, bidi overrides) written as \\uXXXX. */
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

/** Text from a file made safe to print in a message: control characters escaped as \\u001b etc. */
export function escapeControl(text: string): string {
  return text.replace(CONTROL, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

export function formatProblem(p: Problem): string {
  const where = [p.file, p.feature !== undefined ? `feature ${p.feature}` : undefined, p.field ? `field "${p.field}"` : undefined]
    .filter(Boolean)
    .join(', ');
  return escapeControl(`${where ? `${where}: ` : ''}${p.message} Fix: ${p.fix}${p.ids?.length ? ` (ids: ${p.ids.slice(0, 10).join(', ')}${p.ids.length > 10 ? ', …' : ''})` : ''} [${p.code}]`);
}

/**
 * The message of an error thrown by a library (parsers, SQLite, decompression), fit for a user:
 * its first line, at most 200 characters, the word "undefined" (internal property names) replaced.
 */
export function errorText(e: unknown): string {
  const raw = e instanceof Error ? e.message : String(e);
  const line = raw.split('\n')[0].replace(/:?\bundefined\b/g, ' (missing value)').replace(/\s+/g, ' ').trim();
  return (line.length > 200 ? `${line.slice(0, 200)}…` : line) || 'no details';
}
