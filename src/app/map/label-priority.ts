/**
 * Collision priorities of the catchment labels for deck.gl's CollisionFilterExtension (higher
 * wins, range −1000…1000). The selected school's label always wins (1000); the others are
 * ranked by catchment area, largest first, because a large area has room for its label while a
 * small dense-centre area may have to give way. Empty catchments get −1000 (no label anyway).
 */

/** Highest priority, reserved for the selected school. */
export const SELECTED_PRIORITY = 1000;

/**
 * @param areas catchment area per school (any consistent unit, e.g. m²); 0 = empty
 * @param selectedIndex index of the selected school, −1 none
 * @returns priority per school: selected 1000; others 900 for the largest down to −900 for the
 *   smallest, evenly spaced by rank (ties broken by index, lower first); empty −1000
 */
export function labelPriorities(areas: ArrayLike<number>, selectedIndex: number): Float32Array {
  const n = areas.length;
  const out = new Float32Array(n).fill(-SELECTED_PRIORITY);
  const ranked: number[] = [];
  for (let i = 0; i < n; i++) if (i !== selectedIndex && areas[i] > 0) ranked.push(i);
  ranked.sort((a, b) => areas[b] - areas[a] || a - b);
  const steps = Math.max(1, ranked.length - 1);
  ranked.forEach((school, rank) => {
    out[school] = ranked.length === 1 ? 900 : 900 - (1800 * rank) / steps;
  });
  if (selectedIndex >= 0 && selectedIndex < n) out[selectedIndex] = SELECTED_PRIORITY;
  return out;
}
