/**
 * A working scenario for Espoo on the real files in ../shared/data/real/ (skipped when absent):
 * the 2022 school register (kunta 049, active), language and grades inferred, catchments
 * generated as Voronoi cells clipped to Espoo's outline (union of the Paavo 2018 postal areas
 * with kuntano 049), and the HSY 2015 grid as polygon units. Expected figures are computed here
 * from the raw GeoJSON properties, not taken from the engine.
 */
import { existsSync, readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { multiPolygonArea } from '../../../src/core/geometry/area';
import { unionAll } from '../../../src/core/geometry/boolean-ops';
import { pointInMultiPolygon } from '../../../src/core/geometry/point-in-polygon';
import { presets } from '../../../src/core/config/presets';
import { buildSchools } from '../../../src/core/load/build-schools';
import { buildUnits } from '../../../src/core/load/build-units';
import { textValue, type FeatureTable } from '../../../src/core/load/feature-table';
import { readFeatures } from '../../../src/core/load/read-features';
import { inferSchool } from '../../../src/core/mapping/school-inference';
import { matchSchoolsToCatchments, type CatchmentRecord } from '../../../src/core/mapping/school-matching';
import { colocatedSchools, generateCatchments } from '../../../src/core/mapping/voronoi-catchments';
import type { Dataset } from '../../../src/core/model/dataset';
import type { MultiPolygon } from '../../../src/core/model/geometry-types';
import type { Network, Partition, School } from '../../../src/core/model/school';
import type { PolygonUnits } from '../../../src/core/model/units';
import { ScenarioEngine } from '../../../src/core/scenario/scenario-engine';
import { polygonCentroid } from '../../../src/core/validate/geometry-problem';
import { validatePartition } from '../../../src/core/validate/validate-partition';

const REAL = new URL('../../../../shared/data/real/', import.meta.url);
const present = existsSync(REAL);
if (!present) console.warn(`Skipping the Espoo real-data scenario: ${REAL.pathname} is absent.`);

async function load(path: string): Promise<FeatureTable> {
  const r = await readFeatures({ name: path, bytes: new Uint8Array(readFileSync(new URL(path, REAL))) });
  if (!r.ok) throw new Error(JSON.stringify(r.problems));
  return r.value;
}

interface RawCell {
  INDEX: number;
  ASUKKAITA: number;
  [age: string]: number;
}

interface Scenario {
  schools: School[];
  outline: MultiPolygon;
  networks: Network[];
  partitions: Record<string, Partition>;
  units: PolygonUnits;
  /** Raw properties of each selected cell, by unit index. */
  raw: RawCell[];
  /** Selected cells not wholly inside the outline. */
  straddling: boolean[];
  engine: ScenarioEngine;
}

/** Espoo schools of the register, with language and grades inferred; special schools and unknown languages left out. */
function espooSchools(t: FeatureTable): School[] {
  const built = buildSchools(t);
  if (!built.ok) throw new Error(JSON.stringify(built.problems));
  const out: School[] = [];
  built.value.forEach((s, i) => {
    if (textValue(t, 'kunta', i) !== '049' || textValue(t, 'olo', i) !== '0') return;
    const inf = inferSchool(s.name, textValue(t, 'oltyp', i));
    if (inf.type === 'special' || inf.language.value === null || inf.grades.value === null) return;
    out.push({ ...s, language: inf.language.value, grades: inf.grades.value });
  });
  return out;
}

/** Networks by language and level; a school sharing an earlier school's point is left out (one Voronoi cell per point). */
function networksOf(schools: School[]): Network[] {
  const skip = colocatedSchools(schools);
  const net = (id: string, language: 'fi' | 'sv', level: 'lower' | 'upper'): Network => ({
    id,
    label: id,
    language,
    level,
    schoolIds: schools.filter((s) => !skip.has(s.id) && s.language === language && (s.grades === '1-9' || s.grades === (level === 'lower' ? '1-6' : '7-9'))).map((s) => s.id),
  });
  return [net('fi-lower', 'fi', 'lower'), net('fi-upper', 'fi', 'upper'), net('sv-lower', 'sv', 'lower'), net('sv-upper', 'sv', 'upper')];
}

/** Cells whose centroid lies in the outline, with their raw properties. */
function espooCells(all: PolygonUnits, outline: MultiPolygon): { units: PolygonUnits; raw: RawCell[]; straddling: boolean[] } {
  const rawFile = JSON.parse(readFileSync(new URL('hsy-pop-grid-2015/hsy_pop_grid_2015_4326.geojson', REAL), 'utf8')) as { features: { properties: RawCell }[] };
  const byIndex = new Map(rawFile.features.map((f) => [String(f.properties.INDEX), f.properties]));
  const keep: number[] = [];
  for (let u = 0; u < all.count; u++) if (pointInMultiPolygon(polygonCentroid(all.geometries[u][0]), outline)) keep.push(u);
  const outlineVertices = outline.flat(2);
  const straddling = keep.map((u) => {
    const ring = all.geometries[u][0][0];
    const [x0, y0, x1, y1] = all.bboxes[u];
    // Wholly inside ⇔ every corner inside and no outline vertex within the cell (a straight
    // outline edge cannot cross a square without cutting off a corner).
    return ring.some((p) => !pointInMultiPolygon(p, outline)) || outlineVertices.some((p) => p[0] > x0 && p[0] < x1 && p[1] > y0 && p[1] < y1);
  });
  const pick = <T,>(a: ArrayLike<T>): T[] => keep.map((u) => a[u]);
  const columns = Object.fromEntries(all.attributes.names.map((n) => [n, Float64Array.from(pick(all.attributes.columns[n]))]));
  const units: PolygonUnits = {
    kind: 'polygons',
    count: keep.length,
    ids: pick(all.ids),
    attributes: { names: all.attributes.names, columns },
    geometries: pick(all.geometries),
    bboxes: pick(all.bboxes),
    areas: Float64Array.from(pick(all.areas)),
  };
  return { units, raw: units.ids.map((id) => byIndex.get(id)!), straddling };
}

const AGES = ['IKA0_9', 'IKA10_19', 'IKA20_29', 'IKA30_39', 'IKA40_49', 'IKA50_59', 'IKA60_69', 'IKA70_79', 'IKA_YLI80'];
/** HSY blanks whole rows: a cell is suppressed when every age field holds 99 (SOURCE.md). */
const suppressed = (c: RawCell): boolean => AGES.every((a) => c[a] === 99);

describe.skipIf(!present)('Espoo scenario on real data', () => {
  let s: Scenario;

  beforeAll(async () => {
    const schools = espooSchools(await load('statfi-schools-2022/schools_capital_region_2022_4326.geojson'));
    const paavo = await load('paavo-2018/paavo_2018_capital_region_4326.geojson');
    const parts = paavo.geometries.flatMap((g, i) => (textValue(paavo, 'kuntano', i) === '049' && g?.kind === 'polygons' ? [g.polygons] : []));
    const outline = unionAll(...parts);
    const networks = networksOf(schools);
    const byId = new Map(schools.map((x) => [x.id, x]));
    const partitions = Object.fromEntries(networks.map((n) => [n.id, (generateCatchments(n.schoolIds.map((id) => byId.get(id)!), outline, n.id) as { ok: true; value: Partition }).value]));
    const hsy = buildUnits(await load('hsy-pop-grid-2015/hsy_pop_grid_2015_4326.geojson'));
    if (!hsy.ok || hsy.value.units.kind !== 'polygons') throw new Error('HSY grid did not load as polygons');
    const { units, raw, straddling } = espooCells(hsy.value.units, outline);
    const dataset: Dataset = { name: 'Espoo (real data)', source: 'Tilastokeskus; HSY', units, schools, networks, partitions, boundary: outline };
    const engine = ScenarioEngine.create(dataset, presets.hsy);
    if (!engine.ok) throw new Error(JSON.stringify(engine.problems));
    s = { schools, outline, networks, partitions, units, raw, straddling, engine: engine.value };
  }, 180_000);

  it('infers languages and grades: 10 Swedish-language and 71 Finnish-language schools, all grades 1–9', () => {
    // Register, kunta 049 and olo 0: 85 schools; 3 special (oltyp 12) and "Espoo International School" (no language word) are out.
    expect(s.schools).toHaveLength(81);
    const sv = s.schools.filter((x) => x.language === 'sv').map((x) => x.name).sort();
    expect(s.schools.every((x) => x.grades === '1-9')).toBe(true);
    expect(sv).toEqual(['Alberga skola', 'Finno skola', 'Karamalmens skola', 'Kungsgårdsskolan', 'Lagstads skola', 'Mattlidens skola', 'Rödskogs skola', 'Smedsby skola', 'Storängens skola', 'Vindängens skola']);
    // Saunalahden koulu has exactly Mainingin koulu's point in the register: one Voronoi cell, so it is left out.
    expect([...colocatedSchools(s.schools)].map((id) => s.schools.find((x) => x.id === id)!.name)).toEqual(['Saunalahden koulu']);
    expect(s.networks.map((n) => n.schoolIds.length)).toEqual([70, 70, 10, 10]);
  });

  it('the generated catchments partition Espoo: no gap, overlap or self-intersection, areas add up to the outline', () => {
    for (const n of s.networks) {
      const p = s.partitions[n.id];
      const report = validatePartition(p, n.schoolIds, { outline: s.outline });
      expect(report.counts).toMatchObject({ gap: 0, overlap: 0, 'self-intersection': 0, 'outside-outline': 0 });
      const total = p.catchments.reduce((a, c) => a + multiPolygonArea(c), 0);
      expect(Math.abs(total - multiPolygonArea(s.outline)) / total).toBeLessThan(1e-9);
    }
  });

  it('children of the network = Σ of the apportioned band over Espoo cells, within the cells straddling the border', () => {
    for (const n of s.networks) {
      const ind = s.engine.indicators(n.id);
      expect(ind.estimated).toBe(true);
      // Lower: 0.3·IKA0_9 + 0.3·IKA10_19; upper: 0.3·IKA10_19 (presets.hsy, stated in its docs).
      const band = (c: RawCell) => (n.level === 'lower' ? 0.3 * c.IKA0_9 + 0.3 * c.IKA10_19 : 0.3 * c.IKA10_19);
      let expected = 0;
      let straddle = 0;
      s.raw.forEach((c, u) => {
        if (suppressed(c)) return;
        expected += band(c);
        if (s.straddling[u]) straddle += band(c);
      });
      // Known (not imputed) children inside the catchments; the rest of the known cells' children
      // lie in the part of straddling cells outside Espoo, which the engine counts as gap children.
      const known = ind.totals.children - ind.totals.childrenImputed;
      const outside = expected - known;
      expect(outside).toBeGreaterThanOrEqual(-1e-6);
      expect(outside).toBeLessThanOrEqual(straddle + 1e-6);
      expect(outside).toBeLessThanOrEqual(ind.totals.gapChildren + 1e-6);
      expect(straddle / expected).toBeLessThan(0.1);
      expect(ind.totals.overlapChildren).toBeLessThan(1e-6);
    }
  });

  it('every school has children', () => {
    for (const n of s.networks) for (const f of s.engine.indicators(n.id).schools) expect(f.children, `${n.id} ${f.name}`).toBeGreaterThan(0);
  });

  it('the suppression report counts the 99-suppressed Espoo cells', () => {
    const expected = s.raw.filter(suppressed).length;
    expect(expected).toBeGreaterThan(0);
    const ika0 = s.engine.suppression.fields.find((f) => f.field === 'ika0_9')!;
    expect(ika0.suppressed).toBe(expected);
    expect(s.engine.suppression.unitCount).toBe(s.units.count);
  });

  it('a composition share gives a dissimilarity index D in (0, 1)', () => {
    // presets.hsy has no composition shares (the grid has none), so D needs one: the share of
    // residents aged 20–29 (an illustrative proxy for student and rental housing).
    const config = {
      ...presets.hsy,
      shares: [{ id: 'age_20_29', label: { fi: '20–29-vuotiaat', sv: '20–29 år', en: 'Aged 20–29' }, numerator: 'ika20_29', denominator: 'asukkaita' }],
      composite: { weights: { age_20_29: 1 } },
    };
    const n = s.networks[0];
    const dataset: Dataset = { name: 'Espoo', source: '', units: s.units, schools: s.schools, networks: [n], partitions: { [n.id]: s.partitions[n.id] } };
    const engine = ScenarioEngine.create(dataset, config);
    expect(engine.ok).toBe(true);
    if (!engine.ok) return;
    const D = engine.value.indicators(n.id).indices.age_20_29.D;
    expect(D).toBeGreaterThan(0);
    expect(D).toBeLessThan(1);
  });
});

describe.skipIf(!present)('real Espoo catchment samples', () => {
  it('match Espoo schools by name: "Tapiolan oppilasalue" ↔ "Tapiolan koulu", Swedish ones by their school names', async () => {
    const schools = espooSchools(await load('statfi-schools-2022/schools_capital_region_2022_4326.geojson'));
    const records: CatchmentRecord[] = [];
    // The GML originals when the GML reader reads them, else the normalised GeoJSON copy.
    for (const file of ['Oppilaaksiottoalueet_suomenkielinen.gml', 'Oppilaaksiottoalueet_ruotsinkielinen_ala_aste.gml']) {
      const r = await readFeatures({ name: file, bytes: new Uint8Array(readFileSync(new URL(`catchment-samples-smbackend/original/${file}`, REAL))) });
      if (!r.ok) break;
      r.value.geometries.forEach((g, i) => g?.kind === 'polygons' && records.push({ name: textValue(r.value, 'nimi', i) ?? textValue(r.value, 'name', i), geometry: g.polygons }));
    }
    if (records.length !== 4) {
      records.length = 0;
      const t = await load('catchment-samples-smbackend/catchment_samples_4326.geojson');
      t.geometries.forEach((g, i) => {
        if (textValue(t, 'kunta', i) === '049' && g?.kind === 'polygons') records.push({ name: textValue(t, 'name', i), geometry: g.polygons });
      });
    }
    expect(records.map((r) => r.name)).toEqual(['Tapiolan oppilasalue', 'Itäisen Leppävaaran oppilasalue', 'Lagstads skola', 'Rödskogs skola']);
    const fi = matchSchoolsToCatchments(schools.filter((x) => x.language === 'fi'), records.slice(0, 2));
    const tapiola = schools.find((x) => x.name === 'Tapiolan koulu')!;
    expect(fi.matches[0]).toEqual({ catchment: 0, schoolId: tapiola.id, method: 'name' });
    expect(tapiola.id).toBe('03167');
    const sv = matchSchoolsToCatchments(schools.filter((x) => x.language === 'sv'), records.slice(2));
    expect(sv.matches.map((m) => [m.schoolId, m.method])).toEqual([['03151', 'name'], ['03154', 'name']]);
    // Each sample contains its own school's point (a check of the CRS handling of both files).
    for (const m of [...fi.matches.filter((x) => x.method === 'name'), ...sv.matches]) {
      const school = schools.find((x) => x.id === m.schoolId)!;
      const rec = m.catchment < 2 && fi.matches.includes(m) ? records[m.catchment] : records[m.catchment + 2];
      expect(pointInMultiPolygon(school.location, rec.geometry), school.name).toBe(true);
    }
  });
});
