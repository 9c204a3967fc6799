/**
 * Command-line flags for Debian's Chromium in headless tests (see docs/testing.md).
 * Verified with Chromium 156 on a machine without GPU or network: they give a WebGL2
 * context ("ANGLE (Google, Vulkan 1.3.0 (SwiftShader Device (Subzero)))") that MapLibre GL 6
 * and deck.gl 9 render into.
 */

/** Where Debian installs Chromium (`apt-get install chromium`). Override with CHROMIUM_PATH. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Offline, no background traffic, no sandbox (tests run as root in CI). */
export const OFFLINE_FLAGS: readonly string[] = [
  '--no-sandbox',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
  '--disable-dev-shm-usage',
];

/** Software WebGL through ANGLE on SwiftShader; the GPU blocklist would otherwise refuse it. */
export const SOFTWARE_GL_FLAGS: readonly string[] = [
  '--use-angle=swiftshader',
  '--enable-unsafe-swiftshader',
  '--use-gl=angle',
  '--ignore-gpu-blocklist',
];

/**
 * Keep rAF and timers running at full rate in a headless, never-focused window, so frame
 * timings in the benchmark are not throttled.
 */
export const TIMING_FLAGS: readonly string[] = [
  '--disable-background-timer-throttling',
  '--disable-renderer-backgrounding',
  '--disable-backgrounding-occluded-windows',
];

export const CHROMIUM_FLAGS: readonly string[] = [...OFFLINE_FLAGS, ...SOFTWARE_GL_FLAGS, ...TIMING_FLAGS];
