/**
 * A hand-made street layer for the travel tests (local metres, shifted into EPSG:3067 by X0, Y0):
 *
 *   y=1000  C(0,1000) ─────────────────── (1800,1000) ── D(2000,1000)        (5000,1000)
 *              │ motorway (not walkable)      │ bridge                           │ island street
 *   y=500   ~~~~~~~~~~~~~~~~~~ river ~~~~~~~~~~~│~~~~~~~~~                          │
 *              │                  ┃ flyover   │                                  │
 *   y=0     A(0,0) ──────────────╂──────────(1800,0) ── B(2000,0)            (5000,0)
 *                                 ┃ (500,−300)…(500,300): crosses the street without a shared vertex
 */
import { resolveTravelSettings, type TravelSettings } from '../../../src/core/config/travel-settings';
import { readFeatures } from '../../../src/core/load/read-features';
import type { Position } from '../../../src/core/model/geometry-types';
import { StreetDistances } from '../../../src/core/travel/street-distances';
import { streetLinksFromTable } from '../../../src/core/travel/street-links';
import { StreetNetwork } from '../../../src/core/travel/street-network';

export const X0 = 380_000;
export const Y0 = 6_670_000;

const at = (x: number, y: number) => [X0 + x, Y0 + y];

function line(coords: number[][], props: Record<string, unknown>) {
  return { type: 'Feature', properties: props, geometry: { type: 'LineString', coordinates: coords.map(([x, y]) => at(x, y)) } };
}

export const riverCityStreets = JSON.stringify({
  type: 'FeatureCollection',
  features: [
    line([[0, 0], [1800, 0], [2000, 0]], { highway: 'residential', name: 'South street' }),
    line([[0, 1000], [1800, 1000], [2000, 1000]], { highway: 'residential', name: 'North street' }),
    line([[1800, 0], [1800, 1000]], { highway: 'footway', name: 'Bridge', bridge: 'yes' }),
    line([[0, 0], [0, 1000]], { highway: 'motorway', name: 'Motorway bridge' }),
    line([[2000, 0], [2000, 1000]], { highway: 'residential', foot: 'no', name: 'No pedestrians' }),
    line([[500, -300], [500, 300]], { highway: 'path', name: 'Flyover' }),
    { type: 'Feature', properties: { highway: 'residential', name: 'Island street' }, geometry: { type: 'MultiLineString', coordinates: [[at(5000, 0), at(5000, 500)], [at(5000, 500), at(5000, 1000)]] } },
  ],
});

/**
 * A street network read from a GeoJSON text through the same path as a user's file (reader,
 * walkable rule, graph) on the given unit points, with the reader's warnings.
 */
export async function streetsFromGeoJson(text: string, unitPoints: Float64Array, travel: TravelSettings = {}) {
  const table = await readFeatures({ name: 'streets.geojson', bytes: new TextEncoder().encode(text) });
  if (!table.ok) throw new Error(JSON.stringify(table.problems));
  const settings = resolveTravelSettings(travel);
  const links = streetLinksFromTable(table.value, settings);
  if (!links.ok) throw new Error(JSON.stringify(links.problems));
  return { net: StreetNetwork.fromLinks(links.value.links, unitPoints, settings), links: links.value, warnings: links.warnings };
}

/** The river city's streets on the given units, and the trips to the given schools. */
export async function riverCity(units: Position[], schools: Position[], searchLimitM?: number) {
  const { net, links } = await streetsFromGeoJson(riverCityStreets, Float64Array.from(units.flat()), { searchLimitM });
  return { net, links, d: new StreetDistances(net, schools) };
}
