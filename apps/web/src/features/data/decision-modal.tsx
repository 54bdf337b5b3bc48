import { Checkbox, Col, DatePicker, Form, Input, Radio, Row, Switch, Typography } from "antd";
import dayjs, { type Dayjs } from "dayjs";
import type { DataRequest, DecisionInput } from "../../../../../packages/contracts/src/data-sharing-requests.ts";
import { FormModal } from "../../shared/form-modal.tsx";
import { dataApi, dataKeys } from "./data-api.ts";

type Values = {
  decision: "approve" | "refuse";
  fields?: string[];
  periodFrom?: Dayjs;
  periodTo?: Dayjs;
  conditions?: string;
  personal?: boolean;
  reason?: string;
};

function toInput(v: Values): DecisionInput {
  if (v.decision === "refuse") {
    return { decision: "refuse", reason: v.reason ?? "" };
  }
  return {
    decision: "approve",
    fields: v.fields,
    periodFrom: v.periodFrom?.format("YYYY-MM-DD"),
    periodTo: v.periodTo?.format("YYYY-MM-DD"),
    conditions: v.conditions ?? "",
    personal: v.personal ?? false,
  };
}

type Props = { request: DataRequest | null; onClose: () => void };

/** The provider's decision: approve (possibly fewer fields, a shorter period, conditions) or refuse with a reason. */
export function DecisionModal({ request, onClose }: Props) {
  const [form] = Form.useForm<Values>();
  const decision = Form.useWatch("decision", form);
  const r = request;
  return (
    <FormModal<Values, DataRequest>
      title={r ? `审批共享申请 — ${r.consumerName} 申请 ${r.resourceName}` : "审批共享申请"}
      name="data-decision"
      open={r !== null}
      onClose={onClose}
      form={form}
      width={680}
      submit={(v) => dataApi.decide(r?.id ?? "", toInput(v))}
      success={(x) => (x.status === "granted" ? "已同意，授权已生效" : "已拒绝申请")}
      invalidates={[dataKeys.all]}
      onDone={onClose}
      initialValues={
        r
          ? {
              decision: "approve",
              fields: r.fields,
              periodFrom: dayjs(r.periodFrom),
              periodTo: dayjs(r.periodTo),
              conditions: "",
              personal: false,
            }
          : {}
      }
      intro={
        r && (
          <Typography.Paragraph type="secondary" style={{ marginTop: 12 }}>
            用途：{r.purpose}；依据：{r.legalBasis}；申请期限：{r.periodFrom} 至 {r.periodTo}
          </Typography.Paragraph>
        )
      }
    >
      <Form.Item name="decision" label="审批结论">
        <Radio.Group
          options={[
            { value: "approve", label: "同意" },
            { value: "refuse", label: "拒绝" },
          ]}
        />
      </Form.Item>
      {decision === "refuse" ? (
        <Form.Item name="reason" label="拒绝理由" rules={[{ required: true, message: "请填写拒绝理由" }]}>
          <Input.TextArea rows={3} />
        </Form.Item>
      ) : (
        <>
          <Form.Item
            name="fields"
            label="授权信息项（可少于申请）"
            rules={[{ required: true, message: "至少授权一个信息项" }]}
          >
            <Checkbox.Group options={(r?.fields ?? []).map((f) => ({ value: f, label: f }))} />
          </Form.Item>
          <Row gutter={16}>
            <Col span={12}>
              <Form.Item name="periodFrom" label="授权期限自">
                <DatePicker style={{ width: "100%" }} />
              </Form.Item>
            </Col>
            <Col span={12}>
              <Form.Item name="periodTo" label="授权期限至（可短于申请）">
                <DatePicker style={{ width: "100%" }} />
              </Form.Item>
            </Col>
          </Row>
          <Form.Item name="conditions" label="使用条件">
            <Input.TextArea rows={2} placeholder="如：仅限本次核验使用，不得对外提供" />
          </Form.Item>
          <Form.Item
            name="personal"
            label="个人信息明文"
            valuePropName="checked"
            extra="不开启时，个人信息项以脱敏形式提供"
          >
            <Switch aria-label="个人信息明文" />
          </Form.Item>
        </>
      )}
    </FormModal>
  );
}
