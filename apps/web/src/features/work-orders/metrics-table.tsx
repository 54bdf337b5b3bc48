import { Table, type TableColumnsType, Typography } from "antd";
import type { ReactNode } from "react";
import type { MetricRow } from "../../../../../packages/contracts/src/work-orders.ts";
import { CountLink, formatGrowth, RATES, RateFigure } from "./metric-figures.tsx";
import { baseFilter, type GroupBy, groupFilter, type MetricsParams, previousYear } from "./metrics-params.ts";

export const GROUP_LABELS: Record<GroupBy, string> = {
  none: "不分组",
  unit: "承办单位",
  category: "诉求分类",
  kind: "工单类型",
  campaign: "专项",
  town: "镇街",
  month: "月份",
};

type Filter = Record<string, string | undefined> | null;
type Figure = { key: string; title: string; width: number; cell: (row: MetricRow, filter: Filter) => ReactNode };

// One definition per figure column, used by the group rows and the 合计 row alike.
const FIGURES: Figure[] = [
  {
    key: "volume",
    title: "受理量",
    width: 90,
    cell: (row, f) => <CountLink filter={f} metric="volume" count={row.counts.volume} />,
  },
  {
    key: "previous",
    title: "上年同期",
    width: 90,
    cell: (row, f) => <CountLink filter={f && previousYear(f)} metric="volume" count={row.previousVolume} />,
  },
  { key: "yoy", title: "同比", width: 90, cell: (row) => formatGrowth(row.yoyGrowth) },
  ...RATES.map((spec) => ({
    key: spec.key,
    title: spec.label,
    width: 120,
    cell: (row: MetricRow, f: Filter) => <RateFigure row={row} spec={spec} filter={f} />,
  })),
  {
    key: "returns",
    title: "退单 / 不当",
    width: 110,
    cell: (row, f) => (
      <>
        <CountLink filter={f} metric="returns" count={row.counts.returns} /> /{" "}
        <CountLink filter={f} metric="improperReturns" count={row.counts.improperReturns} />
      </>
    ),
  },
  {
    key: "praises",
    title: "表扬",
    width: 80,
    cell: (row, f) => <CountLink filter={f} metric="praises" count={row.counts.praises} />,
  },
];

type Props = { params: MetricsParams; groups: MetricRow[]; total: MetricRow; loading: boolean };

/** One row per group; each figure opens the list filtered to that group and that count. */
export function MetricsTable({ params, groups, total, loading }: Props) {
  const base = baseFilter(params);
  const filterOf = (row: MetricRow): Filter => {
    const g = row === total ? {} : groupFilter(params.groupBy, row, params);
    return g === null ? null : { ...base, ...g };
  };
  const columns: TableColumnsType<MetricRow> = [
    { title: GROUP_LABELS[params.groupBy], dataIndex: "label", fixed: "left", width: 220, ellipsis: true },
    ...FIGURES.map((fig) => ({
      key: fig.key,
      title: fig.title,
      width: fig.width,
      render: (_v: unknown, row: MetricRow) => fig.cell(row, filterOf(row)),
    })),
  ];

  return (
    <Table<MetricRow>
      rowKey={(r) => r.key ?? "__none__"}
      size="middle"
      loading={loading}
      columns={columns}
      dataSource={groups}
      pagination={groups.length > 50 ? { pageSize: 50 } : false}
      scroll={{ x: 1400 }}
      locale={{ emptyText: "本期没有工单" }}
      summary={() =>
        groups.length > 0 && params.groupBy !== "none" ? (
          <Table.Summary fixed>
            <Table.Summary.Row>
              <Table.Summary.Cell index={0}>
                <Typography.Text strong>合计</Typography.Text>
              </Table.Summary.Cell>
              {FIGURES.map((fig, i) => (
                <Table.Summary.Cell key={fig.key} index={i + 1}>
                  {fig.cell(total, base)}
                </Table.Summary.Cell>
              ))}
            </Table.Summary.Row>
          </Table.Summary>
        ) : null
      }
    />
  );
}
