import { useQuery } from "@tanstack/react-query";
import { Col, Row } from "antd";
import { useNavigate } from "react-router-dom";
import type { MetricRow, WoMetricKey } from "../../../../../packages/contracts/src/work-orders.ts";
import { CategoryChart, type ChartSeries } from "../../shared/category-chart.tsx";
import { formatMonthKey } from "../../shared/chart-format.ts";
import { CategoryTreemap } from "./category-treemap.tsx";
import { RATES } from "./metric-figures.tsx";
import { baseFilter, drillHref, type GroupBy, groupFilter, type MetricsParams } from "./metrics-params.ts";
import { VolumeChart } from "./volume-chart.tsx";
import { workOrderKeys, workOrdersApi } from "./work-orders-api.ts";

type RateKey = "onTimeAcceptRate" | "onTimeCloseRate" | "satisfactionRate";
const TREND: RateKey[] = ["onTimeAcceptRate", "onTimeCloseRate", "satisfactionRate"];
const TREND_SPECS = RATES.filter((r): r is Extract<(typeof RATES)[number], { key: RateKey }> =>
  (TREND as string[]).includes(r.key),
);
const TREND_SERIES: (ChartSeries<MetricRow> & { den: WoMetricKey })[] = TREND_SPECS.map((r) => ({
  name: r.label,
  type: "line",
  value: (row: MetricRow) => row[r.key],
  den: r.den,
}));

/** One grouping of the page's filters, from the cache the page's own table shares. */
function useGrouped(params: MetricsParams, groupBy: GroupBy) {
  const query = { ...baseFilter(params), groupBy };
  return useQuery({
    queryKey: workOrderKeys.metrics(query),
    queryFn: ({ signal }) => workOrdersApi.metrics(query, signal),
  });
}

/** 按时签收、按时办结与满意率 by month: a point opens the tickets the rate is taken over. */
function RateTrendChart({ params, months, loading }: { params: MetricsParams; months: MetricRow[]; loading: boolean }) {
  const navigate = useNavigate();
  const years = new Set(months.map((r) => r.key?.slice(0, 4)));
  const open = (row: MetricRow, series: ChartSeries<MetricRow>) => {
    const group = groupFilter("month", row, params);
    const den = TREND_SERIES.find((s) => s.name === series.name)?.den;
    if (group && den) {
      void navigate(drillHref({ ...baseFilter(params), ...group }, den));
    }
  };
  return (
    <CategoryChart<MetricRow>
      title="按时率与满意率趋势"
      data={months}
      category={{ title: "月份", label: (r) => (r.key ? formatMonthKey(r.key, years.size > 1) : r.label) }}
      series={TREND_SERIES}
      format="percent"
      onSelect={open}
      selectHint="点击查看计入该比率的工单"
      loading={loading}
    />
  );
}

/**
 * 工单统计's charts, each over the page's filters: the monthly volume against last year, the rate
 * trend, towns and units ranked, and the categories as a treemap. Every item opens its tickets.
 */
export function WorkOrderCharts({ params }: { params: MetricsParams }) {
  const month = useGrouped(params, "month");
  const town = useGrouped(params, "town");
  const unit = useGrouped(params, "unit");
  const category = useGrouped(params, "category");
  const months = (month.data?.groups ?? []).filter((r) => r.key !== null);
  return (
    <Row gutter={16}>
      <Col xs={24} xl={12}>
        <VolumeChart params={{ ...params, groupBy: "month" }} groups={months} loading={month.isFetching} />
      </Col>
      <Col xs={24} xl={12}>
        <RateTrendChart params={params} months={months} loading={month.isFetching} />
      </Col>
      <Col xs={24} xl={12}>
        <VolumeChart
          params={{ ...params, groupBy: "town" }}
          groups={town.data?.groups ?? []}
          loading={town.isFetching}
          title="镇街受理量排名"
        />
      </Col>
      <Col xs={24} xl={12}>
        <VolumeChart
          params={{ ...params, groupBy: "unit" }}
          groups={unit.data?.groups ?? []}
          loading={unit.isFetching}
          title="承办单位受理量排名（前 20 名）"
          limit={20}
        />
      </Col>
      <Col span={24}>
        <CategoryTreemap params={params} groups={category.data?.groups ?? []} loading={category.isFetching} />
      </Col>
    </Row>
  );
}
