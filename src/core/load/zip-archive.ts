/**
 * A checked ZIP reader: the central directory is parsed and checked against each member's local
 * header (sizes, CRC, method), and each member read is inflated with a running limit and its size
 * and CRC-32 compared with the directory, so a damaged, truncated or lying archive is an error,
 * never a shorter file.
 */
import { Corrupt, crc32, inflateLimited, OverLimit } from './decompress';

export interface ZipEntry {
  name: string;
  method: number;
  crc: number;
  compressedSize: number;
  size: number;
  /** Offset of the member's local header. */
  localOffset: number;
  flags: number;
}

/** A damaged archive; the message says what is wrong. */
export class ZipDamaged extends Error {}

const u16 = (b: Uint8Array, p: number) => b[p] | (b[p + 1] << 8);
const u32 = (b: Uint8Array, p: number) => (b[p] | (b[p + 1] << 8) | (b[p + 2] << 16) | (b[p + 3] << 24)) >>> 0;
const sig = (b: Uint8Array, p: number, s: number) => p + 4 <= b.length && u32(b, p) === s;

/** The archive's directory. Throws ZipDamaged. */
export function zipEntries(bytes: Uint8Array): ZipEntry[] {
  let eocd = -1;
  for (let p = bytes.length - 22; p >= Math.max(0, bytes.length - 22 - 0xffff); p--)
    if (sig(bytes, p, 0x06054b50)) {
      eocd = p;
      break;
    }
  if (eocd < 0) throw new ZipDamaged('its end-of-directory record is missing (the archive is truncated)');
  const count = u16(bytes, eocd + 10);
  const cdSize = u32(bytes, eocd + 12);
  const cdOffset = u32(bytes, eocd + 16);
  if (count === 0xffff || cdOffset === 0xffffffff) throw new ZipDamaged('it is a ZIP64 archive (over 4 GB or 65 535 members), which is not supported');
  if (cdOffset + cdSize > eocd) throw new ZipDamaged(`its directory (${cdSize} bytes at ${cdOffset}) runs past the end of the data (truncated?)`);
  const entries: ZipEntry[] = [];
  let p = cdOffset;
  for (let i = 0; i < count; i++) {
    if (!sig(bytes, p, 0x02014b50) || p + 46 > cdOffset + cdSize) throw new ZipDamaged(`directory entry ${i} of ${count} is damaged`);
    const nameLength = u16(bytes, p + 28);
    const e: ZipEntry = {
      flags: u16(bytes, p + 8),
      method: u16(bytes, p + 10),
      crc: u32(bytes, p + 16),
      compressedSize: u32(bytes, p + 20),
      size: u32(bytes, p + 24),
      localOffset: u32(bytes, p + 42),
      name: new TextDecoder('utf-8').decode(bytes.subarray(p + 46, p + 46 + nameLength)),
    };
    if (e.size === 0xffffffff || e.compressedSize === 0xffffffff) throw new ZipDamaged(`member "${e.name}" uses ZIP64 sizes (over 4 GB), which are not supported`);
    entries.push(e);
    p += 46 + nameLength + u16(bytes, p + 30) + u16(bytes, p + 32);
  }
  return entries;
}

/**
 * Read one member, refusing more than `limit` bytes. Throws ZipDamaged (damage, lies, unsupported
 * method or encryption) or OverLimit.
 */
export async function readEntry(bytes: Uint8Array, e: ZipEntry, limit: number): Promise<Uint8Array> {
  const at = e.localOffset;
  if (!sig(bytes, at, 0x04034b50)) throw new ZipDamaged(`member "${e.name}" has no local header where the directory says`);
  if (e.flags & 1) throw new ZipDamaged(`member "${e.name}" is encrypted`);
  const localMethod = u16(bytes, at + 8);
  const descriptor = (u16(bytes, at + 6) & 8) !== 0;
  if (localMethod !== e.method || (!descriptor && (u32(bytes, at + 14) !== e.crc || u32(bytes, at + 18) !== e.compressedSize || u32(bytes, at + 22) !== e.size)))
    throw new ZipDamaged(`member "${e.name}" has a local header that disagrees with the directory (method, size or CRC)`);
  const start = at + 30 + u16(bytes, at + 26) + u16(bytes, at + 28);
  const end = start + e.compressedSize;
  if (end > bytes.length) throw new ZipDamaged(`member "${e.name}" runs past the end of the archive (truncated?)`);
  if (e.size > limit) throw new OverLimit(limit);
  const raw = bytes.subarray(start, end);
  let data: Uint8Array;
  if (e.method === 0) {
    if (e.compressedSize !== e.size) throw new ZipDamaged(`stored member "${e.name}" has different stored and declared sizes`);
    data = raw;
  } else if (e.method === 8) {
    try {
      // One byte more than declared: a member that expands beyond its declared size is caught at once.
      data = await inflateLimited(raw, 'deflate-raw', e.size + 1);
    } catch (x) {
      if (x instanceof OverLimit) throw new ZipDamaged(`member "${e.name}" expands to more than the ${e.size} bytes its directory entry declares`);
      throw new ZipDamaged(`member "${e.name}" cannot be inflated: ${(x as Corrupt).message}`);
    }
  } else throw new ZipDamaged(`member "${e.name}" uses compression method ${e.method}; only stored (0) and deflate (8) are supported`);
  if (data.length !== e.size) throw new ZipDamaged(`member "${e.name}" holds ${data.length} bytes but its directory entry declares ${e.size}`);
  if (crc32(data) !== e.crc) throw new ZipDamaged(`member "${e.name}" fails its CRC-32 check (the data is damaged)`);
  return data;
}
