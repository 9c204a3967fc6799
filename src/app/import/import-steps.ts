/**
 * The wizard's steps and when each can be entered; pure helpers for what the steps show
 * (where a problem is, areas and shares as text).
 */
import type { Problem } from '../../core/model/result';
import type { ImportRole, StepProgress } from '../workers/import-protocol';

export const IMPORT_STEPS = ['files', 'crs', 'fields', 'schools', 'check'] as const;
export type ImportStep = (typeof IMPORT_STEPS)[number];

export const IMPORT_ROLES: readonly ImportRole[] = ['units', 'schools', 'catchments', 'boundary', 'streets'];

/** Roles whose file may be left out. */
export const OPTIONAL_ROLES: readonly ImportRole[] = ['catchments', 'boundary', 'streets'];

/** The part of the wizard state the step rules look at. */
export interface StepGate {
  files: Record<'units' | 'schools', { status: string }> & Partial<Record<ImportRole, { status: string }>>;
  fieldsApplied?: boolean;
  busy?: boolean;
}

/** Units and schools are required; catchments and boundary files are optional but must not be broken or still reading. */
export function filesReady(s: StepGate): boolean {
  const optionalOk = OPTIONAL_ROLES.every((r) => !s.files[r] || s.files[r]!.status === 'ready' || s.files[r]!.status === 'empty');
  return s.files.units.status === 'ready' && s.files.schools.status === 'ready' && optionalOk;
}

/** Whether `step` can be entered from the current state (the files step always can). */
export function canEnter(s: StepGate, step: ImportStep): boolean {
  if (s.busy) return false;
  return step === 'files' || filesReady(s);
}

/** "file · feature 3 (id 00100) · field "he_7_12"" — where a problem is, from its parts. */
export function problemWhere(p: Problem): string {
  return [p.file, p.feature !== undefined ? `feature ${p.feature}` : undefined, p.field ? `field "${p.field}"` : undefined].filter(Boolean).join(' · ');
}

/** Area in m² as the wizard prints it: m² below 10 000, hectares below 1 km², else km². */
export function areaParts(m2: number): { value: number; unit: 'm2' | 'ha' | 'km2'; digits: number } {
  const a = Math.abs(m2);
  if (a < 10_000) return { value: m2, unit: 'm2', digits: 0 };
  if (a < 1_000_000) return { value: m2 / 10_000, unit: 'ha', digits: 1 };
  return { value: m2 / 1_000_000, unit: 'km2', digits: 2 };
}

/** part / whole as a share 0–1; 0 when the whole is not positive. */
export function shareOf(part: number, whole: number): number {
  return whole > 0 ? part / whole : 0;
}

/** CRS choices offered for an override: TM35FIN, the GK zones 19–31, WGS 84. */
export const CRS_CHOICES: readonly string[] = ['EPSG:3067', ...Array.from({ length: 13 }, (_, i) => `EPSG:${3873 + i}`), 'EPSG:4326'];

/** Label of a CRS code: "EPSG:3879 (ETRS-GK25)". */
export function crsLabel(code: string): string {
  const n = Number(code.replace(/^EPSG:/, ''));
  if (n === 3067) return 'EPSG:3067 (ETRS-TM35FIN)';
  if (n === 4326) return 'EPSG:4326 (WGS 84)';
  if (n >= 3873 && n <= 3885) return `EPSG:${n} (ETRS-GK${n - 3854})`;
  return code;
}

/** The worker's current stage as a sentence ("Generating catchments …: network fi-lower (2 of 4)…"). */
export function progressText(t: (key: string, options?: Record<string, unknown>) => string, p: StepProgress): string {
  return t(`import.progress.${p.stage}`, { network: p.network ?? '', n: p.done + 1, total: p.total });
}
