/** Catchment features (network, school_id) → Network[] and a baseline Partition per network. */
import type { LocalisedLabel } from '../config/indicator-config';
import type { MultiPolygon } from '../model/geometry-types';
import { fail, ok, type Problem, type Result } from '../model/result';
import { schoolServesLevel, type Language, type Network, type Partition, type School, type SchoolLevel } from '../model/school';
import { featureLabel, findField, textValue, type FeatureTable } from './feature-table';
import { normaliseMultiPolygon } from './polygon-utils';

export const CATCHMENT_FIELDS = {
  network: ['network', 'network_id', 'verkko', 'verkosto'],
  school: ['school_id', 'koulu_id', 'school', 'tunn', 'toimipiste_id'],
} as const;

/** A network as declared in a bundle manifest. */
export interface NetworkDeclaration {
  id: string;
  label: string | LocalisedLabel;
  language: Language;
  level: SchoolLevel;
}

export interface CatchmentsResult {
  networks: Network[];
  partitions: Record<string, Partition>;
}

export interface BuildCatchmentsOptions {
  /** Networks from the manifest; catchments naming another network are errors. */
  networks?: NetworkDeclaration[];
  /** Which language of a localised label becomes Network.label. Default "en". */
  labelLanguage?: keyof LocalisedLabel;
}

/**
 * Group catchment polygons by network and school. Several features for the same school and
 * network are merged into one MultiPolygon. Without declared networks, a network's language is
 * the majority language of its schools and its level is "upper" when the id says so
 * (upper, ylä, 7-9), else "lower". A catchment of a school not in the schools file is an error;
 * schools of a declared network's language and level without a catchment are reported.
 */
