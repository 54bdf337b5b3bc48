import { useQuery } from "@tanstack/react-query";
import { Alert, Card, Empty, Table, Tag, Typography } from "antd";
import { Link, useNavigate } from "react-router-dom";
import type { RisingTopics } from "../../../../../packages/contracts/src/appeals.ts";
import { isApiError } from "../../api/client.ts";
import { CategoryChart } from "../../shared/category-chart.tsx";
import { type AppealsParams, addDays, mondayOf, periodInstants } from "./appeals-params.ts";
import { dashboardApi, dashboardKeys } from "./dashboard-api.ts";

/** The server's Chinese message, with its field issues (e.g. 分析期间不能超过 3 年). */
export function errorText(err: unknown): string {
  if (!isApiError(err)) {
    return "读取失败，请稍后重试";
  }
  // The server's message often already names its issues ("from: 分析期间不能超过 3 年").
  const issues = err.fieldIssues.map((i) => i.message).filter((m) => !err.message.includes(m));
  return [err.message, ...issues].join("：");
}

function QueryError({ error }: { error: unknown }) {
  return <Alert type="error" showIcon title={errorText(error)} style={{ marginBottom: 16 }} />;
}

const scopeOf = (p: AppealsParams) => ({ from: p.from, to: p.to, townId: p.townId, unitId: p.unitId });

/** The ticket list filtered as an analysis figure was counted: period, town, unit, and the topic. */
export function ticketsHref(
  p: Pick<AppealsParams, "townId" | "unitId">,
  from: string,
  to: string,
  topic: Record<string, string>,
) {
  const params = new URLSearchParams({ queue: "all", ...topic, ...periodInstants(from, to) });
  if (p.townId) {
    params.set("townId", p.townId);
  }
  if (p.unitId) {
    params.set("unitId", p.unitId);
  }
  return `/work-orders?${params}`;
}

export function HotTopicsSection({ params }: { params: AppealsParams }) {
  const navigate = useNavigate();
  const scope = scopeOf(params);
  const { data, error, isFetching } = useQuery({
    queryKey: dashboardKeys.hotTopics(scope),
    queryFn: ({ signal }) => dashboardApi.hotTopics(scope, signal),
    meta: { silent: true },
  });
  if (error) {
    return <QueryError error={error} />;
  }
  return (
    <>
      <Typography.Paragraph type="secondary">
        期间 {params.from} 至 {params.to} 共 {data?.total ?? "—"}{" "}
        件工单；主题词由工单标题和内容分词得出（点击主题词按标题检索工单，点击类别打开该类工单）。
      </Typography.Paragraph>
      <CategoryChart
        title="热点主题词"
        data={data?.terms ?? []}
        loading={isFetching}
        rotateLabels
        category={{ title: "主题词", label: (t) => t.term }}
        series={[{ name: "工单数", type: "bar", value: (t) => t.count }]}
        selectHint="查看标题含该词的工单"
        onSelect={(t) => void navigate(ticketsHref(params, params.from, params.to, { q: t.term }))}
      />
      <CategoryChart
        title="诉求类别"
        data={data?.categories ?? []}
        loading={isFetching}
        category={{ title: "类别", label: (c) => c.label }}
        series={[{ name: "工单数", type: "bar", value: (c) => c.count }]}
        selectHint="查看该类工单"
        onSelect={(c) => void navigate(ticketsHref(params, params.from, params.to, { category: c.category }))}
      />
    </>
  );
}

type Rising = RisingTopics["rising"][number];

