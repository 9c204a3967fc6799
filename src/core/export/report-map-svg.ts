/**
 * The map of the impact report as an inline SVG string, drawn from EPSG:3067 geometry
 * (metres; SVG y grows downwards, so y is flipped): every catchment after the change in thin
 * grey, changed catchments outlined strongly, the area that changed school hatched, school
 * points with labels that never overlap (report-label-placement.ts: changed schools first, a
 * leader line where a label sits away from its point, dropped when nothing fits), a scale bar
 * and a north arrow (EPSG:3067 grid north; it differs from
 * true north by under 3° in Finland).
 */
import type { BBox, MultiPolygon, Position } from '../model/geometry-types';
import { multiPolygonBBox } from '../geometry/bbox';
import { placeLabels } from './report-label-placement';

const LABEL_SIZE = 10.5;

export interface ReportMapInput {
  /** Catchments after the change (drawn thin grey), EPSG:3067. */
  catchments: MultiPolygon[];
  /** Indices of the changed catchments (outlined strongly). */
  changed: number[];
  /** Area that changed school (hatched), EPSG:3067. */
  changedArea: MultiPolygon;
  /** `changed` schools are labelled first. */
  schools: { label: string; location: Position; changed?: boolean }[];
  /** Optional municipal boundary for context. */
  boundary?: MultiPolygon;
  /** Width of the drawing in SVG user units (px at 96 dpi); default 680 (≈ 180 mm). */
  width?: number;
  /** Largest map height in the same units (tall areas are narrowed to fit an A4 page); default 760 (≈ 200 mm). */
  maxHeight?: number;
  /** Accessible title. */
  title: string;
}

const esc = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** A "nice" length (1, 2 or 5 × 10^k metres) close to `target`. */
export function niceLength(target: number): number {
  const p = 10 ** Math.floor(Math.log10(target));
  const m = target / p;
  return (m >= 5 ? 5 : m >= 2 ? 2 : 1) * p;
}

function extent(input: ReportMapInput): BBox {
  const boxes = [...input.catchments, input.boundary ?? []].map(multiPolygonBBox);
  const b: BBox = [Infinity, Infinity, -Infinity, -Infinity];
  for (const x of boxes) {
    b[0] = Math.min(b[0], x[0]);
    b[1] = Math.min(b[1], x[1]);
    b[2] = Math.max(b[2], x[2]);
    b[3] = Math.max(b[3], x[3]);
  }
  for (const s of input.schools) {
    b[0] = Math.min(b[0], s.location[0]);
    b[1] = Math.min(b[1], s.location[1]);
    b[2] = Math.max(b[2], s.location[0]);
    b[3] = Math.max(b[3], s.location[1]);
  }
  if (!b.every(Number.isFinite)) return [0, 0, 1000, 1000];
  const pad = Math.max(b[2] - b[0], b[3] - b[1], 100) * 0.04;
  return [b[0] - pad, b[1] - pad, b[2] + pad, b[3] + pad];
}

/** The map as an <svg> element string (self-contained: styles and hatch pattern inline). */
export function reportMapSvg(input: ReportMapInput): string {
  return reportMap(input).svg;
}

