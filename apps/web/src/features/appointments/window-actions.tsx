import { Button, Card, Descriptions, Form, Input, Select, Space, Tag, Typography } from "antd";
import { useState } from "react";
import {
  CASE_RESULT_LABELS,
  CASE_RESULTS,
  type CaseResult,
  type HallDetail,
  MAX_EXTRA_ITEMS,
  TICKET_STATUS_LABELS,
  type Ticket,
  type WindowActionInput,
} from "../../../../../packages/contracts/src/appointments.ts";
import { useApiErrorHandler } from "../../shared/errors.ts";
import { FormModal } from "../../shared/form-modal.tsx";
import { formatDateTime } from "../../shared/format.ts";
import { DeferralCreateModal } from "../deferrals/deferral-create-modal.tsx";
import { hallApi } from "./appointments-api.ts";

type FinishValues = { result: CaseResult; note?: string; extraItemCodes?: string[] };

type Props = {
  hall: HallDetail;
  windowId: string;
  current: Ticket | null;
  maxCalls: number;
  onDone: (message: string) => void;
};

/** The window's current visitor and what the staff member can do next. */
export function WindowActions({ hall, windowId, current, maxCalls, onDone }: Props) {
  const [busy, setBusy] = useState(false);
  const [finishing, setFinishing] = useState(false);
  const [transferring, setTransferring] = useState(false);
  // A case finished as 容缺受理 goes straight on to recording the applicant's promise.
  const [deferCaseId, setDeferCaseId] = useState<string | null>(null);
  const group = hall.groups.find((g) => g.id === current?.groupId);
  const extraItems = (group?.items ?? []).filter((i) => i.itemName !== current?.itemName);
  const handleError = useApiErrorHandler();

  const after = (input: WindowActionInput, message: string, r: { caseIds: string[] }) => {
    onDone(message);
    if (input.action === "finish" && input.result === "deferred" && r.caseIds[0]) {
      setDeferCaseId(r.caseIds[0]);
    }
  };

  const act = async (input: WindowActionInput, message: (t: Ticket | null) => string) => {
    setBusy(true);
    try {
      const r = await hallApi.act(windowId, input);
      after(input, message(r.ticket), r);
    } catch (err) {
      handleError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card title="当前办理">
      {current ? (
        <Descriptions column={2} size="small">
          <Descriptions.Item label="号码">
            <Typography.Text strong style={{ fontSize: 20 }} aria-label="当前号码">
              {current.number}
            </Typography.Text>
          </Descriptions.Item>
          <Descriptions.Item label="状态">
            <Tag color={current.status === "serving" ? "green" : "blue"} aria-label="办理状态">
              {TICKET_STATUS_LABELS[current.status]}
            </Tag>
          </Descriptions.Item>
          <Descriptions.Item label="事项">{current.itemName}</Descriptions.Item>
          <Descriptions.Item label="类型">{current.kind === "booking" ? "预约" : "现场"}</Descriptions.Item>
          <Descriptions.Item label="办事人">{current.personName ?? "—"}</Descriptions.Item>
          <Descriptions.Item label="叫号">
            {current.callCount} / {maxCalls} 次，{formatDateTime(current.calledAt)}
          </Descriptions.Item>
        </Descriptions>
      ) : (
        <Typography.Paragraph type="secondary">本窗口空闲，可叫下一位。</Typography.Paragraph>
      )}
      <Space wrap style={{ marginTop: 12 }}>
        <Button
          type="primary"
          disabled={!!current}
          loading={busy}
          onClick={() => void act({ action: "call_next" }, (t) => `已叫号 ${t?.number ?? ""}`)}
        >
          叫下一位
        </Button>
        <Button
          disabled={current?.status !== "called"}
          loading={busy}
          onClick={() => void act({ action: "recall" }, (t) => `已重呼 ${t?.number ?? ""}`)}
        >
          重呼
        </Button>
        <Button
          disabled={current?.status !== "called" || current.callCount < maxCalls}
          loading={busy}
          onClick={() => void act({ action: "skip" }, (t) => `${t?.number ?? ""} 已过号`)}
        >
          过号
        </Button>
        <Button
          disabled={current?.status !== "called"}
          loading={busy}
          onClick={() => void act({ action: "start" }, (t) => `开始办理 ${t?.number ?? ""}`)}
        >
          开始办理
        </Button>
        <Button disabled={!current} onClick={() => setTransferring(true)}>
          转窗口
        </Button>
        <Button type="primary" disabled={current?.status !== "serving"} onClick={() => setFinishing(true)}>
          办结
        </Button>
      </Space>
      <FormModal<FinishValues, { input: WindowActionInput; ticket: Ticket | null; caseIds: string[] }>
        name="finish-case"
        title="办结"
        open={finishing}
        onClose={() => setFinishing(false)}
        initialValues={{ result: "completed" }}
        submit={async (v) => {
          const input: WindowActionInput = {
            action: "finish",
            result: v.result,
            note: v.note,
            extraItemCodes: v.extraItemCodes ?? [],
          };
          return { input, ...(await hallApi.act(windowId, input)) };
        }}
        onDone={(r) => {
          setFinishing(false);
          after(r.input, `${r.ticket?.number ?? ""} 已办结，办件已登记`, r);
        }}
      >
        <Form.Item name="result" label="办理结果" rules={[{ required: true }]}>
          <Select options={CASE_RESULTS.map((r) => ({ value: r, label: CASE_RESULT_LABELS[r] }))} />
        </Form.Item>
        {extraItems.length > 0 && (
          <Form.Item name="extraItemCodes" label={`同时办理的其他事项（最多 ${MAX_EXTRA_ITEMS} 项，各记一笔办件）`}>
            <Select
              mode="multiple"
              maxCount={MAX_EXTRA_ITEMS}
              options={extraItems.map((i) => ({ value: i.itemCode, label: i.itemName }))}
            />
          </Form.Item>
        )}
        <Form.Item name="note" label="备注">
          <Input.TextArea maxLength={500} rows={2} />
        </Form.Item>
      </FormModal>
      <DeferralCreateModal
        open={deferCaseId !== null}
        caseId={deferCaseId ?? undefined}
        onClose={() => setDeferCaseId(null)}
        onDone={() => {
          setDeferCaseId(null);
          onDone("容缺受理已登记，已进入补正期限提醒");
        }}
      />
      <FormModal<{ groupId: string }, Ticket | null>
        name="transfer-ticket"
        title="转窗口"
        open={transferring}
        onClose={() => setTransferring(false)}
        submit={async (v) => (await hallApi.act(windowId, { action: "transfer", groupId: v.groupId })).ticket}
        onDone={(t) => {
          setTransferring(false);
          onDone(`${t?.number ?? ""} 已转出`);
        }}
      >
        <Form.Item name="groupId" label="转往窗口组" rules={[{ required: true, message: "请选择窗口组" }]}>
          <Select
            options={hall.groups
              .filter((g) => g.id !== current?.groupId)
              .map((g) => ({ value: g.id, label: `${g.prefix} ${g.name}` }))}
          />
        </Form.Item>
      </FormModal>
    </Card>
  );
}
