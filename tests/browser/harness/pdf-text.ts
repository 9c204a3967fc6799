/**
 * Text of a PDF written by Chromium (Skia), with positions: enough to check a printed report
 * (which text is on which page, and in what order from top to bottom). Reads uncompressed or
 * Flate-compressed content streams, Type0/Identity-H fonts through their ToUnicode maps (and
 * simple fonts as Latin-1), the text operators BT/ET, Tf, Tm, Td/TD/T*, Tj/TJ/'/", the cm
 * transform and form XObjects. Not a general PDF reader: no encryption, no object streams
 * (Chromium writes neither), no text rise or vertical writing.
 */
import { unzlibSync } from 'fflate';

export interface PdfTextRun {
  text: string;
  /** Position of the run's start in PDF points from the page's lower-left corner. */
  x: number;
  y: number;
  /** Font size × vertical scale of the text matrix, points. */
  size: number;
}

type Obj = { dict: string; stream: Uint8Array | null };
type Matrix = [number, number, number, number, number, number];

const latin1 = (b: Uint8Array) => Buffer.from(b).toString('latin1');
const mul = (m: Matrix, n: Matrix): Matrix => [
  m[0] * n[0] + m[1] * n[2], m[0] * n[1] + m[1] * n[3],
  m[2] * n[0] + m[3] * n[2], m[2] * n[1] + m[3] * n[3],
  m[4] * n[0] + m[5] * n[2] + n[4], m[4] * n[1] + m[5] * n[3] + n[5],
];
const ID: Matrix = [1, 0, 0, 1, 0, 0];

function readObjects(pdf: Uint8Array): Map<number, Obj> {
  const text = latin1(pdf);
  const objects = new Map<number, Obj>();
  const head = /(\d+) 0 obj\s*/g;
  for (let m = head.exec(text); m; m = head.exec(text)) {
    const start = m.index + m[0].length;
    const end = text.indexOf('endobj', start);
    const body = text.slice(start, end);
    const s = body.indexOf('stream');
    if (s < 0) {
      objects.set(Number(m[1]), { dict: body, stream: null });
      continue;
    }
    const dict = body.slice(0, s);
    let from = start + s + 'stream'.length;
    if (text[from] === '\r') from++;
    if (text[from] === '\n') from++;
    const length = Number(/\/Length (\d+)(?! 0 R)/.exec(dict)?.[1] ?? NaN);
    const to = Number.isFinite(length) ? from + length : text.indexOf('endstream', from);
    let bytes = pdf.subarray(from, to);
    if (/\/FlateDecode/.test(dict)) bytes = unzlibSync(bytes);
    objects.set(Number(m[1]), { dict, stream: bytes });
    head.lastIndex = end;
  }
  return objects;
}

/** The dictionary text of `key` (inline << … >> or through a reference). */
function subDict(objects: Map<number, Obj>, dict: string, key: string): string {
  const at = dict.indexOf(`/${key}`);
  if (at < 0) return '';
  const rest = dict.slice(at + key.length + 1).trimStart();
  const ref = /^(\d+) 0 R/.exec(rest);
  if (ref) return objects.get(Number(ref[1]))?.dict ?? '';
  if (!rest.startsWith('<<')) return '';
  let depth = 0;
  for (let i = 0; i < rest.length - 1; i++) {
    if (rest.startsWith('<<', i)) depth++, i++;
    else if (rest.startsWith('>>', i) && --depth === 0) return rest.slice(0, i + 2);
  }
  return rest;
}

const refsIn = (dict: string): Map<string, number> => new Map([...dict.matchAll(/\/([\w.+-]+)\s+(\d+) 0 R/g)].map((m) => [m[1], Number(m[2])]));

