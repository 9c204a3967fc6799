import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { IndicatorConfig } from '../../../src/core/config/indicator-config';
import { hsyPreset } from '../../../src/core/config/presets/hsy';
import { paavoPreset } from '../../../src/core/config/presets/paavo';
import type { AttributeTable } from '../../../src/core/model/units';
import { markSuppressed } from '../../../src/core/pupil-base/suppression';

function table(rows: Record<string, number[]>): AttributeTable {
  const names = Object.keys(rows);
  return { names, columns: Object.fromEntries(names.map((n) => [n, Float64Array.from(rows[n])])) };
}

function sumKnown(col: Float64Array): number {
  let s = 0;
  for (const v of col) if (!Number.isNaN(v)) s += v;
  return s;
}

describe('markSuppressed on an HSY-like table (sentinel 99 on ika*)', () => {
  // Bands ika0_9 + ika10_19 + ika20_plus partition asukkaita.
  //   u0: 250 people, bands 99 + 51 + 100 = 250 → the 99 adds up: a real count, kept
  //   u1:   8 people, every band 99          → HSY blanks the whole row: suppressed
  //   u2: 300 people, bands 99 + 60 + 100 = 259 ≠ 300 → the 99 is not a count: suppressed
  //   u3:  50 people, ika0_9 missing, ika10_19 = −3 → missing and negative
  //   u4: 120 people, bands 20 + 30 + 70 = 120 → clean (it shows the bands are a partition)
  const hsy = table({
    asukkaita: [250, 8, 300, 50, 120],
    ika0_9: [99, 99, 99, NaN, 20],
    ika10_19: [51, 99, 60, -3, 30],
    ika20_plus: [100, 99, 100, 40, 70],
  });

  it('suppresses implausible 99s only and reports each field', () => {
    const { table: out, report } = markSuppressed(hsy, hsyPreset);
    expect(Array.from(out.columns.ika0_9)).toEqual([99, NaN, NaN, NaN, 20]);
    expect(Array.from(out.columns.ika10_19)).toEqual([51, NaN, 60, NaN, 30]);
    expect(Array.from(out.columns.ika20_plus)).toEqual([100, NaN, 100, 40, 70]);
    const f = Object.fromEntries(report.fields.map((x) => [x.field, x]));
    // ika0_9: u1, u2 suppressed; u0 kept; u3 missing → affected u1, u2, u3 = 8 + 300 + 50 = 358 people
    expect(f.ika0_9).toEqual({ field: 'ika0_9', suppressed: 2, sentinelKept: 1, missing: 1, negative: 0, unitsAffected: 3, populationAffected: 358 });
    // ika10_19: u1 suppressed, u3 negative → 8 + 50 = 58 people
    expect(f.ika10_19).toEqual({ field: 'ika10_19', suppressed: 1, sentinelKept: 0, missing: 0, negative: 1, unitsAffected: 2, populationAffected: 58 });
    expect(f.asukkaita.unitsAffected).toBe(0);
    // used fields first (in table order), then ika20_plus: not used, but it matched ika*
    expect(report.fields.map((x) => x.field)).toEqual(['asukkaita', 'ika0_9', 'ika10_19', 'ika20_plus']);
    expect(f.ika20_plus.suppressed).toBe(1);
    expect(report).toMatchObject({ unitCount: 5, population: 'asukkaita', unitsAffected: 3, populationAffected: 358, populationUnknown: 0 });
  });

  it('leaves the input untouched and shares unchanged columns', () => {
    const { table: out } = markSuppressed(hsy, hsyPreset);
    expect(hsy.columns.ika0_9[1]).toBe(99);
    expect(out.columns.asukkaita).toBe(hsy.columns.asukkaita);
    expect(out.names).toEqual(hsy.names);
  });

  it('suppresses every sentinel with sentinelRule "always"', () => {
    const { report } = markSuppressed(hsy, hsyPreset, undefined, { sentinelRule: 'always' });
    const f = report.fields.find((x) => x.field === 'ika0_9')!;
    expect([f.suppressed, f.sentinelKept]).toEqual([3, 0]);
  });

  it('without a partition, suppresses a sentinel larger than the population', () => {
    // a_x and a_y do not add up to pop; unit 0: 99 > 50 people → suppressed; unit 1: 99 ≤ 500 → kept
    const t = table({ pop: [50, 500], a_x: [99, 99], a_y: [5, 5] });
    const config: IndicatorConfig = { ...hsyPreset, population: 'pop', ageBands: { lower: 'a_x', upper: 'a_y' }, suppression: { ...hsyPreset.suppression, sentinels: { 'a_*': [99] } } };
    const { table: out } = markSuppressed(t, config);
    expect(Array.from(out.columns.a_x)).toEqual([NaN, 99]);
  });
});

