/**
 * Land, sea, lakes and the municipal border on a pixel raster (EPSG:3067).
 * The sea lies to the south (like the Finnish south coast); the municipality is an
 * irregular blob reaching into the coastal waters, with the city on the coast and a large
 * rural hinterland inland full of lakes; its land is one 4-connected piece.
 */
import { createRng } from './prng';
import { flood, insideDistance, solidComponent } from './raster-ops';
import type { SampleCityConfig } from './sample-city-config';
import { createNoise } from './value-noise';

export interface Landscape {
  w: number;
  h: number;
  pixel: number;
  originX: number;
  originY: number;
  /** 1 inside the municipal border (land, lakes and coastal sea). */
  municipality: Uint8Array;
  /** 1 for sea (inside and outside the municipality). */
  sea: Uint8Array;
  /** Lake index per pixel, -1 where none; lakes lie on municipal land. */
  lakeId: Int16Array;
  lakeNames: string[];
  /** City centre on the coast, metres. */
  centre: [number, number];
}

const LAKE_NAMES = [
  'Kivijärvi', 'Pitkäjärvi', 'Ahvenlampi', 'Valkeajärvi', 'Myllyjärvi', 'Särkijärvi', 'Kotojärvi', 'Haukilampi', 'Umpijärvi', 'Kaitalampi', 'Mustajärvi', 'Isojärvi',
  'Hauklampi', 'Kuohijärvi', 'Lehijärvi', 'Pyhäjärvi', 'Hirvijärvi', 'Vähäjärvi', 'Kourajärvi', 'Suolijärvi', 'Ruokojärvi', 'Kalliojärvi', 'Pajulampi', 'Lahnajärvi',
  'Kyläjärvi', 'Saarijärvi', 'Heinäjärvi', 'Joutsijärvi', 'Rantajärvi', 'Kaakkolampi', 'Matalajärvi', 'Hiidenjärvi', 'Kurkijärvi', 'Sorsalampi', 'Oksjärvi', 'Riihijärvi',
];

/** True where the pixel is municipal land (lakes included, sea excluded). */
export function isLand(ls: Landscape, i: number): boolean {
  return ls.municipality[i] === 1 && ls.sea[i] === 0;
}

/** Pixel index containing (x, y); the point must lie inside the raster. */
export function pixelAt(ls: Landscape, x: number, y: number): number {
  return Math.floor((y - ls.originY) / ls.pixel) * ls.w + Math.floor((x - ls.originX) / ls.pixel);
}

export function buildLandscape(cfg: SampleCityConfig): Landscape {
  const px = cfg.pixel;
  const w = cfg.width / px;
  const h = cfg.height / px;
  const k = cfg.layoutScale;
  const noise = createNoise(cfg.seed ^ 0x1234);
  const cx = (i: number) => cfg.originX + ((i % w) + 0.5) * px;
  const cy = (i: number) => cfg.originY + (Math.floor(i / w) + 0.5) * px;

  // Sea: south of a noisy coastline, only what is connected to the open sea at the border.
  const coastY = cfg.originY + 0.19 * cfg.height;
  const sea0 = new Uint8Array(w * h);
  for (let i = 0; i < w * h; i++) {
    const x = cx(i);
    const y = cy(i);
    const s = (coastY - y) / (2600 * k) + 1.8 * noise.fbm(x, y, 7000 * k, 5) + 0.8 * noise.fbm(x + 7e5, y, 1200 * k, 3);
    sea0[i] = s > 0 ? 1 : 0;
  }
  const south = [...Array(w).keys()];
  const sea = flood(w, h, (i) => sea0[i] === 1, south);

  // City centre: 1.2 km inland from where the coast crosses x = centreFraction of the width.
  const col = Math.floor(cfg.centreFraction * w);
  let row = 0;
  while (row < h - 1 && sea[row * w + col]) row++;
  row = Math.min(h - 1, row + Math.round((1200 * k) / px));
  const centreIndex = row * w + col;

  // Municipality: an irregular blob around a point north of the coast, off the raster edge.
  const radius = cfg.borderRadius;
  const mx = cx(col) + 0.04 * cfg.width;
  const my = coastY + 0.58 * radius;
  const margin = Math.ceil((800 * k) / px);
  const m0 = new Uint8Array(w * h);
  for (let i = 0; i < w * h; i++) {
    const c = i % w;
    const r = Math.floor(i / w);
    if (c < margin || r < margin || c >= w - margin || r >= h - margin) continue;
    const dx = (cx(i) - mx) / (radius * 1.1);
    const dy = (cy(i) - my) / (radius * 0.95);
    const rho = Math.sqrt(dx * dx + dy * dy) + 0.5 * noise.fbm(cx(i) + 3e5, cy(i), 0.58 * radius, 5);
    m0[i] = rho < 1 ? 1 : 0;
  }
  m0[centreIndex] = 1;
  const municipality = solidComponent(w, h, m0, centreIndex);

  // Municipal land must be one piece: cut-off islands become sea.
  const land = flood(w, h, (i) => municipality[i] === 1 && sea[i] === 0, [centreIndex]);
  for (let i = 0; i < w * h; i++) if (municipality[i] && !sea[i] && !land[i]) sea[i] = 1;

  const { lakeId, lakeNames } = placeLakes(cfg, w, h, land, centreIndex, cx, cy);
  return { w, h, pixel: px, originX: cfg.originX, originY: cfg.originY, municipality, sea, lakeId, lakeNames, centre: [cx(centreIndex), cy(centreIndex)] };
}

