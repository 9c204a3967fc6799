import { describe, expect, it } from 'vitest';
import {
  formatChildren,
  formatCountChange,
  formatIndex,
  formatIndexChange,
  formatPercent,
  formatPointChange,
  formatShare,
} from '../../../src/app/format/format-number';

// Finnish and Swedish: no-break space U+00A0 for thousands and before "%", minus U+2212.
const NB = '\u00a0';
const MINUS = '\u2212';

describe('formatPercent', () => {
  it('uses a comma decimal and a no-break space before % in Finnish', () => {
    // 0.1234 × 100 = 12.34 → one decimal → "12,3"
    expect(formatPercent(0.1234, 'fi')).toBe(`12,3${NB}%`);
    expect(formatPercent(0.1234, 'sv')).toBe(`12,3${NB}%`);
  });
  it('uses a point and no space in English', () => {
    expect(formatPercent(0.1234, 'en')).toBe('12.3%');
  });
  it('formats utilisation with no decimals', () => {
    // 0.87 → "87 %"
    expect(formatPercent(0.87, 'fi', 0)).toBe(`87${NB}%`);
  });
  it('prints a dash for an undefined share', () => {
    expect(formatPercent(null, 'fi')).toBe('–');
  });
});

describe('formatChildren', () => {
  it('groups thousands with a no-break space and adds the unit', () => {
    // 1234.4 rounds to 1234
    expect(formatChildren(1234.4, 'fi', 10)).toBe(`1${NB}234${NB}lasta`);
    expect(formatChildren(1234, 'sv', 10)).toBe(`1${NB}234${NB}barn`);
    expect(formatChildren(1234, 'en', 10)).toBe(`1,234${NB}children`);
  });
  it('prints <10 below the privacy threshold or when hidden', () => {
    expect(formatChildren(9.6, 'fi', 10)).toBe('<10');
    expect(formatChildren(null, 'fi', 10)).toBe('<10');
    expect(formatChildren(10, 'fi', 10)).toBe(`10${NB}lasta`);
  });
});

describe('formatShare', () => {
  it('hides a share resting on fewer than the threshold', () => {
    expect(formatShare(0.5, 9, 'fi', 10)).toBe('<10');
    expect(formatShare(null, null, 'fi', 10)).toBe('<10');
    expect(formatShare(0.25, 40, 'fi', 10)).toBe(`25,0${NB}%`);
  });
});

describe('changes', () => {
  it('formats percentage-point changes with sign and unit', () => {
    // 0.021 → +2.1 percentage points
    expect(formatPointChange(0.021, 'fi')).toBe(`+2,1${NB}%-yks.`);
    expect(formatPointChange(-0.021, 'sv')).toBe(`${MINUS}2,1${NB}%-enh.`);
    expect(formatPointChange(0.021, 'en')).toBe(`+2.1${NB}pp`);
    // 0.0004 → 0.04 points rounds to 0.0
    expect(formatPointChange(0.0004, 'fi')).toBe(`±0,0${NB}%-yks.`);
    expect(formatPointChange(null, 'fi')).toBe('');
  });
  it('formats count and index changes', () => {
    expect(formatCountChange(12.4, 'fi')).toBe('+12');
    expect(formatCountChange(-3, 'fi')).toBe(`${MINUS}3`);
    expect(formatCountChange(0.2, 'fi')).toBe('±0');
    expect(formatIndex(0.41234, 'fi')).toBe('0,412');
    expect(formatIndexChange(-0.0123, 'fi')).toBe(`${MINUS}0,012`);
    expect(formatIndexChange(0.0001, 'en')).toBe('±0.000');
  });
});

describe('formatChildCount', () => {
  it('rounds without a unit and suppresses small counts', async () => {
    const { formatChildCount } = await import('../../../src/app/format/format-number');
    // 1234.4 → "1 234" with a no-break space in Finnish; 9.6 < 10 → "<10".
    expect(formatChildCount(1234.4, 'fi', 10)).toBe('1\u00a0234');
    expect(formatChildCount(9.6, 'fi', 10)).toBe('<10');
    expect(formatChildCount(null, 'en', 10)).toBe('<10');
  });
});
