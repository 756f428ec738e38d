"use client";

import { Group } from "@visx/group";
import { scaleBand, scaleLinear } from "@visx/scale";
import { Bar } from "@visx/shape";
import { useId } from "react";

export type Datum = { label: string; value: number };

/**
 * A bar chart drawn with visx (SVG, no canvas): horizontal bars for categories, vertical
 * columns for a series over days. The picture is hidden from assistive technology; the same
 * numbers follow as a table that screen readers read instead.
 */
export function BarChart({
  title,
  data,
  orientation = "horizontal",
  valueLabel = "Count",
  format = (v: number) => v.toLocaleString(),
}: {
  title: string;
  data: Datum[];
  orientation?: "horizontal" | "vertical";
  valueLabel?: string;
  format?: (v: number) => string;
}) {
  const id = useId();
  const max = Math.max(1, ...data.map((d) => d.value));
  return (
    <figure className="chart" aria-labelledby={`${id}-title`}>
      <figcaption id={`${id}-title`}>{title}</figcaption>
      {data.length === 0 ? (
        <p className="muted">No data in this range.</p>
      ) : orientation === "horizontal" ? (
        <Horizontal data={data} max={max} format={format} />
      ) : (
        <Vertical data={data} max={max} />
      )}
      {data.length === 0 ? null : (
      <table className="sr-only">
        <caption>{title}</caption>
        <thead>
          <tr>
            <th scope="col">{orientation === "vertical" ? "Day" : "Item"}</th>
            <th scope="col">{valueLabel}</th>
          </tr>
        </thead>
        <tbody>
          {data.map((d) => (
            <tr key={d.label}>
              <th scope="row">{d.label}</th>
              <td>{format(d.value)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      )}
    </figure>
  );
}

const LABEL_WIDTH = 110;
const VALUE_WIDTH = 56;
const ROW = 26;

function Horizontal({ data, max, format }: { data: Datum[]; max: number; format: (v: number) => string }) {
  const width = 480;
  const height = data.length * ROW;
  const y = scaleBand<string>({ domain: data.map((d) => d.label), range: [0, height], padding: 0.25 });
  const x = scaleLinear<number>({ domain: [0, max], range: [0, width - LABEL_WIDTH - VALUE_WIDTH] });
  return (
    <svg viewBox={`0 0 ${width} ${height}`} width="100%" aria-hidden="true" focusable="false" data-testid="chart">
      {data.map((d) => {
        const top = y(d.label) ?? 0;
        const w = Math.max(d.value > 0 ? 2 : 0, x(d.value));
        return (
          <Group key={d.label} top={top}>
            <text x={LABEL_WIDTH - 8} y={y.bandwidth() / 2} dy="0.35em" textAnchor="end" className="chart-label">
              {d.label}
            </text>
            <Bar x={LABEL_WIDTH} y={0} width={w} height={y.bandwidth()} className="chart-bar" rx={2} />
            <text x={LABEL_WIDTH + w + 6} y={y.bandwidth() / 2} dy="0.35em" className="chart-label">
              {format(d.value)}
            </text>
          </Group>
        );
      })}
    </svg>
  );
}

function Vertical({ data, max }: { data: Datum[]; max: number }) {
  const width = 480;
  const height = 160;
  const axis = 18;
  const x = scaleBand<string>({ domain: data.map((d) => d.label), range: [0, width], padding: 0.15 });
  const y = scaleLinear<number>({ domain: [0, max], range: [height - axis, 0] });
  const first = data[0]?.label;
  const last = data[data.length - 1]?.label;
  return (
    <svg viewBox={`0 0 ${width} ${height}`} width="100%" aria-hidden="true" focusable="false" data-testid="chart">
      {data.map((d) => {
        const top = y(d.value);
        return (
          <Bar key={d.label} x={x(d.label) ?? 0} y={top} width={x.bandwidth()} height={height - axis - top} className="chart-bar" />
        );
      })}
      <line x1={0} x2={width} y1={height - axis} y2={height - axis} className="chart-axis" />
      <text x={0} y={height - 4} className="chart-label">
        {first}
      </text>
      <text x={width} y={height - 4} textAnchor="end" className="chart-label">
        {last}
      </text>
      <text x={0} y={10} className="chart-label">
        max {max.toLocaleString()}
      </text>
    </svg>
  );
}
