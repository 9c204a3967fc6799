/** Absolute paths the browser tests and the browser benchmark share. */
import { fileURLToPath } from 'node:url';
import { resolve } from 'node:path';

/** The project root (the folder with package.json). */
export const PROJECT_ROOT = resolve(fileURLToPath(new URL('.', import.meta.url)), '../../..');
/** Vite's build output served by `vite preview`. */
export const DIST_DIR = resolve(PROJECT_ROOT, 'dist');
/** Screenshots and other files for humans to inspect; gitignored. */
export const ARTIFACTS_DIR = resolve(PROJECT_ROOT, 'test-artifacts');
