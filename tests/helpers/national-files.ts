/**
 * A generated national file set, shaped like Statistics Finland's national files and made the
 * same way on every run (no real data needed): a Paavo-like GeoJSON of 3,030 postal areas
 * tiling Finland's extent in EPSG:3067 (x 50,000–760,000, y 6,600,000–7,780,000; about 54
 * vertices per area, neighbours sharing their borders vertex for vertex; written in EPSG:4326
 * with 5 decimals like the national Paavo conversion, with Paavo's 110 field names) and a
 * register-like GeoJSON of 2,196 school points (fields tunn, onimi, oltyp, oltyp_nimi, olo,
 * til_vuosi, euref_x, euref_y, kunta, kunta_nimi; names cut at 30 characters as in the register).
 *
 * Postal areas are the cells of a jittered 50 × 61 lattice (the last 20 cells left out);
 * municipalities are blocks of 3 × 3 areas (kuntano "000" … "356"), except the block around
 * Tampere (columns 18–20, rows 9–11), which is "837". Its 38 schools are listed by hand in
 * TAMPERE_SCHOOLS so tests can count what each filter keeps.
 */
import { tm35ToLonLat } from '../../src/core/load/display-projection';

export const COLS = 50;
export const ROWS = 61;
export const AREA_COUNT = 3_030;
export const SCHOOL_COUNT = 2_196;
export const X_MIN = 50_000;
export const X_MAX = 760_000;
export const Y_MIN = 6_600_000;
export const Y_MAX = 7_780_000;
const DX = (X_MAX - X_MIN) / COLS;
const DY = (Y_MAX - Y_MIN) / ROWS;
/** Segments per area edge: 4 edges × 13 = 52 vertices (+ the closing one). */
const SEGMENTS = 13;
export const TAMPERE = '837';
/** The Tampere block: columns 18–20, rows 9–11 (9 postal areas). */
export const TAMPERE_COLS = [18, 19, 20];
export const TAMPERE_ROWS = [9, 10, 11];

/** Deterministic value in [0, 1) from integers. */
function hash(...ks: number[]): number {
  let h = 2166136261;
  for (const k of ks) {
    h = Math.imul(h ^ (k & 0xffff), 16777619);
    h = Math.imul(h ^ (k >>> 16), 16777619);
  }
  h ^= h >>> 13;
  h = Math.imul(h, 0x5bd1e995);
  h ^= h >>> 15;
  return (h >>> 0) / 4294967296;
}

/** Lattice node (i = 0…COLS, j = 0…ROWS), jittered by up to ±18 % of the spacing inside the frame. */
export function node(i: number, j: number): [number, number] {
  const jx = i === 0 || i === COLS ? 0 : (hash(i, j, 1) - 0.5) * 0.36 * DX;
  const jy = j === 0 || j === ROWS ? 0 : (hash(i, j, 2) - 0.5) * 0.36 * DY;
  return [X_MIN + i * DX + jx, Y_MIN + j * DY + jy];
}

/** Points of the edge from node a to node b (a excluded, b included), wiggled the same way whichever way it is walked. */
function edgePoints(a: [number, number], ai: number, aj: number, b: [number, number], bi: number, bj: number): [number, number][] {
  const forward = ai < bi || (ai === bi && aj < bj);
  const [p, q] = forward ? [a, b] : [b, a];
  const seed = forward ? [ai, aj, bi, bj] : [bi, bj, ai, aj];
  const nx = -(q[1] - p[1]);
  const ny = q[0] - p[0];
  const amp = 0.03 * (hash(seed[0], seed[1], seed[2], seed[3]) - 0.5);
  const pts: [number, number][] = [];
  for (let k = 1; k < SEGMENTS; k++) {
    const t = k / SEGMENTS;
    const w = amp * Math.sin(Math.PI * t * 3);
    pts.push([p[0] + t * (q[0] - p[0]) + w * nx, p[1] + t * (q[1] - p[1]) + w * ny]);
  }
  if (!forward) pts.reverse();
  return [...pts, b];
}

/** Counter-clockwise ring of lattice cell (c, r) in EPSG:3067. */
export function areaRing(c: number, r: number): [number, number][] {
  const corners: [number, number][] = [[c, r], [c + 1, r], [c + 1, r + 1], [c, r + 1]];
  const ring: [number, number][] = [node(c, r)];
  for (let k = 0; k < 4; k++) {
    const [ai, aj] = corners[k];
    const [bi, bj] = corners[(k + 1) % 4];
    ring.push(...edgePoints(node(ai, aj), ai, aj, node(bi, bj), bi, bj));
  }
  return ring;
}

/** Municipality code of lattice cell (c, r). */
export function kuntaOf(c: number, r: number): string {
  if (TAMPERE_COLS.includes(c) && TAMPERE_ROWS.includes(r)) return TAMPERE;
  return String(Math.floor(r / 3) * 17 + Math.floor(c / 3)).padStart(3, '0');
}

