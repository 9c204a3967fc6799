/** Screenshots for humans, under test-artifacts/ (gitignored). */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { ARTIFACTS_DIR } from './paths';
import type { Region } from './pixel-stats';

/** Turns a test name into a safe file name: "App smoke: map" → "app-smoke-map". */
export function artifactName(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'unnamed';
}

/** Writes `bytes` to test-artifacts/<relativePath>; returns the absolute path. */
export function writeArtifact(relativePath: string, bytes: Uint8Array | string): string {
  const path = resolve(ARTIFACTS_DIR, relativePath);
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, bytes);
  return path;
}

/**
 * Screenshots the page (or a CSS-pixel region of it) to test-artifacts/browser/<name>.png and
 * returns the PNG bytes for pixel checks.
 */
export async function saveScreenshot(page: Page, name: string, clip?: Region): Promise<Buffer> {
  const png = await page.screenshot({ clip, animations: 'disabled', caret: 'hide' });
  writeArtifact(`browser/${artifactName(name)}.png`, png);
  return png;
}
