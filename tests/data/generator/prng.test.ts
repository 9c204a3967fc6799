import { describe, expect, it } from 'vitest';
import { createRng, multinomial } from '../../../data/generator/prng';

describe('prng', () => {
  it('repeats its sequence for the same seed and label, and differs for another label', () => {
    const a = Array.from({ length: 5 }, createRng(42, 'x').next);
    const b = Array.from({ length: 5 }, createRng(42, 'x').next);
    const c = Array.from({ length: 5 }, createRng(42, 'y').next);
    expect(a).toEqual(b);
    expect(a).not.toEqual(c);
    expect(a.every((v) => v >= 0 && v < 1)).toBe(true);
  });

  it('multinomial counts always add up to the total', () => {
    const rng = createRng(1);
    for (const total of [0, 1, 9, 40, 41, 2000]) {
      const parts = multinomial(rng, total, [0.1, 0.3, 0.2, 0.4]);
      expect(parts.reduce((s, v) => s + v, 0)).toBe(total);
      expect(parts.every((v) => v >= 0)).toBe(true);
    }
    // Shares 0, 1, 0: the middle class gets everything (p = 0 draws none, p = 1 draws all).
    expect(multinomial(rng, 7, [0, 1, 0])).toEqual([0, 7, 0]);
  });
});
