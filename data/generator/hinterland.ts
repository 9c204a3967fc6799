/**
 * The rural hinterland of a post-2009 merger municipality (Oulu, Salo, Kouvola, Lohja …):
 * beyond the city's corridors lie the church villages (kirkonkylä) of the former rural
 * municipalities, smaller villages, and roads linking them to the city. Positions are
 * EPSG:3067 metres; hinterland distances scale with the border radius (34 km = 1).
 */
import { cos, landNear, sin, type AddDistrict, type Corridor, type District, type Road } from './districts';
import type { Landscape } from './landscape';
import type { Rng } from './prng';
import type { SampleCityConfig } from './sample-city-config';

export interface Hinterland {
  churchVillages: District[];
  villages: District[];
  roads: Road[];
}

/** Distance (m) from (x0, y0) along `angle` (degrees, 0 = east) to the last municipal pixel, in 250 m steps. */
export function borderReach(ls: Landscape, x0: number, y0: number, angle: number): number {
  let reach = 0;
  for (let d = 250; ; d += 250) {
    const x = x0 + d * cos(angle);
    const y = y0 + d * sin(angle);
    const c = Math.floor((x - ls.originX) / ls.pixel);
    const r = Math.floor((y - ls.originY) / ls.pixel);
    if (c < 0 || r < 0 || c >= ls.w || r >= ls.h) return reach;
    if (ls.municipality[r * ls.w + c]) reach = d;
    else if (d - reach > 1000) return reach;
  }
}

export function layOutHinterland(cfg: SampleCityConfig, ls: Landscape, rng: Rng, city: District[], corridors: Corridor[], add: AddDistrict): Hinterland {
  const [x0, y0] = ls.centre;
  const hk = cfg.borderRadius / 34000;
  const cityReach = Math.max(...corridors.map((c) => c.length), 1);
  const churchVillages: District[] = [];
  const villages: District[] = [];

  // Church villages: in the gaps between the corridors, about two thirds of the way to the border.
  const gaps = corridors.slice(1).map((c, i) => (c.angle + corridors[i].angle) / 2);
  const n = cfg.hinterland.churchVillages;
  for (let j = 0; j < n; j++) {
    const angle = (j < gaps.length ? gaps[Math.round(((j + 0.5) * Math.min(n, gaps.length)) / n - 0.5)] : rng.range(0, 180)) + rng.range(-6, 6);
    const reach = borderReach(ls, x0, y0, angle);
    const d = Math.min(0.85 * reach, Math.max(0.62 * reach, 1.15 * cityReach));
    const church = add('church', x0 + d * cos(angle), y0 + d * sin(angle));
    if (!church) continue;
    churchVillages.push(church);
    add('core', church.x, church.y, [church.name, church.genitive]);
  }

  // Villages: random spots in the hinterland, away from the city and from each other.
  const spacing = (d: District) => (d.kind === 'church' || d.kind === 'village' ? 6000 * hk : 3500 * hk);
  for (let attempt = 0; attempt < 800 && villages.length < cfg.hinterland.villages; attempt++) {
    const angle = rng.range(-25, 205);
    const reach = borderReach(ls, x0, y0, angle);
    const d = rng.range(0.3, 0.93) * reach;
    if (d < 0.85 * cityReach) continue;
    const spot = landNear(ls, x0 + d * cos(angle), y0 + d * sin(angle), x0, y0);
    if (!spot || Math.hypot(spot[0] - x0, spot[1] - y0) < 0.85 * cityReach) continue;
    if ([...city, ...villages].some((o) => Math.hypot(o.x - spot[0], o.y - spot[1]) < spacing(o))) continue;
    const village = add('village', spot[0], spot[1]);
    if (!village) continue;
    village.peak *= rng.range(0.6, 1.7);
    village.radius *= rng.range(0.8, 1.3);
    villages.push(village);
  }
  return { churchVillages, villages, roads: roadsBetween(x0, y0, churchVillages, villages, city) };
}

/** Roads: centre → each church village, church villages in a ring, each village to its nearest earlier node. */
function roadsBetween(x0: number, y0: number, churchVillages: District[], villages: District[], city: District[]): Road[] {
  const roads: Road[] = [];
  const link = (a: { x: number; y: number }, b: { x: number; y: number }) => roads.push({ x0: a.x, y0: a.y, x1: b.x, y1: b.y });
  const centre = { x: x0, y: y0 };
  const angleOf = (d: District) => Math.atan2(d.y - y0, d.x - x0);
  const ring = [...churchVillages].sort((a, b) => angleOf(a) - angleOf(b));
  ring.forEach((c, i) => {
    link(centre, c);
    if (i > 0) link(ring[i - 1], c);
  });
  const nodes: { x: number; y: number }[] = [...churchVillages, ...city.filter((d) => d.kind === 'village')];
  for (const v of villages) {
    let best = centre;
    let bestD = Math.hypot(v.x - x0, v.y - y0);
    for (const o of nodes) {
      const d = Math.hypot(v.x - o.x, v.y - o.y);
      if (d < bestD) {
        bestD = d;
        best = o;
      }
    }
    link(v, best);
    nodes.push(v);
  }
  return roads;
}

/** Distance (m) from (x, y) to the nearest road segment. */
export function roadDistance(roads: Road[], x: number, y: number): number {
  let best = Infinity;
  for (const r of roads) {
    const dx = r.x1 - r.x0;
    const dy = r.y1 - r.y0;
    const len2 = dx * dx + dy * dy;
    const t = len2 > 0 ? Math.min(1, Math.max(0, ((x - r.x0) * dx + (y - r.y0) * dy) / len2)) : 0;
    best = Math.min(best, Math.hypot(x - r.x0 - t * dx, y - r.y0 - t * dy));
  }
  return best;
}
