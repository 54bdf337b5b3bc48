import { BarChartOutlined, DownloadOutlined, TableOutlined } from "@ant-design/icons";
import { Button, Card, Empty, Segmented, Space, Spin, Table, type TableColumnsType, Tooltip } from "antd";
import type { ECharts } from "echarts/core";
import { lazy, type ReactNode, Suspense, useMemo, useRef, useState } from "react";
import { formatAxisValue, formatChartValue, type ValueFormat } from "./chart-format.ts";
import type { ChartClick } from "./echart.tsx";
import type { ChartOption } from "./echarts-setup.ts";

// ECharts (a large chunk) starts loading with the page but does not hold it up: the page's queries
// go out at once and the chart draws when both have arrived.
const echartModule = import("./echart.tsx");
const EChart = lazy(() => echartModule.then((m) => ({ default: m.EChart })));

/** One measure drawn over the categories: a bar or a line, read from each datum. */
export type ChartSeries<D> = {
  name: string;
  type: "bar" | "line";
  value: (datum: D) => number | null;
  /** A colour of its own, e.g. a muted one for last year; otherwise the theme's next colour. */
  color?: string;
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

type View = "chart" | "table";

function saveDataUrl(url: string, fileName: string) {
  const a = document.createElement("a");
  a.href = url;
  a.download = fileName;
  a.click();
}

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
  const [view, setView] = useState<View>("chart");
  const chartRef = useRef<ECharts | null>(null);

  const option = useMemo<ChartOption>(
    () => ({
      aria: { enabled: true },
      tooltip: { trigger: "axis", valueFormatter: (v) => formatChartValue(typeof v === "number" ? v : null, format) },
      legend: { top: 0 },
      grid: { left: 8, right: 16, top: 36, bottom: 8, containLabel: true },
      xAxis: {
        type: "category",
        data: data.map(category.label),
        axisLabel: rotateLabels ? { rotate: 35, interval: 0 } : undefined,
      },
      yAxis: { type: "value", axisLabel: { formatter: (v: number) => formatAxisValue(v, format) } },
      series: series.map((s) =>
        s.type === "bar"
          ? { type: "bar", name: s.name, data: data.map(s.value), itemStyle: s.color ? { color: s.color } : undefined }
          : {
              type: "line",
              name: s.name,
              data: data.map(s.value),
              itemStyle: s.color ? { color: s.color } : undefined,
            },
      ),
    }),
    [data, category, series, format, rotateLabels],
  );

  const onChartClick = (e: ChartClick) => {
    const datum = data[e.dataIndex];
    const s = e.seriesIndex === undefined ? undefined : series[e.seriesIndex];
    if (onSelect && datum !== undefined && s) {
      onSelect(datum, s);
    }
  };

  const exportPng = () => {
    const chart = chartRef.current;
    if (chart) {
      saveDataUrl(chart.getDataURL({ type: "png", pixelRatio: 2, backgroundColor: "#fff" }), `${title}.png`);
    }
  };

  const columns: TableColumnsType<D> = [
    { title: category.title, key: "__category", render: (_v, d) => category.label(d) },
    ...series.map((s) => ({
      title: s.name,
      key: s.name,
      align: "right" as const,
      render: (_v: unknown, d: D) => {
        const text = formatChartValue(s.value(d), format);
        return onSelect && s.value(d) !== null ? (
          <Button
            type="link"
            size="small"
            aria-label={`${category.label(d)} ${s.name} ${text}${selectHint ? `，${selectHint}` : ""}`}
            onClick={() => onSelect(d, s)}
          >
            {text}
          </Button>
        ) : (
          text
        );
      },
    })),
  ];

  return (
    <Card
      title={title}
      style={{ marginBottom: 16 }}
      extra={
        <Space>
          {extra}
          <Segmented<View>
            size="small"
            aria-label="图表或表格"
            value={view}
            onChange={setView}
            options={[
              { value: "chart", icon: <BarChartOutlined />, label: "图表" },
              { value: "table", icon: <TableOutlined />, label: "表格" },
            ]}
          />
          <Tooltip title="导出为 PNG 图片">
            <Button size="small" icon={<DownloadOutlined />} disabled={view !== "chart"} onClick={exportPng}>
              导出图片
            </Button>
          </Tooltip>
        </Space>
      }
    >
      {data.length === 0 && !loading ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="统计期内暂无数据" />
      ) : view === "chart" ? (
        <Spin spinning={loading}>
          <Suspense fallback={<div style={{ height: height ?? 320 }} />}>
            <EChart
              option={option}
              height={height}
              ariaLabel={selectHint ? `${title}（${selectHint}）` : title}
              onClick={onSelect ? onChartClick : undefined}
              onInstance={(c) => {
                chartRef.current = c;
              }}
            />
          </Suspense>
        </Spin>
      ) : (
        <Table<D>
          size="small"
          rowKey={(d) => category.label(d)}
          loading={loading}
          columns={columns}
          dataSource={[...data]}
          pagination={false}
        />
      )}
    </Card>
  );
}
