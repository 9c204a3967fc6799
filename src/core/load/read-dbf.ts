/**
 * dBASE (.dbf) attribute tables of Shapefiles, with the text encoding taken from the .cpg
 * file, else detected: valid UTF-8 is read as UTF-8, anything else as windows-1252 (a superset
 * of ISO-8859-1 for printable characters), so Finnish ä, ö and å come out right either way.
 */
import { UserError } from '../model/result';

export interface DbfField {
  name: string;
  /** dBASE type letter: C text, N/F number, L logical, D date, I int32, O double, M memo. */
  type: string;
  length: number;
  decimals: number;
  /** Byte offset of the field inside a record (after the deletion flag). */
  offset: number;
}

export interface DbfTable {
  fields: DbfField[];
  count: number;
  /** Encoding used for text fields ("utf-8", "windows-1252", …) and where it came from. */
  encoding: string;
  encodingSource: 'cpg' | 'detected';
  /** Values of record `i` (0-based), keyed by field name; deleted records give null. */
  record(i: number): Record<string, string | number | boolean | null> | null;
}

/** Map a .cpg text ("UTF-8", "1252", "ANSI 1252", "ISO-8859-1", "88591", "LATIN1") to a TextDecoder label; null when unknown. */
export function encodingFromCpg(cpg: string): string | null {
  const t = cpg.trim().toUpperCase().replace(/\s+/g, ' ');
  if (!t) return null;
  if (/UTF-?8/.test(t)) return 'utf-8';
  if (/1252/.test(t) || /^ANSI$/.test(t)) return 'windows-1252';
  if (/8859-?15|885915|LATIN-?9/.test(t)) return 'iso-8859-15';
  if (/8859-?1\b|88591$|LATIN-?1/.test(t)) return 'windows-1252';
  try {
    return new TextDecoder(t.toLowerCase()).encoding;
  } catch {
    return null;
  }
}

function isUtf8(bytes: Uint8Array): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

const damaged = (file: string, message: string) =>
  new UserError({
    code: 'invalid-dbf',
    message: `The attribute table (.dbf) is damaged: ${message}.`,
    fix: 'Export the layer again (QGIS "Save Features As… → ESRI Shapefile" or FlatGeobuf), then zip the .shp, .shx, .dbf, .prj and .cpg together.',
    file,
  });

/** Parse a .dbf file. Throws UserError ('invalid-dbf', 'non-numeric-value') on damage. */
export function readDbf(file: string, bytes: Uint8Array, cpg?: string | null): DbfTable {
  if (bytes.length < 33) throw damaged(file, `it has only ${bytes.length} bytes`);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const count = view.getUint32(4, true);
  const headerLength = view.getUint16(8, true);
  const recordLength = view.getUint16(10, true);
  if (headerLength > bytes.length || headerLength < 33) throw damaged(file, `the header length ${headerLength} does not fit the file (${bytes.length} bytes)`);
  if (headerLength + count * recordLength > bytes.length) throw damaged(file, `the header announces ${count} records of ${recordLength} bytes but the file has only ${bytes.length} bytes (truncated?)`);
  const fields: DbfField[] = [];
  let offset = 1;
  for (let p = 32; p + 32 <= headerLength && bytes[p] !== 0x0d; p += 32) {
    let end = p;
    while (end < p + 11 && bytes[end] !== 0) end++;
    const name = new TextDecoder('windows-1252').decode(bytes.subarray(p, end)).trim();
    const field = { name, type: String.fromCharCode(bytes[p + 11]).toUpperCase(), length: bytes[p + 16], decimals: bytes[p + 17], offset };
    fields.push(field);
    offset += field.length;
  }
  if (offset > recordLength) throw damaged(file, `the fields take ${offset} bytes but a record has ${recordLength}`);
  const records = bytes.subarray(headerLength, headerLength + count * recordLength);
  const fromCpg = cpg ? encodingFromCpg(cpg) : null;
  const encoding = fromCpg ?? (isUtf8(records) ? 'utf-8' : 'windows-1252');
  const decoder = new TextDecoder(encoding);
  const record = (i: number) => {
    const base = i * recordLength;
    if (records[base] === 0x2a) return null; // '*' = deleted
    const out: Record<string, string | number | boolean | null> = {};
    for (const f of fields) out[f.name] = fieldValue(file, i, f, records.subarray(base + f.offset, base + f.offset + f.length), decoder);
    return out;
  };
  return { fields, count, encoding, encodingSource: fromCpg ? 'cpg' : 'detected', record };
}

function ascii(raw: Uint8Array): string {
  let s = '';
  for (let k = 0; k < raw.length; k++) s += String.fromCharCode(raw[k]);
  return s.replace(/\0/g, '').trim();
}

function fieldValue(file: string, i: number, f: DbfField, raw: Uint8Array, decoder: TextDecoder): string | number | boolean | null {
  switch (f.type) {
    case 'N':
    case 'F': {
      const s = ascii(raw);
      if (s === '' || /^\*+$/.test(s) || /^-?\.?$/.test(s)) return null; // empty, overflow stars
      const n = Number(s.replace(',', '.'));
      if (!Number.isFinite(n))
        throw new UserError({
          code: 'non-numeric-value',
          message: `Record ${i} has ${JSON.stringify(s)} in numeric field "${f.name}" (dBASE type ${f.type}), which is not a number.`,
          fix: 'Correct the value in a GIS (or the .dbf in a spreadsheet that keeps the type), leave missing values empty, and export again.',
          file,
          feature: i,
          field: f.name,
        });
      return n;
    }
    case 'I':
      return raw.length >= 4 ? new DataView(raw.buffer, raw.byteOffset, 4).getInt32(0, true) : null;
    case 'O':
      return raw.length >= 8 ? new DataView(raw.buffer, raw.byteOffset, 8).getFloat64(0, true) : null;
    case 'L': {
      const c = ascii(raw).toUpperCase();
      return c === 'T' || c === 'Y' ? true : c === 'F' || c === 'N' ? false : null;
    }
    case 'D': {
      const s = ascii(raw);
      return /^\d{8}$/.test(s) ? `${s.slice(0, 4)}-${s.slice(4, 6)}-${s.slice(6, 8)}` : s || null;
    }
    case 'M':
      return null; // memo text lives in a .dbt file, which is not read
    default: {
      const s = decoder.decode(raw).replace(/\0+$/, '').trim();
      return s === '' ? null : s;
    }
  }
}
