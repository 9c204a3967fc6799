/**
 * The sample city's street network (streets.fgb): a jittered 500 m lattice of streets on
 * municipal land (never across the sea or a lake), denser near the centre, cut by a river with
 * two bridges in the city and one every 6 km or so inland, and by an east–west motorway with two
 * crossings in the city and a few inland, so that walking trips
 * differ visibly from straight lines. OSM-style attributes: `highway` (residential near the
 * centre, unclassified inland, motorway for the motorway itself, which is not walkable) and
 * `waterway=river` for the river line (no highway: not walkable, drawn as water).
 */
import type { Feature } from 'geojson';
import { writeFlatGeobuf } from '../../src/core/load/write-flatgeobuf';
import { isLand, pixelAt, type Landscape } from './landscape';
import type { SampleCityConfig } from './sample-city-config';
import { meander, streetLattice } from './street-lattice';

const SPACING = 500;

export function sampleStreets(cfg: SampleCityConfig, ls: Landscape): Uint8Array {
  const [cx, cy] = ls.centre;
  const x1 = cfg.originX + cfg.width;
  const y1 = cfg.originY + cfg.height;
  const land = (x: number, y: number) =>
    x > cfg.originX && x < x1 && y > cfg.originY && y < y1 && isLand(ls, pixelAt(ls, x, y)) && ls.lakeId[pixelAt(ls, x, y)] < 0;
  const k = cfg.layoutScale;
  const lines = streetLattice({
    x0: cfg.originX + SPACING / 2,
    y0: cfg.originY + SPACING / 2,
    x1: x1 - SPACING / 2,
    y1: y1 - SPACING / 2,
    spacing: SPACING,
    seed: cfg.seed,
    keep: (ax, ay, bx, by) => {
      if (!land(ax, ay) || !land(bx, by) || !land((ax + bx) / 2, (ay + by) / 2)) return 0;
      const r = Math.hypot((ax + bx) / 2 - cx, (ay + by) / 2 - cy);
      return r < 8000 * k ? 0.95 : 0.85;
    },
    highway: (x, y) => (Math.hypot(x - cx, y - cy) < 8000 * k ? 'residential' : 'unclassified'),
    barriers: [
      { kind: 'river', name: 'Kaupunginjoki', line: meander(cfg.seed, [cx + 2500 * k, y1], [cx + 1200 * k, cy - 3000 * k], 80, 2500 * k), crossings: [0.1, 0.22, 0.34, 0.46, 0.58, 0.7, 0.88, 0.96] },
      { kind: 'motorway', name: 'Valtatie 1', line: meander(cfg.seed + 1, [cfg.originX, cy + 6500 * k], [x1, cy + 5500 * k], 60, 1500 * k), crossings: [0.1, 0.2, 0.3, 0.45, 0.56, 0.68, 0.8, 0.9] },
    ],
  });
  const features: Feature[] = lines.map((l) => ({ type: 'Feature', properties: { highway: l.properties.highway ?? null, waterway: l.properties.waterway ?? null, name: l.properties.name ?? null }, geometry: { type: 'LineString', coordinates: l.coordinates } }));
  return writeFlatGeobuf(features);
}
