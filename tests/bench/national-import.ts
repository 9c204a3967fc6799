/**
 * `national_import_ms` of `npm run bench`: the import wizard's worker side (import-service.ts,
 * run in Node) on the generated national file set (tests/helpers/national-files.ts): the
 * Paavo-like file as units and as planning area, the register-like file as schools, the area
 * filter kuntano = 837, the school filters kunta = 837 and olo = 0, catchments generated, up to
 * the Check step's report. Returns the milliseconds of each stage.
 */
import { createImportService } from '../../src/app/workers/import-service';
import { ok } from '../../src/core/model/result';
import type { DatasetSummary } from '../../src/app/workers/engine-protocol';
import { paavoNational, registerNational, TAMPERE } from '../helpers/national-files';

export interface NationalImportTiming {
  read_ms: number;
  fields_ms: number;
  schools_ms: number;
  check_ms: number;
  total_ms: number;
  units_kept: number;
  schools_chosen: number;
  networks: number;
}

export async function nationalImport(files = { paavo: paavoNational(), register: registerNational() }): Promise<NationalImportTiming> {
  const service = createImportService(async (d) => ok({ name: d.name } as DatasetSummary));
  const enc = new TextEncoder();
  const none = () => undefined;
  const t0 = performance.now();
  const must = <T>(r: { ok: true; value: T } | { ok: false; problems: unknown[] }, what: string): T => {
    if (!r.ok) throw new Error(`${what}: ${JSON.stringify(r.problems)}`);
    return r.value;
  };
  must(await service.read('units', { name: 'paavo_finland.geojson', bytes: enc.encode(files.paavo) }, null, none), 'units');
  must(await service.read('boundary', { name: 'paavo_finland.geojson', bytes: enc.encode(files.paavo) }, null, none), 'boundary');
  must(await service.read('schools', { name: 'register_finland.geojson', bytes: enc.encode(files.register) }, null, none), 'schools');
  const t1 = performance.now();
  const fields = must(await service.fields(), 'fields');
  must(await service.applyFields({ preset: fields.detectedPreset ?? 'paavo', mapping: fields.mapping }), 'applyFields');
  const t2 = performance.now();
  const info = must(
    await service.schools({
      filter: null,
      filters: [{ field: 'kunta', op: '=', value: TAMPERE }, { field: 'olo', op: '=', value: '0' }],
      area: null,
      areaFilters: [{ field: 'kuntano', op: '=', value: TAMPERE }],
      overrides: {},
      generate: true,
    }),
    'schools',
  );
  const t3 = performance.now();
  const check = must(await service.check(), 'check');
  const t4 = performance.now();
  return {
    read_ms: t1 - t0,
    fields_ms: t2 - t1,
    schools_ms: t3 - t2,
    check_ms: t4 - t3,
    total_ms: t4 - t0,
    units_kept: info.area?.unitsKept ?? 0,
    schools_chosen: check.schoolCount,
    networks: check.networks.length,
  };
}

/**
 * The straightforward baseline: catchments generated for every school of the register over the
 * whole country (the units' hull), before any filter, as the wizard did on entering the Schools
 * step (it then overflowed the clipper; with the bounded Voronoi it completes). Same reading.
 */
export async function nationalImportUnfiltered(files = { paavo: paavoNational(), register: registerNational() }): Promise<number> {
  const service = createImportService(async (d) => ok({ name: d.name } as DatasetSummary));
  const enc = new TextEncoder();
  const none = () => undefined;
  const t0 = performance.now();
  await service.read('units', { name: 'paavo_finland.geojson', bytes: enc.encode(files.paavo) }, null, none);
  await service.read('schools', { name: 'register_finland.geojson', bytes: enc.encode(files.register) }, null, none);
  const fields = await service.fields();
  if (!fields.ok) throw new Error('fields');
  await service.applyFields({ preset: 'paavo', mapping: fields.value.mapping });
  await service.schools({ filter: null, overrides: {}, generate: true });
  const check = await service.check();
  if (!check.ok || check.value.errors.length) throw new Error('baseline check');
  return performance.now() - t0;
}
