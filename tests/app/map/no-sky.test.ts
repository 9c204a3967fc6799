/** map/no-sky.ts on stand-ins for MapLibre's style internals (the browser check is in app-smoke.spec.ts). */
import { describe, expect, it } from 'vitest';
import type { Map as MapLibreMap } from 'maplibre-gl';
import { hideDefaultSky } from '../../../src/app/map/no-sky';

const mapWith = (style: unknown) => ({ style }) as unknown as MapLibreMap;

describe('hiding MapLibre\'s transparent default sky', () => {
  it('hides the evaluated sky of a style without one', () => {
    const sky = { getEvaluated: () => ({ 'sky-color': 'transparent' }) };
    expect(hideDefaultSky(mapWith({ stylesheet: {}, sky }))).toBe(true);
    expect(sky.getEvaluated()).toBeUndefined();
  });

  it('leaves a sky the style sets, and internals it does not recognise, alone', () => {
    const own = { getEvaluated: () => ({ 'sky-color': '#88c' }) };
    expect(hideDefaultSky(mapWith({ stylesheet: { sky: { 'sky-color': '#88c' } }, sky: own }))).toBe(false);
    expect(own.getEvaluated()).toEqual({ 'sky-color': '#88c' });
    expect(hideDefaultSky(mapWith({ stylesheet: {} }))).toBe(false);
    expect(hideDefaultSky(mapWith(undefined))).toBe(false);
    expect(hideDefaultSky(mapWith({ sky: { getEvaluated: 1 } }))).toBe(false);
  });
});
