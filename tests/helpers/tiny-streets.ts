/**
 * A street lattice over Tiny City (EPSG:3067 GeoJSON, for the import wizard's street file): four
 * east–west and four north–south residential streets through the cell centres (x 385 125 …
 * 385 875, y 6 672 125 … 6 672 875), every crossing a shared vertex; plus one footway.
 */
const C = [125, 375, 625, 875];
export const TINY_STREET_LINKS = 9;

export function tinyStreetsGeoJson(): string {
  const X = (i: number) => 385_000 + C[i];
  const Y = (j: number) => 6_672_000 + C[j];
  const features = [
    ...C.map((_, j) => ({ highway: 'residential', coordinates: C.map((__, i) => [X(i), Y(j)]) })),
    ...C.map((_, i) => ({ highway: 'residential', coordinates: C.map((__, j) => [X(i), Y(j)]) })),
    { highway: 'footway', coordinates: [[X(0), Y(0)], [X(3), Y(3)]] },
  ].map((f) => ({ type: 'Feature', properties: { highway: f.highway }, geometry: { type: 'LineString', coordinates: f.coordinates } }));
  return JSON.stringify({ type: 'FeatureCollection', crs: { type: 'name', properties: { name: 'urn:ogc:def:crs:EPSG::3067' } }, features });
}
