import { keepPreviousData, useQuery, useQueryClient } from "@tanstack/react-query";
import { App, Button, Card, Input, Modal, Radio, Space, Spin, Table, Tag, Tooltip, Typography } from "antd";
import { lazy, Suspense, useState } from "react";
import { Link, useSearchParams } from "react-router-dom";
import {
  RATE_GROUPS,
  RATING_STATUS_LABELS,
  type RateGroup,
  type Rating,
} from "../../../../../packages/contracts/src/evaluations.ts";
import { PageContainer } from "../../layout/page-container.tsx";
import { useApiErrorHandler } from "../../shared/errors.ts";
import { formatDateTime } from "../../shared/format.ts";
import { PagedTable, usePagedList } from "../../shared/paged-list.tsx";
import { WhenVisible } from "../../shared/when-visible.tsx";
import { useMe } from "../auth/session.tsx";
import { FILTER_PARAMS, GROUP_OPTIONS, groupFilter } from "./rate-groups.ts";
import { ratingKeys, ratingsApi } from "./ratings-api.ts";

const pct = (x: number | null) => (x === null ? "—" : `${(x * 100).toFixed(2)}%`);
const RATE_COLUMNS = [
  ["goodRate", "好评率", "ratings"],
  ["activeGoodRate", "主动好评率", "active"],
  ["unratedRate", "未评价率", "defaulted"],
  ["badReplyRate", "差评回复率", "bad"],
  ["onTimeRectificationRate", "按时整改率", "rectifiedOnTime"],
  ["rectificationSatisfactionRate", "整改满意率", "rectificationFollowedUp"],
] as const;

