import { describe, expect, it } from 'vitest';
import { capacityFor, type School } from '../../../src/core/model/school';

const base: School = { id: 'k', name: 'Kirkonkylän yhtenäiskoulu', language: 'fi', grades: '1-9', capacity: 500, location: [0, 0] };

describe('capacityFor', () => {
  it('uses the level part of a comprehensive school when given', () => {
    const school = { ...base, capacityByLevel: { lower: 300, upper: 200 } };
    expect(capacityFor(school, 'lower')).toBe(300);
    expect(capacityFor(school, 'upper')).toBe(200);
  });
  it('falls back to the whole capacity', () => {
    expect(capacityFor(base, 'upper')).toBe(500);
    expect(capacityFor({ ...base, capacityByLevel: { lower: 300 } }, 'upper')).toBe(500);
    expect(capacityFor({ ...base, capacity: null }, 'lower')).toBeNull();
  });
});
