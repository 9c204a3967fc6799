/**
 * Swedish-speaking children aged 7–12 per cell (field `sv_7_12`): the demand of the
 * Swedish-language grades 1–6 network. Not a Statistics Finland grid field (the grid has no
 * language of children); a municipality would take it from the population register. Drawn as
 * Binomial(he_7_12, the cell's assumed Swedish share) from its own PRNG stream, and published
 * like the grid's own counts: −1 in cells under 10 inhabitants.
 */
import type { Cell } from './population';
import { createRng } from './prng';

export const SWEDISH_FIELD = 'sv_7_12';

export function swedishChildren(seed: number, cells: Cell[]): { counts: Int32Array; published: Int32Array } {
  const rng = createRng(seed, 'swedish-children');
  const counts = new Int32Array(cells.length);
  const published = new Int32Array(cells.length);
  cells.forEach((c, i) => {
    counts[i] = rng.binomial(c.counts.he_7_12, c.swedish);
    published[i] = c.pop >= 10 ? counts[i] : -1;
  });
  return { counts, published };
}