/** The map and the number of school labels left off because they did not fit. */
export function reportMap(input: ReportMapInput): { svg: string; dropped: number } {
  const [x0, y0, x1, y1] = extent(input);
  const scale = Math.min((input.width ?? 680) / (x1 - x0), (input.maxHeight ?? 760) / (y1 - y0));
  const width = Math.max((x1 - x0) * scale, 200);
  const mapHeight = (y1 - y0) * scale;
  const height = mapHeight + 40;
  const px = (x: number): string => ((x - x0) * scale).toFixed(1);
  const py = (y: number): string => ((y1 - y) * scale).toFixed(1);
  const path = (mp: MultiPolygon): string =>
    mp.map((p) => p.map((r) => `M${r.map(([x, y]) => `${px(x)} ${py(y)}`).join('L')}Z`).join('')).join('');
  const parts: string[] = [];
  parts.push(`<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width.toFixed(1)} ${height.toFixed(1)}" width="100%" style="max-width:${width.toFixed(0)}px" role="img" aria-label="${esc(input.title)}">`);
  parts.push(`<title>${esc(input.title)}</title>`);
  parts.push('<defs><pattern id="hatch" patternUnits="userSpaceOnUse" width="6" height="6" patternTransform="rotate(45)"><line x1="0" y1="0" x2="0" y2="6" stroke="#c0392b" stroke-width="2"/></pattern></defs>');
  if (input.boundary?.length) parts.push(`<path d="${path(input.boundary)}" fill="#f7f7f7" stroke="#bbb" stroke-width="0.8" fill-rule="evenodd"/>`);
  input.catchments.forEach((mp) => parts.push(`<path class="catchment" d="${path(mp)}" fill="none" stroke="#999" stroke-width="0.6" fill-rule="evenodd"/>`));
  if (input.changedArea.length) parts.push(`<path class="changed-area" d="${path(input.changedArea)}" fill="url(#hatch)" stroke="none" fill-rule="evenodd"/>`);
  for (const i of input.changed) {
    const mp = input.catchments[i];
    if (mp?.length) parts.push(`<path class="changed-catchment" d="${path(mp)}" fill="none" stroke="#111" stroke-width="2.2" fill-rule="evenodd"/>`);
  }
  const requests = input.schools.map((s) => ({ x: Number(px(s.location[0])), y: Number(py(s.location[1])), text: s.label, priority: s.changed ? 1 : 0 }));
  const { placed, dropped } = placeLabels(requests, { fontSize: LABEL_SIZE, width, height: mapHeight, pointRadius: 4 });
  for (const l of placed) {
    if (l.leader) parts.push(`<line class="leader" x1="${l.leader[0].toFixed(1)}" y1="${l.leader[1].toFixed(1)}" x2="${l.leader[2].toFixed(1)}" y2="${l.leader[3].toFixed(1)}" stroke="#555" stroke-width="0.7"/>`);
  }
  for (const r of requests) parts.push(`<circle cx="${r.x.toFixed(1)}" cy="${r.y.toFixed(1)}" r="4" fill="#1f4e79" stroke="#fff" stroke-width="1.2"/>`);
  for (const l of placed) {
    const b = l.box.map((v) => v.toFixed(1)).join(' ');
    parts.push(`<text class="school-label" data-box="${b}" x="${l.x.toFixed(1)}" y="${l.y.toFixed(1)}" text-anchor="${l.anchor}" font-size="${LABEL_SIZE}" font-family="sans-serif" fill="#111" paint-order="stroke" stroke="#fff" stroke-width="3">${esc(requests[l.index].text)}</text>`);
  }
  // Scale bar: about a fifth of the map width, 1/2/5 × 10^k metres.
  const metres = niceLength((x1 - x0) / 5);
  const barPx = metres * scale;
  const label = metres >= 1000 ? `${metres / 1000} km` : `${metres} m`;
  const by = mapHeight + 22;
  parts.push(`<g class="scale-bar"><rect x="10" y="${by.toFixed(1)}" width="${barPx.toFixed(1)}" height="6" fill="#111"/><text x="${(14 + barPx).toFixed(1)}" y="${(by + 7).toFixed(1)}" font-size="11" font-family="sans-serif">${label}</text></g>`);
  // North arrow in the top right corner.
  const nx = width - 24;
  parts.push(`<g class="north-arrow"><path d="M${nx} 10L${nx + 8} 34L${nx} 28L${nx - 8} 34Z" fill="#111"/><text x="${nx}" y="48" font-size="12" font-family="sans-serif" text-anchor="middle">N</text></g>`);
  parts.push('</svg>');
  return { svg: parts.join(''), dropped: dropped.length };
}