export function RisingSection({ params }: { params: AppealsParams }) {
  const navigate = useNavigate();
  const q = { week: params.week, townId: params.townId, unitId: params.unitId };
  const { data, error, isFetching } = useQuery({
    queryKey: dashboardKeys.rising(q),
    queryFn: ({ signal }) => dashboardApi.rising(q, signal),
    meta: { silent: true },
  });
  if (error) {
    return <QueryError error={error} />;
  }
  const weekStart = data?.weekStart ?? mondayOf(params.week);
  const weekEnd = data?.weekEnd ?? addDays(weekStart, 6);
  const open = (r: Rising) =>
    ticketsHref(params, weekStart, weekEnd, r.kind === "category" ? { category: r.key } : { q: r.key });
  return (
    <>
      {data && <Alert type="info" showIcon style={{ marginBottom: 16 }} title={`检验方法：${data.method}`} />}
      <CategoryChart
        title={`上升话题（${weekStart} 至 ${weekEnd}）`}
        data={data?.rising ?? []}
        loading={isFetching}
        rotateLabels
        category={{ title: "话题", label: (r) => r.label }}
        series={[
          { name: "本周件数", type: "bar", value: (r) => r.count },
          { name: "前 8 周周均（λ）", type: "line", value: (r) => r.baseline },
        ]}
        format="decimal"
        selectHint="查看本周的工单"
        onSelect={(r) => void navigate(open(r))}
      />
      <Table<Rising>
        size="small"
        rowKey={(r) => `${r.kind}:${r.key}`}
        loading={isFetching}
        dataSource={data?.rising ?? []}
        pagination={false}
        locale={{ emptyText: <Empty description="本周没有显著上升的话题" /> }}
        columns={[
          {
            title: "话题",
            render: (_v, r) => (
              <Link to={open(r)}>
                {r.label} <Tag>{r.kind === "category" ? "类别" : "主题词"}</Tag>
              </Link>
            ),
          },
          { title: "本周件数", dataIndex: "count", align: "right" },
          { title: "前 8 周（由远及近）", render: (_v, r) => r.history.join("、") },
          { title: "周均 λ", dataIndex: "baseline", align: "right" },
          { title: "P(X ≥ 本周)", align: "right", render: (_v, r) => r.pValue.toExponential(2) },
        ]}
      />
    </>
  );
}

export function HotSpotsSection({ params }: { params: AppealsParams }) {
  const scope = scopeOf(params);
  const { data, error, isFetching } = useQuery({
    queryKey: dashboardKeys.hotSpots(scope),
    queryFn: ({ signal }) => dashboardApi.hotSpots(scope, signal),
    meta: { silent: true },
  });
  if (error) {
    return <QueryError error={error} />;
  }
  type Spot = NonNullable<typeof data>["spots"][number];
  return (
    <Card title="诉求聚集点" extra={data?.method} style={{ marginBottom: 16 }}>
      <Table<Spot>
        size="small"
        rowKey={(s) => `${s.communityId}:${s.term}`}
        loading={isFetching}
        dataSource={data?.spots ?? []}
        pagination={{ pageSize: 10, hideOnSinglePage: true }}
        locale={{ emptyText: <Empty description="期间内没有聚集点" /> }}
        columns={[
          { title: "镇街", dataIndex: "town" },
          { title: "村（社区）", dataIndex: "community" },
          { title: "主题词", dataIndex: "term" },
          {
            title: "件数",
            align: "right",
            render: (_v, s) => <Link to={ticketsHref(params, s.from, s.to, { q: s.term })}>{s.count}</Link>,
          },
          { title: "30 天", render: (_v, s) => `${s.from} 至 ${s.to}` },
        ]}
      />
    </Card>
  );
}

export function RepeatCallersSection({ params }: { params: AppealsParams }) {
  const scope = scopeOf(params);
  const { data, error, isFetching } = useQuery({
    queryKey: dashboardKeys.repeatCallers(scope),
    queryFn: ({ signal }) => dashboardApi.repeatCallers(scope, signal),
    meta: { silent: true },
  });
  if (error) {
    return <QueryError error={error} />;
  }
  type Caller = NonNullable<typeof data>["callers"][number];
  return (
    <Card title="重复来电" extra={data?.method} style={{ marginBottom: 16 }}>
      <Table<Caller>
        size="small"
        rowKey={(c) => `${c.phone}:${c.to}:${c.workOrderIds[0] ?? ""}`}
        loading={isFetching}
        dataSource={data?.callers ?? []}
        pagination={{ pageSize: 10, hideOnSinglePage: true }}
        locale={{ emptyText: <Empty description="期间内没有重复来电" /> }}
        columns={[
          { title: "来电号码（脱敏）", dataIndex: "phone" },
          { title: "件数", dataIndex: "count", align: "right" },
          { title: "30 天", render: (_v, c) => `${c.from} 至 ${c.to}` },
          {
            title: "工单",
            render: (_v, c) =>
              c.workOrderIds.map((id, i) => (
                <Link key={id} to={`/work-orders/${id}`} style={{ marginRight: 8 }}>
                  第 {i + 1} 件
                </Link>
              )),
          },
        ]}
      />
    </Card>
  );
}
