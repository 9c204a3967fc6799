/**
 * ZIP archives: a zipped Shapefile (.shp + .dbf + .prj + .cpg + .shx), or an archive holding
 * exactly one other supported file (GeoPackage, GeoJSON, FlatGeobuf, GML, CSV).
 */
import { unzipSync } from 'fflate';
import { fail, type Result } from '../model/result';
import type { FeatureTable } from './feature-table';
import { readShapefile } from './read-shapefile';
import type { BuilderOptions } from './table-builder';

const OTHER_FORMATS = /\.(gpkg|geojson|json|fgb|gml|xml|csv|tsv)$/i;

/** Read one member of the archive (another format) through the general reader. */
export type MemberReader = (name: string, bytes: Uint8Array) => Promise<Result<FeatureTable>>;

/** Unzip and read. `maxBytes` limits the unpacked size; `layer` picks a member by name (without extension). */
export async function readZip(
  file: string,
  bytes: Uint8Array,
  options: BuilderOptions & { maxBytes: number; layer?: string },
  readMember: MemberReader,
): Promise<Result<FeatureTable>> {
  let entries: Record<string, Uint8Array>;
  let unpacked = 0;
  try {
    entries = unzipSync(bytes, {
      filter: (f) => {
        unpacked += f.originalSize;
        if (unpacked > options.maxBytes) throw new TooLarge();
        return !f.name.endsWith('/') && !/(^|\/)__MACOSX\//.test(f.name) && !/(^|\/)\._/.test(f.name);
      },
    });
  } catch (e) {
    if (e instanceof TooLarge)
      return fail({ code: 'file-too-large', message: `The ZIP archive unpacks to more than the limit of ${(options.maxBytes / 1024 ** 2).toFixed(0)} MB.`, fix: 'Clip the data to the municipality or raise the limit (CLI: --max-mb).', file });
    return fail({ code: 'invalid-zip', message: `The ZIP archive cannot be unpacked (${(e as Error).message}); it is damaged or truncated.`, fix: 'Download or create the archive again.', file });
  }
  const names = Object.keys(entries);
  const stem = (n: string) => n.replace(/\.[^./]+$/, '');
  const base = (n: string) => stem(n).replace(/^.*\//, '');
  let shps = names.filter((n) => /\.shp$/i.test(n));
  if (options.layer) shps = shps.filter((n) => base(n) === options.layer);
  if (shps.length > 1)
    return fail({
      code: 'zip-multiple-layers',
      message: `The archive holds ${shps.length} Shapefiles (${shps.map(base).join(', ')}); it must hold one layer.`,
      fix: 'Zip each layer on its own (its .shp, .shx, .dbf, .prj and .cpg), or choose the layer by name.',
      file,
    });
  if (shps.length === 1) {
    const shp = shps[0];
    const part = (ext: string) => names.find((n) => stem(n) === stem(shp) && n.toLowerCase().endsWith(ext));
    const text = (ext: string) => {
      const n = part(ext);
      return n ? new TextDecoder('utf-8').decode(entries[n]) : undefined;
    };
    const dbf = part('.dbf');
    const r = readShapefile(`${file}/${base(shp)}.shp`, { shp: entries[shp], dbf: dbf ? entries[dbf] : undefined, prj: text('.prj'), cpg: text('.cpg') }, options);
    if (r.ok) r.value.layer = base(shp);
    return r;
  }
  const others = names.filter((n) => OTHER_FORMATS.test(n) && (!options.layer || base(n) === options.layer));
  if (others.length === 1) {
    const r = await readMember(`${file}/${others[0]}`, entries[others[0]]);
    if (r.ok) r.value.layer = base(others[0]);
    return r;
  }
  return fail({
    code: others.length ? 'zip-multiple-layers' : 'zip-without-shapefile',
    message: others.length
      ? `The archive holds ${others.length} data files (${others.join(', ')}) and no Shapefile; it must hold one layer.`
      : `The archive holds no .shp file and no other supported data file (it has: ${names.slice(0, 10).join(', ') || 'nothing'}${names.length > 10 ? ', …' : ''}).`,
    fix: 'Zip the .shp, .shx, .dbf and .prj (and .cpg) of one layer together, or give the GeoPackage/GeoJSON/FlatGeobuf/GML/CSV file itself.',
    file,
  });
}

class TooLarge extends Error {}
