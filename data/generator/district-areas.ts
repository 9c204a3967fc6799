/**
 * Named district areas for the bundle's context layer (`kind` = "district"), so that the app's
 * search finds "Kivikko" or "Kaukola" and zooms there. On a coarse raster (AREA_PIXEL, so the
 * areas stay small in the file: the search needs only their extent), each pixel whose centre is
 * municipal land (lakes and sea excluded) goes to the district whose centre is nearest relative
 * to its kernel radius, if it lies within REACH radii of it; pixels beyond every district's
 * reach (open countryside) stay unnamed.
 * Districts of the same name (a church village and its block-of-flats core) form one area.
 * Pure and without randomness: it reads the layout the generator has already drawn, so adding
 * it changes no other file of the bundle.
 */
import type { MultiPolygon } from '../../src/core/model/geometry-types';
import type { District } from './districts';
import { isLand, pixelAt, type Landscape } from './landscape';
import { traceRegions, type RasterFrame } from './trace-regions';

/** How far a district reaches, in kernel radii. */
export const REACH = 2;
/** Raster pixel of the district areas, metres (a multiple of the landscape's pixel). */
export const AREA_PIXEL = 250;

export interface DistrictArea {
  name: string;
  geometry: MultiPolygon;
}

/** Label (index into the returned names) per coarse pixel of `frame`, -1 where no district reaches. */
export function districtLabels(ls: Landscape, frame: RasterFrame, districts: District[]): { labels: Int32Array; names: string[] } {
  const names: string[] = [];
  const labelOf = districts.map((d) => {
    const at = names.indexOf(d.name);
    return at >= 0 ? at : names.push(d.name) - 1;
  });
  const labels = new Int32Array(frame.w * frame.h).fill(-1);
  for (let r = 0; r < frame.h; r++) {
    const y = frame.originY + (r + 0.5) * frame.pixel;
    for (let c = 0; c < frame.w; c++) {
      const x = frame.originX + (c + 0.5) * frame.pixel;
      const p = pixelAt(ls, x, y);
      if (!isLand(ls, p) || ls.lakeId[p] >= 0) continue;
      const i = r * frame.w + c;
      let best = REACH;
      for (let k = 0; k < districts.length; k++) {
        const d = districts[k];
        const rel = Math.hypot(x - d.x, y - d.y) / d.radius;
        // Ties go to the earlier district (the layout's order), so the result is deterministic.
        if (rel < best) {
          best = rel;
          labels[i] = labelOf[k];
        }
      }
    }
  }
  return { labels, names };
}

/** One polygon area per district name, in the layout's order; names whose area is empty are left out. */
export function districtAreas(ls: Landscape, districts: District[]): DistrictArea[] {
  const k = Math.max(1, Math.round(AREA_PIXEL / ls.pixel));
  const frame: RasterFrame = { w: Math.floor(ls.w / k), h: Math.floor(ls.h / k), originX: ls.originX, originY: ls.originY, pixel: ls.pixel * k };
  const { labels, names } = districtLabels(ls, frame, districts);
  const shapes = traceRegions(frame, labels, names.length);
  return names.map((name, j) => ({ name, geometry: shapes[j] })).filter((a) => a.geometry.length > 0);
}
