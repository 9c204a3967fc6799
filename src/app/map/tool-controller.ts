/**
 * Pointer handling of the editing tools on the map (no React). The lasso finishes on mouse-up
 * after a drag, or — when started with clicks — collects vertices until a double-click; the
 * brush paints on drag and finishes on mouse-up; the cell tool assigns the clicked cell.
 * Escape (via `cancel`) drops the stroke. Each finished stroke is handed over once.
 */
import type { Map as MapLibreMap } from 'maplibre-gl';
import type { GridSpec } from '../../core/model/grid-spec';
import { cellOf } from '../../core/model/grid-spec';
import type { MultiPolygon, Position } from '../../core/model/geometry-types';
import type { Tool } from '../stores/ui-store';
import { BrushStroke, brushFootprint } from './brush-footprint';
import { fromLonLat, toLonLat } from './display-projection';
import { lassoToRegion } from './lasso-region';

export interface ToolHost {
  tool(): Tool;
  brushSize(): number;
  /** True when a school is selected and the data are loaded. */
  canEdit(): boolean;
  grid(): GridSpec | null;
  lassoPreview(pathLonLat: [number, number][]): void;
  brushPreview(cellRingsLonLat: [number, number][][]): void;
  lassoDone(region: MultiPolygon): void;
  cellsDone(cells: [number, number][]): void;
}

/** Drag distance (CSS px) that turns a click into a drag. */
const CLICK_SLOP_PX = 4;

/** Closed lon/lat ring of a grid cell. */
export function cellRingLonLat(grid: GridSpec, col: number, row: number): [number, number][] {
  const x0 = grid.originX + col * grid.cellSize;
  const y0 = grid.originY + row * grid.cellSize;
  const s = grid.cellSize;
  return [toLonLat(x0, y0), toLonLat(x0 + s, y0), toLonLat(x0 + s, y0 + s), toLonLat(x0, y0 + s), toLonLat(x0, y0)];
}

export class ToolController {
  private readonly map: MapLibreMap;
  private readonly host: ToolHost;
  private readonly element: HTMLElement;
  private lasso: Position[] | null = null;
  /** Largest distance (CSS px) from the press point during the current press. */
  private farthest = 0;
  private dragging = false;
  private downAt: Position | null = null;
  private stroke: BrushStroke | null = null;
  private strokeRings: [number, number][][] = [];
  private lastBrushPoint: Position | null = null;
  private readonly listeners: [string, (e: Event) => void][];

  constructor(map: MapLibreMap, host: ToolHost) {
    this.map = map;
    this.host = host;
    this.element = map.getCanvasContainer();
    this.listeners = [
      ['pointerdown', (e) => this.down(e as PointerEvent)],
      ['pointermove', (e) => this.move(e as PointerEvent)],
      ['pointerup', (e) => this.up(e as PointerEvent)],
      ['dblclick', (e) => this.doubleClick(e as MouseEvent)],
    ];
    for (const [type, fn] of this.listeners) this.element.addEventListener(type, fn);
  }

  /** Map panning only with the pan tool (or when no school is selected). */
  syncTool(): void {
    const editing = this.host.tool() !== 'pan' && this.host.canEdit();
    if (editing) {
      this.map.dragPan.disable();
      this.map.doubleClickZoom.disable();
    } else {
      this.map.dragPan.enable();
      this.map.doubleClickZoom.enable();
    }
    this.element.style.cursor = editing ? 'crosshair' : '';
    this.cancel();
  }

  /** Drops the stroke in progress (Escape). Returns whether there was one. */
  cancel(): boolean {
    const had = this.lasso !== null || this.stroke !== null;
    this.lasso = null;
    this.stroke = null;
    this.strokeRings = [];
    this.dragging = false;
    this.downAt = null;
    this.lastBrushPoint = null;
    if (had) {
      this.host.lassoPreview([]);
      this.host.brushPreview([]);
    }
    return had;
  }

  destroy(): void {
    for (const [type, fn] of this.listeners) this.element.removeEventListener(type, fn);
  }

  private point(e: MouseEvent): Position {
    const rect = this.element.getBoundingClientRect();
    return [e.clientX - rect.left, e.clientY - rect.top];
  }

  private to3067(p: Position): Position {
    const ll = this.map.unproject([p[0], p[1]]);
    return fromLonLat(ll.lng, ll.lat);
  }

