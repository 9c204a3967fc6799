/**
 * CSV exports on Tiny City, every figure worked out by hand from tests/fixtures/tiny-city/README.md.
 * Cell (c, r): children 10 + 5c; shares per cell: foreign 0.1c, basic education (10 + 5c)/80,
 * unemployed (5 + 5c)/(45 + 5c), low income (10 + 10r)/80, rental (10 + 10c)/50.
 * A = columns 0–1 (children 4 × (10 + 15) = 100), B = columns 2–3 (4 × (20 + 25) = 180).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Dataset } from '../../../src/core/model/dataset';
import { ScenarioEngine } from '../../../src/core/scenario/scenario-engine';
import { csvField, indicesCsv, schoolsCsv } from '../../../src/core/export/csv-export';
import { schoolAliases } from '../../../src/core/export/anonymise';
import { loadFixtureBundle } from '../../helpers/load-fixture-bundle';
import { config, smallSchoolEngine } from './tiny-city-engines';

let dataset: Dataset;
beforeAll(async () => {
  dataset = await loadFixtureBundle('tests/fixtures/tiny-city');
});

const HEADER =
  'network,school_id,school_name,capacity (places),children (count),children_imputed (count),utilisation (children/capacity),' +
  'foreign_language (share 0–1),basic_education_only (share 0–1),unemployed (share 0–1),low_income (share 0–1),rental (share 0–1),composite (z-score)';

describe('schoolsCsv', () => {
  it('writes the exact Tiny City table', () => {
    const engine = new ScenarioEngine(dataset, config);
    // A: utilisation 100/100 = 1; foreign 4·(15·0.1)/100 = 0.06; basic 4·(10·10 + 15·15)/80/100 = 16.25/100 = 0.1625;
    //    unemployed 4·(10·5/45 + 15·10/50)/100 = 16.444…/100 → 0.1644; low income Σ_r 25·(10 + 10r)/80 / 100 = 31.25/100 = 0.3125;
    //    rental (10·0.2 + 15·0.4)/25 = 0.32.
    // B: utilisation 180/80 = 2.25; foreign 46/180 = 0.25556; basic 4·(20·20 + 25·25)/80/180 = 51.25/180 = 0.28472;
    //    unemployed 4·(20·15/55 + 25·20/60)/180 = 55.1515…/180 = 0.30640; low income 56.25/180 = 0.3125; rental (20·0.6 + 25·0.8)/45 = 0.71111.
    // Composite: two schools → z = ±1 on every share where they differ, 0 for low income (equal):
    // A = (−1 −1 −1 + 0 −1)/5 = −0.8, B = +0.8.
    const expected =
      '\uFEFF' + HEADER + '\r\n' +
      'fi-lower,A,Länsikoulu,100,100.0,0.0,1.000,0.0600,0.1625,0.1644,0.3125,0.3200,-0.800\r\n' +
      'fi-lower,B,Itäkoulu,80,180.0,0.0,2.250,0.2556,0.2847,0.3064,0.3125,0.7111,0.800\r\n';
    expect(schoolsCsv([engine.indicators('fi-lower')], config)).toBe(expected);
  });

  it('hides a school with fewer than 10 children: "<10" counts, blank shares', () => {
    const engine = smallSchoolEngine(dataset);
    const lines = schoolsCsv([engine.indicators('fi-lower')], config).split('\r\n');
    // A keeps half of cell (0, 0): 5 children.
    expect(lines[1]).toBe('fi-lower,A,Länsikoulu,100,<10,<10,,,,,,,');
    // B has the rest: 280 − 5 = 275 children, utilisation 275/80 = 3.4375.
    expect(lines[2].startsWith('fi-lower,B,Itäkoulu,80,275.0,0.0,3.438,')).toBe(true);
  });

  it('anonymises school names for workshops', () => {
    const engine = new ScenarioEngine(dataset, config);
    const text = schoolsCsv([engine.indicators('fi-lower')], config, { aliases: schoolAliases(dataset.schools) });
    expect(text).toContain('fi-lower,A,Koulu A,');
    expect(text).toContain('fi-lower,B,Koulu B,');
    expect(text).not.toContain('Länsikoulu');
  });

  it('quotes fields with commas, quotes and line breaks', () => {
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('plain')).toBe('plain');
  });

  it('neutralises formulas: text starting with = + - @ (or tab/CR) gets an apostrophe, numbers do not', () => {
    expect(csvField('=HYPERLINK("http://x","y")')).toBe('"\'=HYPERLINK(""http://x"",""y"")"');
    expect(csvField('+358 40 123')).toBe("'+358 40 123");
    expect(csvField('-cmd')).toBe("'-cmd");
    expect(csvField('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvField('\tx')).toBe("'\tx");
    expect(csvField('-0.25')).toBe('-0.25');
    expect(csvField('+3')).toBe('+3');
    expect(csvField('-1e-3')).toBe('-1e-3');
  });
});

describe('indicesCsv', () => {
  it('lists every index; D for foreign-language speakers is 3520/11856', () => {
    const engine = new ScenarioEngine(dataset, config);
    const lines = indicesCsv([engine.indicators('fi-lower')], config).split('\r\n');
    expect(lines[0]).toBe('\uFEFFnetwork,type,group,index,value (0–1; M in nats)');
    // D = |6/52 − 94/228| = 3520/11856 = 0.296896… → 0.2969.
    expect(lines[1]).toBe('fi-lower,two-group,foreign_language,D,0.2969');
    // 5 shares × 7 + 3 partitions × 4 = 47 rows, header, and the empty string after the final CRLF.
    expect(lines).toHaveLength(49);
    expect(lines[36]).toMatch(/^fi-lower,multigroup,education,D,0\.\d{4}$/);
  });

  it('blanks the indices when the network has fewer children than the threshold', () => {
    const engine = new ScenarioEngine(dataset, { ...config, privacyThreshold: 1000 });
    const lines = indicesCsv([engine.indicators('fi-lower')], { ...config, privacyThreshold: 1000 }).split('\r\n');
    expect(lines[1]).toBe('fi-lower,two-group,foreign_language,D,');
  });
});