export function buildCatchments(table: FeatureTable, schools: School[], options: BuildCatchmentsOptions = {}): Result<CatchmentsResult> {
  const file = table.file;
  // An empty layer has no fields either: say that it is empty, not that a field is missing.
  if (table.count === 0) return fail({ code: 'no-features', message: 'The catchments file has no features.', fix: 'Export the layer again with its features (check that no filter left it empty), or generate them from the schools inside the planning area (CLI: --catchments voronoi --area FILE).', file });
  const declared = options.networks;
  const schoolField = findField(table, CATCHMENT_FIELDS.school);
  const networkField = findField(table, CATCHMENT_FIELDS.network);
  if (!schoolField)
    return fail({ code: 'missing-field', message: `The catchments have no school field (looked for ${CATCHMENT_FIELDS.school.join(', ')}).`, fix: 'Add a field "school_id" holding the id of the school each catchment belongs to.', file, field: 'school_id' });
  const warnings: Problem[] = [];
  let defaultNetwork: string | null = null;
  if (!networkField) {
    if (declared && declared.length !== 1)
      return fail({ code: 'missing-field', message: 'The catchments have no "network" field, and the manifest declares several networks.', fix: 'Add a field "network" with a network id from the manifest to every catchment.', file, field: 'network' });
    defaultNetwork = declared?.[0].id ?? 'default';
    warnings.push({ code: 'network-defaulted', message: `The catchments have no "network" field; all belong to network "${defaultNetwork}".`, fix: 'Add a field "network" to be explicit.', file, field: 'network' });
  }
  const byId = new Map(schools.map((s) => [s.id, s]));
  const groups = new Map<string, Map<string, MultiPolygon>>();
  for (const d of declared ?? []) groups.set(d.id, new Map());
  const errors: Problem[] = [];
  const unknownSchools: string[] = [];
  const unknownNetworks = new Map<string, number>();
  for (let i = 0; i < table.count; i++) {
    const label = featureLabel(table, i, schoolField);
    const g = table.geometries[i];
    const schoolId = textValue(table, schoolField, i);
    const networkId = defaultNetwork ?? textValue(table, networkField!, i);
    if (!g || g.kind !== 'polygons') {
      errors.push({ code: 'wrong-geometry-type', message: `Catchment ${label} has ${g ? (g.kind === 'point' ? 'a Point' : `a ${g.type}`) : 'no'} geometry; catchments must be Polygons or MultiPolygons.`, fix: 'Keep only the catchment polygons in this file.', file, feature: label });
      continue;
    }
    const structured = [schoolId, networkId].find((v) => v && /^[[{]/.test(v) && isJsonStructure(v));
    if (structured) {
      const field = structured === schoolId ? schoolField : networkField!;
      errors.push({ code: 'invalid-value', message: `Catchment ${label} has ${structured.slice(0, 60)} in "${field}", a list or object rather than one id.`, fix: `Write one id as text in "${field}" for every catchment.`, file, feature: label, field });
      continue;
    }
    if (!schoolId || !networkId) {
      const field = !schoolId ? schoolField : networkField!;
      errors.push({ code: 'missing-value', message: `Catchment ${label} has no value in "${field}".`, fix: `Fill in "${field}" for every catchment.`, file, feature: label, field });
      continue;
    }
    if (declared && !groups.has(networkId)) {
      if (!unknownNetworks.has(networkId)) unknownNetworks.set(networkId, i);
      continue;
    }
    if (!byId.has(schoolId)) {
      unknownSchools.push(schoolId);
      continue;
    }
    let group = groups.get(networkId);
    if (!group) groups.set(networkId, (group = new Map()));
    const mp = group.get(schoolId) ?? [];
    mp.push(...normaliseMultiPolygon(g.polygons));
    group.set(schoolId, mp);
  }
  for (const [id, i] of unknownNetworks)
    errors.push({
      code: 'unknown-network',
      message: `Catchment ${featureLabel(table, i, schoolField)} belongs to network "${id}", which the manifest does not declare (declared: ${declared!.map((d) => d.id).join(', ')}).`,
      fix: 'Correct the "network" value, or add the network to the manifest "networks".',
      file,
      feature: featureLabel(table, i, schoolField),
      field: networkField ?? 'network',
    });
  if (unknownSchools.length)
    errors.push({ code: 'unknown-school', message: `${unknownSchools.length} catchment(s) refer to a school id not in the schools file; the indicators would leave their children out.`, fix: `Correct "${schoolField}" in the catchments, or add the schools to the schools file (ids are matched exactly, case included).`, file, field: schoolField, ids: [...new Set(unknownSchools)] });
  if (errors.length) return fail(...errors);
  return ok(assemble(groups, byId, options, file, warnings), warnings);
}

function assemble(groups: Map<string, Map<string, MultiPolygon>>, byId: Map<string, School>, options: BuildCatchmentsOptions, file: string, warnings: Problem[]): CatchmentsResult {
  const networks: Network[] = [];
  const partitions: Record<string, Partition> = {};
  for (const [id, group] of groups) {
    const decl = options.networks?.find((d) => d.id === id);
    if (group.size === 0) {
      warnings.push({ code: 'network-without-catchments', message: `Network "${id}" is declared but has no catchments; it was left out.`, fix: 'Add its catchments, or remove it from the manifest.', file });
      continue;
    }
    const schoolIds = [...group.keys()];
    const language = decl?.language ?? majorityLanguage(schoolIds.map((s) => byId.get(s)!.language));
    const level = decl?.level ?? (/upper|yl[aä]|7-9/i.test(id) ? 'upper' : 'lower');
    const label = decl ? (typeof decl.label === 'string' ? decl.label : decl.label[options.labelLanguage ?? 'en']) : id;
    const labels = decl && typeof decl.label !== 'string' ? { ...decl.label } : undefined;
    networks.push({ id, label, language, level, schoolIds, ...(labels ? { labels } : {}) });
    partitions[id] = { networkId: id, catchments: schoolIds.map((s) => group.get(s)!) };
    if (decl) {
      const missing = [...byId.values()].filter((s) => s.language === language && schoolServesLevel(s, level) && !group.has(s.id)).map((s) => s.id);
      if (missing.length)
        warnings.push({ code: 'school-without-catchment', message: `${missing.length} ${language} school(s) teaching ${level === 'lower' ? 'grades 1–6' : 'grades 7–9'} have no catchment in network "${id}"; they are not part of it.`, fix: 'Add their catchments, or correct their language/grades.', file, ids: missing });
    }
  }
  return { networks, partitions };
}

function isJsonStructure(text: string): boolean {
  try {
    const v: unknown = JSON.parse(text);
    return typeof v === 'object' && v !== null;
  } catch {
    return text === '[nested value]';
  }
}

function majorityLanguage(langs: Language[]): Language {
  const sv = langs.filter((l) => l === 'sv').length;
  return sv * 2 > langs.length ? 'sv' : 'fi';
}
