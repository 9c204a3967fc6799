/**
 * MapLibre (6.x) keeps a sky object even when the style has none and then draws it on every
 * frame: a pass over the whole canvas in fully transparent colours, which changes no pixel. On
 * software WebGL (SwiftShader, the test machine, many virtual desktops) its program takes about
 * 0.2 s to compile in the first frame, and the pass costs every frame its fragment work. MapLibre
 * has no option to leave it out, so for a style without a sky the sky's evaluated value, which
 * the painter checks before drawing it, is hidden; a style that sets a sky is left alone.
 * Applied at every style load (a background map switch loads a new style). If a later MapLibre
 * changes these internals, the check fails quietly and the sky is drawn as before.
 */
import type { Map as MapLibreMap } from 'maplibre-gl';

interface StyleInternals {
  stylesheet?: { sky?: unknown };
  sky?: { getEvaluated?: () => unknown };
}

/** Hides the transparent default sky of `map`'s style (returns whether it did). */
export function hideDefaultSky(map: MapLibreMap): boolean {
  const style = (map as unknown as { style?: StyleInternals }).style;
  if (!style?.sky || typeof style.sky.getEvaluated !== 'function' || style.stylesheet?.sky) return false;
  style.sky.getEvaluated = () => undefined;
  return true;
}

/** Keeps the default sky hidden across style loads. */
export function withoutDefaultSky(map: MapLibreMap): void {
  map.on('style.load', () => hideDefaultSky(map));
}