/** Glyph code (hex) → text, from a ToUnicode CMap. */
function toUnicode(cmap: string): Map<string, string> {
  const map = new Map<string, string>();
  const hex = (h: string) => String.fromCodePoint(...(h.match(/.{4}/g) ?? []).map((c) => parseInt(c, 16)));
  for (const block of cmap.matchAll(/beginbfchar([\s\S]*?)endbfchar/g)) {
    for (const m of block[1].matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>/g)) map.set(m[1].toUpperCase(), hex(m[2]));
  }
  for (const block of cmap.matchAll(/beginbfrange([\s\S]*?)endbfrange/g)) {
    for (const m of block[1].matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>/g)) {
      const [a, b, d] = [parseInt(m[1], 16), parseInt(m[2], 16), parseInt(m[3], 16)];
      for (let c = a; c <= b; c++) map.set(c.toString(16).toUpperCase().padStart(m[1].length, '0'), String.fromCodePoint(d + c - a));
    }
  }
  return map;
}

type Font = { cmap: Map<string, string> | null; bytes: number };

function fontsOf(objects: Map<number, Obj>, resources: string): Map<string, Font> {
  const fonts = new Map<string, Font>();
  for (const [name, ref] of refsIn(subDict(objects, resources, 'Font'))) {
    const dict = objects.get(ref)?.dict ?? '';
    const tu = /\/ToUnicode (\d+) 0 R/.exec(dict);
    const cmap = tu ? toUnicode(latin1(objects.get(Number(tu[1]))?.stream ?? new Uint8Array())) : null;
    fonts.set(name, { cmap, bytes: /\/Type0/.test(dict) ? 2 : 1 });
  }
  return fonts;
}

