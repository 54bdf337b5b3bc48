import { useQuery, useQueryClient } from "@tanstack/react-query";
import {
  Alert,
  App,
  Button,
  Card,
  Descriptions,
  Empty,
  Input,
  Modal,
  Select,
  Space,
  Table,
  Tag,
  Typography,
} from "antd";
import { useState } from "react";
import { useNavigate, useParams, useSearchParams } from "react-router-dom";
import {
  EVALUATION_STATUS_LABELS,
  type Evaluation,
  type EvaluationItem,
} from "../../../../../packages/contracts/src/self-evaluation.ts";
import { PageContainer } from "../../layout/page-container.tsx";
import { useApiErrorHandler } from "../../shared/errors.ts";
import { formatDateTime } from "../../shared/format.ts";
import { PageLoading } from "../../shared/results.tsx";
import { useBudgetYears } from "../budget/use-budget-years.ts";
import { YearSelect } from "../budget/year-select.tsx";
import { evaluationKeys, evaluationsApi } from "./evaluations-api.ts";
import { ScoreModal } from "./score-modal.tsx";

const RULE_TAGS: Record<string, { color: string; label: string }> = {
  sum: { color: "default", label: "汇总" },
  manual: { color: "orange", label: "人工评分" },
};

function ItemsTable({ ev, onScore }: { ev: Evaluation; onScore: (i: EvaluationItem) => void }) {
  const depth = (code: string) => code.split(".").length - 1;
  return (
    <Table
      size="small"
      rowKey="code"
      pagination={false}
      dataSource={ev.items}
      onRow={(i) => ({ id: `item-${i.code}` })}
      columns={[
        {
          title: "指标",
          render: (_, i) => (
            <span style={{ paddingLeft: depth(i.code) * 20, fontWeight: depth(i.code) < 2 ? 600 : 400 }}>
              {i.code} {i.name}
            </span>
          ),
        },
        { title: "分值", dataIndex: "maxPoints", width: 70, align: "right" },
        {
          title: "得分",
          width: 90,
          align: "right",
          render: (_, i) =>
            i.score === null ? (
              <Tag color="red">未评</Tag>
            ) : (
              <span title={i.capped ? `合计 ${i.rawSum}，按分值封顶` : undefined}>
                {i.score}
                {i.capped ? " *" : ""}
              </span>
            ),
        },
        {
          title: "方式",
          width: 90,
          render: (_, i) => {
            const t = RULE_TAGS[i.rule] ?? { color: "blue", label: "自动计分" };
            return <Tag color={t.color}>{t.label}</Tag>;
          },
        },
        { title: "计算过程 / 评分理由", render: (_, i) => i.computation ?? i.justification ?? "" },
        {
          title: "",
          width: 80,
          render: (_, i) =>
            ev.can.edit && i.rule === "manual" ? (
              <Button size="small" onClick={() => onScore(i)}>
                评分
              </Button>
            ) : null,
        },
      ]}
    />
  );
}

