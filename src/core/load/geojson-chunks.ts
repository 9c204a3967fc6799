/**
 * Reading a large GeoJSON FeatureCollection without one giant string: one pass over the UTF-8
 * bytes finds the "features" array and the byte range of each of its items (tracking strings,
 * escapes and nesting), then the items are decoded and parsed in batches of a few megabytes. The
 * rest of the object (type, crs, name …) is parsed on its own with the array left empty. A file
 * that ends early (open strings, objects or arrays) is reported as truncated.
 */

export interface ScannedCollection {
  /** The top-level object's text with the "features" array replaced by []. */
  skeleton: string;
  /** Byte ranges [start, end) of the items of "features". */
  starts: number[];
  ends: number[];
}

/** Why the bytes are not a complete JSON object (with the byte offset). */
export class ScanError extends Error {}

const WS = (b: number) => b === 0x20 || b === 0x0a || b === 0x0d || b === 0x09;

/**
 * Scan a JSON object for its top-level "features" array. Returns null when the text does not start
 * with "{" or has no top-level "features" array (the caller parses it whole). Throws ScanError when it ends early.
 */
export function scanFeatureCollection(bytes: Uint8Array): ScannedCollection | null {
  let p = bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  while (p < bytes.length && WS(bytes[p])) p++;
  if (bytes[p] !== 0x7b) return null;
  const decoder = new TextDecoder('utf-8');
  let depth = 0;
  let inString = false;
  let stringStart = -1;
  let lastKey = '';
  let lastString: [number, number] = [0, 0];
  let arrayStart = -1;
  let arrayEnd = -1;
  let itemStart = -1;
  let afterComma = false;
  const starts: number[] = [];
  const ends: number[] = [];
  const startOf = p;
  for (; p < bytes.length; p++) {
    if (inString) {
      // Jump to the next quote not escaped by an odd number of backslashes (indexOf is native and fast).
      let q = bytes.indexOf(0x22, p);
      while (q >= 0) {
        let k = q - 1;
        while (k >= stringStart && bytes[k] === 0x5c) k--;
        if ((q - 1 - k) % 2 === 0) break;
        q = bytes.indexOf(0x22, q + 1);
      }
      if (q < 0) break;
      inString = false;
      lastString = [stringStart, q];
      p = q;
      continue;
    }
    const b = bytes[p];
    if (WS(b)) continue;
    if (depth === 2 && arrayStart >= 0 && arrayEnd < 0 && itemStart < 0 && b !== 0x2c && b !== 0x5d) itemStart = p;
    switch (b) {
      case 0x22:
        inString = true;
        stringStart = p + 1;
        break;
      case 0x3a: // ':'
        if (depth === 1) lastKey = decoder.decode(bytes.subarray(lastString[0], lastString[1]));
        break;
      case 0x7b:
      case 0x5b:
        if (depth === 1 && b === 0x5b && lastKey === 'features') {
          if (arrayStart >= 0) throw new ScanError('the object has two "features" members');
          arrayStart = p;
        }
        depth++;
        break;
      case 0x7d:
      case 0x5d:
        if (depth === 2 && arrayStart >= 0 && arrayEnd < 0 && b === 0x5d) {
          if (afterComma && itemStart < 0) throw new ScanError(`the "features" array ends with a comma (at byte ${p})`);
          if (itemStart >= 0) {
            starts.push(itemStart);
            ends.push(p);
            itemStart = -1;
          }
          arrayEnd = p;
        }
        depth--;
        if (depth === 0) {
          p++;
          while (p < bytes.length && WS(bytes[p])) p++;
          if (p < bytes.length) throw new ScanError(`there is more data after the end of the JSON object (at byte ${p})`);
          if (arrayStart < 0 || arrayEnd < 0) return null;
          const skeleton = decoder.decode(bytes.subarray(startOf, arrayStart)) + '[]' + decoder.decode(bytes.subarray(arrayEnd + 1));
          return { skeleton, starts, ends };
        }
        break;
      case 0x2c: // ','
        if (depth === 2 && arrayStart >= 0 && arrayEnd < 0) {
          if (itemStart < 0) throw new ScanError(`the "features" array has an empty item (at byte ${p})`);
          starts.push(itemStart);
          ends.push(p);
          itemStart = -1;
          afterComma = true;
        }
        break;
    }
  }
  throw new ScanError(`it ends early (truncated) after ${bytes.length} bytes${inString ? ' inside a string' : `, with ${depth} object(s) or array(s) still open`}`);
}

/** Batches of about `batchBytes` of items: [first item index, parsed items]. Throws SyntaxError naming the item. */
export function* parsedItems(bytes: Uint8Array, scan: ScannedCollection, batchBytes = 4 * 1024 * 1024): Generator<[number, unknown[]]> {
  const decoder = new TextDecoder('utf-8');
  const { starts, ends } = scan;
  let i = 0;
  while (i < starts.length) {
    let j = i;
    while (j + 1 < starts.length && ends[j + 1] - starts[i] < batchBytes) j++;
    let items: unknown[];
    try {
      items = JSON.parse(`[${decoder.decode(bytes.subarray(starts[i], ends[j]))}]`) as unknown[];
    } catch {
      for (let k = i; k <= j; k++)
        try {
          JSON.parse(decoder.decode(bytes.subarray(starts[k], ends[k])));
        } catch (e) {
          throw new SyntaxError(`item ${k} of "features": ${(e as Error).message}`);
        }
      throw new SyntaxError(`items ${i}–${j} of "features" cannot be parsed`);
    }
    if (items.length !== j - i + 1) throw new SyntaxError(`items ${i}–${j} of "features" are malformed (${items.length} values where ${j - i + 1} were expected)`);
    yield [i, items];
    i = j + 1;
  }
}
