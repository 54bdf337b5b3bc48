import type { TableColumnsType } from "antd";
import { useMemo } from "react";
import { useNavigate } from "react-router-dom";
import type { MetricRow } from "../../../../../packages/contracts/src/work-orders.ts";
import { ChartCard, SelectCell } from "../../shared/chart-card.tsx";
import { formatChartValue } from "../../shared/chart-format.ts";
import type { ChartClick } from "../../shared/echart.tsx";
import type { ChartOption } from "../../shared/echarts-setup.ts";
import { baseFilter, drillHref, type MetricsParams } from "./metrics-params.ts";

const HINT = "点击查看该分类工单";

type Props = { params: MetricsParams; groups: readonly MetricRow[]; loading: boolean };

/**
 * 诉求分类 as a treemap: each block's area is the period's volume of that category; a block (or its
 * table cell) opens that category's tickets. Rows without a category cannot be filtered and are left out.
 */
export function CategoryTreemap({ params, groups, loading }: Props) {
  const navigate = useNavigate();
  const rows = useMemo(
    () =>
      groups
        .filter((r) => r.key !== null && (r.counts.volume ?? 0) > 0)
        .sort((a, b) => (b.counts.volume ?? 0) - (a.counts.volume ?? 0)),
    [groups],
  );
  const total = rows.reduce((n, r) => n + (r.counts.volume ?? 0), 0);
  const open = (row: MetricRow) => {
    if (row.key) {
      void navigate(drillHref({ ...baseFilter(params), category: row.key }, "volume"));
    }
  };
  const option = useMemo<ChartOption>(
    () => ({
      aria: { enabled: true },
      tooltip: {
        formatter: (p) => {
          const item = Array.isArray(p) ? p[0] : p;
          const v = typeof item?.value === "number" ? item.value : 0;
          return `${item?.name ?? ""}：${formatChartValue(v, "count")} 件（${formatChartValue(total ? v / total : null, "percent")}）`;
        },
      },
      series: [
        {
          type: "treemap",
          name: "诉求分类",
          // A click opens the list; zooming into a leaf would only hide the others.
          nodeClick: false,
          roam: false,
          breadcrumb: { show: false },
          label: { formatter: (p) => `${p.name}\n${formatChartValue(Number(p.value), "count")}` },
          data: rows.map((r) => ({ name: r.label, value: r.counts.volume ?? 0 })),
        },
      ],
    }),
    [rows, total],
  );
  // The tree's root is node 0; the categories follow in the order given.
  const onChartClick = (e: ChartClick) => {
    const row = rows[e.dataIndex - 1];
    if (row) {
      open(row);
    }
  };
  const columns: TableColumnsType<MetricRow> = [
    { title: "诉求分类", dataIndex: "label" },
    {
      title: "受理量",
      align: "right",
      render: (_v, r) => {
        const text = formatChartValue(r.counts.volume, "count");
        return <SelectCell text={text} label={`${r.label} 受理量 ${text}，${HINT}`} onSelect={() => open(r)} />;
      },
    },
    {
      title: "占比",
      align: "right",
      render: (_v, r) => formatChartValue(total ? (r.counts.volume ?? 0) / total : null, "percent"),
    },
  ];
  return (
    <ChartCard<MetricRow>
      title="诉求分类分布"
      option={option}
      rows={rows}
      columns={columns}
      rowKey={(r) => r.key ?? ""}
      onChartClick={onChartClick}
      selectHint={HINT}
      loading={loading}
      height={360}
    />
  );
}