/** 绩效自评: the scoring tree of a year's version, its workflow and versions. */
export function EvaluationsPage() {
  const { id } = useParams();
  const [search, setSearch] = useSearchParams();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const handleError = useApiErrorHandler();
  const queryClient = useQueryClient();
  const { query: years, list, year } = useBudgetYears(Number(search.get("year")));
  const versions = useQuery({
    queryKey: evaluationKeys.list(year ?? 0),
    queryFn: ({ signal }) => evaluationsApi.list(year ?? 0, signal),
    enabled: year !== undefined && !id,
  });
  const currentId = id ?? versions.data?.[0]?.id;
  const ev = useQuery({
    queryKey: evaluationKeys.detail(currentId ?? ""),
    queryFn: ({ signal }) => evaluationsApi.get(currentId ?? "", signal),
    enabled: currentId !== undefined,
  });
  // A new version, a score or a step moves the list of versions, the comparison and the report.
  const changed = () => {
    void queryClient.invalidateQueries({ queryKey: evaluationKeys.all });
    void queryClient.invalidateQueries({ queryKey: ["reports"] });
  };
  const [scoring, setScoring] = useState<EvaluationItem | null>(null);
  const [reason, setReason] = useState("");
  const [returning, setReturning] = useState(false);

  const act = async (fn: () => Promise<Evaluation>, done: string) => {
    try {
      const next = await fn();
      void message.success(done);
      void navigate(`/evaluations/${next.id}`);
      changed();
    } catch (err) {
      handleError(err);
    }
  };
  if (years.isLoading || versions.isLoading || (currentId && ev.isLoading)) {
    return <PageLoading />;
  }
  const e = ev.data;
  return (
    <PageContainer
      title="部门整体支出绩效自评"
      extra={!id && <YearSelect years={list} value={year} onChange={(y) => setSearch({ year: String(y) })} />}
    >
      <Space orientation="vertical" size="middle" style={{ width: "100%" }}>
        {!e ? (
          <Empty description={year ? `${year} 年度尚未开展自评` : "尚无预算年度：请先在「预算绩效」中新建预算年度"}>
            {year && (
              <Button type="primary" onClick={() => void act(() => evaluationsApi.create(year), "已建立评分表")}>
                开展 {year} 年度自评
              </Button>
            )}
          </Empty>
        ) : (
          <>
            <Card>
              <Descriptions size="small" column={{ xs: 1, md: 4 }}>
                <Descriptions.Item label="年度">{e.year}</Descriptions.Item>
                <Descriptions.Item label="版本">第 {e.version} 版</Descriptions.Item>
                <Descriptions.Item label="状态">
                  <Tag color={e.status === "approved" ? "green" : e.status === "submitted" ? "blue" : "default"}>
                    {EVALUATION_STATUS_LABELS[e.status]}
                  </Tag>
                </Descriptions.Item>
                <Descriptions.Item label="总分 / 等级">
                  {e.total ?? "—"} / {e.grade ?? "—"}
                </Descriptions.Item>
                {e.contentHash && (
                  <Descriptions.Item label="快照哈希" span="filled">
                    <Typography.Text code copyable>
                      {e.contentHash}
                    </Typography.Text>{" "}
                    {e.hashValid ? <Tag color="green">校验一致</Tag> : <Tag color="red">快照已被改动</Tag>}
                    {e.approvedBy && `（${e.approvedBy} 审定于 ${formatDateTime(e.approvedAt)}）`}
                  </Descriptions.Item>
                )}
              </Descriptions>
              <Space wrap style={{ marginTop: 12 }}>
                {e.can.submit && (
                  <Button
                    type="primary"
                    onClick={() => void act(() => evaluationsApi.act(e.id, "submit"), "已提交审定")}
                  >
                    提交审定
                  </Button>
                )}
                {e.can.approve && (
                  <Button type="primary" onClick={() => void act(() => evaluationsApi.act(e.id, "approve"), "已审定")}>
                    审定
                  </Button>
                )}
                {e.can.approve && <Button onClick={() => setReturning(true)}>退回修改</Button>}
                {e.can.revise && (
                  <Button onClick={() => void act(() => evaluationsApi.act(e.id, "revise"), "已新建版本")}>
                    新建版本
                  </Button>
                )}
                <VersionCompare year={e.year} current={e} />
              </Space>
              {e.missing.length > 0 && e.status === "draft" && (
                <Alert
                  style={{ marginTop: 12 }}
                  type="warning"
                  showIcon
                  title={`尚有 ${e.missing.length} 项未评分：${e.missing.join("、")}`}
                />
              )}
            </Card>
            <ItemsTable ev={e} onScore={setScoring} />
            <ScoreModal evaluationId={e.id} item={scoring} onClose={() => setScoring(null)} />
            <Modal
              title="退回修改"
              open={returning}
              onCancel={() => setReturning(false)}
              okText="退回"
              onOk={() =>
                void act(() => evaluationsApi.sendBack(e.id, reason), "已退回").then(() => setReturning(false))
              }
            >
              <Input.TextArea
                rows={3}
                placeholder="退回原因"
                value={reason}
                onChange={(x) => setReason(x.target.value)}
              />
            </Modal>
          </>
        )}
      </Space>
    </PageContainer>
  );
}

function VersionCompare({ year, current }: { year: number; current: Evaluation }) {
  const versions = useQuery({
    queryKey: evaluationKeys.list(year),
    queryFn: ({ signal }) => evaluationsApi.list(year, signal),
  });
  const [other, setOther] = useState<string | undefined>(undefined);
  const cmp = useQuery({
    queryKey: evaluationKeys.compare(other ?? "", current.id),
    queryFn: ({ signal }) => evaluationsApi.compare(other ?? "", current.id, signal),
    enabled: other !== undefined,
  });
  const options = (versions.data ?? [])
    .filter((v) => v.id !== current.id)
    .map((v) => ({ value: v.id, label: `与第 ${v.version} 版比较` }));
  if (options.length === 0) {
    return null;
  }
  return (
    <>
      <Select
        style={{ width: 160 }}
        placeholder="比较版本"
        options={options}
        value={other}
        onChange={setOther}
        allowClear
      />
      {cmp.data && (
        <Table
          size="small"
          rowKey={(c) => `${c.code}-${c.field}`}
          pagination={false}
          dataSource={cmp.data.changes}
          title={() =>
            `第 ${cmp.data?.from.version} 版 ${cmp.data?.from.total ?? "—"} 分 → 第 ${cmp.data?.to.version} 版 ${cmp.data?.to.total ?? "—"} 分`
          }
          columns={[
            { title: "指标", render: (_, c) => `${c.code} ${c.name}` },
            { title: "变化", dataIndex: "field" },
            { title: "原", dataIndex: "before" },
            { title: "新", dataIndex: "after" },
          ]}
        />
      )}
    </>
  );
}
