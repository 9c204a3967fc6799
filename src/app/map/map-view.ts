/**
 * MapView owns the MapLibre map and the deck.gl overlay. React hands it a snapshot of what to
 * draw; it compares each field by reference with the previous snapshot and calls
 * `overlay.setProps` only when something changed (GL data hand-off is the expensive part).
 * No React in here.
 */
import { MapboxOverlay } from '@deck.gl/mapbox';
import type { Layer, PickingInfo } from '@deck.gl/core';
import { Map as MapLibreMap, ScaleControl, setWorkerUrl, type StyleSpecification } from 'maplibre-gl';
import maplibreWorkerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import 'maplibre-gl/dist/maplibre-gl.css';
import type { MultiPolygon } from '../../core/model/geometry-types';
import type { UnitDisplay } from '../workers/engine-protocol';
import { buildCatchmentLayers, LABEL_FONT_FAMILY, labelSize, type MapColouring } from './layers/catchment-layers';
import { CatchmentChunks } from './catchment-mesh';
import { withoutDefaultSky } from './no-sky';
import { placeLabels, type LabelBox } from './label-placement';
import { sameMask } from '../../core/model/masks';
import { buildCellLayer } from './layers/cell-layer';
import { whenIdle } from '../when-idle';
import { buildChangedCellsLayer, buildChangedRegionLayer } from './layers/changed-cells-layer';
import { buildContextLayers } from './layers/context-layers';
import { buildLockedAreaLayers } from './layers/locked-area-layers';
import { buildBrushLayer, buildCursorLayer, buildLassoLayer } from './layers/edit-preview-layers';
import { buildSchoolLayer, type SchoolPoint } from './layers/school-layer';
import { buildTemporaryPremisesLayers } from './layers/temporary-premises-layers';

setWorkerUrl(maplibreWorkerUrl);

/** Everything the map draws. Arrays are compared by reference: pass the same array for "unchanged". */
export interface MapSnapshot {
  land: MultiPolygon | null;
  water: MultiPolygon | null;
  units: UnitDisplay | null;
  /** "catchments": schools' areas in distinct colours; "cells": the unit choropleth under catchment outlines. */
  colouring: MapColouring;
  /** RGBA per unit of the choropleth (drawn only when colouring is "cells"). */
  unitColours: Uint8Array | null;
  unitChanged: Uint8Array | null;
  showChanged: boolean;
  /** Polygon units: the changed region (lon/lat), hatched instead of whole units; null for grids. */
  changedRegion?: MultiPolygon | null;
  catchments: MultiPolygon[];
  labelPoints: ([number, number] | null)[];
  labelPriority: Float32Array;
  schoolNames: string[];
  colourIndex: Int32Array;
  selectedIndex: number;
  showCatchments: boolean;
  schools: SchoolPoint[];
  lassoPath: [number, number][];
  brushCells: [number, number][][];
  /** Keyboard cell cursor footprint (closed lon/lat ring), or null. */
  cursorRing: [number, number][] | null;
  previewColour: readonly [number, number, number];
  /** Areas Propose keeps as they are (lon/lat; optimiser/locked-areas.ts); absent or empty: none. */
  lockedAreas?: MultiPolygon[];
  /** Travel layers (travel/travel-layers.ts): under the catchments (streets) and over them (distance bands, detached pieces). */
  travelUnder?: Layer[];
  travelOver?: Layer[];
}

/** What the pointer is over: a deck layer id and object index. */
export interface MapPick {
  layerId: string;
  index: number;
  /** Pixel position within the map container. */
  x: number;
  y: number;
}

export interface MapViewOptions {
  basemapUrl: string | null;
  /** Disables animations and fades (browser tests). */
  testMode: boolean;
  attribution: string;
  onHover(pick: MapPick | null): void;
  onClick(pick: MapPick | null): void;
}

/**
 * Minimal style: no layers by default (the container's CSS background, MAP_BACKGROUND, shows
 * through the transparent canvas), and, when configured, one raster layer. No network by default. Without
 * a background layer MapLibre compiles one shader program fewer on its first frame, which on
 * software WebGL is a main-thread task of a few hundred milliseconds.
 */
export function baseStyle(basemapUrl: string | null): StyleSpecification {
  const style: StyleSpecification = { version: 8, sources: {}, layers: [] };
  if (basemapUrl) {
    // OpenStreetMap's tiles require its attribution; any other server is named by its host.
    const host = /^https?:\/\/([^/]+)/.exec(basemapUrl)?.[1] ?? '';
    const attribution = /openstreetmap\.org$/.test(host) ? '© OpenStreetMap contributors' : host;
    style.sources.basemap = { type: 'raster', tiles: [basemapUrl], tileSize: 256, attribution };
    style.layers.push({ id: 'basemap', type: 'raster', source: 'basemap', paint: { 'raster-saturation': -0.6, 'raster-opacity': 0.7 } });
  }
  return style;
}

