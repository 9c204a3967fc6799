/**
 * Two synchronised MapLibre maps side by side for the comparison view: A on the left, B on the
 * right, moving together. Plain MapLibre GeoJSON layers (one WebGL context per map, no deck.gl):
 * catchments filled in their school colour, catchments that differ between A and B outlined
 * strongly, school points on top. Coordinates are lon/lat degrees. No React in here.
 */
import { Map as MapLibreMap, type GeoJSONSource, type StyleSpecification } from 'maplibre-gl';
import type { MultiPolygon } from '../../core/model/geometry-types';

export interface SideData {
  catchments: MultiPolygon[];
  /** CSS colour per school index. */
  colours: string[];
  /** School indices whose catchment differs between the sides. */
  changed: number[];
  schools: { lonLat: [number, number]; name: string }[];
  land: MultiPolygon | null;
}

type FeatureCollection = { type: 'FeatureCollection'; features: unknown[] };

/** Catchments as GeoJSON features with the colour and the changed flag as properties. */
export function catchmentFeatures(data: SideData): FeatureCollection {
  const changed = new Set(data.changed);
  return {
    type: 'FeatureCollection',
    features: data.catchments.map((mp, i) => ({
      type: 'Feature',
      id: i,
      properties: { school: i, colour: data.colours[i] ?? '#cccccc', changed: changed.has(i) },
      geometry: { type: 'MultiPolygon', coordinates: mp },
    })),
  };
}

function style(): StyleSpecification {
  return {
    version: 8,
    sources: {
      land: { type: 'geojson', data: { type: 'FeatureCollection', features: [] } },
      catchments: { type: 'geojson', data: { type: 'FeatureCollection', features: [] } },
      schools: { type: 'geojson', data: { type: 'FeatureCollection', features: [] } },
    },
    layers: [
      { id: 'background', type: 'background', paint: { 'background-color': '#e8edf1' } },
      { id: 'land', type: 'fill', source: 'land', paint: { 'fill-color': '#f4f3ef' } },
      { id: 'catchment-fill', type: 'fill', source: 'catchments', paint: { 'fill-color': ['get', 'colour'], 'fill-opacity': 0.62 } },
      { id: 'catchment-line', type: 'line', source: 'catchments', paint: { 'line-color': '#ffffff', 'line-width': 1 } },
      { id: 'changed-halo', type: 'line', source: 'catchments', filter: ['==', ['get', 'changed'], true], paint: { 'line-color': '#ffffff', 'line-width': 5 } },
      { id: 'changed-line', type: 'line', source: 'catchments', filter: ['==', ['get', 'changed'], true], paint: { 'line-color': '#b3261e', 'line-width': 2.5 } },
      { id: 'schools', type: 'circle', source: 'schools', paint: { 'circle-radius': 4, 'circle-color': '#1f2328', 'circle-stroke-color': '#ffffff', 'circle-stroke-width': 1.5 } },
    ],
  };
}

export class SplitMap {
  readonly maps: [MapLibreMap, MapLibreMap];
  private syncing = false;
  private pending: [SideData, SideData] | null = null;
  private loaded = 0;

  constructor(left: HTMLElement, right: HTMLElement, bounds: [number, number, number, number], testMode: boolean) {
    const make = (container: HTMLElement) =>
      new MapLibreMap({
        container,
        style: style(),
        bounds: [bounds[0], bounds[1], bounds[2], bounds[3]],
        fitBoundsOptions: { padding: 16 },
        dragRotate: false,
        pitchWithRotate: false,
        maxPitch: 0,
        fadeDuration: testMode ? 0 : 300,
        attributionControl: false,
        canvasContextAttributes: { preserveDrawingBuffer: testMode },
      });
    this.maps = [make(left), make(right)];
    for (const [i, map] of this.maps.entries()) {
      const other = this.maps[1 - i];
      map.on('move', () => {
        if (this.syncing) return;
        this.syncing = true;
        other.jumpTo({ center: map.getCenter(), zoom: map.getZoom() });
        this.syncing = false;
      });
      map.on('load', () => {
        this.loaded++;
        if (this.pending) this.update(...this.pending);
      });
    }
  }

  /** Both maps have loaded their style. */
  get ready(): boolean {
    return this.loaded >= 2;
  }

  update(a: SideData, b: SideData): void {
    this.pending = [a, b];
    if (!this.ready) return;
    for (const [map, data] of [[this.maps[0], a], [this.maps[1], b]] as const) {
      (map.getSource('catchments') as GeoJSONSource).setData(catchmentFeatures(data) as never);
      (map.getSource('schools') as GeoJSONSource).setData({
        type: 'FeatureCollection',
        features: data.schools.map((s, i) => ({ type: 'Feature', id: i, properties: { name: s.name }, geometry: { type: 'Point', coordinates: s.lonLat } })),
      });
      (map.getSource('land') as GeoJSONSource).setData(
        data.land ? { type: 'Feature', properties: {}, geometry: { type: 'MultiPolygon', coordinates: data.land } } : { type: 'FeatureCollection', features: [] },
      );
    }
  }

  destroy(): void {
    for (const map of this.maps) map.remove();
  }
}
