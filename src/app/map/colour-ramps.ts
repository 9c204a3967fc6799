/**
 * Colour-blind-safe colour scales for the map, as [r, g, b] 0–255.
 * Sequential: viridis and cividis (matplotlib), 9 stops each, interpolated linearly.
 * Diverging (utilisation): blue → light grey → orange, from ColorBrewer PuOr/RdBu ends, safe
 * for the common colour-vision deficiencies.
 */

export type Rgb = [number, number, number];
export type SequentialRamp = 'viridis' | 'cividis';

const stops: Record<SequentialRamp, Rgb[]> = {
  viridis: [
    [68, 1, 84], [71, 45, 123], [59, 82, 139], [44, 114, 142], [33, 145, 140],
    [40, 174, 128], [94, 201, 98], [173, 220, 48], [253, 231, 37],
  ],
  cividis: [
    [0, 34, 78], [18, 53, 112], [59, 73, 108], [87, 93, 109], [112, 113, 115],
    [138, 134, 120], [166, 157, 117], [196, 181, 107], [254, 232, 56],
  ],
};

/** Colour at t ∈ [0, 1] of a list of evenly spaced stops (t is clamped). */
export function interpolateStops(list: readonly Rgb[], t: number): Rgb {
  const u = Math.min(1, Math.max(0, Number.isFinite(t) ? t : 0)) * (list.length - 1);
  const i = Math.min(list.length - 2, Math.floor(u));
  const f = u - i;
  const a = list[i];
  const b = list[i + 1];
  return [Math.round(a[0] + (b[0] - a[0]) * f), Math.round(a[1] + (b[1] - a[1]) * f), Math.round(a[2] + (b[2] - a[2]) * f)];
}

/** Sequential colour at t ∈ [0, 1]. */
export function sequentialColour(ramp: SequentialRamp, t: number): Rgb {
  return interpolateStops(stops[ramp], t);
}

/** CSS linear-gradient of a ramp, for legends. */
export function rampGradientCss(ramp: SequentialRamp): string {
  const list = stops[ramp];
  return `linear-gradient(to right, ${list.map((c, i) => `rgb(${c.join(',')}) ${((i / (list.length - 1)) * 100).toFixed(0)}%`).join(', ')})`;
}

const diverging: Rgb[] = [
  [33, 102, 172], [103, 169, 207], [209, 229, 240], [242, 242, 242], [253, 219, 199], [244, 165, 130], [179, 88, 6],
];

/**
 * Utilisation colour: 1.0 (full) is neutral grey, 0.5 or less saturated blue (spare places),
 * 1.5 or more saturated orange (overcrowded). null (capacity unknown) is mid grey.
 */
export function utilisationColour(utilisation: number | null): Rgb {
  if (utilisation === null || !Number.isFinite(utilisation)) return [150, 150, 150];
  return interpolateStops(diverging, utilisation - 0.5);
}

export function utilisationGradientCss(): string {
  return `linear-gradient(to right, ${diverging.map((c, i) => `rgb(${c.join(',')}) ${((i / (diverging.length - 1)) * 100).toFixed(0)}%`).join(', ')})`;
}
