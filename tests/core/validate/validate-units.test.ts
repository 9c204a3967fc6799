import { describe, expect, it } from 'vitest';
import { presets } from '../../../src/core/config/presets';
import { readFeatures } from '../../../src/core/load/read-features';
import { validateUnits, validateUnitTable } from '../../../src/core/validate/validate-units';

describe('validateUnits (HSY config: population asukkaita, sentinel 99 in ika*)', () => {
  // Unit 1 and 2 have every ika field at 99 (HSY blanks whole rows): suppressed.
  // Unit 3 has ika0_9 = −2: a negative count that is no sentinel. Ids 3 and 3 clash.
  const units = {
    ids: ['1', '2', '3', '3'],
    attributes: {
      names: ['asukkaita', 'ika0_9', 'ika10_19'],
      columns: {
        asukkaita: Float64Array.from([100, 8, 50, 40]),
        ika0_9: Float64Array.from([10, 99, 99, -2]),
        ika10_19: Float64Array.from([20, 99, 99, 5]),
      },
    },
  };
  const r = validateUnits(units, presets.hsy, 'grid.geojson');

  it('reports the duplicate id', () => {
    expect(r.duplicateIds).toEqual(['3']);
    expect(r.problems.find((p) => p.code === 'duplicate-id')?.ids).toEqual(['3']);
  });

  it('counts suppressed and negative values and the share of the population affected', () => {
    // Population 100 + 8 + 50 + 40 = 198.
    expect(r.populationTotal).toBe(198);
    const ika0 = r.suppression.fields.find((f) => f.field === 'ika0_9')!;
    expect(ika0).toMatchObject({ suppressed: 2, negative: 1, unitsAffected: 3, populationAffected: 98 });
    const ika10 = r.suppression.fields.find((f) => f.field === 'ika10_19')!;
    expect(ika10).toMatchObject({ suppressed: 2, negative: 0, unitsAffected: 2, populationAffected: 58 });
    const supp = r.problems.filter((p) => p.code === 'suppressed-values');
    expect(supp.map((p) => p.field)).toEqual(['ika0_9', 'ika10_19']);
    // ika0_9: 98 / 198 = 49.49… % → "49.5 %"; ika10_19: 58 / 198 = 29.29… % → "29.3 %".
    expect(supp[0].message).toContain('49.5 %');
    expect(supp[1].message).toContain('29.3 %');
    expect(r.problems.find((p) => p.code === 'negative-count')?.field).toBe('ika0_9');
  });
});

describe('validateUnitTable', () => {
  it('reports text in count fields and nulls, which the loader would refuse or hide', async () => {
    const geojson = JSON.stringify({
      type: 'FeatureCollection',
      features: [
        { type: 'Feature', properties: { grd_id: 'a', he_vakiy: 50, he_7_12: 4, he_13_15: 2 }, geometry: { type: 'Point', coordinates: [385_125, 6_672_125] } },
        { type: 'Feature', properties: { grd_id: 'b', he_vakiy: 30, he_7_12: 'n/a', he_13_15: -1 }, geometry: { type: 'Point', coordinates: [385_375, 6_672_125] } },
        { type: 'Feature', properties: { grd_id: 'c', he_vakiy: 20, he_7_12: null, he_13_15: 1 }, geometry: { type: 'Point', coordinates: [385_625, 6_672_125] } },
      ],
    });
    const t = await readFeatures({ name: 'grid.geojson', bytes: geojson });
    expect(t.ok).toBe(true);
    if (!t.ok) return;
    const r = validateUnitTable(t.value, presets['statfi-grid']);
    expect(r.nonNumeric).toEqual([{ field: 'he_7_12', units: 1, ids: ['b'] }]);
    const codes = r.problems.map((p) => `${p.code}:${p.field}`);
    expect(codes).toContain('non-numeric-value:he_7_12');
    // he_7_12 is NaN in b (text) and c (null): two missing values; he_13_15 = −1 in b is Paavo's sentinel.
    expect(codes).toContain('missing-values:he_7_12');
    expect(codes).toContain('suppressed-values:he_13_15');
    expect(r.suppression.fields.find((f) => f.field === 'he_7_12')).toMatchObject({ missing: 2, populationAffected: 50 });
  });
});