export class MapView {
  readonly map: MapLibreMap;
  private readonly overlay: MapboxOverlay;
  private previous: MapSnapshot | null = null;
  private readonly options: MapViewOptions;
  private readonly catchmentChunks = new CatchmentChunks();
  private labelShown: Uint8Array | null = null;
  /** Label text size factor (workshop mode: larger type on a projector). */
  private labelScale = 1;
  private readonly textWidths = new Map<string, number>();
  private measureContext: CanvasRenderingContext2D | null = null;
  private destroyed = false;
  /** Whether the changed-cells layer is on the map while nothing has changed (see render). */
  private changedWarm = false;
  private warming: (() => void) | null = null;
  private removeListeners: () => void = () => {};

  constructor(container: HTMLElement, options: MapViewOptions) {
    this.options = options;
    this.map = new MapLibreMap({
      container,
      style: baseStyle(options.basemapUrl),
      center: [24.94, 60.17],
      zoom: 10,
      dragRotate: false,
      pitchWithRotate: false,
      touchPitch: false,
      maxPitch: 0,
      fadeDuration: options.testMode ? 0 : 300,
      attributionControl: { compact: true, customAttribution: options.attribution },
      canvasContextAttributes: { preserveDrawingBuffer: options.testMode },
    });
    // No transparent sky pass on every frame (map/no-sky.ts).
    withoutDefaultSky(this.map);
    this.map.addControl(new ScaleControl({ unit: 'metric', maxWidth: 120 }), 'bottom-right');
    this.map.touchZoomRotate.disableRotation();
    this.map.keyboard.disableRotation();
    this.overlay = new MapboxOverlay({
      interleaved: false,
      layers: [],
      onHover: (info) => options.onHover(toPick(info)),
      onClick: (info) => options.onClick(toPick(info)),
      getCursor: ({ isHovering }) => (isHovering ? 'pointer' : ''),
    });
    this.map.addControl(this.overlay);
    // No hover picking while a button is held (panning, painting, drawing a lasso): picking reads
    // pixels back from the GPU on every pointer move, which stalls the main thread (seconds per
    // move on software GL) and shows nothing useful mid-drag. Switched off on the first move with a
    // button held, not on pointerdown: deck.gl picks on pointerdown for the click that follows (a
    // school selected by its symbol). Re-enabled in the capture phase of pointerup.
    const mapElement = this.map.getContainer();
    let pickable = true;
    const setPicking = (on: boolean) => {
      if (this.destroyed || on === pickable) return;
      pickable = on;
      this.overlay.setProps({ _pickable: on });
    };
    mapElement.addEventListener('pointermove', (e) => e.buttons !== 0 && setPicking(false), { capture: true });
    const release = () => setPicking(true);
    window.addEventListener('pointerup', release, { capture: true });
    window.addEventListener('pointercancel', release, { capture: true });
    this.removeListeners = () => {
      window.removeEventListener('pointerup', release, { capture: true });
      window.removeEventListener('pointercancel', release, { capture: true });
    };
    // Label placement depends on the view: re-check on every move (a few dozen boxes).
    this.map.on('move', () => {
      if (this.previous && this.placeLabels(this.previous)) this.render();
    });
  }

  /** Draws the snapshot; does nothing when every field is the same as last time. */
  update(snapshot: MapSnapshot): void {
    const prev = this.previous;
    if (prev && (Object.keys(snapshot) as (keyof MapSnapshot)[]).every((k) => prev[k] === snapshot[k])) return;
    if (this.destroyed) return;
    this.previous = snapshot;
    this.placeLabels(snapshot);
    this.render();
  }

  private render(): void {
    if (this.destroyed || !this.previous) return;
    const s = this.previous;
    // The hatch layer draws only changed units, but its GL program links when first drawn (a
    // tenth of a second or more on software GL): the first paint goes without it while nothing
    // has changed, and it is added, drawing a zero-area polygon, when the browser is next idle.
    if (!this.changedWarm && s.units && !this.warming) this.warming = whenIdle(() => {
      this.changedWarm = true;
      this.render();
    });
    const withChanged = this.changedWarm || (s.unitChanged?.includes(1) ?? false);
    this.overlay.setProps({ layers: buildLayers(s, this.catchmentChunks, this.labelShown, withChanged, this.labelScale) });
  }

  /** Decides which labels show at the current view; returns whether that changed. */
  private placeLabels(s: MapSnapshot): boolean {
    const boxes: LabelBox[] = s.labelPoints.map((p, i) => {
      if (!p || !s.catchments[i]?.length) return { x: NaN, y: NaN, width: 0, height: 0, priority: 0 };
      const [x, y] = this.project(p);
      const size = labelSize(i, s.selectedIndex) * this.labelScale;
      return { x, y, width: this.textWidth(s.schoolNames[i] ?? '', size) + 6, height: size * 1.25 + 4, priority: s.labelPriority[i] ?? 0 };
    });
    const next = placeLabels(boxes, 3);
    if (sameMask(next, this.labelShown)) return false;
    this.labelShown = next;
    return true;
  }

