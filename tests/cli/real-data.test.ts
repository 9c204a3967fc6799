/**
 * The CLI on the real open data in ../shared/data/real, checked against the figures in each
 * folder's SOURCE.md. Skipped (with a message) when ../shared is absent, as in a user's fresh clone.
 */
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/run-cli';
import { captureIo } from './cli-test-io';

const REAL = join(process.cwd(), '..', 'shared', 'data', 'real');
const present = existsSync(REAL);
if (!present) console.warn(`tests/cli/real-data.test.ts skipped: ${REAL} is absent (real open data ship with CI, not with a fresh clone).`);

const HSY = join(REAL, 'hsy-pop-grid-2015', 'hsy_pop_grid_2015_4326.geojson');
const SCHOOLS = join(REAL, 'statfi-schools-2022', 'schools_capital_region_2022_4326.geojson');
const PAAVO = join(REAL, 'paavo-2018', 'paavo_2018_capital_region_4326.geojson');

/** One catchment over the whole capital region for the first school in the register. */
function oneCatchment(): string {
  const schools = JSON.parse(readFileSync(SCHOOLS, 'utf8'));
  const dir = mkdtempSync(join(tmpdir(), 'catchment-cli-'));
  const file = join(dir, 'catchment.geojson');
  const ring = [[24.4, 60.0], [25.4, 60.0], [25.4, 60.5], [24.4, 60.5], [24.4, 60.0]];
  writeFileSync(file, JSON.stringify({ type: 'FeatureCollection', features: [{ type: 'Feature', properties: { network: 'fi-lower', school_id: schools.features[0].properties.tunn }, geometry: { type: 'Polygon', coordinates: [ring] } }] }));
  return file;
}

async function validateJson(units: string) {
  const io = captureIo();
  const code = await runCli(['validate', '--units', units, '--schools', SCHOOLS, '--catchments', oneCatchment(), '--format', 'json'], io);
  expect(code, io.err).toBe(0);
  return JSON.parse(io.out);
}

describe.skipIf(!present)('cli on the real open data', () => {
  it('reads the HSY grid: 5 784 cells, 1 117 552 inhabitants, 99-suppressed age bands counted', async () => {
    const out = await validateJson(HSY);
    expect(out.config).toContain('hsy');
    expect(out.units.count).toBe(5784);
    expect(out.suppression.populationTotal).toBe(1_117_552);
    // SOURCE.md: 2 746 cells have 99 in the age bands, of which (tests/core/pupil-base) 2 743 are
    // suppressed in every band; the others are genuine counts of 99 in cells of 100+ people.
    const ika0 = out.suppression.fields.find((f: { field: string }) => f.field === 'ika0_9');
    expect(ika0.suppressed).toBe(2743);
    expect(ika0.suppressed + ika0.sentinelKept).toBe(2746);
  });

  it('reads the school register: 267 schools, the Swedish ones recognised by name', async () => {
    const out = await validateJson(HSY);
    expect(out.schools.count).toBe(267);
    expect(out.schools.sv).toBeGreaterThan(0);
    expect(out.schools.fi + out.schools.sv).toBe(267);
  });

  it('reads Paavo postal areas as polygon units: 167 areas, he_vakiy sums as in SOURCE.md', async () => {
    const out = await validateJson(PAAVO);
    expect(out.units.kind).toBe('polygons');
    expect(out.units.count).toBe(167);
    // Helsinki 620 107 + Espoo 268 713 + Vantaa 211 673 + Kauniainen 9 244.
    expect(out.suppression.populationTotal).toBe(620_107 + 268_713 + 211_673 + 9_244);
  });

  it('prints indicators of a real dataset (HSY preset, apportioned age bands labelled as estimates)', async () => {
    const io = captureIo();
    const code = await runCli(['indicators', '--units', HSY, '--schools', SCHOOLS, '--catchments', oneCatchment(), '--network', 'fi-lower', '--format', 'json'], io);
    expect(code, io.err).toBe(0);
    const out = JSON.parse(io.out);
    expect(out.estimated).toBe(true);
    expect(out.schools).toHaveLength(1);
    expect(out.schools[0].children).toBeGreaterThan(10_000);
  });
});
