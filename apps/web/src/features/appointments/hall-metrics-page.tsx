import { keepPreviousData, useQuery } from "@tanstack/react-query";
import {
  Button,
  Card,
  Collapse,
  DatePicker,
  Form,
  Select,
  Space,
  Spin,
  Statistic,
  Table,
  Tooltip,
  Typography,
} from "antd";
import dayjs, { type Dayjs } from "dayjs";
import { lazy, Suspense, useState } from "react";
import { useSearchParams } from "react-router-dom";
import { HALL_LEVEL_LABELS, type HallMetricRow } from "../../../../../packages/contracts/src/appointments.ts";
import type { Query } from "../../api/client.ts";
import { PageContainer } from "../../layout/page-container.tsx";
import { hallApi, hallKeys } from "./appointments-api.ts";
import { type DrillDown, HallDrillDown } from "./hall-drill-down.tsx";
import { formatSeconds } from "./slot-format.ts";

// ECharts and the charts' three year-long aggregates load only when the reader opens the charts.
const HallCharts = lazy(() => import("./hall-charts.tsx").then((m) => ({ default: m.HallCharts })));

const GROUPS = [
  { value: "hall", label: "按大厅" },
  { value: "level", label: "按层级" },
  { value: "item", label: "按事项" },
  { value: "window", label: "按窗口" },
  { value: "staff", label: "按人员" },
  { value: "day", label: "按日" },
  { value: "month", label: "按月" },
];
const FILTER_OF: Record<string, string> = {
  hall: "hallId",
  level: "level",
  item: "itemCode",
  window: "windowName",
  staff: "staffName",
};

/** 大厅统计: every figure opens the list it counts. */
export function HallMetricsPage() {
  // A link from a report figure opens the page on its period and hall level (?from=&to=&level=).
  const [params] = useSearchParams();
  const from = params.get("from");
  const to = params.get("to");
  const [range, setRange] = useState<[Dayjs, Dayjs] | null>(from && to ? [dayjs(from), dayjs(to)] : null);
  const [groupBy, setGroupBy] = useState(params.get("groupBy") ?? "hall");
  const [drill, setDrill] = useState<DrillDown | null>(null);
  const level = params.get("level") ?? undefined;
  const base: Query = { from: range?.[0].format("YYYY-MM-DD"), to: range?.[1].format("YYYY-MM-DD"), level };
  const metrics = useQuery({
    queryKey: hallKeys.metrics({ ...base, groupBy }),
    queryFn: ({ signal }) => hallApi.metrics({ ...base, groupBy }, signal),
    placeholderData: keepPreviousData,
  });
  const formulas = metrics.data?.formulas ?? {};
  const bookable = useQuery({
    queryKey: hallKeys.bookableItems(),
    queryFn: ({ signal }) => hallApi.bookableItems(signal),
  });

  const rowQuery = (row: HallMetricRow): Query => {
    if (row.key === null) {
      return base;
    }
    if (groupBy === "day") {
      return { ...base, from: row.key, to: row.key };
    }
    if (groupBy === "month") {
      const [y = "2000", m = "01"] = row.key.split("-");
      const last = new Date(Date.UTC(Number(y), Number(m), 0)).getUTCDate();
      return { ...base, from: `${row.key}-01`, to: `${row.key}-${String(last).padStart(2, "0")}` };
    }
    return { ...base, [FILTER_OF[groupBy] ?? "x"]: row.key };
  };
  const link = (n: number, row: HallMetricRow, list: DrillDown["list"], title: string, extra: Query = {}) => (
    <Button
      type="link"
      size="small"
      onClick={() => setDrill({ list, title: `${row.label} · ${title}`, query: { ...rowQuery(row), ...extra } })}
    >
      {n.toLocaleString("zh-CN")}
    </Button>
  );
  const head = (label: string, key: string) => <Tooltip title={formulas[key]}>{label}</Tooltip>;
  const rows = metrics.data ? [metrics.data.total, ...metrics.data.groups] : [];

  return (
    <PageContainer
      title="大厅统计"
      description="来访、办件、预约、爽约率与等候、办理时长（北京时间）；点击数字或图表中的色块、柱、点查看明细。"
    >
      <Card>
        <Form layout="inline" style={{ marginBottom: 16 }}>
          <Form.Item label="期间">
            <DatePicker.RangePicker value={range} onChange={(v) => setRange(v?.[0] && v[1] ? [v[0], v[1]] : null)} />
          </Form.Item>
          <Form.Item label="分组">
            <Select style={{ width: 140 }} value={groupBy} onChange={setGroupBy} options={GROUPS} />
          </Form.Item>
        </Form>
        <Table<HallMetricRow>
          rowKey={(r) => r.key ?? "__total"}
          size="small"
          loading={metrics.isFetching}
          dataSource={rows}
          pagination={false}
          columns={[
            {
              title: "分组",
              dataIndex: "label",
              render: (v: string, r) => (r.key === null ? <Typography.Text strong>{v}</Typography.Text> : v),
            },
            {
              title: head("来访人次", "visitors"),
              dataIndex: "visitors",
              render: (n: number, r) => link(n, r, "tickets", "来访"),
            },
            {
              title: head("办件量", "cases"),
              dataIndex: "cases",
              render: (n: number, r) => link(n, r, "cases", "办件"),
            },
            {
              title: head("预约量", "bookings"),
              dataIndex: "bookings",
              render: (n: number, r) => link(n, r, "bookings", "预约"),
            },
            {
              title: "爽约",
              dataIndex: "noShows",
              render: (n: number, r) => link(n, r, "bookings", "爽约", { status: "no_show" }),
            },
            {
              title: head("爽约率", "noShowRate"),
              dataIndex: "noShowRate",
              render: (v: number | null) => (v === null ? "—" : `${(v * 100).toFixed(1)}%`),
            },
            { title: head("平均等候", "wait"), dataIndex: "avgWaitSeconds", render: formatSeconds },
            { title: "P90 等候", dataIndex: "p90WaitSeconds", render: formatSeconds },
            { title: head("平均办理", "service"), dataIndex: "avgServiceSeconds", render: formatSeconds },
            { title: "P90 办理", dataIndex: "p90ServiceSeconds", render: formatSeconds },
          ]}
        />
      </Card>
      <Card title="各层级可预约事项">
        <Space size={32} wrap>
          {bookable.data?.items.map((b) => (
            <Statistic
              key={b.level}
              title={`${HALL_LEVEL_LABELS[b.level]}（${b.halls} 个）`}
              value={b.items}
              suffix="项"
            />
          ))}
        </Space>
      </Card>
      {/* Folded: on the embedded database the charts' aggregates would double the page's time to settle. */}
      <Collapse
        style={{ marginTop: 16 }}
        items={[
          {
            key: "charts",
            label: "图表：每日来访人次、分时等候、各窗口组 P90 等候（点击展开）",
            children: (
              <Suspense fallback={<Spin />}>
                <HallCharts base={base} onDrill={setDrill} />
              </Suspense>
            ),
          },
        ]}
      />
      <HallDrillDown drill={drill} onClose={() => setDrill(null)} />
    </PageContainer>
  );
}
