/**
 * Starts the GPU warm-up worker (gpu-warmup-worker.ts) and resolves when it has opened its WebGL
 * context, failed, or WARMUP_LIMIT_MS passed (a browser without OffscreenCanvas WebGL simply
 * opens its first context on the main thread, as before).
 */
export const WARMUP_LIMIT_MS = 2000;

let warm: Promise<void> | null = null;

export function warmGpu(): Promise<void> {
  warm ??= new Promise<void>((resolve) => {
    let worker: Worker | null = null;
    const done = () => {
      clearTimeout(timer);
      worker?.terminate();
      resolve();
    };
    const timer = setTimeout(done, WARMUP_LIMIT_MS);
    try {
      worker = new Worker(new URL('./gpu-warmup-worker.ts', import.meta.url), { type: 'module', name: 'gpu-warmup' });
      worker.onmessage = done;
      worker.onerror = done;
    } catch {
      done();
    }
  });
  return warm;
}
