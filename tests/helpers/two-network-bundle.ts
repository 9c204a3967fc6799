/**
 * Tiny City (tests/fixtures/tiny-city) written to a temporary folder with an upper network added:
 * U1 (catchment columns 0–2) and U2 (column 3), both grades 7–9, Finnish. With the lower network's
 * A = columns 0–1 and B = columns 2–3, the base-year feeders are A → U1 100, B → U1 80, B → U2 100.
 */
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const TINY = 'tests/fixtures/tiny-city';

/** The bundle folder. */
export function twoNetworkBundle(): string {
  const bundle = mkdtempSync(join(tmpdir(), 'cs-two-'));
  for (const f of ['units.geojson', 'context.geojson']) copyFileSync(join(TINY, f), join(bundle, f));
  const manifest = JSON.parse(readFileSync(join(TINY, 'manifest.json'), 'utf8'));
  manifest.networks.push({ id: 'fi-upper', label: { fi: 'Yläkoulut', sv: 'Högstadier', en: 'Upper' }, language: 'fi', level: 'upper' });
  writeFileSync(join(bundle, 'manifest.json'), JSON.stringify(manifest));
  const schools = JSON.parse(readFileSync(join(TINY, 'schools.geojson'), 'utf8'));
  schools.features.push(
    { type: 'Feature', properties: { id: 'U1', name: 'Yläkoulu 1', language: 'fi', grades: '7-9', capacity: 200 }, geometry: { type: 'Point', coordinates: [385_375, 6_672_500] } },
    { type: 'Feature', properties: { id: 'U2', name: 'Yläkoulu 2', language: 'fi', grades: '7-9', capacity: 200 }, geometry: { type: 'Point', coordinates: [385_875, 6_672_500] } },
  );
  writeFileSync(join(bundle, 'schools.geojson'), JSON.stringify(schools));
  const catchments = JSON.parse(readFileSync(join(TINY, 'catchments.geojson'), 'utf8'));
  const box = (x0: number, x1: number) => ({ type: 'Polygon', coordinates: [[[x0, 6_672_000], [x1, 6_672_000], [x1, 6_673_000], [x0, 6_673_000], [x0, 6_672_000]]] });
  catchments.features.push(
    { type: 'Feature', properties: { network: 'fi-upper', school_id: 'U1' }, geometry: box(385_000, 385_750) },
    { type: 'Feature', properties: { network: 'fi-upper', school_id: 'U2' }, geometry: box(385_750, 386_000) },
  );
  writeFileSync(join(bundle, 'catchments.geojson'), JSON.stringify(catchments));
  return bundle;
}
