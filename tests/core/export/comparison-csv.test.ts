/**
 * The comparison CSV on a hand-made comparison: Tiny City's column-2 move (A 100 → 180 children,
 * B 180 → 100; capacities 100 and 80: utilisation A 1.000 → 1.800, B 2.250 → 1.250) with one
 * share, and a third school whose children are hidden below the threshold 10 in B. Expected
 * text written out by hand: BOM, CRLF, counts with one decimal, ratios three, shares and
 * indices four; "<10" for a hidden count and blank for a change that involves it.
 */
import { describe, expect, it } from 'vitest';
import type { IndicatorComparison } from '../../../src/core/compare/compare-indicators';
import { comparisonIndicesCsv, comparisonSchoolsCsv } from '../../../src/core/export/comparison-csv';

const v = (a: number | null, b: number | null) => ({ a, b, change: a === null || b === null ? null : b - a });

const table: IndicatorComparison = {
  network: 'fi-lower',
  schools: [
    { id: 'A', name: 'Länsikoulu', capacity: 100, children: v(100, 180), utilisation: v(1, 1.8), shares: { foreign_language: v(0.05, 0.1) } },
    { id: 'B', name: 'Itäkoulu, "uusi"', capacity: 80, children: v(180, 100), utilisation: v(2.25, 1.25), shares: { foreign_language: v(0.2, 0.25) } },
    { id: 'C', name: 'Pikkukoulu', capacity: null, children: v(12, null), utilisation: v(null, null), shares: { foreign_language: v(0.1, null) } },
  ],
  indices: [{ kind: 'two-group', group: 'foreign_language', index: 'D', value: v(0.25, 0.125) }],
  totals: { children: v(292, 280), gapChildren: v(0, 0), overlapChildren: v(0, 0) },
};
const options = { a: 'Lähtötilanne', b: 'Skenaario 2', shareIds: ['foreign_language'], threshold: 10 };

describe('comparison CSV', () => {
  it('lists every school with A, B and the change, privacy applied', () => {
    const expected =
      '\uFEFF' +
      [
        'scenario_a,scenario_b,network,school_id,school_name,capacity (places),children A (count),children B (count),children change B−A (count),utilisation A (children/capacity),utilisation B (children/capacity),utilisation change B−A (children/capacity),foreign_language A (share 0–1),foreign_language B (share 0–1),foreign_language change B−A (share 0–1)',
        'Lähtötilanne,Skenaario 2,fi-lower,A,Länsikoulu,100,100.0,180.0,80.0,1.000,1.800,0.800,0.0500,0.1000,0.0500',
        'Lähtötilanne,Skenaario 2,fi-lower,B,"Itäkoulu, ""uusi""",80,180.0,100.0,-80.0,2.250,1.250,-1.000,0.2000,0.2500,0.0500',
        'Lähtötilanne,Skenaario 2,fi-lower,C,Pikkukoulu,,12.0,<10,,,,,0.1000,,',
      ].join('\r\n') +
      '\r\n';
    expect(comparisonSchoolsCsv(table, options)).toBe(expected);
  });

  it('lists every index with A, B and the change', () => {
    expect(comparisonIndicesCsv(table, options)).toBe(
      '\uFEFFscenario_a,scenario_b,network,type,group,index,A (0–1; M in nats),B (0–1; M in nats),change B−A\r\nLähtötilanne,Skenaario 2,fi-lower,two-group,foreign_language,D,0.2500,0.1250,-0.1250\r\n',
    );
  });
});
