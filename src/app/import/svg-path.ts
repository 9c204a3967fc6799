/** SVG path text of a MultiPolygon and a round scale bar for the problem maps (pure). */
import type { MultiPolygon, Position } from '../../core/model/geometry-types';

/** "M x y L … Z" per ring, coordinates through `project` and rounded to 0.1 px. */
export function svgPath(mp: MultiPolygon, project: (p: Position) => [number, number]): string {
  const out: string[] = [];
  for (const polygon of mp)
    for (const ring of polygon) {
      if (ring.length < 2) continue;
      out.push(ring.map((p, i) => {
        const [x, y] = project(p);
        return `${i === 0 ? 'M' : 'L'}${Math.round(x * 10) / 10} ${Math.round(y * 10) / 10}`;
      }).join(' ') + ' Z');
    }
  return out.join(' ');
}

/**
 * A scale bar of a round length (1, 2 or 5 × 10ⁿ metres) at most a third of the map width.
 * @param widthMetres map width in metres; @param widthPx map width in pixels
 */
export function scaleBar(widthMetres: number, widthPx: number): { metres: number; px: number; label: string } {
  const target = widthMetres / 3;
  const base = 10 ** Math.floor(Math.log10(target));
  const metres = [5, 2, 1].map((m) => m * base).find((m) => m <= target) ?? base;
  return { metres, px: (metres / widthMetres) * widthPx, label: metres >= 1000 ? `${metres / 1000} km` : `${metres} m` };
}
