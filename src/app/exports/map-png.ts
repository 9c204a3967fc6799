/**
 * PNG of the map with its legend and a title band: MapLibre's canvas and deck.gl's canvas are
 * both redrawn synchronously and copied in the same task (so the WebGL buffers are still
 * valid without preserveDrawingBuffer), then the on-screen legend is drawn over them
 * (dom-to-canvas.ts) and a title (scenario, network, date) and source line are added.
 */
import type { MapView } from '../map/map-view';
import { drawDom } from './dom-to-canvas';

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

/** Renders the map, legend and titles into a canvas (CSS pixels × devicePixelRatio). */
export function renderMapImage(view: MapView, title: PngTitle): HTMLCanvasElement {
  const map = view.map;
  const container = map.getContainer();
  const width = container.clientWidth;
  const height = container.clientHeight;
  const scale = window.devicePixelRatio || 1;
  const canvas = document.createElement('canvas');
  canvas.width = Math.round(width * scale);
  canvas.height = Math.round((height + HEADER + FOOTER) * scale);
  const ctx = canvas.getContext('2d')!;
  ctx.scale(scale, scale);
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, width, height + HEADER + FOOTER);

  // Both WebGL canvases are drawn and copied in this task.
  map.redraw();
  const deck = deckOf(map);
  deck?.redraw('png-export');
  ctx.drawImage(map.getCanvas(), 0, HEADER, width, height);
  const deckCanvas = deck?.getCanvas();
  if (deckCanvas) ctx.drawImage(deckCanvas, 0, HEADER, width, height);

  const legend = container.closest('.map-area')?.querySelector('.legend') ?? container.parentElement?.querySelector('.legend');
  if (legend) {
    const c = container.getBoundingClientRect();
    const l = legend.getBoundingClientRect();
    drawDom(ctx, legend, l.left - c.left, l.top - c.top + HEADER);
  }

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
  ctx.fillText(`${title.source} ${title.note}`, 14, HEADER + height + 17, width - 28);
  return canvas;
}

export function canvasToPng(canvas: HTMLCanvasElement): Promise<Blob> {
  return new Promise((resolve, reject) => canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('the canvas could not be encoded'))), 'image/png'));
}
