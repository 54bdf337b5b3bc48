import { BarChartOutlined, DownloadOutlined, TableOutlined } from "@ant-design/icons";
import { Button, Card, Empty, Segmented, Space, Spin, Table, type TableColumnsType, Tooltip } from "antd";
import type { ECharts } from "echarts/core";
import { lazy, type ReactNode, Suspense, useRef, useState } from "react";
import type { ChartClick } from "./echart.tsx";
import type { ChartOption } from "./echarts-setup.ts";

// ECharts (a large chunk) starts loading with the page but does not hold it up: the page's queries
// go out at once and the chart draws when both have arrived.
const echartModule = import("./echart.tsx");
const EChart = lazy(() => echartModule.then((m) => ({ default: m.EChart })));

type Props<R> = {
  title: string;
  option: ChartOption;
  /** The table view: the same numbers as rows, its cells opening what the chart's items open. */
  rows: readonly R[];
  columns: TableColumnsType<R>;
  rowKey: (row: R) => string;
  onChartClick?: ((event: ChartClick) => void) | undefined;
  /** Says what a click opens (the figure's accessible name). */
  selectHint?: string | undefined;
  loading?: boolean | undefined;
  height?: number | undefined;
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
 * Any chart in a card: a chart/table switch over the same numbers, an export to PNG, and an empty
 * state instead of empty axes. The chart types (category, treemap, calendar) build the option.
 */
export function ChartCard<R>({
  title,
  option,
  rows,
  columns,
  rowKey,
  onChartClick,
  selectHint,
  loading = false,
  height,
  extra,
}: Props<R>) {
  const [view, setView] = useState<View>("chart");
  const chartRef = useRef<ECharts | null>(null);

  const exportPng = () => {
    const chart = chartRef.current;
    if (chart) {
      saveDataUrl(chart.getDataURL({ type: "png", pixelRatio: 2, backgroundColor: "#fff" }), `${title}.png`);
    }
  };

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
      {rows.length === 0 && !loading ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="统计期内暂无数据" />
      ) : view === "chart" ? (
        <Spin spinning={loading}>
          <Suspense fallback={<div style={{ height: height ?? 320 }} />}>
            <EChart
              option={option}
              height={height}
              ariaLabel={selectHint ? `${title}（${selectHint}）` : title}
              onClick={onChartClick}
              onInstance={(c) => {
                chartRef.current = c;
              }}
            />
          </Suspense>
        </Spin>
      ) : (
        <Table<R>
          size="small"
          rowKey={rowKey}
          loading={loading}
          columns={columns}
          dataSource={[...rows]}
          pagination={rows.length > 50 ? { pageSize: 50 } : false}
        />
      )}
    </Card>
  );
}

/** A table cell that opens what the chart item opens, named for screen readers and tests. */
export function SelectCell({ text, label, onSelect }: { text: string; label: string; onSelect: () => void }) {
  return (
    <Button type="link" size="small" aria-label={label} onClick={onSelect}>
      {text}
    </Button>
  );
}
