/**
 * dBASE (.dbf) attribute tables of Shapefiles, with the text encoding taken from the .cpg
 * file, else detected: valid UTF-8 is read as UTF-8, anything else as windows-1252 (a superset
 * of ISO-8859-1 for printable characters), so Finnish ä, ö and å come out right either way.
 */
import { UserError, type Problem } from '../model/result';
import { encodingName, guessCodePage, isUtf8, textDecoder } from './code-pages';

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
  /** Warnings: the encoding was guessed, or the .cpg names an unknown encoding. */
  warnings: Problem[];
  /** Values of record `i` (0-based), keyed by field name; deleted records give null. */
  record(i: number): Record<string, string | number | boolean | null> | null;
}

/** Map a .cpg text ("UTF-8", "1252", "ANSI 1252", "ISO-8859-1", "88591", "LATIN1") to a TextDecoder label; null when unknown. */
export function encodingFromCpg(cpg: string): string | null {
  const t = cpg.trim().toUpperCase().replace(/\s+/g, ' ');
  if (!t) return null;
  if (/UTF-?8/.test(t)) return 'utf-8';
  if (/1252/.test(t) || /^ANSI$/.test(t)) return 'windows-1252';
  if (/^(CP|IBM|OEM|DOS)?[ -]?(850|437)$/.test(t)) return 'ibm850';
  if (/8859-?15|885915|LATIN-?9/.test(t)) return 'iso-8859-15';
  if (/8859-?1\b|88591$|LATIN-?1/.test(t)) return 'windows-1252';
  try {
    return new TextDecoder(t.toLowerCase()).encoding;
  } catch {
    return null;
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
  if (recordLength < 1) throw damaged(file, `the header gives a record length of ${recordLength} bytes`);
  if (headerLength + count * recordLength > bytes.length) throw damaged(file, `the header announces ${count} records of ${recordLength} bytes but the file has only ${bytes.length} bytes (truncated?)`);
  const spare = bytes.length - headerLength - count * recordLength;
  if (spare >= recordLength && bytes[headerLength + count * recordLength] !== 0x1a)
    throw damaged(file, `the header announces ${count} records but the file holds ${Math.floor(spare / recordLength)} more records of ${recordLength} bytes after them (the header's record count is wrong)`);
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
  const names = fields.map((f) => f.name.toLowerCase());
  const twice = names.findIndex((n, i) => names.indexOf(n) !== i);
  if (twice >= 0) throw damaged(file, `it has two fields named "${fields[twice].name}" (case ignored; dBASE names are cut to 10 characters), so one would hide the other`);
  if (offset !== recordLength) throw damaged(file, `the fields take ${offset} bytes (with the deletion flag) but the header gives records of ${recordLength} bytes`);
  const records = bytes.subarray(headerLength, headerLength + count * recordLength);
  const warnings: Problem[] = [];
  const fromCpg = cpg ? encodingFromCpg(cpg) : null;
  if (cpg && !fromCpg)
    warnings.push({ code: 'unknown-cpg', message: `The .cpg names the encoding ${JSON.stringify(cpg.trim().slice(0, 40))}, which this tool does not know; the text was decoded by guessing.`, fix: 'Write "UTF-8", "CP1252", "ISO-8859-1", "ISO-8859-15" or "CP850" in the .cpg, or check the names on the map.', file, field: '.cpg' });
  const encoding = fromCpg ?? detectEncoding(records, bytes[29], file, warnings);
  const decoder = textDecoder(encoding);
  const record = (i: number) => {
    const base = i * recordLength;
    if (records[base] === 0x2a) return null; // '*' = deleted
    const out: Record<string, string | number | boolean | null> = Object.create(null);
    for (const f of fields) out[f.name] = fieldValue(file, i, f, records.subarray(base + f.offset, base + f.offset + f.length), decoder);
    return out;
  };
  return { fields, count, encoding, encodingSource: fromCpg ? 'cpg' : 'detected', record, warnings };
}

/** dBASE language driver ids (header byte 29) of the code pages used in Finland. */
const LANGUAGE_DRIVERS: Record<number, string> = { 0x01: 'ibm850', 0x02: 'ibm850', 0x03: 'windows-1252', 0x57: 'windows-1252', 0x58: 'windows-1252', 0x59: 'windows-1252' };

/** Without a .cpg: UTF-8 when the text is valid UTF-8, else the language driver's code page, else the likelier of windows-1252 and CP850 (with a warning). */
function detectEncoding(records: Uint8Array, driver: number, file: string, warnings: Problem[]): string {
  if (isUtf8(records)) return 'utf-8';
  const fromDriver = LANGUAGE_DRIVERS[driver];
  const encoding = fromDriver ?? guessCodePage(records);
  warnings.push({
    code: 'encoding-detected',
    message: `The .dbf text is not UTF-8 and there is no .cpg file; it was read as ${encodingName(encoding)} (${fromDriver ? "the .dbf header's language driver" : 'the most likely code page for its letters'}).`,
    fix: 'Check names with ä, ö and å. If they are wrong, add a .cpg file naming the encoding (e.g. "CP1252" or "CP850") to the ZIP archive.',
    file,
    field: '.cpg',
  });
  return encoding;
}

function ascii(raw: Uint8Array): string {
  let s = '';
  for (let k = 0; k < raw.length; k++) s += String.fromCharCode(raw[k]);
  return s.replace(/\0/g, '').trim();
}

function fieldValue(file: string, i: number, f: DbfField, raw: Uint8Array, decoder: { decode(b: Uint8Array): string }): string | number | boolean | null {
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
