/** Real mouse gestures along a path of page CSS pixels (pointer events, as a user makes them). */
import type { Page } from 'playwright-core';

export type Point = [number, number];

/**
 * Presses at the first point, moves through the others (each segment split into steps of at
 * most `maxStepPx` pixels, so pointermove events arrive densely) and releases at the last
 * (unless `release` is false: the caller then calls page.mouse.up() itself, e.g. to time it).
 */
export async function dragAlong(
  page: Page,
  path: readonly Point[],
  opts: { maxStepPx?: number; release?: boolean } = {},
): Promise<void> {
  if (path.length === 0) return;
  const maxStep = opts.maxStepPx ?? 4;
  await page.mouse.move(path[0][0], path[0][1]);
  await page.mouse.down();
  for (let i = 1; i < path.length; i++) {
    const [x0, y0] = path[i - 1];
    const [x1, y1] = path[i];
    const steps = Math.max(1, Math.ceil(Math.hypot(x1 - x0, y1 - y0) / maxStep));
    await page.mouse.move(x1, y1, { steps });
  }
  if (opts.release !== false) await page.mouse.up();
}

/** The closed ring of a polygon as a drag path (last point = first). */
export function closedRing(points: readonly Point[]): Point[] {
  return points.length ? [...points, points[0]] : [];
}
