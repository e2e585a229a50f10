import '@mantine/charts/styles.css';
import { BarChart, LineChart } from '@mantine/charts';

// The charts, in a file of their own that the figures screen loads lazily: the chart library (recharts) stays out of
// the bundle every other screen loads.

export type TrendPoint = Record<string, string | number | null>;
export type ChartSeries = { name: string; label: string; color: string };

/** Trends as lines: one point per week, rates in percent. */
export function TrendChart({ data, series, unit }: { data: TrendPoint[]; series: ChartSeries[]; unit: string }) {
  return (
    <LineChart
      h={260}
      data={data}
      dataKey="period"
      series={series}
      curveType="monotone"
      connectNulls
      withLegend
      legendProps={{ verticalAlign: 'bottom' }}
      unit={unit}
      yAxisProps={{ domain: ['auto', 'auto'] }}
      valueFormatter={(v) => `${v.toLocaleString(undefined, { maximumFractionDigits: 1 })}`}
    />
  );
}

/** Shares as bars: one bar per row (`name`), the worst at the top; rates on a 0–100 % scale; `labelWidth` for the names. */
export function ShareBars({
  data,
  series,
  unit,
  labelWidth = 190,
}: {
  data: TrendPoint[];
  series: ChartSeries[];
  unit: string;
  labelWidth?: number;
}) {
  return (
    <BarChart
      h={Math.max(200, 28 * data.length + 40)}
      data={data}
      dataKey="name"
      orientation="vertical"
      series={series}
      xAxisProps={unit === ' %' ? { domain: [0, 100] } : undefined}
      yAxisProps={{ width: labelWidth }}
      valueFormatter={(v) => `${v.toLocaleString(undefined, { maximumFractionDigits: 1 })}${unit}`}
    />
  );
}
