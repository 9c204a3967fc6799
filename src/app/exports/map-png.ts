/**
 * PNG of the map for reports, at least 2400 px wide: MapLibre and deck.gl are switched to the
 * pixel ratio that gives that width (both re-render their canvases at it), then both are
 * redrawn synchronously and copied in the same task (so the WebGL buffers are still valid
 * without preserveDrawingBuffer); the on-screen legend is drawn over them (dom-to-canvas.ts) at
 * the same scale, with a scale bar, a title band (scenario, network, dataset, date) and a source
 * line (data source, privacy note, map attribution). The ratios are restored afterwards.
 */
import type { MapView } from '../map/map-view';
import { niceLength } from '../../core/export/report-map-svg';
import { drawDom } from './dom-to-canvas';
import { MAP_BACKGROUND } from '../map/map-background';

/** Smallest width of the image, px. */
export const MIN_PNG_WIDTH = 2400;

export interface PngTitle {
  scenario: string;
  network: string;
  dataset: string;
  date: string;
  source: string;
  note: string;
}

interface DeckLike {
  redraw(reason?: string): void;
  getCanvas(): HTMLCanvasElement | null;
  setProps(props: { useDevicePixels?: boolean | number }): void;
}

/** The deck.gl instance behind the map's MapboxOverlay control, if it has one. */
function deckOf(map: MapView['map']): DeckLike | null {
  const controls = (map as unknown as { _controls?: unknown[] })._controls ?? [];
  for (const c of controls) {
    const deck = (c as { _deck?: DeckLike })._deck;
    if (deck && typeof deck.redraw === 'function') return deck;
  }
  return null;
}

const HEADER = 58;
const FOOTER = 26;

const nextFrame = () => new Promise<void>((resolve) => requestAnimationFrame(() => resolve()));

/** Metres per CSS pixel at the map centre (great-circle distance across 100 px). */
function metresPerPixel(map: MapView['map'], width: number, height: number): number {
  const a = map.unproject([width / 2 - 50, height / 2]);
  const b = map.unproject([width / 2 + 50, height / 2]);
  const rad = Math.PI / 180;
  const h = Math.sin(((b.lat - a.lat) * rad) / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(((b.lng - a.lng) * rad) / 2) ** 2;
  return (2 * 6371008.8 * Math.asin(Math.sqrt(h))) / 100;
}

/** A scale bar (about a fifth of the width) at the lower right of the map (the legend sits on the left), in CSS px of the map. */
function drawScaleBar(ctx: CanvasRenderingContext2D, mpp: number, width: number, bottom: number): void {
  if (!(mpp > 0) || !Number.isFinite(mpp)) return;
  const metres = niceLength((width / 5) * mpp);
  const px = metres / mpp;
  const label = metres >= 1000 ? `${metres / 1000} km` : `${metres} m`;
  ctx.font = '600 12px system-ui, sans-serif';
  const x = width - 14 - (px + 6 + ctx.measureText(label).width);
  const y = bottom - 16;
  ctx.fillStyle = 'rgba(255,255,255,0.85)';
  ctx.fillRect(x - 6, y - 18, px + 12 + ctx.measureText(label).width + 6, 28);
  ctx.fillStyle = '#111';
  ctx.fillRect(x, y, px, 4);
  ctx.fillRect(x, y - 5, 2, 9);
  ctx.fillRect(x + px - 2, y - 5, 2, 9);
  ctx.font = '600 12px system-ui, sans-serif';
  ctx.textBaseline = 'alphabetic';
  ctx.fillText(label, x + px + 6, y + 5);
}

/** Renders the map, legend, scale bar and titles into a canvas at least MIN_PNG_WIDTH px wide. */
export async function renderMapImage(view: MapView, title: PngTitle, minWidth = MIN_PNG_WIDTH): Promise<HTMLCanvasElement> {
  const map = view.map;
  const container = map.getContainer();
  const width = container.clientWidth;
  const height = container.clientHeight;
  const scale = Math.max(window.devicePixelRatio || 1, minWidth / Math.max(width, 1));
  const canvas = document.createElement('canvas');
  canvas.width = Math.max(minWidth, Math.round(width * scale));
  canvas.height = Math.round((height + HEADER + FOOTER) * scale);
  const ctx = canvas.getContext('2d')!;
  ctx.scale(canvas.width / width, canvas.width / width);
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, width, height + HEADER + FOOTER);
  // The map canvas is transparent where nothing is drawn (map-view.ts: baseStyle).
  ctx.fillStyle = MAP_BACKGROUND;
  ctx.fillRect(0, HEADER, width, height);

  const deck = deckOf(map);
  const mapRatio = map.getPixelRatio();
  try {
    map.setPixelRatio(scale);
    deck?.setProps({ useDevicePixels: scale });
    await nextFrame();
    await nextFrame();
    // Both WebGL canvases are drawn and copied in this task.
    map.redraw();
    deck?.redraw('png-export');
    ctx.drawImage(map.getCanvas(), 0, HEADER, width, height);
    const deckCanvas = deck?.getCanvas();
    if (deckCanvas) ctx.drawImage(deckCanvas, 0, HEADER, width, height);
  } finally {
    map.setPixelRatio(mapRatio);
    deck?.setProps({ useDevicePixels: true });
  }

  const legend = container.closest('.map-area')?.querySelector('.legend') ?? container.parentElement?.querySelector('.legend');
  if (legend) {
    const c = container.getBoundingClientRect();
    const l = legend.getBoundingClientRect();
    drawDom(ctx, legend, l.left - c.left, l.top - c.top + HEADER);
  }
  drawScaleBar(ctx, metresPerPixel(map, width, height), width, HEADER + height);

  ctx.fillStyle = '#24476b';
  ctx.fillRect(0, 0, width, HEADER);
  ctx.fillStyle = '#ffffff';
  ctx.textBaseline = 'alphabetic';
  ctx.font = '600 19px system-ui, sans-serif';
  ctx.fillText(title.scenario, 14, 25, width - 28);
  ctx.font = '13px system-ui, sans-serif';
  ctx.fillText(`${title.network} · ${title.dataset} · ${title.date}`, 14, 46, width - 28);
  ctx.fillStyle = '#5b6169';
  ctx.font = '11px system-ui, sans-serif';
  const attribution = container.querySelector('.maplibregl-ctrl-attrib-inner')?.textContent?.trim() ?? '';
  ctx.fillText([title.source, title.note, attribution].filter(Boolean).join(' · '), 14, HEADER + height + 17, width - 28);
  return canvas;
}

export function canvasToPng(canvas: HTMLCanvasElement): Promise<Blob> {
  return new Promise((resolve, reject) => canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('the canvas could not be encoded'))), 'image/png'));
}
