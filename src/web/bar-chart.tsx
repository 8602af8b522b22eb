// A grouped bar chart rendered on the server as SVG (no client JavaScript, no chart library), always shown beside a table of
// the same figures: the chart is for the eye, the table for screen readers and exact values.
import type { Lang } from './i18n';
import { formatNumber } from './format';

export interface ChartSeries {
  name: string;
  values: number[];
  /** A CSS class giving the fill; colours pass 3:1 against white (WCAG 1.4.11). */
  className: string;
}

export interface BarChartProps {
  id: string;
  title: string;
  categories: string[];
  series: ChartSeries[];
  lang: Lang;
  width?: number;
  height?: number;
}

/** Bands of equal width with gaps between them, like d3's band scale, for a handful of categories. */
function bands(domain: string[], width: number, padding: number) {
  const step = width / Math.max(1, domain.length + padding);
  const bandwidth = step * (1 - padding);
  const index = new Map(domain.map((d, i) => [d, i]));
  const at = (d: string) => step * padding + (index.get(d) ?? 0) * step;
  return Object.assign(at, { bandwidth: () => bandwidth });
}

/** Round tick values from 0 to at least `max`: steps of 1, 2 or 5 times a power of ten. */
function niceTicks(max: number, count: number): number[] {
  const raw = max / Math.max(1, count);
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * power).find((s) => s >= raw) ?? raw;
  const top = Math.ceil(max / step) * step;
  return Array.from({ length: Math.round(top / step) + 1 }, (_, i) => i * step);
}

const MARGIN = { top: 28, right: 12, bottom: 64, left: 44 };
const FILLS = ['#0b4f8a', '#1f6b35', '#8a4b00', '#6b2d8a'];

export function BarChart(props: BarChartProps) {
  const width = props.width ?? 640;
  const height = props.height ?? 300;
  const innerW = width - MARGIN.left - MARGIN.right;
  const innerH = height - MARGIN.top - MARGIN.bottom;
  const max = Math.max(1, ...props.series.flatMap((s) => s.values));
  const x = bands(props.categories, innerW, 0.25);
  const inner = bands(
    props.series.map((s) => s.name),
    x.bandwidth(),
    0.08,
  );
  const ticks = niceTicks(max, Math.min(5, max));
  const top = ticks[ticks.length - 1] ?? max;
  const y = (v: number) => innerH - (v / top) * innerH;
  const short = (label: string) => (label.length > 18 ? `${label.slice(0, 17)}…` : label);
  return (
    <svg
      class="chart"
      id={props.id}
      viewBox={`0 0 ${width} ${height}`}
      width={width}
      height={height}
      role="img"
      aria-labelledby={`${props.id}-title`}
      xmlns="http://www.w3.org/2000/svg"
    >
      <title id={`${props.id}-title`}>{props.title}</title>
      <g transform={`translate(${MARGIN.left},${MARGIN.top})`}>
        {ticks.map((t) => (
          <g transform={`translate(0,${y(t)})`}>
            <line x1={0} x2={innerW} stroke="#c9ced6" />
            <text x={-6} dy="0.32em" text-anchor="end" font-size="11" fill="#1b1f24">
              {formatNumber(t, props.lang)}
            </text>
          </g>
        ))}
        {props.categories.map((c, ci) => (
          <g transform={`translate(${x(c)},0)`}>
            {props.series.map((s, si) => {
              const v = s.values[ci] ?? 0;
              return (
                <rect
                  x={inner(s.name)}
                  y={y(v)}
                  width={inner.bandwidth()}
                  height={innerH - y(v)}
                  fill={FILLS[si % FILLS.length]}
                  class={s.className}
                >
                  <title>{`${c} — ${s.name}: ${formatNumber(v, props.lang)}`}</title>
                </rect>
              );
            })}
            <text x={x.bandwidth() / 2} y={innerH + 14} text-anchor="middle" font-size="11" fill="#1b1f24">
              {short(c)}
            </text>
          </g>
        ))}
        <line x1={0} x2={innerW} y1={innerH} y2={innerH} stroke="#1b1f24" />
      </g>
      <g transform={`translate(${MARGIN.left},${height - 18})`}>
        {props.series.map((s, si) => (
          <g transform={`translate(${si * 160},0)`}>
            <rect width={12} height={12} y={-10} fill={FILLS[si % FILLS.length]} />
            <text x={18} font-size="12" fill="#1b1f24">
              {s.name}
            </text>
          </g>
        ))}
      </g>
    </svg>
  );
}
