import { SafetyCertificateOutlined } from "@ant-design/icons";
import { Alert, Button, Card, Descriptions, type TableColumnsType, Tag, Tooltip, Typography } from "antd";
import { useState } from "react";
import { useSearchParams } from "react-router-dom";
import type { AuditEntry, AuditVerify } from "../../../../../packages/contracts/src/audit.ts";
import { PageContainer } from "../../layout/page-container.tsx";
import { useApiErrorHandler } from "../../shared/errors.ts";
import { formatDateTime } from "../../shared/format.ts";
import { PagedTable, RefreshButton, usePagedList } from "../../shared/paged-list.tsx";
import { compactParams } from "../../shared/url-params.ts";
import { auditApi, auditKeys } from "./audit-api.ts";
import { AuditFilterForm, type AuditFilters } from "./audit-filter-form.tsx";
import { ACTION_LABELS, ACTOR_TYPE_LABELS, ENTITY_LABELS } from "./audit-labels.ts";
import { describeSummary, summaryText } from "./audit-summary.ts";

const MONO = { fontFamily: "SFMono-Regular, Consolas, 'Liberation Mono', Menlo, monospace", fontSize: 12 };

function SummaryDetail({ entry }: { entry: AuditEntry }) {
  return (
    <Descriptions
      size="small"
      column={1}
      bordered
      styles={{ label: { width: 120 } }}
      items={[
        ...describeSummary(entry.action, entry.summary).map((line, i) => ({
          key: `s${i}-${line.key}`,
          label: line.label,
          children: <span style={{ whiteSpace: "pre-wrap" }}>{line.text}</span>,
        })),
        {
          key: "raw",
          label: "原始记录",
          children: (
            <pre style={{ ...MONO, margin: 0, whiteSpace: "pre-wrap" }}>
              {entry.action} {JSON.stringify(entry.summary, null, 2)}
            </pre>
          ),
        },
        { key: "entity", label: "对象ID", children: <span style={MONO}>{entry.entityId ?? "—"}</span> },
        { key: "actor", label: "操作人ID", children: <span style={MONO}>{entry.actorId ?? "—"}</span> },
        { key: "request", label: "请求ID", children: <span style={MONO}>{entry.requestId ?? "—"}</span> },
        { key: "hash", label: "哈希", children: <span style={{ ...MONO, wordBreak: "break-all" }}>{entry.hash}</span> },
      ]}
    />
  );
}

const columns: TableColumnsType<AuditEntry> = [
  { title: "时间", dataIndex: "at", width: 170, render: (v: string) => formatDateTime(v) },
  {
    title: "操作人",
    key: "actor",
    width: 160,
    render: (_v, e) => (
      <>
        {e.actorName ?? e.actorId ?? "—"}
        {e.actorType !== "user" && (
          <Tag style={{ marginInlineStart: 6 }} color={e.actorType === "api_key" ? "purple" : "default"}>
            {ACTOR_TYPE_LABELS[e.actorType]}
          </Tag>
        )}
      </>
    ),
  },
  {
    title: "操作",
    dataIndex: "action",
    width: 170,
    render: (action: string) => (
      <Tooltip title={action}>
        <span>{ACTION_LABELS[action] ?? action}</span>
      </Tooltip>
    ),
  },
  {
    title: "对象",
    key: "entity",
    width: 150,
    render: (_v, e) => (
      <Tooltip title={e.entityId ?? undefined}>
        <span>
          {ENTITY_LABELS[e.entityType] ?? e.entityType}
          {e.entityId && (
            <Typography.Text type="secondary" style={MONO}>
              {" "}
              {e.entityId.slice(0, 8)}
            </Typography.Text>
          )}
        </span>
      </Tooltip>
    ),
  },
  {
    title: "摘要",
    key: "summary",
    ellipsis: true,
    render: (_v, e) => (
      <Tooltip title={<span style={MONO}>{JSON.stringify(e.summary)}</span>}>
        <span>{summaryText(e.action, e.summary) || "—"}</span>
      </Tooltip>
    ),
  },
  {
    title: "请求ID",
    dataIndex: "requestId",
    width: 130,
    render: (v: string | null) =>
      v ? (
        <Typography.Text style={MONO} copyable={{ text: v, tooltips: ["复制", "已复制"] }}>
          {v.slice(0, 8)}
        </Typography.Text>
      ) : (
        "—"
      ),
  },
  {
    title: "哈希",
    dataIndex: "hash",
    width: 140,
    render: (v: string) => (
      <Typography.Text style={MONO} copyable={{ text: v, tooltips: ["复制", "已复制"] }}>
        {v.slice(0, 10)}
      </Typography.Text>
    ),
  },
];

function VerifyResult({ result, onClose }: { result: AuditVerify; onClose: () => void }) {
  const closable = { onClose };
  if (result.ok) {
    return (
      <Alert
        type="success"
        showIcon
        closable={closable}
        title={`已校验 ${result.checked} 条，哈希链完整`}
        style={{ marginBottom: 16 }}
      />
    );
  }
  return (
    <Alert
      type="error"
      showIcon
      closable={closable}
      title={`哈希链校验失败：首个异常记录 ID 为 ${result.firstBrokenId ?? "未知"}（已校验 ${result.checked} 条）`}
      description={result.reason ?? undefined}
      style={{ marginBottom: 16 }}
    />
  );
}

export function AuditPage() {
  const [params] = useSearchParams();
  const filters: AuditFilters = {
    action: params.get("action") ?? undefined,
    entityType: params.get("entityType") ?? undefined,
    actor: params.get("actor") ?? undefined,
    from: params.get("from") ?? undefined,
    to: params.get("to") ?? undefined,
  };
  const [verifying, setVerifying] = useState(false);
  const [verifyResult, setVerifyResult] = useState<AuditVerify | null>(null);
  const handleError = useApiErrorHandler();

  // The query string is the single source of truth, so filters survive reloads and can be shared.
  const list = usePagedList({ filters, queryKey: auditKeys.list, load: auditApi.list });
  const filterKey = compactParams({ ...filters }).toString();

  const verify = async () => {
    setVerifying(true);
    try {
      setVerifyResult(await auditApi.verify());
    } catch (err) {
      handleError(err);
    } finally {
      setVerifying(false);
    }
  };

  return (
    <PageContainer
      title="审计日志"
      description="记录登录、账号、授权、工单、预约、目录、预算等每一项改动；鼠标悬停可见原始代码。日志以哈希链串联，可校验是否被篡改。"
      extra={
        <Button icon={<SafetyCertificateOutlined />} loading={verifying} onClick={() => void verify()}>
          校验哈希链
        </Button>
      }
    >
      {/* Remounted when the URL's filters change (e.g. back button) so the form shows them. */}
      <AuditFilterForm key={filterKey} value={filters} onSearch={(f) => list.setFilters(f)} />
      {verifyResult && <VerifyResult result={verifyResult} onClose={() => setVerifyResult(null)} />}
      <Card title="日志列表" extra={<RefreshButton list={list} />}>
        <PagedTable<AuditEntry>
          list={list}
          rowKey="id"
          size="middle"
          columns={columns}
          scroll={{ x: 1200 }}
          expandable={{ expandedRowRender: (e) => <SummaryDetail entry={e} /> }}
        />
      </Card>
    </PageContainer>
  );
}
