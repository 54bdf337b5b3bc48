import { Form, Input, InputNumber } from "antd";
import type { Evaluation, EvaluationItem } from "../../../../../packages/contracts/src/self-evaluation.ts";
import { FormModal } from "../../shared/form-modal.tsx";
import { evaluationKeys, evaluationsApi } from "./evaluations-api.ts";

type Values = { score: number; justification: string };
type Props = { evaluationId: string; item: EvaluationItem | null; onClose: () => void };

/** Officer's score for a manual item, with the written reason the rules require. */
export function ScoreModal({ evaluationId, item, onClose }: Props) {
  return (
    <FormModal<Values, Evaluation>
      title={item ? `评分：${item.code} ${item.name}（分值 ${item.maxPoints} 分）` : ""}
      open={item !== null}
      onClose={onClose}
      okText="保存"
      initialValues={{ score: item?.score ?? undefined, justification: item?.justification ?? "" }}
      submit={(v) => evaluationsApi.updateItem(evaluationId, item?.code ?? "", v)}
      // A score moves the evaluation's totals and the report's figures.
      invalidates={[evaluationKeys.all, ["reports"]]}
      onDone={onClose}
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
    </FormModal>
  );
}
