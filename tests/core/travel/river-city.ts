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
