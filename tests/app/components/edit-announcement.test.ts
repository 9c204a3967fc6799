import { describe, expect, it } from 'vitest';
import { editAnnouncement } from '../../../src/app/components/edit-announcement';
import type { PublicNetworkIndicators } from '../../../src/core/pupil-base/privacy';

const net = (children: (number | null)[]) =>
  ({ schools: children.map((c, i) => ({ id: `s${i}`, name: `Koulu ${'ABC'[i]}`, children: c })) }) as unknown as PublicNetworkIndicators;

describe('editAnnouncement', () => {
  it('names the selected school first with its count and change since the last state', () => {
    // A 387 → 412 (+25); B 430 → 405 (−25, U+2212). Selected B comes first.
    const text = editAnnouncement(net([387, 430, 50]), net([412, 405, 50]), [0, 1], 1, 'fi', 10);
    expect(text).toBe('Koulu B: 405\u00a0lasta (\u221225); Koulu A: 412\u00a0lasta (+25)');
  });
  it('prints "<10" and no change when a count is suppressed', () => {
    expect(editAnnouncement(net([12]), net([null]), [0], 0, 'en', 10)).toBe('Koulu A: <10');
  });
});
