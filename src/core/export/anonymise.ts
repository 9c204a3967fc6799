/**
 * Workshop anonymisation: school names replaced by "Koulu A", "Koulu B", … in every export
 * and the report. The letters follow the order of the dataset's schools (stable across
 * scenarios and networks of the same dataset); after Z come AA, AB, …
 */
import type { School } from '../model/school';

export type ReportLanguage = 'fi' | 'sv' | 'en';

const WORD: Record<ReportLanguage, string> = { fi: 'Koulu', sv: 'Skola', en: 'School' };

/** 0 → "A", 25 → "Z", 26 → "AA", 27 → "AB", … (bijective base 26). */
export function letterCode(index: number): string {
  let n = index + 1;
  let s = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** School id → alias ("Koulu A" …) in the order of `schools`. */
export function schoolAliases(schools: Pick<School, 'id'>[], language: ReportLanguage = 'fi'): Map<string, string> {
  return new Map(schools.map((s, i) => [s.id, `${WORD[language]} ${letterCode(i)}`]));
}

/**
 * A name lookup for exports: the real name, or the alias when `aliases` is given.
 * Unknown ids keep their name (never leak: pass every school of the dataset to schoolAliases).
 */
export function nameFor(aliases: Map<string, string> | null | undefined, id: string, name: string): string {
  return aliases?.get(id) ?? name;
}
