import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { Alert, Card, Form, Input, Segmented, Select, Space, Table, Tag, Typography } from "antd";
import type { Dayjs } from "dayjs";
import dayjs from "dayjs";
import { useSearchParams } from "react-router-dom";
import { PageContainer } from "../../layout/page-container.tsx";
import { BUREAU_TZ, bureauTime, formatDateTime } from "../../shared/format.ts";
import { PagedTable, usePagedList } from "../../shared/paged-list.tsx";
import { OrgUnitSelect } from "../org/org-unit-select.tsx";
import { ChainCheck } from "./chain-check.tsx";
import { dataApi, dataKeys } from "./data-api.ts";
import { RangeSubmit } from "./range-submit.tsx";

type Entry = Awaited<ReturnType<typeof dataApi.exchange>>["items"][number];
type By = "consumer" | "provider" | "resource" | "month";
type Counter = { key: string; label: string; rows: number; calls: number };
const FILTERS = ["resourceCode", "consumerUnitId", "providerUnitId", "outcome", "from", "to"] as const;
const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;
const BY_OPTIONS: { value: By; label: string }[] = [
  { value: "consumer", label: "按使用方" },
  { value: "provider", label: "按提供方" },
  { value: "resource", label: "按资源" },
  { value: "month", label: "按月份" },
];
const OUTCOME_OPTIONS = [
  { value: "served", label: "已返回" },
  { value: "refused", label: "已拒绝" },
];

/** A calendar day's start (or the next day's start) in Beijing, as the ISO instant the API takes. */
const dayBound = (d: Dayjs, end: boolean) =>
  dayjs
    .tz(d.format("YYYY-MM-DD"), BUREAU_TZ)
    .add(end ? 1 : 0, "day")
    .format("YYYY-MM-DDTHH:mm:ssZ");

/**
 * The API's instants for the URL's bounds: a link may name calendar days (数据统计 and the report link
 * `from=2022-01-01&to=2022-12-31`), read as the whole days in Beijing time; an instant passes as is.
 */
export function apiBounds(from?: string, to?: string): { from?: string; to?: string } {
  return {
    from: from && DATE_ONLY.test(from) ? `${from}T00:00:00+08:00` : from,
    to: to && DATE_ONLY.test(to) ? `${to}T23:59:59.999+08:00` : to,
  };
}

/** The range picker's days for the URL's bounds (an instant `to` is the next day's start). */
function pickerRange(from?: string, to?: string): [Dayjs, Dayjs] | undefined {
  if (!from || !to) {
    return undefined;
  }
  const day = (v: string, end: boolean) =>
    DATE_ONLY.test(v) ? dayjs.tz(v, BUREAU_TZ) : end ? bureauTime(v).subtract(1, "day") : bureauTime(v);
  return [day(from, false), day(to, true)];
}

/** The log entries a counter's row stands for: the filters it adds. */
function drill(by: By, c: Counter): Record<string, string> | null {
  if (by === "consumer") {
    return { consumerUnitId: c.key };
  }
  if (by === "provider") {
    return { providerUnitId: c.key };
  }
  if (by === "resource") {
    return { resourceCode: c.key };
  }
  if (by === "month") {
    const start = dayjs.tz(`${c.key}-01`, BUREAU_TZ);
    return { from: start.format("YYYY-MM-DDTHH:mm:ssZ"), to: start.add(1, "month").format("YYYY-MM-DDTHH:mm:ssZ") };
  }
  return null;
}