/** A point inside cell (c, r): bilinear position (u, v) ∈ [0.3, 0.7]² between its four corners. */
export function pointIn(c: number, r: number, u: number, v: number): [number, number] {
  const a = node(c, r);
  const b = node(c + 1, r);
  const d = node(c, r + 1);
  const e = node(c + 1, r + 1);
  const x = (1 - u) * (1 - v) * a[0] + u * (1 - v) * b[0] + (1 - u) * v * d[0] + u * v * e[0];
  const y = (1 - u) * (1 - v) * a[1] + u * (1 - v) * b[1] + (1 - u) * v * d[1] + u * v * e[1];
  return [Math.round(x), Math.round(y)];
}

const PAAVO_FIELDS =
  'he_vakiy he_naiset he_miehet he_kika he_0_2 he_3_6 he_7_12 he_13_15 he_16_17 he_18_19 he_20_24 he_25_29 he_30_34 he_35_39 he_40_44 he_45_49 he_50_54 he_55_59 he_60_64 he_65_69 he_70_74 he_75_79 he_80_84 he_85_ ko_ika18y ko_perus ko_koul ko_yliop ko_ammat ko_al_kork ko_yl_kork hr_tuy hr_ktu hr_mtu hr_pi_tul hr_ke_tul hr_hy_tul hr_ovy te_taly te_takk te_as_valj te_nuor te_eil_np te_laps te_plap te_aklap te_klap te_teini te_aik te_elak te_omis_as te_vuok_as te_muu_as tr_kuty tr_ktu tr_mtu tr_pi_tul tr_ke_tul tr_hy_tul tr_ovy ra_ke ra_raky ra_muut ra_asrak ra_asunn ra_as_kpa ra_pt_as ra_kt_as tp_tyopy tp_alku_a tp_jalo_bf tp_palv_gu tp_a_maat tp_b_kaiv tp_c_teol tp_d_ener tp_e_vesi tp_f_rake tp_g_kaup tp_h_kulj tp_i_majo tp_j_info tp_k_raho tp_l_kiin tp_m_erik tp_n_hall tp_o_julk tp_p_koul tp_q_terv tp_r_taid tp_s_muup tp_t_koti tp_u_kans tp_x_tunt pt_vakiy pt_tyovy pt_tyoll pt_tyott pt_tyovu pt_0_14 pt_opisk pt_elakel pt_muut'.split(' ');

/** Inhabitants of area k: 100 × (k mod 97) + 50, so 50 … 9,650; he_7_12 = 7 %, he_13_15 = 3 % of them (rounded down). */
export function inhabitants(k: number): number {
  return 100 * (k % 97) + 50;
}

function paavoProperties(k: number, c: number, r: number): Record<string, unknown> {
  const people = inhabitants(k);
  const [cx, cy] = pointIn(c, r, 0.5, 0.5);
  const props: Record<string, unknown> = {
    postinumero: String(k * 3 + 10).padStart(5, '0'),
    nimi: `Alue ${k}`,
    euref_x: cx,
    euref_y: cy,
    pinta_ala: Math.round(DX * DY),
    vuosi: 2018,
    kuntano: kuntaOf(c, r),
  };
  for (const f of PAAVO_FIELDS) props[f] = Math.round(people * (0.01 + 0.2 * hash(k, f.length, f.charCodeAt(3))));
  props.he_vakiy = people;
  props.he_7_12 = Math.floor(people * 0.07);
  props.he_13_15 = Math.floor(people * 0.03);
  props.pt_vakiy = people;
  props.ko_ika18y = Math.floor(people * 0.8);
  props.hr_tuy = Math.floor(people * 0.8);
  return props;
}

const lonLat = (p: [number, number]): [number, number] => {
  const [lon, lat] = tm35ToLonLat(p[0], p[1]);
  return [Math.round(lon * 1e5) / 1e5, Math.round(lat * 1e5) / 1e5];
};

/** The Paavo-like national file as GeoJSON text (EPSG:4326, 5 decimals, ≈ 9 MB). */
export function paavoNational(): string {
  const parts: string[] = [];
  for (let k = 0; k < AREA_COUNT; k++) {
    const c = k % COLS;
    const r = Math.floor(k / COLS);
    const ring = areaRing(c, r).map(lonLat);
    parts.push(JSON.stringify({ type: 'Feature', properties: paavoProperties(k, c, r), geometry: { type: 'Polygon', coordinates: [ring] } }));
  }
  return `{"type":"FeatureCollection","name":"paavo_like_finland","features":[\n${parts.join(',\n')}\n]}\n`;
}

export interface SchoolSpec {
  tunn: string;
  onimi: string;
  oltyp: '11' | '12' | '19';
  olo: string;
  kunta: string;
  /** Lattice cell and position inside it. */
  c: number;
  r: number;
  u: number;
  v: number;
}

const STEMS = ['Aho', 'Kivi', 'Mäki', 'Järvi', 'Koski', 'Lahti', 'Niemi', 'Salo', 'Harju', 'Ranta', 'Vuori', 'Kallio', 'Metsä', 'Pelto', 'Suo', 'Laakso', 'Saari', 'Kangas', 'Lehto', 'Rinne'];
/** The register's name field holds 30 characters. */
export const NAME_WIDTH = 30;

