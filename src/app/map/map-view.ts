/**
 * MapView owns the MapLibre map and the deck.gl overlay. React hands it a snapshot of what to
 * draw; it compares each field by reference with the previous snapshot and calls
 * `overlay.setProps` only when something changed (GL data hand-off is the expensive part).
 * No React in here.
 */
import { MapboxOverlay } from '@deck.gl/mapbox';
import type { Layer, PickingInfo } from '@deck.gl/core';
import { Map as MapLibreMap, setWorkerUrl, type StyleSpecification } from 'maplibre-gl';
import maplibreWorkerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import 'maplibre-gl/dist/maplibre-gl.css';
import type { MultiPolygon } from '../../core/model/geometry-types';
import type { UnitDisplay } from '../workers/engine-protocol';
import { buildCatchmentLayers } from './layers/catchment-layers';
import { buildCellLayer } from './layers/cell-layer';
import { buildChangedCellsLayer } from './layers/changed-cells-layer';
import { buildContextLayers } from './layers/context-layers';
import { buildBrushLayer, buildLassoLayer } from './layers/edit-preview-layers';
import { buildSchoolLayer, type SchoolPoint } from './layers/school-layer';

setWorkerUrl(maplibreWorkerUrl);

/** Everything the map draws. Arrays are compared by reference: pass the same array for "unchanged". */
export interface MapSnapshot {
  land: MultiPolygon | null;
  water: MultiPolygon | null;
  units: UnitDisplay | null;
  /** RGBA per unit; null hides the cell layer. */
  unitColours: Uint8Array | null;
  unitChanged: Uint8Array | null;
  showChanged: boolean;
  catchments: MultiPolygon[];
  labelPoints: ([number, number] | null)[];
  schoolNames: string[];
  colourIndex: Int32Array;
  selectedIndex: number;
  showCatchments: boolean;
  catchmentFillAlpha: number;
  schools: SchoolPoint[];
  lassoPath: [number, number][];
  brushCells: [number, number][][];
  previewColour: readonly [number, number, number];
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

/** Minimal style: a background colour and, when configured, one raster layer. No network by default. */
export function baseStyle(basemapUrl: string | null): StyleSpecification {
  const style: StyleSpecification = {
    version: 8,
    sources: {},
    layers: [{ id: 'background', type: 'background', paint: { 'background-color': '#f4f3ef' } }],
  };
  if (basemapUrl) {
    style.sources.basemap = { type: 'raster', tiles: [basemapUrl], tileSize: 256 };
    style.layers.push({ id: 'basemap', type: 'raster', source: 'basemap', paint: { 'raster-saturation': -0.6, 'raster-opacity': 0.7 } });
  }
  return style;
}

export class MapView {
  readonly map: MapLibreMap;
  private readonly overlay: MapboxOverlay;
  private previous: MapSnapshot | null = null;
  private readonly options: MapViewOptions;

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
  }

  /** Draws the snapshot; does nothing when every field is the same as last time. */
  update(snapshot: MapSnapshot): void {
    const prev = this.previous;
    if (prev && (Object.keys(snapshot) as (keyof MapSnapshot)[]).every((k) => prev[k] === snapshot[k])) return;
    this.previous = snapshot;
    this.overlay.setProps({ layers: buildLayers(snapshot) });
  }

  /** Fits the view to [west, south, east, north] degrees. */
  fitBounds(bounds: [number, number, number, number]): void {
    this.map.fitBounds(
      [
        [bounds[0], bounds[1]],
        [bounds[2], bounds[3]],
      ],
      { padding: 24, duration: this.options.testMode ? 0 : 400, animate: !this.options.testMode },
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

  destroy(): void {
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
export function buildLayers(s: MapSnapshot): Layer[] {
  const layers: Layer[] = [...buildContextLayers(s.land, s.water)];
  if (s.units && s.unitColours) layers.push(buildCellLayer(s.units, s.unitColours, true));
  layers.push(
    ...buildCatchmentLayers({
      catchments: s.catchments,
      labelPoints: s.labelPoints,
      names: s.schoolNames,
      colourIndex: s.colourIndex,
      selectedIndex: s.selectedIndex,
      fillAlpha: s.catchmentFillAlpha,
      visible: s.showCatchments,
      labelSize: 13,
    }),
  );
  if (s.units && s.unitChanged) layers.push(buildChangedCellsLayer(s.units, s.unitChanged, s.showChanged));
  layers.push(buildBrushLayer(s.brushCells, s.previewColour), buildLassoLayer(s.lassoPath, s.previewColour));
  layers.push(buildSchoolLayer(s.schools, s.selectedIndex));
  return layers;
}
