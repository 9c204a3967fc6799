/**
 * Scattered rural settlement on the 250 m grid (EPSG:3067): farms, houses along village
 * roads and year-round homes on lake and sea shores. Cells are drawn without replacement
 * with probability proportional to a settlement weight (Gumbel top-k), so the pattern is
 * dense in farmland near roads, villages and the city and sparse in the forests.
 */
import type { CityLayout } from './districts';
import { roadDistance } from './hinterland';
import type { Rng } from './prng';
import type { SampleCityConfig } from './sample-city-config';
import type { Noise } from './value-noise';

export interface RuralInputs {
  cols: number;
  rows: number;
  /** Share of each cell that is dry municipal land (0–1). */
  landFrac: Float64Array;
  /** 1 where the cell or a 4-neighbour holds lake or sea pixels. */
  shore: Uint8Array;
  /** 1 where the cell is already populated by a district kernel. */
  urban: Uint8Array;
  /** Distance (m) from a cell centre to the nearest city corridor. */
  corridorDistance: (x: number, y: number) => number;
}

export interface RuralCell {
  index: number;
  pop: number;
}

/**
 * Pick `cfg.ruralCells` cells and give each 1–30 inhabitants: log-normal around a median of
 * `cfg.ruralMedian` in remote forest, up to 3× that near the city, villages and roads.
 */
export function settleRural(cfg: SampleCityConfig, layout: CityLayout, inputs: RuralInputs, rng: Rng, noise: Noise): RuralCell[] {
  const { cols, rows, landFrac, shore, urban } = inputs;
  const k = cfg.layoutScale;
  const hk = cfg.borderRadius / 34000;
  const [cx, cy] = layout.districts[0] ? [layout.districts[0].x, layout.districts[0].y] : [0, 0];
  const centres = [...layout.churchVillages, ...layout.villages, ...layout.districts.filter((d) => d.kind === 'village')];
  const keys: { i: number; key: number; near: number }[] = [];
  for (let i = 0; i < cols * rows; i++) {
    if (urban[i] || landFrac[i] < 0.5) continue;
    const x = cfg.originX + ((i % cols) + 0.5) * 250;
    const y = cfg.originY + (Math.floor(i / cols) + 0.5) * 250;
    // Roads wander: their distance field is bent by smooth noise (± 500 m).
    const road = Math.max(0, Math.min(inputs.corridorDistance(x, y), roadDistance(layout.roads, x, y)) + 500 * hk * noise.fbm(x - 3e5, y, 3000 * hk, 2));
    let village = Infinity;
    for (const v of centres) village = Math.min(village, Math.max(0, Math.hypot(v.x - x, v.y - y) - v.radius));
    const city = Math.hypot(x - cx, y - cy);
    const farmland = noise.fbm(x + 5e5, y, 6000 * hk, 3);
    const near = Math.max(Math.exp(-road / (700 * hk)), Math.exp(-village / (1500 * hk)), Math.exp(-city / (9000 * k)));
    const weight = Math.exp(3.5 * farmland) * (0.06 + Math.exp(-road / (900 * hk)) + 0.8 * Math.exp(-village / (2000 * hk)) + 0.5 * shore[i] + 1.2 * Math.exp(-city / (12000 * k)));
    // Gumbel top-k: the largest keys are a weighted sample without replacement.
    const u = 1 - rng.next();
    keys.push({ i, key: Math.log(weight) - Math.log(-Math.log(u)), near });
  }
  keys.sort((a, b) => b.key - a.key || a.i - b.i);
  const picked = keys.slice(0, cfg.ruralCells).sort((a, b) => a.i - b.i);
  return picked.map(({ i, near }) => {
    const median = cfg.ruralMedian * (1 + 2 * near);
    return { index: i, pop: Math.min(30, Math.max(1, Math.round(median * Math.exp(0.7 * rng.normal())))) };
  });
}
