import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useNavigate } from "react-router-dom";
import type { MetricRow } from "../../../../../packages/contracts/src/work-orders.ts";
import { CategoryChart, type ChartSeries } from "../../shared/category-chart.tsx";
import { formatMonthKey } from "../../shared/chart-format.ts";
import { baseFilter, drillHref, groupFilter, type MetricsParams, previousYear } from "./metrics-params.ts";
import { workOrderKeys, workOrdersApi } from "./work-orders-api.ts";

const THIS_PERIOD = "本期受理量";
const LAST_YEAR = "上年同期";

const SERIES: ChartSeries<MetricRow>[] = [
  { name: THIS_PERIOD, type: "bar", value: (r) => r.counts.volume ?? 0 },
  { name: LAST_YEAR, type: "bar", value: (r) => r.previousVolume },
];

/**
 * 月度受理量: each month of the period against the same month a year earlier. A bar (or a table
 * cell) opens the ticket list for that month, last year's bar the list a year earlier.
 */
export function MonthlyVolumeChart({ params }: { params: MetricsParams }) {
  const navigate = useNavigate();
  const query = { ...baseFilter(params), groupBy: "month" };
  const { data, isFetching } = useQuery({
    queryKey: workOrderKeys.metrics(query),
    queryFn: ({ signal }) => workOrdersApi.metrics(query, signal),
    placeholderData: keepPreviousData,
  });
  const rows = (data?.groups ?? []).filter((r) => r.key !== null);
  const years = new Set(rows.map((r) => r.key?.slice(0, 4)));
  const label = (r: MetricRow) => (r.key ? formatMonthKey(r.key, years.size > 1) : r.label);

  const open = (row: MetricRow, series: ChartSeries<MetricRow>) => {
    const month = groupFilter("month", row, params);
    if (!month) {
      return;
    }
    const filter = { ...baseFilter(params), ...month };
    void navigate(drillHref(series.name === LAST_YEAR ? previousYear(filter) : filter, "volume"));
  };

  return (
    <CategoryChart<MetricRow>
      title="月度受理量（同比）"
      data={rows}
      category={{ title: "月份", label }}
      series={SERIES}
      onSelect={open}
      selectHint="点击查看该月工单"
      loading={isFetching}
    />
  );
}