  /** Scales the catchment labels (1 = normal); placement is redone with the larger boxes. */
  setLabelScale(scale: number): void {
    if (scale === this.labelScale || this.destroyed) return;
    this.labelScale = scale;
    if (this.previous) this.placeLabels(this.previous);
    this.render();
  }

  /** Width of a label in CSS px (canvas measureText, cached). */
  private textWidth(text: string, size: number): number {
    const key = `${size}|${text}`;
    let w = this.textWidths.get(key);
    if (w === undefined) {
      this.measureContext ??= document.createElement('canvas').getContext('2d');
      if (this.measureContext) {
        this.measureContext.font = `600 ${size}px ${LABEL_FONT_FAMILY}`;
        w = this.measureContext.measureText(text).width;
      } else w = text.length * size * 0.6;
      this.textWidths.set(key, w);
    }
    return w;
  }

  /** Fits the view to [west, south, east, north] degrees (no closer than `maxZoom`). */
  fitBounds(bounds: [number, number, number, number], maxZoom = 22): void {
    this.map.fitBounds(
      [
        [bounds[0], bounds[1]],
        [bounds[2], bounds[3]],
      ],
      // Leave room on the left for the legend when the map is wide enough to afford it.
      { maxZoom, padding: { top: 56, right: 56, bottom: 24, left: this.map.getContainer().clientWidth > 760 ? 236 : 24 }, duration: this.options.testMode ? 0 : 400, animate: !this.options.testMode },
    );
  }

  /** lon/lat → pixel position within the map container. */
  project(lonLat: [number, number]): [number, number] {
    const p = this.map.project(lonLat);
    return [p.x, p.y];
  }

  /** Pixel position within the map container → lon/lat. */
  unproject(px: number, py: number): [number, number] {
    const p = this.map.unproject([px, py]);
    return [p.lng, p.lat];
  }

  /**
   * Pans so that the lon/lat point is at least `margin` CSS px inside the view; first zooms in
   * to `minZoom` around it when the view is further out (so a 250 m cell is visible).
   */
  keepInView(lonLat: [number, number], margin = 60, minZoom = 0): void {
    if (this.map.getZoom() < minZoom) {
      this.map.easeTo({ center: lonLat, zoom: minZoom, duration: this.options.testMode ? 0 : 250, animate: !this.options.testMode });
      return;
    }
    const [x, y] = this.project(lonLat);
    const { clientWidth: w, clientHeight: h } = this.map.getContainer();
    const dx = x < margin ? x - margin : x > w - margin ? x - (w - margin) : 0;
    const dy = y < margin ? y - margin : y > h - margin ? y - (h - margin) : 0;
    if (dx !== 0 || dy !== 0) this.map.panBy([dx, dy], { duration: this.options.testMode ? 0 : 150, animate: !this.options.testMode });
  }

  /** Releases the map and GL resources once; later calls (and updates) do nothing. */
  destroy(): void {
    if (this.destroyed) return;
    this.destroyed = true;
    this.removeListeners();
    this.map.removeControl(this.overlay);
    this.overlay.finalize();
    this.map.remove();
  }
}

function toPick(info: PickingInfo): MapPick | null {
  if (!info.layer || info.index < 0) return null;
  return { layerId: info.layer.id, index: info.index, x: info.x, y: info.y };
}

/** Layers bottom to top, with stable ids. */
export function buildLayers(s: MapSnapshot, chunks: CatchmentChunks, labelShown: Uint8Array | null, withChanged = true, labelScale = 1): Layer[] {
  const layers: Layer[] = [...buildContextLayers(s.land, s.water)];
  if (s.units && s.unitColours && s.colouring === 'cells') layers.push(buildCellLayer(s.units, s.unitColours, true));
  if (s.travelUnder) layers.push(...s.travelUnder);
  const [catchments, labels] = buildCatchmentLayers({
    catchments: s.catchments,
    chunks: chunks.get(s.catchments),
    labelPoints: s.labelPoints,
    labelShown,
    names: s.schoolNames,
    colourIndex: s.colourIndex,
    selectedIndex: s.selectedIndex,
    colouring: s.colouring,
    visible: s.showCatchments,
    labelScale,
  });
  layers.push(catchments);
  if (s.changedRegion) layers.push(buildChangedRegionLayer(s.changedRegion, s.showChanged));
  else if (withChanged && s.units && s.unitChanged) layers.push(buildChangedCellsLayer(s.units, s.unitChanged, s.showChanged));
  if (s.travelOver) layers.push(...s.travelOver);
  if (s.lockedAreas) layers.push(...buildLockedAreaLayers(s.lockedAreas));
  layers.push(buildBrushLayer(s.brushCells, s.previewColour), buildLassoLayer(s.lassoPath, s.previewColour));
  layers.push(...buildTemporaryPremisesLayers(s.schools), buildSchoolLayer(s.schools, s.selectedIndex));
  // Labels above the school symbols; not created before there is text (an empty font atlas
  // would upload a zero-size canvas: "texSubImage2D: no canvas").
  if (s.labelPoints.some((p) => p !== null)) layers.push(labels);
  layers.push(...buildCursorLayer(s.cursorRing, s.previewColour));
  return layers;
}