/** 交换日志: every data-service call (served or refused), its counters, and how to check the hash chain. */
export function ExchangeLogPage() {
  const [search, setSearch] = useSearchParams();
  const filters = Object.fromEntries(FILTERS.map((k) => [k, search.get(k) ?? undefined]));
  const by = (search.get("by") ?? "consumer") as By;
  const bounds = apiBounds(filters.from, filters.to);
  const list = usePagedList({
    filters: { ...filters, ...bounds },
    queryKey: dataKeys.exchange,
    load: dataApi.exchange,
  });
  const counterQuery = {
    by,
    resourceCode: filters.resourceCode,
    consumerUnitId: filters.consumerUnitId,
    providerUnitId: filters.providerUnitId,
    ...bounds,
  };
  const counters = useQuery({
    queryKey: dataKeys.counters(counterQuery),
    queryFn: ({ signal }) => dataApi.counters(counterQuery, signal),
    placeholderData: keepPreviousData,
  });
  const setAll = (values: Record<string, string | undefined>) =>
    list.setFilters({ ...values, by: by === "consumer" ? undefined : by });
  const onFinish = (v: {
    resourceCode?: string;
    consumerUnitId?: string;
    providerUnitId?: string;
    outcome?: string;
    range?: [Dayjs, Dayjs] | null;
  }) =>
    setAll({
      resourceCode: v.resourceCode || undefined,
      consumerUnitId: v.consumerUnitId,
      providerUnitId: v.providerUnitId,
      outcome: v.outcome,
      from: v.range ? dayBound(v.range[0], false) : undefined,
      to: v.range ? dayBound(v.range[1], true) : undefined,
    });
  const range = pickerRange(filters.from, filters.to);
  return (
    <PageContainer
      title="交换日志"
      description="数据服务的每次调用（含被拒绝的调用）：使用方、授权、资源、信息项、条件、返回行数与请求号。"
    >
      <Space orientation="vertical" size="middle" style={{ width: "100%" }}>
        <Alert
          type="info"
          showIcon
          title="交换日志只追加、逐条哈希链接"
          description={
            <>
              在服务器上运行 <Typography.Text code>zhengwu exchange verify</Typography.Text>{" "}
              校验整条链：发现第一处断链（记录被改动或删除）时报告其序号并以非零状态退出。
              <ChainCheck />
            </>
          }
        />
        <Card size="small">
          <Form layout="inline" key={search.toString()} initialValues={{ ...filters, range }} onFinish={onFinish}>
            <Form.Item name="resourceCode">
              <Input placeholder="资源代码" allowClear style={{ width: 170 }} aria-label="资源代码" />
            </Form.Item>
            <Form.Item name="consumerUnitId" style={{ width: 220 }}>
              <OrgUnitSelect placeholder="使用方" />
            </Form.Item>
            <Form.Item name="providerUnitId" style={{ width: 220 }}>
              <OrgUnitSelect placeholder="提供方" />
            </Form.Item>
            <Form.Item name="outcome">
              <Select placeholder="结果" options={OUTCOME_OPTIONS} allowClear style={{ width: 110 }} />
            </Form.Item>
            <RangeSubmit onReset={() => setSearch(new URLSearchParams())} />
          </Form>
        </Card>
        <Card
          size="small"
          title="共享数据量统计"
          extra={
            <Segmented<By>
              options={BY_OPTIONS}
              value={by}
              onChange={(b) => {
                const next = new URLSearchParams(search);
                next.set("by", b);
                setSearch(next);
              }}
            />
          }
        >
          <Table<Counter>
            rowKey="key"
            size="small"
            loading={counters.isFetching}
            dataSource={counters.data?.items ?? []}
            pagination={{ pageSize: 12, hideOnSinglePage: true }}
            columns={[
              {
                title: BY_OPTIONS.find((o) => o.value === by)?.label.slice(1),
                dataIndex: "label",
                render: (label: string, c) => {
                  const f = drill(by, c);
                  return f ? (
                    <Typography.Link onClick={() => setAll({ ...filters, ...f })}>{label}</Typography.Link>
                  ) : (
                    label
                  );
                },
              },
              {
                title: "返回行数",
                dataIndex: "rows",
                align: "right",
                render: (n: number) => n.toLocaleString("zh-CN"),
              },
              { title: "调用次数", dataIndex: "calls", align: "right" },
            ]}
          />
        </Card>
        <Card size="small" title={`共 ${list.query.data?.total ?? 0} 条调用记录`}>
          <PagedTable<Entry>
            list={list}
            rowKey="id"
            size="small"
            columns={[
              { title: "序号", dataIndex: "seq", width: 70 },
              { title: "时间", dataIndex: "at", width: 170, render: (t: string) => formatDateTime(t) },
              { title: "使用方", dataIndex: "consumerName" },
              { title: "资源", dataIndex: "resourceCode", width: 140 },
              { title: "信息项", dataIndex: "fields", render: (f: string[]) => f.join("、") },
              {
                title: "条件",
                dataIndex: "filter",
                render: (f: Record<string, string>) =>
                  Object.entries(f)
                    .map(([k, v]) => `${k}=${v}`)
                    .join("；") || "—",
              },
              { title: "返回行数", dataIndex: "rowsReturned", align: "right" },
              {
                title: "结果",
                render: (_: unknown, e) =>
                  e.outcome === "served" ? (
                    <Tag color="green">已返回</Tag>
                  ) : (
                    <Tag color="red" title={e.reason ?? ""}>
                      已拒绝：{e.reason}
                    </Tag>
                  ),
              },
              {
                title: "请求号",
                dataIndex: "requestId",
                render: (r: string) => <Typography.Text code>{r}</Typography.Text>,
              },
            ]}
          />
        </Card>
      </Space>
    </PageContainer>
  );
}
