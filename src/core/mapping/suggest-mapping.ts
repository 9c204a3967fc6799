/**
 * A proposed FieldMapping from the source's field names: each canonical field (CANONICAL_FIELDS)
 * is matched case-insensitively to a field of the same name, else to a common Finnish, Swedish
 * or English alias ("asukkaita", "vaesto", "population" → he_vakiy). Names are compared
 * compacted (lower case, å/ä → a, ö → o, no separators), so "Väestö", "VAESTO" and "vaesto" agree.
 */
import type { FieldMapping } from './field-mapping';
import { CANONICAL_FIELDS } from './field-mapping';
import { compactName } from './name-distance';

/** Aliases per canonical field, in order of preference (compared compacted). */
export const FIELD_ALIASES: Readonly<Record<string, readonly string[]>> = {
  he_vakiy: ['asukkaita', 'asukkaat', 'asukasluku', 'vaesto', 'väestö', 'vaesto_yht', 'vakiluku', 'population', 'pop', 'pop_total', 'inhabitants', 'residents', 'invanare', 'invånare', 'befolkning', 'folkmangd'],
  he_7_12: ['ika7_12', 'ika_7_12', 'age7_12', 'age_7_12', 'pop7_12', 'a7_12', 'v7_12', 'alder7_12', 'ålder_7_12', 'alakouluikaiset'],
  he_13_15: ['ika13_15', 'ika_13_15', 'age13_15', 'age_13_15', 'pop13_15', 'a13_15', 'v13_15', 'alder13_15', 'ålder_13_15', 'ylakouluikaiset'],
  vieraskielisia: ['vieraskieliset', 'vieraskielinen', 'muunkieliset', 'foreign_language', 'foreign_lang', 'foreignlanguage', 'frammande_sprak', 'främmande_språk', 'frammandesprakiga'],
  ko_ika18y: ['ika18y', 'aikuiset', 'adults', 'adults_18', 'pop18plus', 'vuxna'],
  ko_perus: ['perusaste', 'perusasteen', 'basic_education', 'basic_only', 'grundniva', 'grundnivå', 'endast_grundniva'],
  ko_yliop: ['ylioppilas', 'ylioppilaat', 'matriculation', 'studentexamen'],
  ko_ammat: ['ammatillinen', 'ammatillisen', 'vocational', 'yrkesinriktad'],
  ko_al_kork: ['alempi_korkeakoulu', 'lower_tertiary', 'bachelor', 'lagre_hogskola'],
  ko_yl_kork: ['ylempi_korkeakoulu', 'higher_tertiary', 'master', 'hogre_hogskola'],
  hr_tuy: ['tulonsaajat', 'income_earners', 'income_base', 'inkomsttagare'],
  hr_pi_tul: ['pienituloiset', 'low_income', 'lowincome', 'laginkomst', 'låginkomsttagare'],
  hr_ke_tul: ['keskituloiset', 'middle_income', 'medelinkomst'],
  hr_hy_tul: ['hyvatuloiset', 'hyvätuloiset', 'high_income', 'hoginkomst'],
  pt_tyoll: ['tyolliset', 'työlliset', 'employed', 'sysselsatta'],
  pt_tyott: ['tyottomat', 'työttömät', 'unemployed', 'arbetslosa', 'arbetslösa'],
  te_taly: ['taloudet', 'kotitaloudet', 'households', 'hushall', 'hushåll'],
  te_omis_as: ['omistusasunnot', 'owner_occupied', 'owned', 'agarbostader', 'ägarbostäder'],
  te_vuok_as: ['vuokra_asunnot', 'vuokra-asunnot', 'vuokralaiset', 'rental', 'rented', 'rent', 'hyresbostader', 'hyresbostäder'],
  te_muu_as: ['muu_hallinta', 'other_tenure', 'annan_upplatelseform'],
  asukkaita: ['asukkaat', 'asukasluku', 'vaesto', 'väestö', 'population', 'inhabitants', 'invanare'],
  ika0_9: ['ika_0_9', 'age0_9', 'age_0_9', 'alder0_9', 'ålder_0_9', 'v0_9'],
  ika10_19: ['ika_10_19', 'age10_19', 'age_10_19', 'alder10_19', 'ålder_10_19', 'v10_19'],
};

/** How a suggested source field was found. */
export type MatchKind = 'exact' | 'alias';

export interface MappingSuggestion {
  /** Canonical field → source field name (as given), for the fields found. */
  mapping: FieldMapping;
  /** One line per canonical field found. */
  matched: { field: string; source: string; how: MatchKind }[];
  /** Canonical fields with no candidate among the source fields. */
  unmatched: string[];
}

/**
 * Proposes a mapping for the given source field names (any case). A source field is used for
 * at most one canonical field through an alias; exact names win over aliases, earlier aliases over
 * later ones. Canonical fields already present under their own name map to themselves ("exact"),
 * and such a field may still be another field's alias (HSY's "asukkaita" is also he_vakiy).
 */
export function suggestMapping(fieldNames: readonly string[]): MappingSuggestion {
  const byCompact = new Map<string, string>();
  for (const f of fieldNames) if (!byCompact.has(compactName(f))) byCompact.set(compactName(f), f);
  const used = new Set<string>();
  const mapping: FieldMapping = {};
  const matched: MappingSuggestion['matched'] = [];
  const unmatched: string[] = [];
  // Exact names first, so that an exact field is never taken as another field's alias.
  for (const c of CANONICAL_FIELDS) {
    const source = fieldNames.find((f) => f.toLowerCase() === c.name);
    if (source) {
      mapping[c.name] = source;
      matched.push({ field: c.name, source, how: 'exact' });
    }
  }
  for (const c of CANONICAL_FIELDS) {
    if (mapping[c.name] !== undefined) continue;
    const source = (FIELD_ALIASES[c.name] ?? []).map((a) => byCompact.get(compactName(a))).find((f) => f !== undefined && !used.has(f));
    if (source === undefined) {
      unmatched.push(c.name);
      continue;
    }
    mapping[c.name] = source;
    matched.push({ field: c.name, source, how: 'alias' });
    used.add(source);
  }
  return { mapping, matched, unmatched };
}
