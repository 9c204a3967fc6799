/**
 * ZIP archives: a zipped Shapefile (.shp + .dbf + .prj + .cpg + .shx), or an archive holding
 * exactly one other supported file (GeoPackage, GeoJSON, FlatGeobuf, GML, CSV).
 */
import { fail, ok, type Result, errorText } from '../model/result';
import { OverLimit } from './decompress';
import { readEntry, zipEntries, ZipDamaged, type ZipEntry } from './zip-archive';
import type { FeatureTable } from './feature-table';
import { readShapefile } from './read-shapefile';
import type { BuilderOptions } from './table-builder';

const OTHER_FORMATS = /\.(gpkg|geojson|json|fgb|gml|xml|csv|tsv|zip)(\.gz)?$/i;

/** Read one member of the archive (another format) through the general reader. */
export type MemberReader = (name: string, bytes: Uint8Array, remainingBytes: number) => Promise<Result<FeatureTable>>;

/** Unzip and read. `maxBytes` limits the unpacked size; `layer` picks a member by name (without extension). */
export async function readZip(
  file: string,
  bytes: Uint8Array,
  options: BuilderOptions & { maxBytes: number; layer?: string },
  readMember: MemberReader,
): Promise<Result<FeatureTable>> {
  let all: ZipEntry[];
  try {
    all = zipEntries(bytes).filter((f) => !f.name.endsWith('/') && !/(^|\/)__MACOSX\//.test(f.name) && !/(^|\/)\._/.test(f.name));
  } catch (e) {
    return fail(damagedZip(file, e));
  }
  const byName = new Map(all.map((e) => [e.name, e]));
  let budget = options.maxBytes;
  /** Read members by name, under the size limit; a Result failure when damaged or too large. */
  const extract = async (wanted: string[]): Promise<Result<Record<string, Uint8Array>>> => {
    const out: Record<string, Uint8Array> = Object.create(null);
    try {
      for (const n of wanted) {
        const data = await readEntry(bytes, byName.get(n)!, budget);
        budget -= data.length;
        out[n] = data;
      }
    } catch (e) {
      if (e instanceof OverLimit) return fail(tooLarge(file, options.maxBytes));
      return fail(damagedZip(file, e));
    }
    return ok(out);
  };
  const names = all.map((e) => e.name);
  const stem = (n: string) => n.replace(/(\.gz)?$/i, '').replace(/\.[^./]+$/, '');
  const base = (n: string) => stem(n).replace(/^.*\//, '');
  const allShps = names.filter((n) => /\.shp$/i.test(n));
  const shps = options.layer ? allShps.filter((n) => base(n) === options.layer) : allShps;
  if (options.layer && allShps.length && !shps.length)
    return fail({ code: 'missing-layer', message: `The archive has no Shapefile layer "${options.layer}" (it has: ${allShps.map(base).join(', ')}).`, fix: 'Choose one of the layers listed (CLI: --units-layer, --schools-layer, --catchments-layer).', file });
  if (shps.length > 1)
    return fail({
      code: 'zip-multiple-layers',
      message: `The archive holds ${shps.length} Shapefiles (${shps.map(base).join(', ')}); it must hold one layer.`,
      fix: 'Choose the layer by name (CLI: --units-layer, --schools-layer or --catchments-layer NAME), or zip each layer on its own (its .shp, .shx, .dbf, .prj and .cpg).',
      file,
    });
  if (shps.length === 1) {
    const shp = shps[0];
    const part = (ext: string) => names.find((n) => stem(n) === stem(shp) && n.toLowerCase().endsWith(ext));
    const wanted = [shp, ...['.dbf', '.prj', '.cpg', '.shx'].map(part).filter((n): n is string => n !== undefined)];
    const got = await extract(wanted);
    if (!got.ok) return got;
    const entries = got.value;
    const text = (ext: string) => {
      const n = part(ext);
      return n ? new TextDecoder('utf-8').decode(entries[n]) : undefined;
    };
    const dbf = part('.dbf');
    const shx = part('.shx');
    const r = readShapefile(`${file}/${base(shp)}.shp`, { shp: entries[shp], dbf: dbf ? entries[dbf] : undefined, shx: shx ? entries[shx] : undefined, prj: text('.prj'), cpg: text('.cpg') }, options);
    if (r.ok) {
      r.value.layer = base(shp);
      r.value.layers = allShps.map(base);
    }
    return r;
  }
  const others = names.filter((n) => OTHER_FORMATS.test(n) && (!options.layer || base(n) === options.layer));
  if (others.length === 1) {
    const got = await extract([others[0]]);
    if (!got.ok) return got;
    const r = await readMember(`${file}/${others[0]}`, got.value[others[0]], budget);
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

function tooLarge(file: string, maxBytes: number) {
  return { code: 'file-too-large', message: `The ZIP archive unpacks to more than the limit of ${(maxBytes / 1024 ** 2).toFixed(0)} MB.`, fix: 'Clip the data to the municipality or raise the limit (CLI: --max-mb, which applies to the unpacked size).', file };
}

function damagedZip(file: string, e: unknown) {
  const why = e instanceof ZipDamaged ? e.message : `it cannot be read: ${errorText(e)}`;
  return { code: 'invalid-zip', message: `The ZIP archive is damaged: ${why}.`, fix: 'Download or create the archive again (e.g. `zip layer.zip layer.*`), or give the files unzipped.', file };
}