// ECharts loads with the charts, once they are scrolled to: the list and rates above come first.
const RatingsCharts = lazy(() => import("./ratings-charts.tsx").then((m) => ({ default: m.RatingsCharts })));
/** 好差评: rates by unit (each count opens its ratings), the ratings, appeals and their review. */
export function RatingsPage() {
  const [search, setSearch] = useSearchParams();
  const me = useMe();
  const { message } = App.useApp();
  const handleError = useApiErrorHandler();
  const asked = search.get("groupBy") ?? "unit";
  const groupBy: RateGroup = RATE_GROUPS.find((g) => g === asked && g !== "none") ?? "unit";
  const group = GROUP_OPTIONS.find((g) => g.value === groupBy) ?? GROUP_OPTIONS[0];
  const filters = Object.fromEntries(
    FILTER_PARAMS.flatMap((k) => {
      const v = search.get(k);
      return v ? [[k, v]] : [];
    }),
  );
  const metric = filters.metric;
  const queryClient = useQueryClient();
  const rates = useQuery({
    queryKey: ratingKeys.rates({ groupBy }),
    queryFn: ({ signal }) => ratingsApi.rates({ groupBy }, signal),
    placeholderData: keepPreviousData,
  });
  const list = usePagedList({ filters, queryKey: ratingKeys.list, load: ratingsApi.list });
  const [acting, setActing] = useState<{ rating: Rating; kind: "appeal" | "decide" } | null>(null);
  const [reason, setReason] = useState("");
  const [outcome, setOutcome] = useState<"invalid" | "malicious" | "rejected">("invalid");
  const isSupervisor = me.grants.some((g) => g.role === "supervisor");
  const href = (key: string | null, m: string) =>
    `?${new URLSearchParams({ groupBy, ...groupFilter(groupBy, key), metric: m })}`;

  const act = async () => {
    if (!acting) {
      return;
    }
    try {
      if (acting.kind === "appeal") {
        await ratingsApi.appeal(acting.rating.id, reason);
      } else {
        await ratingsApi.decide(acting.rating.id, outcome, reason);
      }
      void message.success("已提交");
      setActing(null);
      setReason("");
      // A decision can take a rating out of the rates as well as move it in the list.
      void queryClient.invalidateQueries({ queryKey: ratingKeys.all });
    } catch (err) {
      handleError(err);
    }
  };
  const formulas = rates.data?.formulas ?? {};
  return (
    <PageContainer title="好差评">
      <Space orientation="vertical" size="middle" style={{ width: "100%" }}>
        <Card
          title="评价率"
          size="small"
          extra={
            <Radio.Group
              aria-label="分组"
              size="small"
              optionType="button"
              value={groupBy}
              onChange={(e) => setSearch({ groupBy: e.target.value })}
              options={GROUP_OPTIONS.map((g) => ({ value: g.value, label: g.label }))}
            />
          }
        >
          <Table
            size="small"
            rowKey={(r) => r.key ?? "total"}
            loading={rates.isFetching}
            pagination={false}
            dataSource={rates.data ? [rates.data.total, ...rates.data.groups] : []}
            columns={[
              { title: group?.column ?? "单位", dataIndex: "label" },
              {
                title: "评价数",
                render: (_, r) => <Link to={href(r.key, "ratings")}>{r.counts.ratings}</Link>,
              },
              { title: "差评", render: (_, r) => <Link to={href(r.key, "bad")}>{r.counts.bad}</Link> },
              ...RATE_COLUMNS.map(([key, title, drill]) => ({
                title: <Tooltip title={formulas[key]}>{title}</Tooltip>,
                render: (_: unknown, r: NonNullable<typeof rates.data>["total"]) =>
                  // 未评价 counts cases, not ratings: no rating list holds them, so its parts are shown instead.
                  key === "unratedRate" ? (
                    <Tooltip title={`未主动评价 ${r.unratedCases} ÷ 应评价 ${r.cases}`}>{pct(r[key])}</Tooltip>
                  ) : (
                    <Link to={href(r.key, drill)}>{pct(r[key])}</Link>
                  ),
              })),
            ]}
          />
        </Card>
        <Card
          title={`评价记录${metric ? `（${metric}）` : ""}`}
          size="small"
          extra={Object.keys(filters).length > 0 ? <Link to={`?groupBy=${groupBy}`}>清除筛选</Link> : null}
        >
          <PagedTable
            list={list}
            size="small"
            rowKey="id"
            columns={[
              { title: "评价时间", dataIndex: "ratedAt", render: (v: string) => formatDateTime(v) },
              { title: "编号", render: (_, r) => r.subjectNo ?? "—" },
              { title: "服务", dataIndex: "subjectLabel" },
              { title: "单位", dataIndex: "unitName" },
              {
                title: "评价",
                render: (_, r) => (
                  <Space size={4}>
                    <Tag color={r.level <= 2 ? "red" : "green"}>{r.levelLabel}</Tag>
                    {r.isDefault && <Tag>默认</Tag>}
                    {r.status !== "valid" && <Tag color="orange">{RATING_STATUS_LABELS[r.status]}</Tag>}
                  </Space>
                ),
              },
              { title: "原因", render: (_, r) => [...r.reasons, r.comment].filter(Boolean).join("；") || "—" },
              {
                title: "评价人",
                render: (_, r) => (r.rater ? `${r.rater.name ?? ""} ${r.rater.phone ?? ""}` : "（不公开）"),
              },
              {
                title: "整改",
                render: (_, r) =>
                  r.rectificationWorkOrderId ? (
                    <Link to={`/work-orders/${r.rectificationWorkOrderId}`}>整改工单</Link>
                  ) : (
                    "—"
                  ),
              },
              {
                title: "",
                render: (_, r) => (
                  <Space>
                    {r.level <= 2 && r.appeal === "none" && !r.isDefault && !isSupervisor && (
                      <Button size="small" onClick={() => setActing({ rating: r, kind: "appeal" })}>
                        申诉
                      </Button>
                    )}
                    {r.appeal === "pending" && isSupervisor && (
                      <Button size="small" type="primary" onClick={() => setActing({ rating: r, kind: "decide" })}>
                        审核申诉
                      </Button>
                    )}
                  </Space>
                ),
              },
            ]}
          />
        </Card>
        {/* Below the records: the month chart's aggregate is the slowest on the embedded database. */}
        <WhenVisible minHeight={360} label="好差评图表" ready={rates.isSuccess && list.query.isSuccess}>
          <Suspense fallback={<Spin />}>
            <RatingsCharts groupBy={groupBy} />
          </Suspense>
        </WhenVisible>
        <Modal
          title={acting?.kind === "appeal" ? "申诉差评" : "审核申诉"}
          open={acting !== null}
          onCancel={() => setActing(null)}
          onOk={() => void act()}
          okText="提交"
        >
          {acting?.kind === "decide" && (
            <>
              <Typography.Paragraph>申诉理由：{acting.rating.appealReason}</Typography.Paragraph>
              <Radio.Group
                value={outcome}
                onChange={(e) => setOutcome(e.target.value)}
                style={{ marginBottom: 12 }}
                options={[
                  { value: "invalid", label: "无效差评" },
                  { value: "malicious", label: "恶意差评" },
                  { value: "rejected", label: "驳回申诉" },
                ]}
              />
            </>
          )}
          <Input.TextArea
            rows={3}
            placeholder={acting?.kind === "appeal" ? "申诉理由" : "审核意见"}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
          />
        </Modal>
      </Space>
    </PageContainer>
  );
}
