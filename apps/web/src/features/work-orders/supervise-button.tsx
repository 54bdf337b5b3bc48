import { App, Button, Form, Input, Modal } from "antd";
import { useState } from "react";
import { SUPERVISION_LABELS, type WorkOrder } from "../../../../../packages/contracts/src/work-orders.ts";
import { useApiErrorHandler } from "../../shared/errors.ts";
import { workOrdersApi } from "./work-orders-api.ts";

const MAX_LEVEL = 3;
type Props = { workOrder: WorkOrder; onDone: (updated: WorkOrder) => void };

/** Raises supervision one level: 催办 → 督办 → 通报. */
export function SuperviseButton({ workOrder, onDone }: Props) {
  const [open, setOpen] = useState(false);
  const [saving, setSaving] = useState(false);
  const [form] = Form.useForm<{ reason?: string }>();
  const { message } = App.useApp();
  const handleError = useApiErrorHandler();
  const current = workOrder.supervisionLevel;
  const next = Math.min(current + 1, MAX_LEVEL);
  const atTop = current >= MAX_LEVEL;

  const submit = async (reason: string | undefined) => {
    setSaving(true);
    try {
      const updated = await workOrdersApi.supervise(workOrder.id, reason?.trim() || undefined);
      void message.success(`已${SUPERVISION_LABELS[updated.supervisionLevel] ?? "督办"}`);
      setOpen(false);
      onDone(updated);
    } catch (err) {
      handleError(err, form);
    } finally {
      setSaving(false);
    }
  };

  return (
    <>
      <Button danger disabled={atTop} onClick={() => setOpen(true)}>
        {atTop ? "已通报" : "督办"}
      </Button>
      <Modal
        title={`升级督办：${SUPERVISION_LABELS[current] ?? current} → ${SUPERVISION_LABELS[next] ?? next}`}
        open={open}
        onOk={() => form.submit()}
        onCancel={() => setOpen(false)}
        okText={SUPERVISION_LABELS[next]}
        confirmLoading={saving}
        destroyOnHidden
      >
        <Form
          name="wo-supervise"
          form={form}
          layout="vertical"
          preserve={false}
          onFinish={(v) => void submit(v.reason)}
        >
          <Form.Item name="reason" label="督办说明" rules={[{ max: 500, message: "不能超过500字" }]}>
            <Input.TextArea rows={3} placeholder="选填，将通知承办单位" maxLength={500} />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
