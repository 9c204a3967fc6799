import { describe, expect, it } from 'vitest';
import { evaluateColumn, evaluateExpression, expressionToString, fieldsOf } from '../../../src/core/config/field-expression';

const columns = {
  he_7_12: Float64Array.of(40, NaN),
  pt_tyoll: Float64Array.of(300, 10),
  pt_tyott: Float64Array.of(25, 2),
  ika0_9: Float64Array.of(120, 50),
  ika10_19: Float64Array.of(90, NaN),
};

describe('fieldsOf', () => {
  it('lists the distinct fields of each expression form, lower-cased', () => {
    expect(fieldsOf('HE_7_12')).toEqual(['he_7_12']);
    expect(fieldsOf(['pt_tyoll', 'PT_TYOTT', 'pt_tyoll'])).toEqual(['pt_tyoll', 'pt_tyott']);
    expect(fieldsOf({ terms: [{ field: 'ika0_9', factor: 0.3 }, { field: 'IKA10_19', factor: 0.3 }] })).toEqual(['ika0_9', 'ika10_19']);
  });
});

describe('evaluateExpression', () => {
  it('reads a single field, matching its name lower-case', () => {
    expect(evaluateExpression('HE_7_12', columns, 0)).toBe(40);
  });

  it('adds a list of fields', () => {
    // 300 employed + 25 unemployed = 325 in the labour force
    expect(evaluateExpression(['pt_tyoll', 'pt_tyott'], columns, 0)).toBe(325);
  });

  it('weights terms: HSY ages 7–12 = 0.3·ika0_9 + 0.3·ika10_19', () => {
    // 0.3·120 + 0.3·90 = 36 + 27 = 63
    expect(evaluateExpression({ terms: [{ field: 'ika0_9', factor: 0.3 }, { field: 'ika10_19', factor: 0.3 }] }, columns, 0)).toBeCloseTo(63, 12);
  });

  it('is NaN when any referenced value is NaN', () => {
    expect(evaluateExpression('he_7_12', columns, 1)).toBeNaN();
    // ika0_9 = 50 is known but ika10_19 is suppressed: the sum is not a real count
    expect(evaluateExpression({ terms: [{ field: 'ika0_9', factor: 0.3 }, { field: 'ika10_19', factor: 0.3 }] }, columns, 1)).toBeNaN();
  });

  it('throws (a bug) on a field the table lacks', () => {
    expect(() => evaluateExpression('vieraskielisia', columns, 0)).toThrow(/vieraskielisia/);
  });
});

describe('evaluateColumn', () => {
  it('gives the same values as evaluateExpression for every unit', () => {
    // unit 0: 300 + 25 = 325; unit 1: 10 + 2 = 12
    expect(Array.from(evaluateColumn(['pt_tyoll', 'pt_tyott'], columns, 2))).toEqual([325, 12]);
    const hsy = evaluateColumn({ terms: [{ field: 'ika10_19', factor: 0.3 }] }, columns, 2);
    expect(hsy[0]).toBeCloseTo(27, 12); // 0.3 · 90
    expect(hsy[1]).toBeNaN();
  });
});

describe('expressionToString', () => {
  it('writes sums and factors readably', () => {
    expect(expressionToString(['pt_tyoll', 'pt_tyott'])).toBe('pt_tyoll + pt_tyott');
    expect(expressionToString({ terms: [{ field: 'ika0_9', factor: 0.3 }, { field: 'ika10_19', factor: 1 }] })).toBe('0.3·ika0_9 + ika10_19');
  });
});
