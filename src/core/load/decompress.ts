/**
 * Checked decompression with a running size limit: gzip (every member's CRC-32 and length are
 * checked by the platform's DecompressionStream, which browsers and Node share) and raw deflate
 * for ZIP members (CRC-32 checked here against the archive's directory). Output is counted as it
 * comes, so a small archive that expands to gigabytes is refused as soon as it passes the limit.
 */

/** The expanded data passed `limit` bytes. */
export class OverLimit extends Error {
  readonly limit: number;
  constructor(limit: number) {
    super(`expands to more than ${limit} bytes`);
    this.limit = limit;
  }
}

/** Damaged compressed data (the message says how). */
export class Corrupt extends Error {}

/**
 * Decompress `bytes` ('gzip' or 'deflate-raw'), refusing output over `limit` bytes.
 * Throws OverLimit or Corrupt.
 */
export async function inflateLimited(bytes: Uint8Array, format: 'gzip' | 'deflate-raw', limit: number): Promise<Uint8Array> {
  const stream = new DecompressionStream(format);
  const writer = stream.writable.getWriter();
  writer.write(bytes as Uint8Array<ArrayBuffer>).catch(() => {});
  writer.close().catch(() => {});
  const reader = stream.readable.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      total += value.length;
      if (total > limit) {
        await reader.cancel().catch(() => {});
        throw new OverLimit(limit);
      }
      chunks.push(value);
    }
  } catch (e) {
    if (e instanceof OverLimit) throw e;
    throw new Corrupt(describe(e));
  }
  if (chunks.length === 1) return chunks[0];
  const out = new Uint8Array(total);
  let p = 0;
  for (const c of chunks) {
    out.set(c, p);
    p += c.length;
  }
  return out;
}

function describe(e: unknown): string {
  const m = e instanceof Error ? e.message : String(e);
  if (/data check|crc/i.test(m)) return 'its CRC-32 checksum does not match the data';
  if (/length check/i.test(m)) return 'its recorded length does not match the data';
  if (/end of file|unexpected end|truncat/i.test(m)) return 'it ends early (truncated)';
  if (/header check|junk|trailing/i.test(m)) return 'it has bytes after the compressed data that are not another gzip member';
  return m || 'the compressed data is damaged';
}

let table: Uint32Array | null = null;

/** CRC-32 (IEEE 802.3, as in gzip and ZIP). */
export function crc32(bytes: Uint8Array): number {
  if (!table) {
    table = new Uint32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      table[n] = c >>> 0;
    }
  }
  let c = 0xffffffff;
  for (let i = 0; i < bytes.length; i++) c = table[(c ^ bytes[i]) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
