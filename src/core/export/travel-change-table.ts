/**
 * School trips beside a school table (CSV columns and an XLSX sheet): every travel figure of
 * travel.md for side A (the baseline, or a comparison's first scenario), side B and the change,
 * per school and for the network. The figures come privacy-applied (travel-privacy.ts): a hidden
 * figure is null and so is a change involving one; null also stands for "not applicable" (no
 * municipal limit set, nobody transported), as in the CLI's JSON.
 */
import type { PublicNetworkTravel, PublicSchoolTravel } from '../travel/travel-privacy';
import type { ReportLanguage } from './anonymise';

export interface TravelSideFigures {
  network: PublicNetworkTravel | (PublicSchoolTravel & { nearest_school_share?: number | null });
  schools: (PublicSchoolTravel | null | undefined)[];
}

export interface TravelChangeInput {
  a: TravelSideFigures;
  b: TravelSideFigures;
  /** True when every trip is a straight line (no street network). */
  straightLine: boolean;
}

export type TravelKey = keyof PublicSchoolTravel;

/** The figures in column order, with their unit and the decimals shown. */
export const TRAVEL_FIGURES: { key: TravelKey; unit: 'm' | 'children' | 'h'; decimals: number }[] = [
  { key: 'mean_m', unit: 'm', decimals: 0 },
  { key: 'median_m', unit: 'm', decimals: 0 },
  { key: 'p90_m', unit: 'm', decimals: 0 },
  { key: 'max_m', unit: 'm', decimals: 0 },
  { key: 'over_5km_children', unit: 'children', decimals: 0 },
  { key: 'over_limit_children', unit: 'children', decimals: 0 },
  { key: 'max_daily_travel_h', unit: 'h', decimals: 2 },
  { key: 'over_daily_limit_children', unit: 'children', decimals: 0 },
];

const LABELS: Record<ReportLanguage, Record<TravelKey | 'nearest_school_share' | 'sheet' | 'network' | 'networkColumn' | 'school' | 'change' | 'straight' | 'streets', string>> = {
  fi: {
    sheet: 'Koulumatkat', network: 'Koko verkko', networkColumn: 'Kouluverkko', school: 'Koulu', change: 'muutos',
    mean_m: 'Keskimääräinen matka (m)', median_m: 'Matkan mediaani (m)', p90_m: 'Matkan 90. persentiili (m)', max_m: 'Pisin matka (m)',
    over_5km_children: 'Yli 5 km, lapsia', over_limit_children: 'Yli kunnan rajan, lapsia', max_daily_travel_h: 'Pisin päivittäinen matka-aika (h)',
    over_daily_limit_children: 'Yli lain päivärajan, lapsia', nearest_school_share: 'Lähikoulu on oma koulu (osuus)',
    straight: 'Matkat on mitattu linnuntietä.', streets: 'Matkat on mitattu katuverkkoa pitkin.',
  },
  sv: {
    sheet: 'Skolresor', network: 'Hela nätet', networkColumn: 'Skolnätverk', school: 'Skola', change: 'förändring',
    mean_m: 'Medelresa (m)', median_m: 'Resans median (m)', p90_m: 'Resans 90:e percentil (m)', max_m: 'Längsta resa (m)',
    over_5km_children: 'Över 5 km, barn', over_limit_children: 'Över kommunens gräns, barn', max_daily_travel_h: 'Längsta dagliga restid (h)',
    over_daily_limit_children: 'Över lagens dagsgräns, barn', nearest_school_share: 'Närmaste skolan är den egna (andel)',
    straight: 'Resorna är mätta fågelvägen.', streets: 'Resorna är mätta längs gatunätet.',
  },
  en: {
    sheet: 'School trips', network: 'Whole network', networkColumn: 'School network', school: 'School', change: 'change',
    mean_m: 'Mean trip (m)', median_m: 'Median trip (m)', p90_m: '90th percentile trip (m)', max_m: 'Longest trip (m)',
    over_5km_children: 'Over 5 km, children', over_limit_children: 'Over the municipal limit, children', max_daily_travel_h: 'Longest daily travel time (h)',
    over_daily_limit_children: 'Over the legal daily limit, children', nearest_school_share: 'Nearest school is own school (share)',
    straight: 'Trips are measured in straight lines.', streets: 'Trips are measured along the street network.',
  },
};

