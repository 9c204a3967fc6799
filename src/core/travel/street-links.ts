/**
 * A street line layer (FeatureTable of LineStrings/MultiLineStrings, EPSG:3067) → the walkable
 * links, by the documented rule (docs/travel.md): OSM `highway` values or Digiroad link types.
 */
import type { FeatureTable } from '../load/feature-table';
import { textValue } from '../load/feature-table';
import { fail, ok, type Problem, type Result } from '../model/result';
import type { ResolvedTravelSettings, WalkableRuleName } from '../config/travel-settings';

/** Walkable links as polylines: link i has vertices linkStart[i] … linkStart[i+1]−1 of `xy` (interleaved x, y). */
export interface StreetLinks {
  count: number;
  linkStart: Int32Array;
  xy: Float64Array;
  /** Source feature of each link. */
  feature: Int32Array;
  /** Road class of each link for the driving speeds (OSM `highway`, Digiroad functional class; lower-case, '' when unknown); absent: no classes. */
  linkClass?: string[];
}

/** The Digiroad field of the functional class (TOIMINNALLINEN_LUOKKA, shortened by Shapefile). */
const DIGIROAD_CLASS_FIELDS = ['toiminnall', 'toiminnallinen_luokka'];

export interface StreetLinksReport {
  file: string;
  /** The rule applied (after 'auto' was resolved). */
  rule: Exclude<WalkableRuleName, 'auto'>;
  features: number;
  /** Walkable links kept (a MultiLineString gives one link per part). */
  links: number;
  /** Features left out as not walkable. */
  excluded: number;
  /** Features without line geometry (points, polygons, empty), skipped. */
  notLines: number;
}

/** Decides the rule: OSM when a `highway` field exists, Digiroad when `linkkityyp` does, else all links. */
export function resolveRule(table: FeatureTable, rule: WalkableRuleName): Exclude<WalkableRuleName, 'auto'> {
  if (rule !== 'auto') return rule;
  if (table.columns.highway) return 'osm';
  if (table.columns.linkkityyp) return 'digiroad';
  return 'all';
}

/** Walkable test for feature i under the rule. */
function walkableTest(table: FeatureTable, rule: Exclude<WalkableRuleName, 'auto'>, s: ResolvedTravelSettings): (i: number) => boolean {
  if (rule === 'osm') {
    const excluded = new Set(s.osmExcludedHighways.map((h) => h.toLowerCase()));
    return (i) => {
      const h = textValue(table, 'highway', i)?.trim().toLowerCase();
      if (!h || excluded.has(h)) return false;
      return textValue(table, 'foot', i)?.trim().toLowerCase() !== 'no';
    };
  }
  if (rule === 'digiroad') {
    const excluded = new Set(s.digiroadExcludedLinkTypes);
    const col = table.columns.linkkityyp;
    return (i) => !excluded.has(col.numbers[i]);
  }
  return () => true;
}

/** The walkable links of a street layer; fails when the layer has no walkable lines or the rule's field is missing. */
export function streetLinksFromTable(table: FeatureTable, settings: ResolvedTravelSettings): Result<{ links: StreetLinks; report: StreetLinksReport }> {
  const file = table.file;
  const rule = resolveRule(table, settings.rule);
  if (rule === 'osm' && !table.columns.highway)
    return fail({ code: 'street-field-missing', message: 'The travel rule is "osm" but the street layer has no field "highway".', fix: 'Export the OSM ways with their highway tag (ogr2ogr keeps it by default), or set "travel": { "rule": "all" }.', file, field: 'highway' });
  if (rule === 'digiroad' && !table.columns.linkkityyp)
    return fail({ code: 'street-field-missing', message: 'The travel rule is "digiroad" but the street layer has no field "LINKKITYYP".', fix: 'Load Digiroad\'s DR_LINKKI layer with its fields, or set "travel": { "rule": "all" }.', file, field: 'linkkityyp' });
  const walkable = walkableTest(table, rule, settings);
  const classOf = linkClassOf(table, rule);
  const linkClass: string[] = [];
  const starts: number[] = [0];
  const xy: number[] = [];
  const feature: number[] = [];
  let excluded = 0;
  let notLines = 0;
  table.geometries.forEach((g, i) => {
    if (!g || g.kind !== 'lines' || g.lines.length === 0) return void notLines++;
    if (!walkable(i)) return void excluded++;
    for (const line of g.lines) {
      for (const [x, y] of line) xy.push(x, y);
      starts.push(xy.length / 2);
      feature.push(i);
      linkClass.push(classOf(i));
    }
  });
  const report: StreetLinksReport = { file, rule, features: table.count, links: feature.length, excluded, notLines };
  if (feature.length === 0)
    return fail({
      code: 'no-walkable-streets',
      message: `The street layer has no walkable lines (${table.count} features: ${notLines} without line geometry, ${excluded} not walkable by the "${rule}" rule).`,
      fix: 'Give a line layer of streets and paths (Digiroad DR_LINKKI or OSM ways as LineStrings), or change the travel rule in the indicator configuration.',
      file,
    });
  const warnings: Problem[] = [];
  if (notLines > 0) warnings.push({ code: 'street-not-lines', message: `${notLines} feature(s) of the street layer have no line geometry and were skipped.`, fix: 'None needed if they are not streets; otherwise export them as LineStrings.', file });
  if (rule === 'all') warnings.push({ code: 'street-rule-all', message: 'The street layer has neither an OSM "highway" field nor a Digiroad "LINKKITYYP" field: every link counts as walkable.', fix: 'Remove motorways from the layer, or give a layer with one of those fields.', file });
  const unknownClasses = settings.driveKmhByClass ? [...new Set(linkClass)].filter((c) => c && !(c in (settings.driveKmhByClass as Record<string, number>))) : [];
  if (unknownClasses.length)
    warnings.push({
      code: 'street-class-without-speed',
      message: `Road class(es) ${unknownClasses.slice(0, 8).map((c) => `"${c}"`).join(', ')}${unknownClasses.length > 8 ? ` and ${unknownClasses.length - 8} more` : ''} have no driving speed in travel.driveKmhByClass; their links count at driveKmh (${settings.driveKmh} km/h).`,
      fix: 'Add the classes to "travel": { "driveKmhByClass": { … } } if school transport should drive them at another speed.',
      file,
    });
  return ok({ links: { count: feature.length, linkStart: Int32Array.from(starts), xy: Float64Array.from(xy), feature: Int32Array.from(feature), linkClass }, report }, warnings);
}

/** The road class of feature i: OSM `highway`, Digiroad functional class; '' when the layer has none. */
function linkClassOf(table: FeatureTable, rule: Exclude<WalkableRuleName, 'auto'>): (i: number) => string {
  if (rule === 'osm') return (i) => textValue(table, 'highway', i)?.trim().toLowerCase() ?? '';
  if (rule === 'digiroad') {
    const field = DIGIROAD_CLASS_FIELDS.find((f) => table.columns[f]);
    if (field) return (i) => textValue(table, field, i)?.trim().toLowerCase() ?? '';
  }
  return () => '';
}
