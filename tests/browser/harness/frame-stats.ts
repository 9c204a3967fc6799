/**
 * Frame timing in the page: a requestAnimationFrame loop records the time between frames
 * (ms, from rAF timestamps) while it runs; summariseFrames turns the deltas into the figures
 * the browser benchmark prints.
 */
import type { Page } from 'playwright-core';

export interface FrameSummary {
  frames: number;
  frame_p50_ms: number | null;
  frame_p95_ms: number | null;
  frame_max_ms: number | null;
  long_frames_over_50ms: number;
}

/** Nearest-rank percentile (p in 0–100) of ascending-sorted values; null when empty. */
export function percentile(sorted: readonly number[], p: number): number | null {
  if (sorted.length === 0) return null;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1];
}

/** Summary of frame deltas in ms (rounded to 0.1 ms). */
export function summariseFrames(deltas: readonly number[]): FrameSummary {
  const sorted = [...deltas].sort((a, b) => a - b);
  const round = (v: number | null) => (v === null ? null : Math.round(v * 10) / 10);
  return {
    frames: sorted.length,
    frame_p50_ms: round(percentile(sorted, 50)),
    frame_p95_ms: round(percentile(sorted, 95)),
    frame_max_ms: round(sorted.length ? sorted[sorted.length - 1] : null),
    long_frames_over_50ms: sorted.filter((d) => d > 50).length,
  };
}

type RecorderWindow = { __frameRecorder?: { deltas: number[]; running: boolean } };

/** Starts recording rAF deltas in the page (replacing any earlier recording). */
export async function startFrameRecorder(page: Page): Promise<void> {
  await page.evaluate(() => {
    const w = window as unknown as RecorderWindow;
    if (w.__frameRecorder) w.__frameRecorder.running = false;
    const rec = { deltas: [] as number[], running: true };
    w.__frameRecorder = rec;
    let last: number | null = null;
    const tick = (t: number) => {
      if (!rec.running) return;
      if (last !== null) rec.deltas.push(t - last);
      last = t;
      requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
}

/** Stops the recorder and returns the deltas in ms. */
export async function stopFrameRecorder(page: Page): Promise<number[]> {
  return page.evaluate(() => {
    const rec = (window as unknown as RecorderWindow).__frameRecorder;
    if (!rec) return [];
    rec.running = false;
    return rec.deltas;
  });
}
