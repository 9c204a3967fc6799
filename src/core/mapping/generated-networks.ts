/**
 * Networks fi/sv × lower/upper generated from school points (the wizard's "Generate catchments"
 * and the CLI's --catchments voronoi): one network per language and level the schools serve,
 * each school's catchment its Voronoi cell clipped to the outline. Geometry in EPSG:3067 metres.
 */
import { colocatedSchools, generateCatchments } from './voronoi-catchments';
import type { MultiPolygon } from '../model/geometry-types';
import { ok, type Problem, type Result } from '../model/result';
import { schoolServesLevel, type Language, type Network, type Partition, type School, type SchoolLevel } from '../model/school';

/** Network labels in the three UI languages, by language and level. */
export function networkLabel(language: Language, level: SchoolLevel): { fi: string; sv: string; en: string } {
  const grades = level === 'lower' ? '1–6' : '7–9';
  return language === 'fi'
    ? { fi: `Suomenkieliset, vuosiluokat ${grades}`, sv: `Finskspråkiga, årskurs ${grades}`, en: `Finnish-language, grades ${grades}` }
    : { fi: `Ruotsinkieliset, vuosiluokat ${grades}`, sv: `Svenskspråkiga, årskurs ${grades}`, en: `Swedish-language, grades ${grades}` };
}

export interface NetworkBuild {
  networks: Network[];
  partitions: Record<string, Partition>;
  labels: Record<string, { fi: string; sv: string; en: string }>;
  warnings: Problem[];
}

export const LEVELS: SchoolLevel[] = ['lower', 'upper'];
const LANGUAGES: Language[] = ['fi', 'sv'];

/**
 * Networks fi/sv × lower/upper of the schools that serve them, with Voronoi catchments clipped to
 * `outline`; a problem (e.g. an outline too large for the clipper) when one cannot be generated.
 * `onNetwork` is told before each network is generated (for progress).
 */
export function generatedNetworks(schools: readonly School[], outline: MultiPolygon, onNetwork?: (id: string, index: number, total: number) => void): Result<NetworkBuild> {
  const skip = colocatedSchools(schools);
  const out: NetworkBuild = { networks: [], partitions: {}, labels: {}, warnings: [] };
  if (skip.size)
    out.warnings.push({ code: 'colocated-schools', message: `${skip.size} school(s) have exactly the point of another school and get no generated catchment.`, fix: 'Correct their coordinates in the schools file, or leave them out.', ids: [...skip] });
  const groups = LANGUAGES.flatMap((language) =>
    LEVELS.map((level) => ({ language, level, members: schools.filter((s) => !skip.has(s.id) && s.language === language && schoolServesLevel(s, level)) })),
  ).filter((g) => g.members.length > 0);
  for (const [k, { language, level, members }] of groups.entries()) {
    const id = `${language}-${level}`;
    onNetwork?.(id, k, groups.length);
    const partition = generateCatchments(members, outline, id);
    if (!partition.ok) return partition;
    out.networks.push({ id, label: networkLabel(language, level).en, labels: networkLabel(language, level), language, level, schoolIds: members.map((s) => s.id) });
    out.partitions[id] = partition.value;
    out.labels[id] = networkLabel(language, level);
  }
  return ok(out);
}

