import { useNavigate } from "react-router-dom";
import type { MetricRow } from "../../../../../packages/contracts/src/work-orders.ts";
import { CategoryChart, type ChartSeries } from "../../shared/category-chart.tsx";
import { formatMonthKey } from "../../shared/chart-format.ts";
import { baseFilter, drillHref, groupFilter, type MetricsParams, previousYear } from "./metrics-params.ts";
import { GROUP_LABELS } from "./metrics-table.tsx";

const THIS_PERIOD = "本期受理量";
const LAST_YEAR = "上年同期";

const SERIES: ChartSeries<MetricRow>[] = [
  { name: THIS_PERIOD, type: "bar", value: (r) => r.counts.volume ?? 0 },
  { name: LAST_YEAR, type: "bar", value: (r) => r.previousVolume },
];

type Props = {
  params: MetricsParams;
  /** The groups the page's table shows: the chart draws the same answer, with no request of its own. */
  groups: readonly MetricRow[];
  loading: boolean;
  title?: string | undefined;
  /** Draws only the first groups of the ranking (the page's table lists them all). */
  limit?: number | undefined;
};

/**
 * 受理量同比: each group of the period (by month: 1月…12月) against the same group a year earlier.
 * A bar (or a table cell) opens the tickets it counts; last year's bar the same tickets a year earlier.
 * Months keep their order; other groupings are ranked by this period's volume.
 */
export function VolumeChart({ params, groups, loading, title, limit }: Props) {
  const navigate = useNavigate();
  const byMonth = params.groupBy === "month";
  const rows = groups.filter((r) => r.key !== null || !byMonth);
  const sorted = byMonth ? rows : [...rows].sort((a, b) => (b.counts.volume ?? 0) - (a.counts.volume ?? 0));
  const ranked = limit ? sorted.slice(0, limit) : sorted;
  const years = new Set(rows.map((r) => r.key?.slice(0, 4)));
  const label = (r: MetricRow) => (byMonth && r.key ? formatMonthKey(r.key, years.size > 1) : r.label);

  const open = (row: MetricRow, series: ChartSeries<MetricRow>) => {
    const group = groupFilter(params.groupBy, row, params);
    if (!group) {
      return;
    }
    const filter = { ...baseFilter(params), ...group };
    void navigate(drillHref(series.name === LAST_YEAR ? previousYear(filter) : filter, "volume"));
  };

  return (
    <CategoryChart<MetricRow>
      title={title ?? `受理量同比：${GROUP_LABELS[params.groupBy]}`}
      data={ranked}
      category={{ title: GROUP_LABELS[params.groupBy], label }}
      series={SERIES}
      onSelect={open}
      selectHint="点击查看对应工单"
      rotateLabels={!byMonth}
      loading={loading}
    />
  );
}