function decodeString(token: string, font: Font | undefined): string {
  let hex: string;
  if (token.startsWith('<')) hex = token.slice(1, -1).replace(/\s/g, '').toUpperCase();
  else {
    const raw = token.slice(1, -1).replace(/\\([nrtbf()\\]|[0-7]{1,3})/g, (_, e: string) =>
      /^[0-7]/.test(e) ? String.fromCharCode(parseInt(e, 8)) : ({ n: '\n', r: '\r', t: '\t', b: '\b', f: '\f' } as Record<string, string>)[e] ?? e);
    hex = [...raw].map((c) => c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')).join('');
  }
  const step = (font?.bytes ?? 1) * 2;
  let out = '';
  for (let i = 0; i < hex.length; i += step) {
    const code = hex.slice(i, i + step);
    out += font?.cmap?.get(code) ?? String.fromCharCode(parseInt(code, 16));
  }
  return out;
}

const TOKEN = /\((?:\\.|[^\\)])*\)|<[0-9a-fA-F\s]*>|\[|\]|\/[^\s/[\]()<>]+|[-+]?\d*\.?\d+(?:e[-+]?\d+)?|[A-Za-z'"*]+|<<|>>/g;

function runContent(objects: Map<number, Obj>, content: string, resources: string, ctm0: Matrix, out: PdfTextRun[]): void {
  const fonts = fontsOf(objects, resources);
  const xobjects = refsIn(subDict(objects, resources, 'XObject'));
  const stack: Matrix[] = [];
  let ctm = ctm0;
  let tm: Matrix = ID;
  let line: Matrix = ID;
  let font: Font | undefined;
  let size = 0;
  let leading = 0;
  const operands: string[] = [];
  let array: string[] | null = null;
  const show = (strings: string[]) => {
    const text = strings.map((s) => decodeString(s, font)).join('');
    const m = mul(tm, ctm);
    if (text.trim()) out.push({ text, x: m[4], y: m[5], size: Math.abs(size * Math.hypot(m[2], m[3])) });
  };
  const num = (i: number) => Number(operands[operands.length - i]);
  for (const [tok] of content.matchAll(TOKEN)) {
    if (tok === '[') array = [];
    else if (tok === ']') {
      operands.push(JSON.stringify(array));
      array = null;
    } else if (array) {
      if (tok.startsWith('(') || tok.startsWith('<')) array.push(tok);
    } else if (/^[A-Za-z'"*]/.test(tok) && !tok.startsWith('/')) {
      switch (tok) {
        case 'q': stack.push(ctm); break;
        case 'Q': ctm = stack.pop() ?? ctm0; break;
        case 'cm': ctm = mul([num(6), num(5), num(4), num(3), num(2), num(1)], ctm); break;
        case 'BT': tm = line = ID; break;
        case 'Tf': font = fonts.get(operands[operands.length - 2]?.slice(1)); size = num(1); break;
        case 'TL': leading = num(1); break;
        case 'Tm': tm = line = [num(6), num(5), num(4), num(3), num(2), num(1)]; break;
        case 'Td': case 'TD': tm = line = mul([1, 0, 0, 1, num(2), num(1)], line); if (tok === 'TD') leading = -num(1); break;
        case 'T*': tm = line = mul([1, 0, 0, 1, 0, -leading], line); break;
        case 'Tj': case "'": case '"': show([operands[operands.length - 1]]); break;
        case 'TJ': show(JSON.parse(operands[operands.length - 1]) as string[]); break;
        case 'Do': {
          const ref = xobjects.get(operands[operands.length - 1]?.slice(1));
          const x = ref === undefined ? undefined : objects.get(ref);
          if (x?.stream && /\/Subtype\s*\/Form/.test(x.dict)) {
            const mm = /\/Matrix\s*\[([^\]]*)\]/.exec(x.dict)?.[1].trim().split(/\s+/).map(Number) as Matrix | undefined;
            runContent(objects, latin1(x.stream), subDict(objects, x.dict, 'Resources') || resources, mm ? mul(mm, ctm) : ctm, out);
          }
          break;
        }
      }
      operands.length = 0;
    } else operands.push(tok);
  }
}

/** Text runs of every page, in page order; each page's runs sorted top to bottom, then left to right. */
export function pdfPagesText(pdf: Uint8Array): PdfTextRun[][] {
  const objects = readObjects(pdf);
  const root = [...objects.values()].find((o) => /\/Type\s*\/Pages\b/.test(o.dict) && !/\/Parent/.test(o.dict));
  if (!root) throw new Error('pdfPagesText: no page tree');
  const pages: PdfTextRun[][] = [];
  const walk = (dict: string) => {
    const kids = /\/Kids\s*\[([^\]]*)\]/.exec(dict)?.[1].match(/(\d+) 0 R/g) ?? [];
    for (const k of kids) {
      const kid = objects.get(parseInt(k, 10))?.dict ?? '';
      if (/\/Type\s*\/Pages\b/.test(kid)) walk(kid);
      else {
        const runs: PdfTextRun[] = [];
        const contents = /\/Contents\s*(\[[^\]]*\]|\d+ 0 R)/.exec(kid)?.[1].match(/(\d+) 0 R/g) ?? [];
        const content = contents.map((c) => latin1(objects.get(parseInt(c, 10))?.stream ?? new Uint8Array())).join('\n');
        runContent(objects, content, subDict(objects, kid, 'Resources'), ID, runs);
        runs.sort((a, b) => b.y - a.y || a.x - b.x);
        pages.push(runs);
      }
    }
  };
  walk(root.dict);
  return pages;
}

/** Runs on (about) the same baseline joined into lines, top to bottom. */
export function pdfLines(runs: PdfTextRun[], tolerance = 2): { text: string; y: number; size: number }[] {
  const lines: { text: string; y: number; size: number; x: number }[] = [];
  for (const r of runs) {
    const last = lines[lines.length - 1];
    if (last && Math.abs(last.y - r.y) <= tolerance) {
      last.text += (r.x - last.x > 0 ? ' ' : '') + r.text;
      last.x = r.x;
      last.size = Math.max(last.size, r.size);
    } else lines.push({ text: r.text, y: r.y, size: r.size, x: r.x });
  }
  return lines.map(({ text, y, size }) => ({ text: text.replace(/\s+/g, ' ').trim(), y, size }));
}
