import { Form, Input, InputNumber, Modal } from "antd";
import type { EvaluationItem } from "../../../../../packages/contracts/src/self-evaluation.ts";
import { useApiErrorHandler } from "../../shared/errors.ts";

/** Officer's score for a manual item, with the written reason the rules require. */
export function ScoreModal(props: {
  item: EvaluationItem | null;
  onCancel: () => void;
  onSave: (score: number, justification: string) => Promise<void>;
}) {
  const [form] = Form.useForm<{ score: number; justification: string }>();
  const handleError = useApiErrorHandler();
  const item = props.item;
  return (
    <Modal
      title={item ? `评分：${item.code} ${item.name}（分值 ${item.maxPoints} 分）` : ""}
      open={item !== null}
      onCancel={props.onCancel}
      okText="保存"
      destroyOnHidden
      onOk={() =>
        form
          .validateFields()
          .then((v) => props.onSave(v.score, v.justification))
          .catch((err: unknown) => {
            if (err && typeof err === "object" && "errorFields" in err) {
              return;
            }
            handleError(err, form);
          })
      }
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={{ score: item?.score ?? undefined, justification: item?.justification ?? "" }}
      >
        <Form.Item name="score" label="得分" rules={[{ required: true, message: "请填写得分" }]}>
          <InputNumber min={item?.minPoints ?? 0} max={item?.maxPoints ?? 100} step={0.5} style={{ width: 160 }} />
        </Form.Item>
        <Form.Item
          name="justification"
          label="评分理由"
          rules={[{ required: true, min: 4, message: "请写明评分理由（至少4个字）" }]}
          extra={item?.evidence ? `佐证材料：${item.evidence}` : undefined}
        >
          <Input.TextArea rows={4} maxLength={2000} showCount />
        </Form.Item>
      </Form>
    </Modal>
  );
}
