/**
 * Inferring a school's language of instruction and grade range where the data say so:
 * the name (Swedish-language schools are "… skola" / "…skolan", or say "svenska"; Finnish ones
 * "… koulu") and Statistics Finland's register type code `oltyp` (11 comprehensive school,
 * 12 special-education comprehensive school, 19 comprehensive + general upper secondary).
 * Anything the data do not say comes back as "unknown", for the user to set.
 */
import type { GradeRange, Language } from '../model/school';

/** high: the data say so explicitly; medium: a usual rule (type code); unknown: the user must set it. */
export type Confidence = 'high' | 'medium' | 'unknown';

export type Inferred<T> = { value: T; confidence: 'high' | 'medium'; reason: string } | { value: null; confidence: 'unknown'; reason: string };

/** The register's type codes that are comprehensive schools. */
export type SchoolType = 'comprehensive' | 'special' | 'comprehensive-upper-secondary';

/** Type from the register code `oltyp` ("11", 11, "12", "19"); null for other or missing codes. */
export function schoolTypeOf(oltyp: string | number | null | undefined): SchoolType | null {
  const code = oltyp === null || oltyp === undefined ? '' : String(oltyp).trim();
  if (code === '11') return 'comprehensive';
  if (code === '12') return 'special';
  if (code === '19') return 'comprehensive-upper-secondary';
  return null;
}

/** Finnish school words end in "koulu"/"koulun"; checked first, since Finnish place names may end in "-skola" ("Kiiskolan koulu"). */
const FINNISH = /koulu(n|t)?\b/;
const SWEDISH = /skolan?\b|\bsvenska\b/;
/** Other Finnish school words ("Hertsikan ala-aste", "Helsingin normaalilyseo"): a usual rule, not certain. */
const FINNISH_OTHER = /ala-?aste|ylä-?aste|yla-?aste|lyseo|lukio\b/;

/** Language from the name: "sv" for …skola/…skolan/svenska, "fi" for …koulu (high) or ala-aste/yläaste/lyseo/lukio (medium); else unknown. */
export function inferLanguageFromName(name: string): Inferred<Language> {
  const n = name.trim().toLowerCase();
  if (FINNISH.test(n)) return { value: 'fi', confidence: 'high', reason: 'the name is Finnish ("koulu")' };
  if (SWEDISH.test(n)) return { value: 'sv', confidence: 'high', reason: 'the name is Swedish ("skola"/"skolan"/"svenska")' };
  if (FINNISH_OTHER.test(n)) return { value: 'fi', confidence: 'medium', reason: 'the name has a Finnish school word ("ala-aste", "yläaste", "lyseo", "lukio")' };
  return { value: null, confidence: 'unknown', reason: 'the name says neither "koulu" nor "skola"; set the language' };
}

/** Grades stated by the name: ala-aste/alakoulu/lågstadie → 1-6, yläaste/yläkoulu/högstadie → 7-9; else null. */
export function gradesStatedByName(name: string): GradeRange | null {
  const n = name.toLowerCase();
  if (/ala-?aste|alakoulu|lågstadie|lagstadie/.test(n)) return '1-6';
  if (/ylä-?aste|yla-?aste|yläkoulu|ylakoulu|högstadie|hogstadie/.test(n)) return '7-9';
  return null;
}

/**
 * Grade range from the name first, then the type code: 11 and 19 → 1-9 (medium: a
 * comprehensive school usually teaches all nine grades); 12 (special education) and other codes →
 * unknown (special schools usually have no catchment).
 */
export function inferGrades(name: string, oltyp?: string | number | null): Inferred<GradeRange> {
  const stated = gradesStatedByName(name);
  if (stated) return { value: stated, confidence: 'high', reason: `the name says grades ${stated}` };
  const type = schoolTypeOf(oltyp);
  if (type === 'comprehensive') return { value: '1-9', confidence: 'medium', reason: 'register type 11 (comprehensive school): grades 1–9 unless the name says otherwise' };
  if (type === 'comprehensive-upper-secondary') return { value: '1-9', confidence: 'medium', reason: 'register type 19 (comprehensive + upper secondary): grades 1–9' };
  if (type === 'special') return { value: null, confidence: 'unknown', reason: 'register type 12 (special-education school): set the grades; such schools usually have no catchment' };
  return { value: null, confidence: 'unknown', reason: 'neither the name nor a type code gives the grades; set them' };
}

export interface SchoolInference {
  language: Inferred<Language>;
  grades: Inferred<GradeRange>;
  type: SchoolType | null;
}

/** Language, grades and type of one school from its name and (optional) register type code. */
export function inferSchool(name: string, oltyp?: string | number | null): SchoolInference {
  return { language: inferLanguageFromName(name), grades: inferGrades(name, oltyp), type: schoolTypeOf(oltyp) };
}
