/**
 * The city's named districts: a dense coastal centre, 1960–1990 rental-block suburbs and
 * newer owner-occupied districts at stations along five rail/road corridors, detached-house
 * areas between the corridors, a wealthy seaside district on each side of the centre and
 * villages at the edges. Positions are EPSG:3067 metres.
 */
import { isLand, pixelAt, type Landscape } from './landscape';
import { createRng } from './prng';
import type { SampleCityConfig } from './sample-city-config';
import { layOutHinterland } from './hinterland';

export type DistrictKind = 'centre' | 'inner' | 'rental' | 'owner' | 'seaside' | 'detached' | 'village' | 'church' | 'core';

export interface District {
  name: string;
  /** Finnish genitive, for school names ("Kivikon koulu"). */
  genitive: string;
  kind: DistrictKind;
  x: number;
  y: number;
  /** Kernel radius, metres. */
  radius: number;
  /** Inhabitants per 250 m cell at the kernel's peak, before scaling to the target population. */
  peak: number;
  /** Offset of the district's socio-economic disadvantage (positive = more disadvantaged). */
  disadvantage: number;
  /** Share of Swedish speakers among the inhabitants (drives the Swedish-language network's demand). */
  swedish: number;
}

/** A corridor from the centre: direction in degrees (0 = east, 90 = north) and the last station's distance. */
export interface Corridor {
  angle: number;
  length: number;
}

export type Name = [string, string];
const NAMES: Record<DistrictKind, Name[]> = {
  centre: [['Keskusta', 'Keskustan']],
  inner: [['Kalliola', 'Kalliolan'], ['Satama', 'Sataman'], ['Puistola', 'Puistolan'], ['Linnanmäki', 'Linnanmäen']],
  rental: [['Kivikko', 'Kivikon'], ['Myllymäki', 'Myllymäen'], ['Louhela', 'Louhelan'], ['Koivuharju', 'Koivuharjun'], ['Hakkila', 'Hakkilan'], ['Kaarela', 'Kaarelan'], ['Rajakylä', 'Rajakylän'], ['Pihlajisto', 'Pihlajiston'], ['Vuoriharju', 'Vuoriharjun']],
  owner: [['Metsola', 'Metsolan'], ['Niittykumpu', 'Niittykummun'], ['Rantapuisto', 'Rantapuiston'], ['Kuusikko', 'Kuusikon'], ['Kartanonmetsä', 'Kartanonmetsän'], ['Auringonrinne', 'Auringonrinteen'], ['Lehtoranta', 'Lehtorannan'], ['Tammisto', 'Tammiston'], ['Saarenmaa', 'Saarenmaan']],
  seaside: [['Merikallio', 'Merikallion'], ['Rantakylä', 'Rantakylän'], ['Kuusiniemi', 'Kuusiniemen']],
  detached: [['Pakkala', 'Pakkalan'], ['Tapanila', 'Tapanilan'], ['Haukilahti', 'Haukilahden'], ['Mäkelä', 'Mäkelän'], ['Sepänmäki', 'Sepänmäen'], ['Lammila', 'Lammilan'], ['Honkakylä', 'Honkakylän'], ['Vaarala', 'Vaaralan'], ['Ylämäki', 'Ylämäen'], ['Suvela', 'Suvelan'], ['Jokiniemi', 'Jokiniemen'], ['Koskela', 'Koskelan'], ['Peltola', 'Peltolan'], ['Kaskela', 'Kaskelan'], ['Harjula', 'Harjulan']],
  village: [
    ['Ruskela', 'Ruskelan'], ['Korpela', 'Korpelan'], ['Sipilä', 'Sipilän'], ['Mustijoki', 'Mustijoen'], ['Kylmälä', 'Kylmälän'], ['Röykkä', 'Röykän'], ['Hirvensalo', 'Hirvensalon'], ['Ojakylä', 'Ojakylän'],
    ['Haapasaari', 'Haapasaaren'], ['Ketola', 'Ketolan'], ['Saarikylä', 'Saarikylän'], ['Peräkylä', 'Peräkylän'], ['Mäkikylä', 'Mäkikylän'], ['Sorkkala', 'Sorkkalan'], ['Hirvelä', 'Hirvelän'], ['Tuohikylä', 'Tuohikylän'],
    ['Latvala', 'Latvalan'], ['Pajukoski', 'Pajukosken'], ['Lohikoski', 'Lohikosken'], ['Vanhakylä', 'Vanhankylän'], ['Kaivola', 'Kaivolan'], ['Rekola', 'Rekolan'], ['Hongisto', 'Hongiston'], ['Kolkka', 'Kolkan'],
  ],
  /** Church villages: the centres of the rural municipalities merged into the city. */
  church: [['Kaukola', 'Kaukolan'], ['Ylijoki', 'Ylijoen'], ['Riihimaa', 'Riihimaan'], ['Kuusjärvi', 'Kuusjärven'], ['Vehmaa', 'Vehmaan'], ['Lappila', 'Lappilan']],
  /** The small block-of-flats core of a church village takes the village's name. */
  core: [['Kirkonkylä', 'Kirkonkylän']],
};

/** Kinds of the stations along each corridor, nearest the centre first. */
const STATIONS: DistrictKind[][] = [
  ['owner', 'rental', 'owner', 'detached', 'village'],
  ['rental', 'rental', 'owner', 'detached', 'village'],
  ['rental', 'owner', 'rental', 'detached', 'village'],
  ['owner', 'rental', 'detached', 'owner', 'village'],
  ['owner', 'rental', 'detached', 'village', 'village'],
];
const STATION_KM = [5, 8.5, 12.5, 17, 22];
const CORRIDOR_ANGLES = [12, 52, 92, 132, 170];

