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

export interface UiState {
  tool: Tool;
  brushSize: number;
  selectedSchoolId: string | null;
  /** Share shown in the indices panel, chart and (by default) the choropleth. */
  selectedShareId: string | null;
  /** Measure of the cell choropleth: "children", a share id, or null for none. */
  cellMeasureId: string | null;
  showCatchments: boolean;
  showChanged: boolean;
  hover: HoverTarget | null;
  sort: { column: SortColumn; descending: boolean };

  setTool(tool: Tool): void;
  setBrushSize(size: number): void;
  nudgeBrushSize(delta: number): void;
  selectSchool(id: string | null): void;
  selectShare(id: string | null): void;
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
    cellMeasureId: 'children',
    showCatchments: true,
    showChanged: true,
    hover: null,
    sort: { column: 'name', descending: false },

    setTool: (tool) => set({ tool }),
    setBrushSize: (size) => set({ brushSize: clampBrushSize(size) }),
    nudgeBrushSize: (delta) => set({ brushSize: clampBrushSize(get().brushSize + delta) }),
    selectSchool: (id) => set({ selectedSchoolId: id }),
    selectShare: (id) => set({ selectedShareId: id }),
    setCellMeasure: (id) => set({ cellMeasureId: id }),
    toggleCatchments: () => set((s) => ({ showCatchments: !s.showCatchments })),
    toggleChanged: () => set((s) => ({ showChanged: !s.showChanged })),
    setHover: (hover) => set({ hover }),
    sortBy: (column) =>
      set((s) => ({ sort: { column, descending: s.sort.column === column ? !s.sort.descending : column !== 'name' } })),
  }));
}
