import { Button, Form, Input } from "antd";
import { useState } from "react";
import { SUPERVISION_LABELS, type WorkOrder } from "../../../../../packages/contracts/src/work-orders.ts";
import { FormModal } from "../../shared/form-modal.tsx";
import { workOrdersApi } from "./work-orders-api.ts";

const MAX_LEVEL = 3;
type Props = { workOrder: WorkOrder; onDone: (updated: WorkOrder) => void };

/** Raises supervision one level: 催办 → 督办 → 通报. */
export function SuperviseButton({ workOrder, onDone }: Props) {
  const [open, setOpen] = useState(false);
  const current = workOrder.supervisionLevel;
  const next = Math.min(current + 1, MAX_LEVEL);
  const atTop = current >= MAX_LEVEL;

  return (
    <>
      <Button danger disabled={atTop} onClick={() => setOpen(true)}>
        {atTop ? "已通报" : "督办"}
      </Button>
      <FormModal<{ reason?: string }, WorkOrder>
        name="wo-supervise"
        title={`升级督办：${SUPERVISION_LABELS[current] ?? current} → ${SUPERVISION_LABELS[next] ?? next}`}
        open={open}
        onClose={() => setOpen(false)}
        okText={SUPERVISION_LABELS[next]}
        submit={(v) => workOrdersApi.supervise(workOrder.id, v.reason?.trim() || undefined)}
        success={(updated) => `已${SUPERVISION_LABELS[updated.supervisionLevel] ?? "督办"}`}
        onDone={(updated) => {
          setOpen(false);
          onDone(updated);
        }}
      >
        <Form.Item name="reason" label="督办说明" rules={[{ max: 500, message: "不能超过500字" }]}>
          <Input.TextArea rows={3} placeholder="选填，将通知承办单位" maxLength={500} />
        </Form.Item>
      </FormModal>
    </>
  );
}