/**
 * The 38 schools with kunta 837, worked out by hand:
 * - 30 Finnish schools "… koulu" (oltyp 11, olo 0) in the 9 areas of the block;
 * - 2 Swedish ("… skola", olo 0);
 * - 1 name cut at 30 characters ("Tammelan ala-asteen koulun esi", olo 0);
 * - 1 whose language the name does not give ("Tampere International School", olo 0);
 * - 1 special-education school (oltyp 12, olo 0);
 * - 2 closed (olo 2 and 6), left out by `olo = 0`;
 * - 1 with kunta 837 whose point lies in the neighbouring block (column 21, outside the area).
 * So kunta = 837 keeps 38, kunta = 837 and olo = 0 keeps 36, of which 35 lie inside the planning area.
 */
export const TAMPERE_SCHOOLS: SchoolSpec[] = (() => {
  const out: SchoolSpec[] = [];
  let n = 0;
  const add = (onimi: string, oltyp: SchoolSpec['oltyp'], olo: string, c: number, r: number, u = 0.35 + 0.3 * hash(n, 7), v = 0.35 + 0.3 * hash(n, 8)) =>
    out.push({ tunn: `9${String(n++).padStart(4, '0')}`, onimi: onimi.slice(0, NAME_WIDTH), oltyp, olo, kunta: TAMPERE, c, r, u, v });
  const cell = (i: number) => [TAMPERE_COLS[i % 3], TAMPERE_ROWS[Math.floor(i / 3) % 3]] as const;
  for (let i = 0; i < 30; i++) add(`${STEMS[i % 20]}${STEMS[(i * 7 + 3) % 20].toLowerCase()}n koulu`, '11', '0', ...cell(i));
  add('Tampereen svenska skola', '11', '0', ...cell(1));
  add('Kalevan skola', '11', '0', ...cell(5));
  add('Tammelan ala-asteen koulun esiopetus', '11', '0', ...cell(2));
  add('Tampere International School', '11', '0', ...cell(4));
  add('Tampereen erityiskoulu', '12', '0', ...cell(7));
  add('Vanha Pyynikin koulu', '11', '2', ...cell(3));
  add('Lakkautettu Hatanpään koulu', '11', '6', ...cell(6));
  add('Rajalan koulu', '11', '0', 21, 10);
  return out;
})();

const KUNTA_NAMES: Record<string, string> = { [TAMPERE]: 'Tampere' };

/** Every school: the 38 of Tampere, then 2,158 spread over the other areas (more in the south). */
export function registerSchools(): SchoolSpec[] {
  const out = [...TAMPERE_SCHOOLS];
  let k = 0;
  while (out.length < SCHOOL_COUNT) {
    const h = hash(k, 11);
    // Southern rows more often: row = ROWS · h², about 2/3 of schools in the southern half.
    const r = Math.min(ROWS - 2, Math.floor((ROWS - 1) * h * h));
    const c = Math.floor(COLS * hash(k, 12));
    k++;
    if (kuntaOf(c, r) === TAMPERE) continue;
    const i = out.length;
    const base = `${STEMS[i % 20]}${STEMS[Math.floor(i / 20) % 20].toLowerCase()}n`;
    const kind = i % 50;
    const onimi = kind === 0 ? `${base} skola` : kind === 1 ? `${base} ala-asteen koulun esiopetus` : kind === 2 ? `${base} yhteislyseo` : `${base} koulu`;
    const oltyp = i % 25 === 3 ? '12' : i % 12 === 5 ? '19' : '11';
    const olo = i % 37 === 9 ? '1' : i % 41 === 13 ? '2' : '0';
    out.push({ tunn: String(10000 + i), onimi: onimi.slice(0, NAME_WIDTH), oltyp, olo, kunta: kuntaOf(c, r), c, r, u: 0.3 + 0.4 * hash(i, 13), v: 0.3 + 0.4 * hash(i, 14) });
  }
  return out;
}

/** The register-like national file as GeoJSON text (EPSG:4326). */
export function registerNational(): string {
  const parts = registerSchools().map((s) => {
    const [x, y] = pointIn(s.c, s.r, s.u, s.v);
    const properties = {
      tunn: s.tunn,
      onimi: s.onimi,
      oltyp: s.oltyp,
      oltyp_nimi: s.oltyp === '12' ? 'Peruskouluasteen erityiskoulut' : s.oltyp === '19' ? 'Perus- ja lukioasteen koulut' : 'Peruskoulut',
      olo: s.olo,
      til_vuosi: 2022,
      euref_x: x,
      euref_y: y,
      kunta: s.kunta,
      kunta_nimi: KUNTA_NAMES[s.kunta] ?? `Kunta ${s.kunta}`,
    };
    const [lon, lat] = tm35ToLonLat(x, y);
    return JSON.stringify({ type: 'Feature', properties, geometry: { type: 'Point', coordinates: [Math.round(lon * 1e6) / 1e6, Math.round(lat * 1e6) / 1e6] } });
  });
  return `{"type":"FeatureCollection","name":"register_like_finland","features":[\n${parts.join(',\n')}\n]}\n`;
}
