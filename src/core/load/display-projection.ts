/**
 * Fast EPSG:3067 → EPSG:4326 conversion for display of many points (map layers, exports),
 * with the closed-form Krüger series of the Finnish public standard JHS 154 for
 * ETRS-TM35FIN (GRS80, central meridian 27° E, scale 0.9996, false easting 500 000 m).
 * Accuracy is far below a millimetre inside Finland; no allocation per point.
 */

const A = 6_378_137;
const F = 1 / 298.257222101;
const K0 = 0.9996;
const LON0 = (27 * Math.PI) / 180;
const FALSE_EASTING = 500_000;
const E = Math.sqrt(F * (2 - F));
const N = F / (2 - F);
const A1 = (A / (1 + N)) * (1 + N ** 2 / 4 + N ** 4 / 64);
const H1 = N / 2 - (2 / 3) * N ** 2 + (37 / 96) * N ** 3 - N ** 4 / 360;
const H2 = N ** 2 / 48 + N ** 3 / 15 - (437 / 1440) * N ** 4;
const H3 = (17 / 480) * N ** 3 - (37 / 840) * N ** 4;
const H4 = (4397 / 161280) * N ** 4;
const DEG = 180 / Math.PI;

/**
 * Convert one EPSG:3067 position (metres) to [longitude, latitude] in degrees (EPSG:4326 axis order lon, lat).
 * `out` is filled and returned when given.
 */
export function tm35ToLonLat(x: number, y: number, out: [number, number] = [0, 0]): [number, number] {
  const xi = y / (K0 * A1);
  const eta = (x - FALSE_EASTING) / (K0 * A1);
  let xiP = xi;
  let etaP = eta;
  const h = [H1, H2, H3, H4];
  for (let j = 1; j <= 4; j++) {
    xiP -= h[j - 1] * Math.sin(2 * j * xi) * Math.cosh(2 * j * eta);
    etaP -= h[j - 1] * Math.cos(2 * j * xi) * Math.sinh(2 * j * eta);
  }
  const beta = Math.asin(Math.sin(xiP) / Math.cosh(etaP));
  const l = Math.asin(Math.tanh(etaP) / Math.cos(beta));
  const q = Math.asinh(Math.tan(beta));
  let qP = q + E * Math.atanh(E * Math.tanh(q));
  for (let i = 0; i < 4; i++) qP = q + E * Math.atanh(E * Math.tanh(qP));
  out[0] = (LON0 + l) * DEG;
  out[1] = Math.atan(Math.sinh(qP)) * DEG;
  return out;
}

/**
 * Convert interleaved EPSG:3067 coordinates [x0, y0, x1, y1, …] (metres) to interleaved
 * [lon0, lat0, …] degrees. Writes into `out` (may be the input array) and returns it.
 */
export function tm35ToLonLatArray(xy: ArrayLike<number>, out: Float64Array = new Float64Array(xy.length)): Float64Array {
  const p: [number, number] = [0, 0];
  for (let i = 0; i + 1 < xy.length; i += 2) {
    tm35ToLonLat(xy[i], xy[i + 1], p);
    out[i] = p[0];
    out[i + 1] = p[1];
  }
  return out;
}
