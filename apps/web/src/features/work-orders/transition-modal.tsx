import { Form, Input, InputNumber, Radio, Switch } from "antd";
import {
  SATISFACTION_LABELS,
  SATISFACTION_LEVELS,
  WO_ACTION_LABELS,
  type WoAction,
  type WorkOrder,
} from "../../../../../packages/contracts/src/work-orders.ts";
import { isApiError } from "../../api/client.ts";
import { FormModal } from "../../shared/form-modal.tsx";
import { DispatchSuggestions } from "./dispatch-suggestions.tsx";
import { DispatchUnitSelect } from "./dispatch-unit-select.tsx";
import { workOrdersApi } from "./work-orders-api.ts";

// Field names follow the transition body so the server's field errors land on them.
type Values = {
  reason?: string;
  unitId?: string;
  extensionDays?: number;
  reached?: boolean;
  satisfaction?: number;
  resolved?: boolean;
  unitAtFault?: boolean;
  praise?: boolean;
};

/** Actions the server refuses without a reason, and what the reason is called for each. */
const REQUIRED_REASON: Partial<Record<WoAction, string>> = {
  reply: "答复内容",
  reject_reply: "退回原因",
  request_return: "退单理由",
  reject_return: "驳回理由",
  request_extension: "延期理由",
  reject_extension: "驳回理由",
};

const SATISFACTION_OPTIONS = SATISFACTION_LEVELS.map((v) => ({ value: v, label: SATISFACTION_LABELS[v] }));

type Props = {
  workOrder: WorkOrder;
  action: WoAction | null;
  onClose: () => void;
  onDone: (updated: WorkOrder) => void;
  /** The ticket moved on meanwhile (409): reload it so the buttons match again. */
  onStale: () => void;
};

/** Asks for exactly what one action needs, then posts the transition. */
export function TransitionModal({ workOrder, action, onClose, onDone, onStale }: Props) {
  const [form] = Form.useForm<Values>();
  const satisfaction = Form.useWatch("satisfaction", form);
  const reached = Form.useWatch("reached", form) !== false;
  const unitId = Form.useWatch("unitId", form);

  const submit = (act: WoAction, v: Values) =>
    workOrdersApi.transition(workOrder.id, {
      action: act,
      reason: v.reason?.trim() || undefined,
      unitId: act === "dispatch" ? v.unitId : undefined,
      extensionDays: act === "approve_extension" ? v.extensionDays : undefined,
      ...(act === "follow_up" && v.reached === false
        ? { reached: false, praise: false }
        : act === "follow_up"
          ? {
              satisfaction: v.satisfaction,
              resolved: v.resolved ?? false,
              // Fault only matters for an unsatisfied caller (it opens a redo round).
              unitAtFault: (v.satisfaction ?? 5) <= 2 ? (v.unitAtFault ?? false) : false,
              praise: v.praise ?? false,
            }
          : {}),
    });

  const reasonLabel = action ? REQUIRED_REASON[action] : undefined;
  return (
    <FormModal<Values, WorkOrder>
      name="wo-transition"
      title={action ? WO_ACTION_LABELS[action] : ""}
      open={action !== null}
      onClose={onClose}
      form={form}
      width={action === "dispatch" ? 640 : 520}
      initialValues={{ reached: true, resolved: true, unitAtFault: false, praise: false, extensionDays: 5 }}
      submit={(v) => (action ? submit(action, v) : Promise.reject(new Error("no action")))}
      success={() => `${action ? WO_ACTION_LABELS[action] : "操作"}成功`}
      onDone={(updated) => onDone(updated)}
      onError={(err) => {
        if (isApiError(err) && err.status === 409) {
          onStale();
        }
      }}
    >
      {action === "dispatch" && (
        <>
          <Form.Item name="unitId" label="承办单位" rules={[{ required: true, message: "请选择承办单位" }]}>
            <DispatchUnitSelect />
          </Form.Item>
          <div style={{ marginBottom: 16 }}>
            <DispatchSuggestions
              workOrderId={workOrder.id}
              picked={unitId}
              onPick={(s) => form.setFields([{ name: "unitId", value: s.unitId, errors: [] }])}
            />
          </div>
        </>
      )}
      {action === "approve_extension" && (
        <Form.Item
          name="extensionDays"
          label="延期工作日数"
          rules={[{ required: true, message: "请填写延期工作日数" }]}
          extra="不超过原办理时限"
        >
          <InputNumber min={1} max={60} precision={0} suffix="个工作日" style={{ width: 200 }} />
        </Form.Item>
      )}
      {action === "follow_up" && (
        <Form.Item
          name="reached"
          label="回访结果"
          valuePropName="checked"
          extra="多次联系不上来电人时，记为回访未成功并办结，不计入满意率"
        >
          <Switch checkedChildren="已联系上" unCheckedChildren="未联系上" />
        </Form.Item>
      )}
      {action === "follow_up" && reached && (
        <>
          <Form.Item name="satisfaction" label="满意度" rules={[{ required: true, message: "请选择满意度" }]}>
            <Radio.Group options={SATISFACTION_OPTIONS} />
          </Form.Item>
          <Form.Item name="resolved" label="问题是否解决" valuePropName="checked">
            <Switch checkedChildren="已解决" unCheckedChildren="未解决" />
          </Form.Item>
          {satisfaction !== undefined && satisfaction <= 2 && (
            <Form.Item
              name="unitAtFault"
              label="承办单位有责"
              valuePropName="checked"
              extra="不满意且承办单位有责时，工单退回重办"
            >
              <Switch checkedChildren="有责" unCheckedChildren="无责" />
            </Form.Item>
          )}
          <Form.Item name="praise" label="市民表扬" valuePropName="checked">
            <Switch checkedChildren="表扬" unCheckedChildren="无" />
          </Form.Item>
        </>
      )}
      <Form.Item
        name="reason"
        label={reasonLabel ?? (action === "follow_up" ? "回访记录" : "备注")}
        rules={[
          ...(reasonLabel ? [{ required: true, whitespace: true, message: `请填写${reasonLabel}` }] : []),
          { max: 1000, message: "不能超过1000字" },
        ]}
      >
        <Input.TextArea rows={3} placeholder={reasonLabel ? `请填写${reasonLabel}` : "选填"} maxLength={1000} />
      </Form.Item>
    </FormModal>
  );
}
