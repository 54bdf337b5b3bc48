import { PlusOutlined } from "@ant-design/icons";
import { useMutation } from "@tanstack/react-query";
import { Button, Card, Form, Input, Select, Space, Tabs, Tag, Typography } from "antd";
import dayjs from "dayjs";
import { useState } from "react";
import { Link, useSearchParams } from "react-router-dom";
import {
  type DataRequest,
  REQUEST_STATUS_LABELS,
  REQUEST_STATUSES,
} from "../../../../../packages/contracts/src/data-sharing-requests.ts";
import { PageContainer } from "../../layout/page-container.tsx";
import { useApiErrorHandler } from "../../shared/errors.ts";
import { FormModal } from "../../shared/form-modal.tsx";
import { formatDate, formatMinute } from "../../shared/format.ts";
import { PagedTable, usePagedList } from "../../shared/paged-list.tsx";
import { SecretModal } from "../api-keys/secret-modal.tsx";
import { dataApi, dataKeys } from "./data-api.ts";
import { GRANT_STATUS_COLORS, GRANT_STATUS_LABELS, REQUEST_STATUS_COLORS } from "./data-labels.ts";
import { DecisionModal } from "./decision-modal.tsx";
import { RequestFormModal } from "./request-form.tsx";

type Box = "mine" | "to_approve";
const STATUS_OPTIONS = REQUEST_STATUSES.map((s) => ({ value: s, label: REQUEST_STATUS_LABELS[s] }));
const live = (r: DataRequest) => r.grant !== null && (r.grant.status === "active" || r.grant.status === "not_started");

const DEADLINE_TAGS = {
  due_soon: { color: "orange", label: "即将到期" },
  overdue: { color: "red", label: "已超期" },
} as const;

/** The provider's deadline in working days; past it and still pending, in red; the reminder's stage as a tag. */
function Deadline({ r }: { r: DataRequest }) {
  if (!r.dueAt) {
    return <>—</>;
  }
  if (r.status !== "pending") {
    return <Typography.Text type="secondary">{formatMinute(r.dueAt)}</Typography.Text>;
  }
  const overdue = dayjs(r.dueAt).isBefore(dayjs());
  const tag = r.deadline ? DEADLINE_TAGS[r.deadline] : null;
  if (tag) {
    return (
      <Space size={4} wrap>
        <Typography.Text type={overdue ? "danger" : undefined}>{formatMinute(r.dueAt)}</Typography.Text>
        <Tag color={tag.color}>{tag.label}</Tag>
      </Space>
    );
  }
  return (
    <Typography.Text type={overdue ? "danger" : undefined}>
      {formatMinute(r.dueAt)}
      {overdue && "（已超期）"}
    </Typography.Text>
  );
}

