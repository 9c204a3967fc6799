/**
 * Ephemeral UI state: the active tool, brush size, selection, hover, table sorting and what
 * the map shows. Never saved, never sent to the worker.
 */
import { createStore, type StoreApi } from 'zustand/vanilla';
import { clampBrushSize } from '../map/brush-footprint';

/** pan: move the map; lasso: draw a region; brush: paint cells; cell: click one cell. */
export type Tool = 'pan' | 'lasso' | 'brush' | 'cell';
export const TOOLS: readonly Tool[] = ['pan', 'lasso', 'brush', 'cell'];

/** What is under the pointer, for the tooltip. */
export type HoverTarget =
  | { kind: 'cell'; unit: number; x: number; y: number }
  | { kind: 'school'; schoolIndex: number; x: number; y: number }
  | { kind: 'catchment'; schoolIndex: number; x: number; y: number };

/** Sortable school-table columns: fixed ones, or "share:<id>". */
export type SortColumn = 'name' | 'children' | 'capacity' | 'utilisation' | `share:${string}`;

/** Where the map should go (orientation): a school's catchment, an area's bounds, or the whole data. */
export type FocusTarget = { kind: 'school'; id: string } | { kind: 'bounds'; bounds: [number, number, number, number] } | { kind: 'home' };

export interface UiState {
  tool: Tool;
  brushSize: number;
  selectedSchoolId: string | null;
  /** Share shown in the indices panel, chart and (by default) the choropleth. */
  selectedShareId: string | null;
  /**
   * What colours the map: "catchments" (each school's area in its own colour, the default) or
   * "cells" (the unit choropleth of `cellMeasureId`, catchments as outlines).
   */
  colourBy: 'catchments' | 'cells';
  /** Measure of the cell choropleth: "children", a share id; null = the default (defaultMeasureId). */
  cellMeasureId: string | null;
  showCatchments: boolean;
  showChanged: boolean;
  hover: HoverTarget | null;
  sort: { column: SortColumn; descending: boolean };
  /** The latest request to move the map (seq grows with each, so the same target twice moves twice). */
  focus: (FocusTarget & { seq: number }) | null;

  /** Asks the map to show `target` (MapCanvas answers). */
  requestFocus(target: FocusTarget): void;
  setTool(tool: Tool): void;
  setBrushSize(size: number): void;
  nudgeBrushSize(delta: number): void;
  selectSchool(id: string | null): void;
  selectShare(id: string | null): void;
  setColourBy(mode: 'catchments' | 'cells'): void;
  /** Chooses the choropleth measure; a non-null id also switches the map to colouring by cells. */
  setCellMeasure(id: string | null): void;
  toggleCatchments(): void;
  toggleChanged(): void;
  setHover(hover: HoverTarget | null): void;
  /** Sorts by the column; choosing the current column again reverses the order. */
  sortBy(column: SortColumn): void;
}

export type UiStore = StoreApi<UiState>;

export function createUiStore(): UiStore {
  return createStore<UiState>()((set, get) => ({
    tool: 'pan',
    brushSize: 3,
    selectedSchoolId: null,
    selectedShareId: null,
    colourBy: 'catchments',
    cellMeasureId: null,
    showCatchments: true,
    showChanged: true,
    hover: null,
    sort: { column: 'name', descending: false },
    focus: null,

    requestFocus: (target) => set((s) => ({ focus: { ...target, seq: (s.focus?.seq ?? 0) + 1 } })),

    setTool: (tool) => set({ tool }),
    setBrushSize: (size) => set({ brushSize: clampBrushSize(size) }),
    nudgeBrushSize: (delta) => set({ brushSize: clampBrushSize(get().brushSize + delta) }),
    selectSchool: (id) => set({ selectedSchoolId: id }),
    selectShare: (id) => set({ selectedShareId: id }),
    setColourBy: (colourBy) => set({ colourBy }),
    setCellMeasure: (id) => set(id ? { cellMeasureId: id, colourBy: 'cells' } : { colourBy: 'catchments' }),
    toggleCatchments: () => set((s) => ({ showCatchments: !s.showCatchments })),
    toggleChanged: () => set((s) => ({ showChanged: !s.showChanged })),
    setHover: (hover) => set({ hover }),
    sortBy: (column) =>
      set((s) => ({ sort: { column, descending: s.sort.column === column ? !s.sort.descending : column !== 'name' } })),
  }));
}

/**
 * The choropleth measure shown when none was chosen: a share that says something about
 * composition (foreign-language speakers first, then any share), else children.
 * @param measureIds ids in the order the worker lists them ("children" first, then shares)
 */
export function defaultMeasureId(measureIds: readonly string[]): string | null {
  const shares = measureIds.filter((id) => id !== 'children');
  return shares.find((id) => /foreign|vieras|lang/i.test(id)) ?? shares[0] ?? measureIds[0] ?? null;
}
