import { Button, Card, Descriptions, Popconfirm, Space, Tag, Typography } from "antd";
import { useState } from "react";
import {
  SATISFACTION_LABELS,
  WO_CATEGORY_LABELS,
  WO_CHANNEL_LABELS,
  WO_KIND_LABELS,
  WO_URGENCY_LABELS,
  type WorkOrder,
} from "../../../../../packages/contracts/src/work-orders.ts";
import { useApiErrorHandler } from "../../shared/errors.ts";
import { formatDateTime } from "../../shared/format.ts";
import { SupervisionTag } from "./work-order-tags.tsx";
import { workOrdersApi } from "./work-orders-api.ts";

type Contact = { name: string | null; phone: string | null; merged: boolean };

/** Masked caller plus 查看完整联系方式, which reads the audited contacts endpoint. */
function CallerContacts({ workOrder, canReveal }: { workOrder: WorkOrder; canReveal: boolean }) {
  const [contacts, setContacts] = useState<Contact[] | null>(null);
  const [loading, setLoading] = useState(false);
  const handleError = useApiErrorHandler();

  const reveal = async () => {
    setLoading(true);
    try {
      setContacts((await workOrdersApi.contacts(workOrder.id)).items);
    } catch (err) {
      handleError(err);
    } finally {
      setLoading(false);
    }
  };

  if (contacts) {
    return (
      <Space orientation="vertical" size={2}>
        {contacts.map((c) => (
          <span key={`${c.name ?? ""}:${c.phone ?? ""}:${c.merged}`}>
            {[c.name, c.phone].filter(Boolean).join(" ") || "—"}
            {c.merged && (
              <Tag style={{ marginInlineStart: 6 }} color="default">
                合并件
              </Tag>
            )}
          </span>
        ))}
      </Space>
    );
  }
  const masked = [workOrder.callerName, workOrder.callerPhone].filter(Boolean).join(" ");
  return (
    <Space>
      <span>{masked || "—"}</span>
      {canReveal && (workOrder.callerName || workOrder.callerPhone) && (
        <Popconfirm
          title="查看完整联系方式"
          description="查看完整联系方式将记入审计日志"
          okText="确认查看"
          onConfirm={() => void reveal()}
        >
          <Button type="link" size="small" loading={loading}>
            查看完整联系方式
          </Button>
        </Popconfirm>
      )}
    </Space>
  );
}

function yesNo(v: boolean | null): string {
  return v === null ? "—" : v ? "是" : "否";
}

type Props = { workOrder: WorkOrder; canRevealContacts: boolean };

const COLUMNS = { xs: 1, md: 2, xxl: 3 };
// Long texts take a whole row at every width.
const FULL_ROW = COLUMNS;

export function WorkOrderDescriptions({ workOrder: wo, canRevealContacts }: Props) {
  const place = [wo.townName, wo.communityName, wo.address].filter(Boolean).join(" / ");
  return (
    <Card title="工单信息" style={{ marginBottom: 16 }}>
      <Descriptions
        bordered
        size="small"
        column={COLUMNS}
        styles={{ label: { width: 110 } }}
        items={[
          { key: "number", label: "工单号", children: wo.number },
          { key: "externalNo", label: "市平台工单号", children: wo.externalNo ?? "—" },
          { key: "kind", label: "工单类型", children: WO_KIND_LABELS[wo.kind] },
          { key: "category", label: "诉求分类", children: WO_CATEGORY_LABELS[wo.category] },
          {
            key: "urgency",
            label: "紧急程度",
            children: wo.urgency === "urgent" ? <Tag color="red">紧急</Tag> : WO_URGENCY_LABELS[wo.urgency],
          },
          { key: "channel", label: "来源渠道", children: WO_CHANNEL_LABELS[wo.channel] },
          { key: "receivedAt", label: "受理时间", children: formatDateTime(wo.receivedAt) },
          { key: "acceptDueAt", label: "签收期限", children: formatDateTime(wo.acceptDueAt) },
          // Fills what is left of its row, so the full rows below start on a fresh line at every width.
          { key: "closeDueAt", label: "办结期限", span: "filled", children: formatDateTime(wo.closeDueAt) },
          {
            key: "caller",
            label: "来电人",
            span: FULL_ROW,
            children: <CallerContacts key={wo.id} workOrder={wo} canReveal={canRevealContacts} />,
          },
          { key: "place", label: "事发地点", span: FULL_ROW, children: place || "—" },
          { key: "title", label: "标题", span: FULL_ROW, children: wo.title },
          {
            key: "content",
            label: "诉求内容",
            span: FULL_ROW,
            children: (
              <Typography.Paragraph style={{ margin: 0, whiteSpace: "pre-wrap" }}>{wo.content}</Typography.Paragraph>
            ),
          },
          { key: "unit", label: "承办单位", children: wo.unitName ?? "未派单" },
          { key: "acceptedAt", label: "签收时间", children: formatDateTime(wo.acceptedAt) },
          { key: "repliedAt", label: "答复时间", children: formatDateTime(wo.repliedAt) },
          { key: "closedAt", label: "办结时间", children: formatDateTime(wo.closedAt) },
          {
            key: "supervision",
            label: "督办",
            children: wo.supervisionLevel > 0 ? <SupervisionTag level={wo.supervisionLevel} /> : "无",
          },
          {
            key: "counts",
            label: "延期/退单/重办",
            children: `${wo.extensionCount} / ${wo.returnCount}（不当 ${wo.improperReturnCount}） / ${wo.redoCount}`,
          },
          {
            key: "satisfaction",
            label: "满意度",
            children: wo.satisfaction === null ? "—" : (SATISFACTION_LABELS[wo.satisfaction] ?? wo.satisfaction),
          },
          { key: "resolved", label: "是否解决", children: yesNo(wo.resolved) },
          { key: "praise", label: "表扬", children: wo.praise ? <Tag color="green">表扬</Tag> : "否" },
          {
            key: "keywords",
            label: "关键词",
            children: wo.keywords.length ? wo.keywords.map((k) => <Tag key={k}>{k}</Tag>) : "—",
          },
          {
            key: "campaigns",
            label: "专项标签",
            children: wo.campaignTags.length
              ? wo.campaignTags.map((t) => (
                  <Tag key={t} color="purple">
                    {t}
                  </Tag>
                ))
              : "—",
          },
        ]}
      />
    </Card>
  );
}
