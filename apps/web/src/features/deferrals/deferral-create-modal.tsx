import { Alert, Button, Checkbox, DatePicker, Descriptions, Form, Input, Space } from "antd";
import type { Dayjs } from "dayjs";
import dayjs from "dayjs";
import { useEffect, useState } from "react";
import type { DeferralOptions } from "../../../../../packages/contracts/src/deferrals.ts";
import { useApiErrorHandler } from "../../shared/errors.ts";
import { FormModal } from "../../shared/form-modal.tsx";
import { formatDateTime, pickedInstant, pickerValue } from "../../shared/format.ts";
import { deferralKeys, deferralsApi } from "./deferrals-api.ts";

type Values = {
  caseId: string;
  missingMaterials: string[];
  promiseText: string;
  promiseSignedAt: Dayjs;
  makeUpDueOn?: Dayjs;
};

const PROMISE =
  "本人申请容缺受理，承诺在补正期限内补齐所缺材料，并对所提交材料的真实性负责；逾期未补齐的，同意终止办理。";

/** 登记容缺受理: look the case up, tick the missing secondary materials, record the promise and the make-up day. */
export function DeferralCreateModal({
  open,
  caseId,
  onClose,
  onDone,
}: {
  open: boolean;
  caseId?: string;
  onClose: () => void;
  onDone: () => void;
}) {
  const [form] = Form.useForm<Values>();
  const [options, setOptions] = useState<DeferralOptions | null>(null);
  const handleError = useApiErrorHandler();
  const lookUp = async () => {
    const id = String(form.getFieldValue("caseId") ?? "").trim();
    setOptions(null);
    try {
      setOptions(await deferralsApi.options(id));
    } catch (err) {
      handleError(err, form);
    }
  };
  // Opened from the window right after finishing: look the case up at once.
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs when the dialog opens for a case, not on every render.
  useEffect(() => {
    if (open && caseId) {
      form.setFieldValue("caseId", caseId);
      void lookUp();
    }
  }, [open, caseId]);
  const submit = (v: Values) =>
    deferralsApi.create({
      caseId: v.caseId.trim(),
      missingMaterials: v.missingMaterials,
      promiseText: v.promiseText,
      promiseSignedAt: pickedInstant(v.promiseSignedAt),
      makeUpDueOn: v.makeUpDueOn?.format("YYYY-MM-DD"),
    });
  const latest = options?.promisedDueAt ? dayjs(options.promisedDueAt) : null;
  return (
    <FormModal<Values>
      title="登记容缺受理"
      name="deferral-create"
      open={open}
      onClose={onClose}
      okText="登记"
      okDisabled={!options || options.refusal !== null}
      form={form}
      initialValues={{ caseId, promiseText: PROMISE, promiseSignedAt: pickerValue(), missingMaterials: [] }}
      submit={submit}
      invalidates={[deferralKeys.all]}
      onDone={() => {
        setOptions(null);
        onDone();
      }}
    >
      <Form.Item label="办件编号" required>
        <Space.Compact style={{ width: "100%" }}>
          <Form.Item name="caseId" noStyle rules={[{ required: true, message: "请输入办件编号" }]}>
            <Input placeholder="窗口办结后生成的办件编号" autoComplete="off" aria-label="办件编号" />
          </Form.Item>
          <Button onClick={() => void lookUp()}>查询</Button>
        </Space.Compact>
      </Form.Item>
      {options && (
        <Descriptions column={1} size="small" bordered style={{ marginBottom: 16 }}>
          <Descriptions.Item label="事项">{options.itemName}</Descriptions.Item>
          <Descriptions.Item label="申请人">
            {options.personName ?? "—"}（{options.idNumber ?? "未登记身份证号"}）
          </Descriptions.Item>
          <Descriptions.Item label="承诺办结时限">
            {options.promisedDueAt
              ? `${formatDateTime(options.promisedDueAt)}（${options.promisedLimitDays} 个工作日）`
              : "—"}
          </Descriptions.Item>
        </Descriptions>
      )}
      {options?.refusal && <Alert type="error" showIcon title={options.refusal} style={{ marginBottom: 16 }} />}
      {options && options.refusal === null && (
        <>
          <Form.Item
            name="missingMaterials"
            label="容缺材料（仅限可容缺的次要材料）"
            rules={[{ required: true, type: "array", min: 1, message: "请勾选容缺的材料" }]}
          >
            <Checkbox.Group options={options.deferrableMaterials.map((m) => ({ value: m, label: m }))} />
          </Form.Item>
          <Form.Item
            name="promiseText"
            label="承诺书内容"
            rules={[{ required: true, min: 10, message: "请录入承诺书内容" }]}
          >
            <Input.TextArea rows={3} maxLength={2000} />
          </Form.Item>
          <Form.Item name="promiseSignedAt" label="签署时间" rules={[{ required: true, message: "请填写签署时间" }]}>
            <DatePicker showTime format="YYYY-MM-DD HH:mm" />
          </Form.Item>
          <Form.Item name="makeUpDueOn" label="补正期限" extra="不填则为承诺办结时限；不得晚于承诺办结时限">
            <DatePicker format="YYYY-MM-DD" disabledDate={(d) => latest !== null && d.isAfter(latest, "day")} />
          </Form.Item>
        </>
      )}
    </FormModal>
  );
}