function placeLakes(
  cfg: SampleCityConfig,
  w: number,
  h: number,
  land: Uint8Array,
  centreIndex: number,
  cx: (i: number) => number,
  cy: (i: number) => number,
): { lakeId: Int16Array; lakeNames: string[] } {
  const rng = createRng(cfg.seed, 'lakes');
  const noise = createNoise(cfg.seed ^ 0x4321);
  const k = cfg.layoutScale;
  const px = cfg.pixel;
  const inner = insideDistance(w, h, land, 4);
  const lakeId = new Int16Array(w * h).fill(-1);
  const lakeNames: string[] = [];
  const [ccx, ccy] = [cx(centreIndex), cy(centreIndex)];
  for (let attempt = 0; attempt < cfg.lakes * 30 && lakeNames.length < cfg.lakes; attempt++) {
    const seed = rng.int(w * h);
    if (inner[seed] < 4 || lakeId[seed] >= 0) continue;
    if (Math.hypot(cx(seed) - ccx, cy(seed) - ccy) < 4000 * k) continue;
    // Inland lakes far from the city are larger, as in the Finnish lake district.
    const far = Math.hypot(cx(seed) - ccx, cy(seed) - ccy) > 15000 * k;
    const r = rng.range(400, 1500) * k * (far ? 1.7 : 1);
    const span = Math.ceil((1.6 * r) / px);
    const id = lakeNames.length;
    const mask = new Uint8Array(w * h);
    const sc = seed % w;
    const sr = Math.floor(seed / w);
    for (let rr = Math.max(0, sr - span); rr <= Math.min(h - 1, sr + span); rr++) {
      for (let cc = Math.max(0, sc - span); cc <= Math.min(w - 1, sc + span); cc++) {
        const i = rr * w + cc;
        if (inner[i] < 3 || lakeId[i] >= 0) continue;
        const rho = Math.hypot(cx(i) - cx(seed), cy(i) - cy(seed)) / r + 0.45 * noise.fbm(cx(i), cy(i) + id * 1e5, 900 * k, 3);
        if (rho < 1) mask[i] = 1;
      }
    }
    if (!mask[seed]) continue;
    const lake = solidComponent(w, h, mask, seed);
    let n = 0;
    for (let i = 0; i < w * h; i++) if (lake[i] && lakeId[i] < 0 && inner[i] >= 3) n++;
    if (n < 40) continue;
    for (let i = 0; i < w * h; i++) if (lake[i] && lakeId[i] < 0 && inner[i] >= 3) lakeId[i] = id;
    lakeNames.push(id < LAKE_NAMES.length ? LAKE_NAMES[id] : `${LAKE_NAMES[id % LAKE_NAMES.length]} ${Math.floor(id / LAKE_NAMES.length) + 1}`);
  }
  return { lakeId, lakeNames };
}

/**
 * Make every pixel of every populated 250 m cell municipal land (not sea), so that each cell
 * lies wholly inside the union of the catchments and no inhabitant falls in a gap. A cell is
 * populated only where at least half of it is land, so the added pixels (small squares of
 * shore sticking into the sea or over the border) stay joined to the one piece of land.
 * `cells` are lower-left corners in EPSG:3067 metres; `size` is the cell side (250 m).
 */
export function coverCells(ls: Landscape, cells: { x0: number; y0: number }[], size: number): void {
  const sub = size / ls.pixel;
  for (const cell of cells) {
    const c0 = Math.round((cell.x0 - ls.originX) / ls.pixel);
    const r0 = Math.round((cell.y0 - ls.originY) / ls.pixel);
    for (let r = r0; r < r0 + sub; r++) {
      for (let c = c0; c < c0 + sub; c++) {
        const i = r * ls.w + c;
        ls.municipality[i] = 1;
        ls.sea[i] = 0;
      }
    }
  }
}