const change = (a: number | null | undefined, b: number | null | undefined): number | null =>
  a === null || a === undefined || b === null || b === undefined ? null : b - a;

/** A, B and change of one figure. */
export function travelTriple(t: TravelChangeInput, school: number | 'network', key: TravelKey | 'nearest_school_share'): [number | null, number | null, number | null] {
  const of = (side: TravelSideFigures): number | null => {
    const f = school === 'network' ? side.network : side.schools[school];
    const v = f ? (f as unknown as Record<string, number | null | undefined>)[key] : null;
    return v === undefined ? null : v;
  };
  const a = of(t.a), b = of(t.b);
  return [a, b, change(a, b)];
}

/** Machine-readable CSV columns for the schools (metres, counts, hours): `travel_<key> A`, `… B`, `… change B−A`. */
export function travelCsvHeaders(): string[] {
  return TRAVEL_FIGURES.flatMap(({ key, unit }) => {
    const u = unit === 'children' ? 'count' : unit;
    return [`travel_${key} A (${u})`, `travel_${key} B (${u})`, `travel_${key} change B−A (${u})`];
  });
}

/** The CSV cells of school `i` (blank for null), in travelCsvHeaders' order. */
export function travelCsvCells(t: TravelChangeInput, i: number): string[] {
  const text = (v: number | null, decimals: number) => (v === null ? '' : String(+v.toFixed(decimals === 0 ? 1 : 4)));
  return TRAVEL_FIGURES.flatMap(({ key, decimals }) => travelTriple(t, i, key).map((v) => text(v, decimals)));
}

export interface TravelSheet {
  name: string;
  headers: string[];
  /** Rows of cells: text, or a number with its Excel display format. */
  rows: { value: string | number | null; numFmt?: string }[][];
  note: string;
}

/** The XLSX sheet of school trips: per network one row for the whole network, then one per school; A / B / change per figure. */
export function travelSheet(parts: { network: string; travel: TravelChangeInput; schools: { name: string }[] }[], o: { language: ReportLanguage; sideNames: { a: string; b: string } }): TravelSheet {
  const L = LABELS[o.language];
  const headers = [L.networkColumn, L.school];
  for (const { key } of TRAVEL_FIGURES) headers.push(`${L[key]}: ${o.sideNames.a}`, `${L[key]}: ${o.sideNames.b}`, `${L[key]}: ${L.change}`);
  headers.push(`${L.nearest_school_share}: ${o.sideNames.a}`, `${L.nearest_school_share}: ${o.sideNames.b}`, `${L.nearest_school_share}: ${L.change}`);
  const fmt = (decimals: number) => (decimals === 0 ? '#,##0' : '0.00');
  const cells = (t: TravelChangeInput, school: number | 'network') => [
    ...TRAVEL_FIGURES.flatMap(({ key, decimals }) =>
      travelTriple(t, school, key).map((v, k) => (v === null ? { value: null } : { value: v, numFmt: k === 2 ? (decimals === 0 ? '+#,##0;-#,##0;0' : '+0.00;-0.00;0.00') : fmt(decimals) })),
    ),
    ...(school === 'network'
      ? travelTriple(t, 'network', 'nearest_school_share').map((v, k) => (v === null ? { value: null } : { value: v, numFmt: k === 2 ? '+0.0%;-0.0%;0.0%' : '0.0%' }))
      : [{ value: null }, { value: null }, { value: null }]),
  ];
  const rows = parts.flatMap(({ network, travel, schools }) => [
    [{ value: network }, { value: L.network }, ...cells(travel, 'network')],
    ...schools.map((s, i) => [{ value: network }, { value: s.name }, ...cells(travel, i)]),
  ]);
  return { name: L.sheet, headers, rows, note: parts.some((p) => p.travel.straightLine) ? L.straight : L.streets };
}
