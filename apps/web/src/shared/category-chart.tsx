import type { TableColumnsType } from "antd";
import { type ReactNode, useMemo } from "react";
import { ChartCard, SelectCell } from "./chart-card.tsx";
import { formatAxisValue, formatChartValue, type ValueFormat } from "./chart-format.ts";
import type { ChartClick } from "./echart.tsx";
import type { ChartOption } from "./echarts-setup.ts";

/** One measure drawn over the categories: a bar or a line, read from each datum. */
export type ChartSeries<D> = {
  name: string;
  type: "bar" | "line";
  value: (datum: D) => number | null;
  /** A colour of its own, e.g. a muted one for last year; otherwise the theme's next colour. */
  color?: string;
  /** A measure of another kind than the chart's (a rate beside counts): drawn on a right-hand axis. */
  format?: ValueFormat;
};

type Props<D> = {
  title: string;
  data: readonly D[];
  /** The category axis: its column title in the table view and each datum's label. */
  category: { title: string; label: (datum: D) => string };
  series: readonly ChartSeries<D>[];
  format?: ValueFormat;
  /** Called with the clicked datum and series, from the chart and from the table view alike. */
  onSelect?: (datum: D, series: ChartSeries<D>) => void;
  /** Says what a click opens, in the card's tooltip and the table cells' labels. */
  selectHint?: string;
  loading?: boolean;
  height?: number;
  /** Long category names (units, towns): every label shown, slanted. */
  rotateLabels?: boolean;
  extra?: ReactNode;
};

/**
 * A category chart (bars and lines over months, units, towns…) in a card, with a table view of the
 * same numbers, an export to PNG, and a click that hands back the clicked datum.
 */
export function CategoryChart<D>({
  title,
  data,
  category,
  series,
  format = "count",
  onSelect,
  selectHint,
  loading = false,
  height,
  rotateLabels = false,
  extra,
}: Props<D>) {
  const option = useMemo<ChartOption>(() => {
    const right = series.find((s) => s.format && s.format !== format)?.format;
    const axisOf = (s: ChartSeries<D>) => (right && s.format === right ? 1 : 0);
    const axis = (f: ValueFormat) => ({
      type: "value" as const,
      axisLabel: { formatter: (v: number) => formatAxisValue(v, f) },
    });
    return {
      aria: { enabled: true },
      tooltip: { trigger: "axis" },
      legend: { top: 0 },
      grid: { left: 8, right: 16, top: 36, bottom: 8, containLabel: true },
      xAxis: {
        type: "category",
        data: data.map(category.label),
        axisLabel: rotateLabels ? { rotate: 35, interval: 0 } : undefined,
      },
      yAxis: right ? [axis(format), { ...axis(right), splitLine: { show: false } }] : axis(format),
      series: series.map((s) => {
        const common = {
          name: s.name,
          data: data.map(s.value),
          yAxisIndex: axisOf(s),
          itemStyle: s.color ? { color: s.color } : undefined,
          tooltip: {
            valueFormatter: (v: unknown) => formatChartValue(typeof v === "number" ? v : null, s.format ?? format),
          },
        };
        return s.type === "bar" ? { type: "bar" as const, ...common } : { type: "line" as const, ...common };
      }),
    };
  }, [data, category, series, format, rotateLabels]);

  const onChartClick = (e: ChartClick) => {
    const datum = data[e.dataIndex];
    const s = e.seriesIndex === undefined ? undefined : series[e.seriesIndex];
    if (onSelect && datum !== undefined && s) {
      onSelect(datum, s);
    }
  };

  const columns: TableColumnsType<D> = [
    { title: category.title, key: "__category", render: (_v, d) => category.label(d) },
    ...series.map((s) => ({
      title: s.name,
      key: s.name,
      align: "right" as const,
      render: (_v: unknown, d: D) => {
        const text = formatChartValue(s.value(d), s.format ?? format);
        return onSelect && s.value(d) !== null ? (
          <SelectCell
            text={text}
            label={`${category.label(d)} ${s.name} ${text}${selectHint ? `，${selectHint}` : ""}`}
            onSelect={() => onSelect(d, s)}
          />
        ) : (
          text
        );
      },
    })),
  ];

  return (
    <ChartCard<D>
      title={title}
      option={option}
      rows={data}
      columns={columns}
      rowKey={category.label}
      onChartClick={onSelect ? onChartClick : undefined}
      selectHint={selectHint}
      loading={loading}
      height={height}
      extra={extra}
    />
  );
}
