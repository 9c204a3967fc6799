/**
 * A small map of one catchment problem: the neighbouring catchments (clipped to the view) and
 * the problem geometry on top, drawn as SVG from EPSG:3067 metres (y flipped), with a scale bar.
 */
import type { MultiPolygon, Position } from '../../core/model/geometry-types';
import type { ProblemView } from '../workers/import-protocol';
import { scaleBar, svgPath } from './svg-path';

const SIZE = 168;
const NEIGHBOUR_FILLS = ['#cfe3f5', '#f7e1b5', '#d5ecd4', '#ecd5ea', '#f3d3cf'];

export function ProblemMap({ problem, label }: { problem: ProblemView; label: string }) {
  const [x0, y0, x1, y1] = problem.view;
  const k = SIZE / Math.max(x1 - x0, y1 - y0);
  const project = (p: Position): [number, number] => [(p[0] - x0) * k, (y1 - p[1]) * k];
  const path = (mp: MultiPolygon) => svgPath(mp, project);
  const bar = scaleBar(x1 - x0, SIZE);
  return (
    <svg className="problem-map" width={SIZE} height={SIZE} viewBox={`0 0 ${SIZE} ${SIZE}`} role="img" aria-label={label}>
      <rect width={SIZE} height={SIZE} fill="#f6f7f8" />
      {problem.neighbours.map((n, i) => (
        <path key={i} d={path(n.geometry)} fill={NEIGHBOUR_FILLS[i % NEIGHBOUR_FILLS.length]} stroke="#5b6673" strokeWidth={0.8} fillRule="evenodd">
          <title>{n.name}</title>
        </path>
      ))}
      <path d={path(problem.geometry)} fill="rgba(200, 40, 40, 0.55)" stroke="#a01818" strokeWidth={1.6} fillRule="evenodd" />
      {(problem.points ?? []).map((p, i) => {
        const [cx, cy] = project(p);
        return <circle key={i} cx={cx} cy={cy} r={4} fill="none" stroke="#a01818" strokeWidth={2} />;
      })}
      <g transform={`translate(8 ${SIZE - 10})`}>
        <line x1={0} x2={bar.px} y1={0} y2={0} stroke="#16191d" strokeWidth={2} />
        <text x={bar.px + 4} y={4} fontSize={10} fill="#16191d">
          {bar.label}
        </text>
      </g>
    </svg>
  );
}