describe('markSuppressed on a Paavo-like table (sentinel −1 on every field)', () => {
  it('always suppresses −1, counts nulls as missing and unknown populations apart', () => {
    const t = table({ he_vakiy: [1000, -1, 400], he_7_12: [70, 3, NaN], he_13_15: [30, -1, 20], he_kika: [41, -1, 38] });
    const { table: out, report } = markSuppressed(t, paavoPreset);
    expect(Array.from(out.columns.he_vakiy)).toEqual([1000, NaN, 400]);
    const f = Object.fromEntries(report.fields.map((x) => [x.field, x]));
    expect(f.he_vakiy).toMatchObject({ suppressed: 1, unitsAffected: 1, populationAffected: 0 });
    // he_7_12: unit 2 missing, 400 people
    expect(f.he_7_12).toMatchObject({ missing: 1, suppressed: 0, unitsAffected: 1, populationAffected: 400 });
    // he_kika (mean age, not used by the config) is still reported because −1 matched "*"
    expect(f.he_kika.suppressed).toBe(1);
    // units 1 and 2 are affected; unit 1's population is itself suppressed
    expect(report).toMatchObject({ unitsAffected: 2, populationAffected: 400, populationUnknown: 1 });
  });
});

const HSY = '../shared/data/real/hsy-pop-grid-2015/hsy_pop_grid_2015_4326.geojson';

function readHsy(): AttributeTable {
  const geojson = JSON.parse(readFileSync(HSY, 'utf8')) as { features: { properties: Record<string, number | null> }[] };
  const names = Object.keys(geojson.features[0].properties).map((n) => n.toLowerCase());
  const columns: Record<string, Float64Array> = {};
  for (const n of names) columns[n] = new Float64Array(geojson.features.length);
  geojson.features.forEach((f, i) => {
    for (const [k, v] of Object.entries(f.properties)) columns[k.toLowerCase()][i] = v === null ? NaN : v;
  });
  return { names, columns };
}

describe.skipIf(!existsSync(HSY))('real HSY population grid 2015 (needs ../shared/data/real)', () => {
  it('reproduces SOURCE.md: 2 746 cells with IKA0_9 = 99; other cells sum to 109 525 and 95 415', () => {
    // SOURCE.md counts every 99 as suppressed, i.e. sentinelRule "always".
    const { table: out, report } = markSuppressed(readHsy(), hsyPreset, undefined, { sentinelRule: 'always' });
    expect(report.unitCount).toBe(5784);
    expect(report.fields.find((f) => f.field === 'ika0_9')!.suppressed).toBe(2746);
    expect(sumKnown(out.columns.ika0_9)).toBe(109525);
    expect(sumKnown(out.columns.ika10_19)).toBe(95415);
  });

  it('with the plausibility rule keeps the 99s that add up: 3 in IKA0_9, 2 in IKA10_19', () => {
    // 2 743 cells have every band = 99 (all with ≤ 99 inhabitants). 30 further cells have one
    // band = 99 and bands adding up exactly to ASUKKAITA (≥ 100): genuine counts. Three of them
    // are IKA0_9 (cells with 777, 724 and 771 inhabitants), two IKA10_19. Hence
    //   IKA0_9:   2 746 − 3 = 2 743 suppressed; sum 109 525 + 3·99 = 109 822
    //   IKA10_19: 2 743 suppressed (+2 kept);   sum  95 415 + 2·99 =  95 613
    const { table: out, report } = markSuppressed(readHsy(), hsyPreset);
    const f = Object.fromEntries(report.fields.map((x) => [x.field, x]));
    expect([f.ika0_9.suppressed, f.ika0_9.sentinelKept]).toEqual([2743, 3]);
    expect([f.ika10_19.suppressed, f.ika10_19.sentinelKept]).toEqual([2743, 2]);
    expect(report.fields.reduce((s, x) => s + x.sentinelKept, 0)).toBe(30);
    expect(sumKnown(out.columns.ika0_9)).toBe(109822);
    expect(sumKnown(out.columns.ika10_19)).toBe(95613);
    expect(report.unitsAffected).toBe(2743);
  });
});
if (!existsSync(HSY)) console.warn(`skipping real HSY checks: ${HSY} not found (run from /work/main with ../shared present)`);
