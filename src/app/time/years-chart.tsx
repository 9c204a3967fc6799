/**
 * A small SVG line chart over the school years: up to three series told apart by line style and
 * marker as well as colour (Okabe–Ito blue and vermilion, grey), with the unit on the y axis and
 * the years on x. The same figures as a table for screen readers and on request ("Show as table").
 */
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { chartScales, CHART_BOX, linePath } from './line-chart-geometry';

export interface ChartSeries {
  key: string;
  label: string;
  values: (number | null)[];
  style: 'scenario' | 'baseline' | 'capacity';
}

const STYLE: Record<ChartSeries['style'], { stroke: string; dash?: string; width: number }> = {
  scenario: { stroke: '#0072B2', width: 2 },
  baseline: { stroke: '#D55E00', dash: '5 3', width: 2 },
  capacity: { stroke: '#555555', dash: '1 3', width: 1.5 },
};

export function YearsChart({ title, unit, years, series, format, fromZero = true, testId }: {
  title: string;
  /** Unit of the y axis ("children", "index 0–1"). */
  unit: string;
  years: number[];
  series: ChartSeries[];
  /** A value as text, with its unit; null prints as the hidden-figure text. */
  format(value: number | null): string;
  fromZero?: boolean;
  testId?: string;
}) {
  const { t } = useTranslation();
  const id = useId();
  const [asTable, setAsTable] = useState(false);
  const scales = chartScales(years.length, series.map((s) => s.values), CHART_BOX, fromZero);
  const b = CHART_BOX;
  const bottom = b.height - b.bottom;
  const everyOther = years.length > 6;
  return (
    <figure className="years-chart" data-testid={testId}>
      <figcaption id={`${id}-t`}>{title}</figcaption>
      <svg viewBox={`0 0 ${b.width} ${b.height}`} width="100%" role="img" aria-labelledby={`${id}-t`} aria-describedby={`${id}-d`}>
        <desc id={`${id}-d`}>{t('years.chartDesc', { unit, first: years[0], last: years[years.length - 1] })}</desc>
        {scales.yTicks.map((v) => (
          <g key={v}>
            <line x1={b.left} x2={b.width - b.right} y1={scales.y(v)} y2={scales.y(v)} stroke="#ddd" />
            <text x={b.left - 4} y={scales.y(v) + 3} textAnchor="end" fontSize="9">{format(v)}</text>
          </g>
        ))}
        {years.map((y, i) => (!everyOther || i % 2 === 0 ? <text key={y} x={scales.x(i)} y={bottom + 11} textAnchor="middle" fontSize="9">{y}</text> : null))}
        <text x={b.left} y={b.height - 3} fontSize="9">{t('years.axisYear')}</text>
        <text x={4} y={b.top + 2} fontSize="9" transform={`rotate(-90 4 ${b.top + 2})`} textAnchor="end" dominantBaseline="hanging">{unit}</text>
        {series.map((s) => {
          const st = STYLE[s.style];
          return (
            <g key={s.key} data-series={s.key}>
              <path d={linePath(s.values, scales)} fill="none" stroke={st.stroke} strokeWidth={st.width} strokeDasharray={st.dash} />
              {s.style !== 'capacity' && s.values.map((v, i) => (v === null ? null : s.style === 'scenario'
                ? <circle key={i} cx={scales.x(i)} cy={scales.y(v)} r={2.2} fill={st.stroke} />
                : <rect key={i} x={scales.x(i) - 2} y={scales.y(v) - 2} width={4} height={4} fill="#fff" stroke={st.stroke} />))}
            </g>
          );
        })}
      </svg>
      <ul className="years-legend">
        {series.map((s) => (
          <li key={s.key}>
            <svg width="22" height="8" aria-hidden="true"><line x1="1" x2="21" y1="4" y2="4" stroke={STYLE[s.style].stroke} strokeWidth={STYLE[s.style].width} strokeDasharray={STYLE[s.style].dash} /></svg>
            {s.label}
          </li>
        ))}
      </ul>
      <button type="button" className="link-button" aria-expanded={asTable} onClick={() => setAsTable(!asTable)}>
        {asTable ? t('years.hideTable') : t('years.showTable')}
      </button>
      <table className={asTable ? 'years-table' : 'years-table sr-only'}>
        <caption className="sr-only">{title}</caption>
        <thead>
          <tr>
            <th scope="col">{t('years.axisYear')}</th>
            {series.map((s) => <th key={s.key} scope="col">{s.label}</th>)}
          </tr>
        </thead>
        <tbody>
          {years.map((y, i) => (
            <tr key={y}>
              <th scope="row">{y}</th>
              {series.map((s) => <td key={s.key} className="num">{format(s.values[i])}</td>)}
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