/** 共享申请: my unit's requests and those to approve; decisions, revocations and credentials. */
export function RequestsPage() {
  const [search] = useSearchParams();
  const box: Box = search.get("box") === "to_approve" ? "to_approve" : "mine";
  const status = search.get("status") ?? undefined;
  // The workbench's 即将到期 / 已超期 counts open the list narrowed to that reminder stage.
  const deadline = search.get("deadline") ?? undefined;
  const list = usePagedList({
    filters: { box, status, deadline },
    queryKey: dataKeys.requests,
    load: dataApi.requests,
  });
  const [asking, setAsking] = useState(false);
  const [deciding, setDeciding] = useState<DataRequest | null>(null);
  const [revoking, setRevoking] = useState<DataRequest | null>(null);
  const [secret, setSecret] = useState<{ name: string; value: string } | null>(null);
  const handleError = useApiErrorHandler();
  const credential = useMutation({
    mutationFn: (r: DataRequest) => dataApi.credential(r.grant?.id ?? ""),
    onSuccess: (c, r) => setSecret({ name: `${r.resourceName} 数据服务凭证`, value: c.secret }),
    onError: (e) => handleError(e),
  });

  const actions = (r: DataRequest) => {
    if (box === "to_approve" && r.status === "pending") {
      return (
        <Button size="small" type="primary" onClick={() => setDeciding(r)}>
          审批
        </Button>
      );
    }
    if (box === "to_approve" && live(r)) {
      return (
        <Button size="small" danger onClick={() => setRevoking(r)}>
          撤销授权
        </Button>
      );
    }
    if (box === "mine" && live(r)) {
      return (
        <Button size="small" loading={credential.isPending} onClick={() => credential.mutate(r)}>
          申领凭证
        </Button>
      );
    }
    return null;
  };

  return (
    <PageContainer
      title="共享申请"
      description="本单位提出的共享申请，以及本单位作为提供方待审批的申请（审批期限按法定工作日计算）。"
    >
      <Card
        size="small"
        extra={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setAsking(true)}>
            申请共享
          </Button>
        }
        title={
          <Tabs
            activeKey={box}
            onChange={(k) => list.setFilters({ box: k === "mine" ? undefined : k, status })}
            items={[
              { key: "mine", label: "本单位的申请" },
              { key: "to_approve", label: "待我审批" },
            ]}
          />
        }
      >
        <Space style={{ marginBottom: 12 }}>
          <Select
            placeholder="状态"
            aria-label="状态"
            allowClear
            value={status}
            options={STATUS_OPTIONS}
            style={{ width: 140 }}
            onChange={(s?: string) => list.setFilters({ box: box === "mine" ? undefined : box, status: s, deadline })}
          />
          <Select
            placeholder="审批期限"
            aria-label="审批期限"
            allowClear
            value={deadline}
            options={[
              { value: "due_soon", label: "即将到期" },
              { value: "overdue", label: "已超期" },
            ]}
            style={{ width: 130 }}
            onChange={(d?: string) => list.setFilters({ box: box === "mine" ? undefined : box, status, deadline: d })}
          />
        </Space>
        <PagedTable<DataRequest>
          list={list}
          rowKey="id"
          size="small"
          unit="件"
          columns={[
            {
              title: "资源",
              render: (_: unknown, r) => <Link to={`/data/resources/${r.resourceCode}`}>{r.resourceName}</Link>,
            },
            box === "mine"
              ? { title: "提供方", dataIndex: "providerName" }
              : { title: "申请单位", dataIndex: "consumerName" },
            { title: "申请信息项", render: (_: unknown, r) => r.fields.join("、") },
            { title: "期限", render: (_: unknown, r) => `${formatDate(r.periodFrom)} 至 ${formatDate(r.periodTo)}` },
            { title: "申请时间", dataIndex: "createdAt", render: (t: string) => formatMinute(t) },
            { title: "审批期限", render: (_: unknown, r) => <Deadline r={r} /> },
            {
              title: "状态",
              render: (_: unknown, r) => (
                <Space size={4} wrap>
                  <Tag color={REQUEST_STATUS_COLORS[r.status]}>{REQUEST_STATUS_LABELS[r.status]}</Tag>
                  {r.grant && (
                    <Tag color={GRANT_STATUS_COLORS[r.grant.status]}>{GRANT_STATUS_LABELS[r.grant.status]}</Tag>
                  )}
                </Space>
              ),
            },
            {
              title: "审批结果",
              render: (_: unknown, r) =>
                r.status === "refused"
                  ? r.decisionNote
                  : r.grant &&
                    `授权 ${r.grant.fields.join("、")}${r.grant.conditions ? `；条件：${r.grant.conditions}` : ""}`,
            },
            { title: "操作", width: 100, render: (_: unknown, r) => actions(r) },
          ]}
        />
      </Card>
      <RequestFormModal open={asking} onClose={() => setAsking(false)} onDone={() => setAsking(false)} />
      <DecisionModal request={deciding} onClose={() => setDeciding(null)} />
      <FormModal<{ reason: string }>
        title={revoking ? `撤销授权 — ${revoking.consumerName} 使用 ${revoking.resourceName}` : "撤销授权"}
        name="data-revoke"
        open={revoking !== null}
        onClose={() => setRevoking(null)}
        submit={(v) => dataApi.revoke(revoking?.grant?.id ?? "", v.reason)}
        success={() => "授权已撤销，使用方的调用将立即被拒绝"}
        invalidates={[dataKeys.all]}
        onDone={() => setRevoking(null)}
        okText="撤销"
      >
        <Form.Item name="reason" label="撤销理由" rules={[{ required: true, message: "请填写撤销理由" }]}>
          <Input.TextArea rows={3} />
        </Form.Item>
      </FormModal>
      <SecretModal secret={secret} onClose={() => setSecret(null)} />
    </PageContainer>
  );
}
