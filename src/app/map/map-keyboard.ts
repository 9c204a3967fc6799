/**
 * Keyboard use of the focused map (no React). With the brush or cell tool, a selected school and
 * grid units, the arrow keys move a cell cursor (Shift: 5 cells) and Enter or Space assigns the
 * cursor's footprint (the brush size is honoured) as one 'assign-cells' edit. Otherwise the
 * arrow keys pan and + / − zoom. MapLibre's own keyboard handler is off, so there is exactly
 * one focus stop for the map: its container.
 */
import type { GridSpec } from '../../core/model/grid-spec';
import type { Position } from '../../core/model/geometry-types';
import { cursorAt, cursorFootprint, moveCursor, type Cell } from './cell-cursor';

export interface MapKeyboardHost {
  /** The cursor tool in use, or null when the cursor is not available (no school, no grid, other tool). */
  cursorTool(): 'brush' | 'cell' | null;
  brushSize(): number;
  grid(): GridSpec | null;
  /** Centre of the view, EPSG:3067 metres. */
  viewCentre(): Position;
  /** Shows the cursor footprint (cells), or hides it (null). */
  showCursor(cells: Cell[] | null): void;
  assign(cells: Cell[]): void;
  panBy(dx: number, dy: number): void;
  zoomBy(delta: number): void;
}

/** CSS pixels panned per arrow press (× 3 with Shift). */
const PAN_PX = 90;

export class MapKeyboard {
  private readonly element: HTMLElement;
  private readonly host: MapKeyboardHost;
  private cursor: Cell | null = null;
  private focused = false;
  /**
   * The cursor shows after keyboard focus or a key press, not after a click: a click focuses
   * the map too, and showing the cursor then zoomed the map to the view centre under the mouse.
   */
  private keyboardMode = false;
  /**
   * How the user last acted anywhere on the page. Focus that follows a pointer action is not
   * keyboard focus even when it lands on the map later: a modal dialog (the edit confirmation)
   * answered with the mouse hands focus back to the map when it closes, and treating that as
   * keyboard focus showed the cursor at the view centre and zoomed the map there.
   */
  private lastInput: 'keyboard' | 'pointer' = 'keyboard';
  private readonly onKey = (e: KeyboardEvent) => this.key(e);
  private readonly onPointerDown = () => {
    this.keyboardMode = false;
    this.host.showCursor(null);
  };
  private readonly onAnyPointer = () => {
    this.lastInput = 'pointer';
  };
  private readonly onAnyKey = (e: KeyboardEvent) => {
    if (!['Shift', 'Control', 'Alt', 'Meta'].includes(e.key)) this.lastInput = 'keyboard';
  };
  private readonly onFocus = () => {
    this.focused = true;
    this.keyboardMode = this.lastInput === 'keyboard';
    this.refresh();
  };
  private readonly onBlur = (e: FocusEvent) => {
    if (e.relatedTarget instanceof Node && this.element.contains(e.relatedTarget)) return;
    this.focused = false;
    this.host.showCursor(null);
  };

  constructor(element: HTMLElement, host: MapKeyboardHost) {
    this.element = element;
    this.host = host;
    element.addEventListener('keydown', this.onKey, true);
    element.addEventListener('pointerdown', this.onPointerDown, true);
    element.addEventListener('focusin', this.onFocus);
    element.addEventListener('focusout', this.onBlur);
    element.ownerDocument.addEventListener('pointerdown', this.onAnyPointer, true);
    element.ownerDocument.addEventListener('keydown', this.onAnyKey, true);
  }

  /** Re-draws (or hides) the cursor after the tool, brush size or selection changed. */
  refresh(): void {
    const tool = this.host.cursorTool();
    const grid = this.host.grid();
    if (!this.focused || !this.keyboardMode || !tool || !grid) {
      this.host.showCursor(null);
      return;
    }
    if (!this.cursor) {
      const [x, y] = this.host.viewCentre();
      this.cursor = cursorAt(grid, x, y);
    }
    this.host.showCursor(cursorFootprint(this.cursor, tool, this.host.brushSize(), grid));
  }

  /** The cursor cell, or null before the map was first focused in cursor mode. */
  get cell(): Cell | null {
    return this.cursor;
  }

  destroy(): void {
    this.element.removeEventListener('keydown', this.onKey, true);
    this.element.removeEventListener('pointerdown', this.onPointerDown, true);
    this.element.removeEventListener('focusin', this.onFocus);
    this.element.removeEventListener('focusout', this.onBlur);
    this.element.ownerDocument.removeEventListener('pointerdown', this.onAnyPointer, true);
    this.element.ownerDocument.removeEventListener('keydown', this.onAnyKey, true);
  }

  private key(e: KeyboardEvent): void {
    if (e.ctrlKey || e.metaKey || e.altKey) return;
    const tool = this.host.cursorTool();
    const grid = this.host.grid();
    if (tool && grid) {
      if (!this.keyboardMode && moveCursor(this.cursor ?? [0, 0], e.key, grid, false) !== null) {
        // After a click the cursor is hidden: the first arrow key only shows it where it was.
        this.keyboardMode = true;
        this.refresh();
        e.preventDefault();
        e.stopPropagation();
        return;
      }
      if (!this.cursor) this.refresh();
      const moved = this.cursor ? moveCursor(this.cursor, e.key, grid, e.shiftKey) : null;
      if (moved) {
        this.cursor = moved;
        this.host.showCursor(cursorFootprint(moved, tool, this.host.brushSize(), grid));
        e.preventDefault();
        e.stopPropagation();
        return;
      }
      if ((e.key === 'Enter' || e.key === ' ') && this.cursor) {
        this.host.assign(cursorFootprint(this.cursor, tool, this.host.brushSize(), grid));
        e.preventDefault();
        e.stopPropagation();
        return;
      }
    }
    const step = PAN_PX * (e.shiftKey ? 3 : 1);
    const pan: Record<string, [number, number]> = { ArrowUp: [0, -step], ArrowDown: [0, step], ArrowLeft: [-step, 0], ArrowRight: [step, 0] };
    if (pan[e.key]) {
      this.host.panBy(...pan[e.key]);
    } else if (e.key === '+' || e.key === '=') {
      this.host.zoomBy(1);
    } else if (e.key === '-' || e.key === '_') {
      this.host.zoomBy(-1);
    } else {
      return;
    }
    e.preventDefault();
    e.stopPropagation();
  }
}
