import { ReloadOutlined } from "@ant-design/icons";
import { useQuery } from "@tanstack/react-query";
import { Alert, Button, Card } from "antd";
import { useSearchParams } from "react-router-dom";
import { PageContainer } from "../../layout/page-container.tsx";
import { formatDateTime } from "../../shared/format.ts";
import { compactParams } from "../../shared/url-params.ts";
import { WhenVisible } from "../../shared/when-visible.tsx";
import { ExportTaskButton } from "../export-tasks/export-task-button.tsx";
import { MetricsFilterForm } from "./metrics-filter-form.tsx";
import { MetricsKpiCards } from "./metrics-kpi-cards.tsx";
import { baseFilter, readMetricsParams } from "./metrics-params.ts";
import { GROUP_LABELS, MetricsTable } from "./metrics-table.tsx";
import { useOrgUnits } from "./use-org-units.ts";
import { WorkOrderCharts } from "./work-order-charts.tsx";
import { workOrderKeys, workOrdersApi } from "./work-orders-api.ts";

/** 工单统计: volume, YoY and the rates for a period, in total and by group, each figure drillable. */
export function WorkOrderMetricsPage() {
  const [search, setSearch] = useSearchParams();
  const params = readMetricsParams(search);
  const base = baseFilter(params);
  const key = JSON.stringify(params);
  const metricsQuery = { ...base, groupBy: params.groupBy };
  const {
    data,
    isFetching: loading,
    refetch,
  } = useQuery({
    queryKey: workOrderKeys.metrics(metricsQuery),
    queryFn: ({ signal }) => workOrdersApi.metrics(metricsQuery, signal),
    // The last figures stay while new ones load, but only under the same grouping: month rows read
    // as unit rows (or the reverse) would build drill-down links from the wrong keys.
    placeholderData: (previous, previousQuery) =>
      previousQuery?.queryKey[2].groupBy === params.groupBy ? previous : undefined,
  });
  const reload = () => void refetch();
  const { towns, nameOf } = useOrgUnits();

  return (
    <PageContainer
      title="工单统计"
      description="统计期按受理时间（北京时间）计算；点击任一数字或图表中的柱、点、色块可查看对应的工单清单。"
      extra={
        <>
          <ExportTaskButton kind="work_orders" filter={base} />
          <Button icon={<ReloadOutlined />} onClick={reload} aria-label="刷新" />
        </>
      }
    >
      <MetricsFilterForm key={key} value={params} towns={towns} onSearch={(p) => setSearch(compactParams(p))} />
      {(params.unitId || params.campaign) && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          title={[
            params.unitId && `承办单位：${nameOf(params.unitId) ?? params.unitId}`,
            params.campaign && `专项：${params.campaign}`,
          ]
            .filter(Boolean)
            .join("；")}
          action={
            <Button
              size="small"
              onClick={() => setSearch(compactParams({ ...params, unitId: undefined, campaign: undefined }))}
            >
              清除
            </Button>
          }
        />
      )}
      {data && (
        <>
          <MetricsKpiCards total={data.total} formulas={data.formulas} filter={base} />
          <Card
            title={`分组统计：${GROUP_LABELS[params.groupBy]}`}
            extra={`统计期 ${formatDateTime(params.from)} 至 ${formatDateTime(params.to)}（不含）`}
          >
            <MetricsTable
              params={params}
              groups={params.groupBy === "none" ? [data.total] : data.groups}
              total={data.total}
              loading={loading}
            />
          </Card>
          <WhenVisible minHeight={360} label="工单统计图表">
            <WorkOrderCharts params={params} />
          </WhenVisible>
        </>
      )}
      {!data && loading && <Card loading />}
    </PageContainer>
  );
}
