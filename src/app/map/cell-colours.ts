/**
 * Per-unit RGBA colours of the cell choropleth, and the legend domain. Units resting on fewer
 * people than the privacy threshold, or with unknown values, are transparent.
 */
import { sequentialColour, type SequentialRamp } from './colour-ramps';

export interface ChoroplethDomain {
  min: number;
  max: number;
}

/**
 * Legend domain: 0 to the 95th percentile of the shown values (so one dense block does not
 * wash out the rest), never zero-width. Values resting on fewer than `threshold` are ignored.
 */
export function choroplethDomain(values: Float64Array, base: Float64Array, threshold: number): ChoroplethDomain {
  const shown: number[] = [];
  for (let i = 0; i < values.length; i++) if (Number.isFinite(values[i]) && base[i] >= threshold) shown.push(values[i]);
  if (shown.length === 0) return { min: 0, max: 1 };
  shown.sort((a, b) => a - b);
  const p95 = shown[Math.min(shown.length - 1, Math.floor(0.95 * (shown.length - 1)))];
  return { min: 0, max: p95 > 0 ? p95 : Math.max(shown[shown.length - 1], 1e-9) };
}

/** Colour of units whose value rests on fewer people than the threshold: a neutral "<10" class. */
export const HIDDEN_COLOUR: readonly [number, number, number, number] = [190, 190, 190, 140];

/**
 * RGBA per unit (length units × 4). Alpha is `alpha` for shown units; units resting on fewer
 * than `threshold` people get HIDDEN_COLOUR (their value is not revealed); unknown values are
 * transparent.
 */
export function unitColours(values: Float64Array, base: Float64Array, threshold: number, domain: ChoroplethDomain, ramp: SequentialRamp, alpha = 200): Uint8Array {
  const out = new Uint8Array(values.length * 4);
  const span = domain.max - domain.min || 1;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (!Number.isFinite(v) && !(base[i] > 0)) continue;
    if (!Number.isFinite(v) || !(base[i] >= threshold)) {
      out.set(HIDDEN_COLOUR, i * 4);
      continue;
    }
    const [r, g, b] = sequentialColour(ramp, (v - domain.min) / span);
    out[i * 4] = r;
    out[i * 4 + 1] = g;
    out[i * 4 + 2] = b;
    out[i * 4 + 3] = alpha;
  }
  return out;
}
