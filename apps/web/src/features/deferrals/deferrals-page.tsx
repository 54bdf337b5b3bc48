import { useQuery, useQueryClient } from "@tanstack/react-query";
import { App, Button, Card, Descriptions, Drawer, Input, Modal, Select, Space, Tag, Timeline } from "antd";
import { useState } from "react";
import { useSearchParams } from "react-router-dom";
import {
  DEFERRAL_EVENT_LABELS,
  DEFERRAL_STATUS_LABELS,
  DEFERRAL_STATUSES,
  type DeferralStatus,
} from "../../../../../packages/contracts/src/deferrals.ts";
import { PageContainer } from "../../layout/page-container.tsx";
import { useApiErrorHandler } from "../../shared/errors.ts";
import { formatDateTime } from "../../shared/format.ts";
import { PagedTable, usePagedList } from "../../shared/paged-list.tsx";
import { useMe } from "../auth/session.tsx";
import { DeferralCreateModal } from "./deferral-create-modal.tsx";
import { deferralKeys, deferralsApi } from "./deferrals-api.ts";

const STATUS_COLORS: Record<DeferralStatus, string> = { awaiting: "orange", made_up: "green", terminated: "red" };

/** 容缺受理: cases accepted on a promise, their make-up deadlines, reminders and closing. */
export function DeferralsPage() {
  const [search, _setSearch] = useSearchParams();
  const me = useMe();
  const { message } = App.useApp();
  const handleError = useApiErrorHandler();
  const status = (search.get("status") ?? undefined) as DeferralStatus | undefined;
  const queryClient = useQueryClient();
  const list = usePagedList({ filters: { status }, queryKey: deferralKeys.list, load: deferralsApi.list });
  const [openId, setOpenId] = useState<string | null>(null);
  const detail = useQuery({
    queryKey: deferralKeys.detail(openId ?? ""),
    queryFn: ({ signal }) => deferralsApi.get(openId ?? "", signal),
    enabled: openId !== null,
  });
  const refresh = () => void queryClient.invalidateQueries({ queryKey: deferralKeys.all });
  const [creating, setCreating] = useState(false);
  const [closing, setClosing] = useState<"make_up" | "terminate" | null>(null);
  const [note, setNote] = useState("");
  const canOperate = me.grants.some((g) => g.role === "hall_staff");

  const close = async () => {
    if (!openId || !closing) {
      return;
    }
    try {
      await deferralsApi.act(openId, { action: closing, note });
      void message.success(closing === "make_up" ? "已登记材料补齐" : "已终止办理");
      setClosing(null);
      setNote("");
      refresh();
    } catch (err) {
      handleError(err);
    }
  };
  const d = openId ? detail.data : undefined;
  return (
    <PageContainer title="容缺受理">
      <Space orientation="vertical" size="middle" style={{ width: "100%" }}>
        <Card
          size="small"
          title={
            <Space>
              <span>状态</span>
              <Select<DeferralStatus | "all">
                aria-label="状态"
                style={{ width: 140 }}
                value={status ?? "all"}
                options={[
                  { value: "all", label: "全部" },
                  ...DEFERRAL_STATUSES.map((s) => ({ value: s, label: DEFERRAL_STATUS_LABELS[s] })),
                ]}
                onChange={(v) => list.setFilters(v === "all" ? {} : { status: v })}
              />
            </Space>
          }
          extra={
            canOperate && (
              <Button type="primary" onClick={() => setCreating(true)}>
                登记容缺受理
              </Button>
            )
          }
        >
          <PagedTable
            list={list}
            size="small"
            rowKey="id"
            columns={[
              { title: "办件编号", render: (_, r) => r.caseNo ?? "（未编号）" },
              {
                title: "事项",
                render: (_, r) => (
                  <Button type="link" size="small" onClick={() => setOpenId(r.id)}>
                    {r.itemName}
                  </Button>
                ),
              },
              { title: "大厅", dataIndex: "hallName" },
              { title: "申请人", render: (_, r) => `${r.personName ?? "—"}（${r.idNumber}）` },
              { title: "容缺材料", render: (_, r) => r.missingMaterials.join("、") },
              { title: "受理时间", render: (_, r) => formatDateTime(r.acceptedAt) },
              { title: "补正期限", render: (_, r) => formatDateTime(r.makeUpDueAt) },
              { title: "承诺办结", render: (_, r) => formatDateTime(r.promisedDueAt) },
              { title: "已提醒", dataIndex: "remindersSent" },
              {
                title: "状态",
                render: (_, r) => <Tag color={STATUS_COLORS[r.status]}>{DEFERRAL_STATUS_LABELS[r.status]}</Tag>,
              },
            ]}
          />
        </Card>
        <Drawer title="容缺受理详情" size="large" open={openId !== null} onClose={() => setOpenId(null)}>
          {d && (
            <Space orientation="vertical" size="middle" style={{ width: "100%" }}>
              <Descriptions column={1} size="small" bordered>
                <Descriptions.Item label="办件编号">{d.caseNo ?? "（未编号）"}</Descriptions.Item>
                <Descriptions.Item label="大厅">{d.hallName}</Descriptions.Item>
                <Descriptions.Item label="事项">{d.itemName}</Descriptions.Item>
                <Descriptions.Item label="申请人">
                  {d.personName ?? "—"}（{d.idNumber}，{d.phone ?? "未登记手机"}）
                </Descriptions.Item>
                <Descriptions.Item label="容缺材料">{d.missingMaterials.join("、")}</Descriptions.Item>
                <Descriptions.Item label="承诺书">
                  {d.promiseText}（签署于 {formatDateTime(d.promiseSignedAt)}）
                </Descriptions.Item>
                <Descriptions.Item label="补正期限">{formatDateTime(d.makeUpDueAt)}</Descriptions.Item>
                <Descriptions.Item label="承诺办结时限">
                  {formatDateTime(d.promisedDueAt)}（{d.promisedLimitDays} 个工作日）
                </Descriptions.Item>
                <Descriptions.Item label="状态">
                  <Tag color={STATUS_COLORS[d.status]} aria-label="容缺状态">
                    {DEFERRAL_STATUS_LABELS[d.status]}
                  </Tag>
                  {d.closeNote}
                </Descriptions.Item>
              </Descriptions>
              <Timeline
                items={d.events.map((e) => ({
                  content: `${formatDateTime(e.at)} ${DEFERRAL_EVENT_LABELS[e.action] ?? e.action}（${e.actorName}）${e.note ? `：${e.note}` : ""}`,
                }))}
              />
              {canOperate && d.status === "awaiting" && (
                <Space>
                  <Button type="primary" onClick={() => setClosing("make_up")}>
                    材料已补齐
                  </Button>
                  <Button danger onClick={() => setClosing("terminate")}>
                    终止办理
                  </Button>
                </Space>
              )}
            </Space>
          )}
        </Drawer>
        <Modal
          title={closing === "make_up" ? "材料已补齐" : "终止办理"}
          open={closing !== null}
          okText="确定"
          onCancel={() => setClosing(null)}
          onOk={() => void close()}
        >
          <Input.TextArea aria-label="说明" rows={3} value={note} onChange={(e) => setNote(e.target.value)} />
        </Modal>
        <DeferralCreateModal
          open={creating}
          onClose={() => setCreating(false)}
          onDone={() => {
            setCreating(false);
            void message.success("已登记容缺受理");
            refresh();
          }}
        />
      </Space>
    </PageContainer>
  );
}
