/**
 * Single-byte code pages of old Finnish data (dBASE tables, CSV exports): windows-1252,
 * ISO-8859-1/15 (through TextDecoder) and CP850 (DOS Latin-1, not in the WHATWG encodings, so
 * decoded here), and a guess of the most likely one for text that is not valid UTF-8.
 */

/** CP850 characters for bytes 0x80–0xFF. */
const CP850_HIGH =
  'ÇüéâäàåçêëèïîìÄÅÉæÆôöòûùÿÖÜø£Ø×ƒáíóúñÑªº¿®¬½¼¡«»░▒▓│┤ÁÂÀ©╣║╗╝¢¥┐└┴┬├─┼ãÃ╚╔╩╦╠═╬¤ðÐÊËÈıÍÎÏ┘┌█▄¦Ì▀ÓßÔÒõÕµþÞÚÛÙýÝ¯´\u00ad±‗¾¶§÷¸°¨·¹³²■\u00a0';

/** A decoder for `encoding`: a TextDecoder label, or "ibm850" (CP850). */
export function textDecoder(encoding: string): { decode(bytes: Uint8Array): string } {
  if (encoding === 'ibm850') return { decode: decodeCp850 };
  return new TextDecoder(encoding);
}

function decodeCp850(bytes: Uint8Array): string {
  let s = '';
  for (let i = 0; i < bytes.length; i++) s += bytes[i] < 0x80 ? String.fromCharCode(bytes[i]) : CP850_HIGH[bytes[i] - 0x80];
  return s;
}

/** Human name of an encoding label, for messages ("CP850", "windows-1252"). */
export function encodingName(encoding: string): string {
  return encoding === 'ibm850' ? 'CP850 (DOS Latin-1)' : encoding;
}

export function isUtf8(bytes: Uint8Array): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

const LIKELY = /[äöåÄÖÅéüÜÉ]/;

/**
 * The more likely of windows-1252 and CP850 for non-UTF-8 text: each byte over 0x7F scores 3 when
 * it decodes to a Finnish or Swedish letter (ä ö å é ü), 1 when to another letter, 0 otherwise.
 * Ties go to windows-1252.
 */
export function guessCodePage(bytes: Uint8Array): 'windows-1252' | 'ibm850' {
  const w = new TextDecoder('windows-1252');
  let score1252 = 0;
  let score850 = 0;
  const seen = new Uint8Array(256);
  for (let i = 0; i < bytes.length; i++) if (bytes[i] >= 0x80) seen[bytes[i]]++;
  for (let b = 0x80; b < 256; b++) {
    if (!seen[b]) continue;
    const a = w.decode(Uint8Array.of(b));
    const c = CP850_HIGH[b - 0x80];
    score1252 += seen[b] * (LIKELY.test(a) ? 3 : /\p{L}/u.test(a) ? 1 : 0);
    score850 += seen[b] * (LIKELY.test(c) ? 3 : /\p{L}/u.test(c) ? 1 : 0);
  }
  return score850 > score1252 ? 'ibm850' : 'windows-1252';
}
