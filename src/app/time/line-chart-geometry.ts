/**
 * Geometry of the small line charts of the years ahead (years-chart.tsx): scales, "nice" ticks
 * and SVG paths. Pure, so it is tested without a browser. A null value breaks the line.
 */

export interface ChartBox {
  width: number;
  height: number;
  /** Room for the axes' labels. */
  left: number;
  right: number;
  top: number;
  bottom: number;
}

export const CHART_BOX: ChartBox = { width: 300, height: 150, left: 44, right: 8, top: 8, bottom: 30 };

/** Up to ~5 round tick values covering [min, max] (1, 2, 2.5 or 5 × 10^k steps). */
export function niceTicks(min: number, max: number, count = 4): number[] {
  if (!Number.isFinite(min) || !Number.isFinite(max)) return [0];
  if (max === min) max = min === 0 ? 1 : min + Math.abs(min) * 0.1;
  const raw = (max - min) / count;
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * power).find((s) => s >= raw) ?? 10 * power;
  const first = Math.floor(min / step) * step;
  const out: number[] = [];
  for (let v = first; v <= max + step * 1e-9; v += step) out.push(Number(v.toFixed(10)));
  if (out[out.length - 1] < max) out.push(Number((out[out.length - 1] + step).toFixed(10)));
  return out;
}

export interface Scales {
  x(i: number): number;
  y(v: number): number;
  yTicks: number[];
}

/**
 * Scales for `n` years along x and the values of every series along y; the y axis starts at 0
 * when `fromZero` (counts) and at the data's minimum otherwise (indices).
 */
export function chartScales(n: number, series: (number | null)[][], box: ChartBox = CHART_BOX, fromZero = true): Scales {
  const values = series.flat().filter((v): v is number => v !== null && Number.isFinite(v));
  const lo = fromZero ? 0 : values.length ? Math.min(...values) : 0;
  const hi = values.length ? Math.max(...values, lo) : 1;
  const yTicks = niceTicks(lo, hi);
  const y0 = yTicks[0];
  const y1 = yTicks[yTicks.length - 1];
  const plotW = box.width - box.left - box.right;
  const plotH = box.height - box.top - box.bottom;
  return {
    x: (i) => box.left + (n <= 1 ? plotW / 2 : (i / (n - 1)) * plotW),
    y: (v) => box.top + plotH - (y1 === y0 ? 0 : ((v - y0) / (y1 - y0)) * plotH),
    yTicks,
  };
}

/** SVG path through the values; a null or non-finite value breaks the line (a new "M"). */
export function linePath(values: (number | null)[], scales: Scales): string {
  let d = '';
  let pen = false;
  values.forEach((v, i) => {
    if (v === null || !Number.isFinite(v)) {
      pen = false;
      return;
    }
    d += `${pen ? 'L' : 'M'}${round(scales.x(i))},${round(scales.y(v))}`;
    pen = true;
  });
  return d;
}

function round(v: number): number {
  return Math.round(v * 10) / 10;
}
