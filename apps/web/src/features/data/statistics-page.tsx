import { useQuery } from "@tanstack/react-query";
import { Alert, Card, Col, Row, Select, Space, Statistic, Table, type TableColumnsType, Typography } from "antd";
import { useNavigate, useSearchParams } from "react-router-dom";
import type { MonthFigure, Statistics } from "../../../../../packages/contracts/src/data-sharing-statistics.ts";
import { PageContainer } from "../../layout/page-container.tsx";
import { CategoryChart, type ChartSeries } from "../../shared/category-chart.tsx";
import { formatMonthKey } from "../../shared/chart-format.ts";
import { bureauTime } from "../../shared/format.ts";
import { dataApi, dataKeys } from "./data-api.ts";
import { batchesHref, Count, exchangeHref } from "./data-figures.tsx";

type Month = { month: string; aggregated: number; shared: number };
type ProviderRow = { unitId: string; name: string; aggregated: number; batches: number; shared: number; calls: number };
type ConsumerRow = { unitId: string; name: string; shared: number; calls: number };

const FIRST_YEAR = 2018;
const SERIES: ChartSeries<Month>[] = [
  { name: "汇聚数据量", type: "bar", value: (m) => m.aggregated },
  { name: "共享数据量", type: "line", value: (m) => m.shared },
];

function months(s: Statistics): Month[] {
  const shared = new Map(s.shared.byMonth.map((m: MonthFigure) => [m.month, m.rows]));
  return s.aggregated.byMonth.map((m) => ({ month: m.month, aggregated: m.rows, shared: shared.get(m.month) ?? 0 }));
}

/** One row per provider unit: what it aggregated and what of its resources was served. */
function providers(s: Statistics): ProviderRow[] {
  const rows = new Map<string, ProviderRow>();
  const row = (unitId: string, name: string) => {
    const r = rows.get(unitId) ?? { unitId, name, aggregated: 0, batches: 0, shared: 0, calls: 0 };
    rows.set(unitId, r);
    return r;
  };
  for (const u of s.aggregated.byProvider) {
    Object.assign(row(u.unitId, u.name), { aggregated: u.rows, batches: u.count });
  }
  for (const u of s.shared.byProvider) {
    Object.assign(row(u.unitId, u.name), { shared: u.rows, calls: u.count });
  }
  return [...rows.values()].sort((a, b) => b.aggregated - a.aggregated || b.shared - a.shared);
}

const count = (n: number) => n.toLocaleString("zh-CN");

/** 数据统计: a year's aggregated and shared rows by provider, consumer and month; every figure opens its records. */
export function StatisticsPage() {
  const [search, setSearch] = useSearchParams();
  const navigate = useNavigate();
  const current = bureauTime().year();
  const asked = Number(search.get("year"));
  const year = Number.isInteger(asked) && asked >= FIRST_YEAR && asked <= current + 1 ? asked : current;
  const y = String(year);
  const stats = useQuery({
    queryKey: dataKeys.statistics(year),
    queryFn: ({ signal }) => dataApi.statistics(year, signal),
  });
  const s = stats.data;
  const years = Array.from({ length: current - FIRST_YEAR + 1 }, (_, i) => current - i).map((v) => ({
    value: v,
    label: `${v} 年`,
  }));
  return (
    <PageContainer
      title="数据统计"
      description="年度汇聚与共享数据量，按提供方、使用方和月份统计（北京时间）；每个数字可打开对应的批次或交换日志记录。"
      extra={
        <Select
          aria-label="统计年度"
          value={year}
          options={years}
          style={{ width: 120 }}
          onChange={(v: number) => setSearch(new URLSearchParams({ year: String(v) }))}
        />
      }
    >
      <Space orientation="vertical" size="middle" style={{ width: "100%" }}>
        <Alert
          type="info"
          showIcon
          title="汇聚数据量为各批次接收入库行数之和（含仅登记的同步批次）；共享数据量为数据服务已返回的行数（交换日志中结果为“已返回”的调用）。"
          description="统计范围为本单位及下级单位：汇聚数据量计其提供的资源收到的批次，共享数据量计其作为提供方或使用方的调用。"
        />
        <Row gutter={16}>
          <Col xs={24} md={12}>
            <Card size="small" loading={stats.isLoading}>
              <Statistic
                title={`${y} 年汇聚数据量（行）`}
                valueRender={() => <Count value={s?.aggregated.rows ?? 0} to={batchesHref(y)} />}
              />
              <Typography.Text type="secondary">共 {count(s?.aggregated.batches ?? 0)} 个批次</Typography.Text>
            </Card>
          </Col>
          <Col xs={24} md={12}>
            <Card size="small" loading={stats.isLoading}>
              <Statistic
                title={`${y} 年共享数据量（行）`}
                valueRender={() => <Count value={s?.shared.rows ?? 0} to={exchangeHref(y)} />}
              />
              <Typography.Text type="secondary">共 {count(s?.shared.calls ?? 0)} 次调用</Typography.Text>
            </Card>
          </Col>
        </Row>
        <CategoryChart<Month>
          title={`${y} 年各月汇聚与共享数据量`}
          data={s ? months(s) : []}
          category={{ title: "月份", label: (m) => formatMonthKey(m.month) }}
          series={SERIES}
          loading={stats.isLoading}
          selectHint="点击查看当月批次或交换日志"
          onSelect={(m, series) =>
            void navigate(series.name === "汇聚数据量" ? batchesHref(m.month) : exchangeHref(m.month))
          }
        />
        <UnitTable<ProviderRow>
          title="按提供方"
          unit="提供方"
          loading={stats.isLoading}
          rows={s ? providers(s) : []}
          figures={[
            {
              title: "汇聚数据量（行）",
              align: "right",
              render: (_: unknown, r) => <Count value={r.aggregated} to={batchesHref(y, r.unitId)} />,
            },
            { title: "批次数", dataIndex: "batches", align: "right", render: count },
            {
              title: "被共享数据量（行）",
              align: "right",
              render: (_: unknown, r) => <Count value={r.shared} to={exchangeHref(y, { providerUnitId: r.unitId })} />,
            },
          ]}
        />
        <UnitTable<ConsumerRow>
          title="按使用方"
          unit="使用方"
          loading={stats.isLoading}
          rows={(s?.shared.byConsumer ?? []).map((u) => ({
            unitId: u.unitId,
            name: u.name,
            shared: u.rows,
            calls: u.count,
          }))}
          figures={[
            {
              title: "获取数据量（行）",
              align: "right",
              render: (_: unknown, r) => <Count value={r.shared} to={exchangeHref(y, { consumerUnitId: r.unitId })} />,
            },
          ]}
        />
      </Space>
    </PageContainer>
  );
}

type UnitTableProps<R> = { title: string; unit: string; loading: boolean; rows: R[]; figures: TableColumnsType<R> };

/** A by-unit table (provider or consumer): the unit's name, its figures, then its calls. */
function UnitTable<R extends { unitId: string; name: string; calls: number }>({
  title,
  unit,
  loading,
  rows,
  figures,
}: UnitTableProps<R>) {
  return (
    <Card size="small" title={title}>
      <Table<R>
        rowKey="unitId"
        size="small"
        loading={loading}
        dataSource={rows}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        columns={[
          { title: unit, dataIndex: "name" },
          ...figures,
          { title: "调用次数", dataIndex: "calls", align: "right", render: count },
        ]}
      />
    </Card>
  );
}