const SHAPE: Record<DistrictKind, { radius: number; peak: number; disadvantage: number; swedish: number }> = {
  centre: { radius: 2200, peak: 2600, disadvantage: 0, swedish: 0.08 },
  inner: { radius: 1300, peak: 1000, disadvantage: 0.1, swedish: 0.06 },
  rental: { radius: 1000, peak: 650, disadvantage: 1, swedish: 0.02 },
  owner: { radius: 1300, peak: 260, disadvantage: -0.3, swedish: 0.05 },
  seaside: { radius: 1100, peak: 220, disadvantage: -1.1, swedish: 0.2 },
  detached: { radius: 2200, peak: 45, disadvantage: -0.4, swedish: 0.05 },
  village: { radius: 900, peak: 40, disadvantage: 0.2, swedish: 0.06 },
  church: { radius: 1500, peak: 60, disadvantage: 0.1, swedish: 0.05 },
  core: { radius: 550, peak: 150, disadvantage: 0.5, swedish: 0.03 },
};

/** A rural road (straight segment, metres) between the city, church villages and villages. */
export interface Road {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

export interface CityLayout {
  districts: District[];
  corridors: Corridor[];
  /** Hinterland: church villages (one per former municipality), villages and the roads between them. */
  churchVillages: District[];
  villages: District[];
  roads: Road[];
}

/** Adds a district of `kind` at dry land near (x, y) (moved towards the centre if needed); null when none. */
export type AddDistrict = (kind: DistrictKind, x: number, y: number, name?: Name) => District | null;

export function layOutDistricts(cfg: SampleCityConfig, ls: Landscape): CityLayout {
  const rng = createRng(cfg.seed, 'districts');
  const k = cfg.layoutScale;
  const names = Object.fromEntries(Object.entries(NAMES).map(([kind, list]) => [kind, rng.shuffle([...list])])) as Record<DistrictKind, Name[]>;
  const used: Record<string, number> = {};
  const [x0, y0] = ls.centre;
  const districts: District[] = [];
  const corridors: Corridor[] = [];

  const add: AddDistrict = (kind, x, y, given) => {
    const spot = landNear(ls, x, y, x0, y0);
    if (!spot) return null;
    const n = used[kind] ?? 0;
    const list = names[kind];
    const [name, genitive] = given ?? (n < list.length ? list[n] : [`${list[n % list.length][0]} ${n}`, `${list[n % list.length][1]} ${n}`]);
    if (!given) used[kind] = n + 1;
    const s = SHAPE[kind];
    const west = (kind === 'village' || kind === 'church') && spot[0] < x0 ? 0.15 : 0;
    const district: District = {
      name,
      genitive,
      kind,
      x: spot[0],
      y: spot[1],
      radius: s.radius * k * rng.range(0.85, 1.2),
      peak: s.peak * rng.range(0.8, 1.2),
      disadvantage: s.disadvantage + (kind === 'rental' ? 0.45 : 0.25) * rng.normal(),
      swedish: s.swedish + west,
    };
    districts.push(district);
    return district;
  };

  add('centre', x0, y0);
  for (const a of [35, 90, 145]) add('inner', x0 + 2600 * k * cos(a), y0 + 2600 * k * sin(a));
  for (let c = 0; c < CORRIDOR_ANGLES.length; c++) {
    const angle = CORRIDOR_ANGLES[c] + rng.range(-8, 8);
    let last = 0;
    STATIONS[c].forEach((kind, s) => {
      const d = (STATION_KM[s] + rng.range(-0.8, 0.8)) * 1000 * k;
      if (add(kind, x0 + d * cos(angle), y0 + d * sin(angle))) last = d;
    });
    corridors.push({ angle, length: last });
  }
  for (let c = 0; c + 1 < corridors.length; c++) {
    const a = (corridors[c].angle + corridors[c + 1].angle) / 2;
    for (const km of [4.5, 9.5]) add('detached', x0 + km * 1000 * k * cos(a), y0 + km * 1000 * k * sin(a));
  }
  for (const side of [-1, 1]) {
    const spot = coastalSpot(ls, x0 + side * 4500 * k, 400 * k);
    if (spot) add('seaside', spot[0], spot[1]);
  }
  const hinterland = layOutHinterland(cfg, ls, rng, districts, corridors, add);
  return { districts, corridors, ...hinterland };
}

export function cos(deg: number): number {
  return Math.cos((deg * Math.PI) / 180);
}
export function sin(deg: number): number {
  return Math.sin((deg * Math.PI) / 180);
}

/** Dry municipal land at (x, y), or moved towards (tx, ty) until dry land is found. */
export function landNear(ls: Landscape, x: number, y: number, tx: number, ty: number): [number, number] | null {
  for (let step = 0; step <= 12; step++) {
    const t = step / 12;
    const px = x + (tx - x) * t;
    const py = y + (ty - y) * t;
    if (px < ls.originX || py < ls.originY || px >= ls.originX + ls.w * ls.pixel || py >= ls.originY + ls.h * ls.pixel) continue;
    const i = pixelAt(ls, px, py);
    if (isLand(ls, i) && ls.lakeId[i] < 0) return [px, py];
  }
  return null;
}

/** The first dry pixel north of the sea in column x, moved `inland` metres north. */
function coastalSpot(ls: Landscape, x: number, inland: number): [number, number] | null {
  const col = Math.floor((x - ls.originX) / ls.pixel);
  if (col < 0 || col >= ls.w) return null;
  for (let row = 0; row < ls.h; row++) {
    const i = row * ls.w + col;
    if (isLand(ls, i)) return [ls.originX + (col + 0.5) * ls.pixel, ls.originY + (row + 0.5) * ls.pixel + inland];
  }
  return null;
}