  private active(): Tool | null {
    const tool = this.host.tool();
    return tool !== 'pan' && this.host.canEdit() ? tool : null;
  }

  private down(e: PointerEvent): void {
    const tool = this.active();
    if (!tool || e.button !== 0) return;
    const p = this.point(e);
    this.downAt = p;
    this.farthest = 0;
    this.element.setPointerCapture?.(e.pointerId);
    if (tool === 'lasso') {
      if (!this.lasso) this.lasso = [p];
      else this.lasso.push(p);
      this.dragging = true;
      this.previewLasso();
    } else if (tool === 'brush') {
      this.stroke = new BrushStroke();
      this.strokeRings = [];
      this.lastBrushPoint = null;
      this.paint(p);
    }
  }

  private move(e: PointerEvent): void {
    const tool = this.active();
    if (!tool) return;
    const p = this.point(e);
    if (this.downAt) this.farthest = Math.max(this.farthest, Math.hypot(p[0] - this.downAt[0], p[1] - this.downAt[1]));
    if (tool === 'lasso' && this.lasso) {
      if (this.dragging) this.lasso.push(p);
      this.previewLasso(this.dragging ? undefined : p);
    } else if (tool === 'brush' && this.stroke) {
      this.paint(p);
    }
  }

  private up(e: PointerEvent): void {
    const tool = this.active();
    if (!tool || e.button !== 0) return;
    const p = this.point(e);
    // How far the pointer got from where it was pressed: a closed lasso ends where it began,
    // so the distance between press and release alone would mistake it for a click.
    const moved = this.downAt ? Math.max(this.farthest, Math.hypot(p[0] - this.downAt[0], p[1] - this.downAt[1])) : 0;
    this.downAt = null;
    if (tool === 'lasso' && this.lasso) {
      this.dragging = false;
      if (moved > CLICK_SLOP_PX && this.lasso.length > 3) this.finishLasso();
    } else if (tool === 'brush' && this.stroke) {
      const cells = this.stroke.cells;
      this.stroke = null;
      this.strokeRings = [];
      if (cells.length > 0) this.host.cellsDone(cells);
    } else if (tool === 'cell' && moved <= CLICK_SLOP_PX) {
      const grid = this.host.grid();
      if (!grid) return;
      const [x, y] = this.to3067(p);
      const [c, r] = cellOf(grid, x, y);
      if (c >= 0 && c < grid.cols && r >= 0 && r < grid.rows) this.host.cellsDone([[c, r]]);
    }
  }

  private doubleClick(e: MouseEvent): void {
    if (this.active() !== 'lasso' || !this.lasso) return;
    e.preventDefault();
    this.finishLasso();
  }

  private finishLasso(): void {
    const points = this.lasso ?? [];
    this.lasso = null;
    this.dragging = false;
    this.host.lassoPreview([]);
    const region = lassoToRegion(points, (p) => this.to3067(p));
    if (region) this.host.lassoDone(region);
  }

  private previewLasso(rubberBand?: Position): void {
    const pts = rubberBand && this.lasso ? [...this.lasso, rubberBand] : (this.lasso ?? []);
    this.host.lassoPreview(pts.map((p) => {
      const ll = this.map.unproject([p[0], p[1]]);
      return [ll.lng, ll.lat] as [number, number];
    }));
  }

  /** Paints the footprint at `p` and along the way from the last point (no gaps when moving fast). */
  private paint(p: Position): void {
    const grid = this.host.grid();
    if (!grid || !this.stroke) return;
    const here = this.to3067(p);
    const from = this.lastBrushPoint ?? here;
    const steps = Math.max(1, Math.ceil(Math.hypot(here[0] - from[0], here[1] - from[1]) / (grid.cellSize / 2)));
    const fresh: [number, number][] = [];
    for (let i = 1; i <= steps; i++) {
      const x = from[0] + ((here[0] - from[0]) * i) / steps;
      const y = from[1] + ((here[1] - from[1]) * i) / steps;
      const [c, r] = cellOf(grid, x, y);
      fresh.push(...this.stroke.add(brushFootprint(c, r, this.host.brushSize(), grid.cols, grid.rows)));
    }
    this.lastBrushPoint = here;
    if (fresh.length === 0) return;
    this.strokeRings = this.strokeRings.concat(fresh.map(([c, r]) => cellRingLonLat(grid, c, r)));
    this.host.brushPreview(this.strokeRings);
  }
}
