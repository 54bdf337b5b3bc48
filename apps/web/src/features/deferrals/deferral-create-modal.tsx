import { DatePicker, Form, Input, Modal, Select } from "antd";
import type { Dayjs } from "dayjs";
import dayjs from "dayjs";
import { useState } from "react";
import { useApiErrorHandler } from "../../shared/errors.ts";
import { deferralsApi } from "./deferrals-api.ts";

type Values = {
  caseId: string;
  missingMaterials: string[];
  promiseText: string;
  promiseSignedAt: Dayjs;
  makeUpDueOn?: Dayjs;
};

const PROMISE =
  "本人申请容缺受理，承诺在补正期限内补齐所缺材料，并对所提交材料的真实性负责；逾期未补齐的，同意终止办理。";

/** 登记容缺受理: the case, the secondary materials missing, the signed promise and the make-up day. */
export function DeferralCreateModal({
  open,
  onClose,
  onDone,
}: {
  open: boolean;
  onClose: () => void;
  onDone: () => void;
}) {
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const handleError = useApiErrorHandler();
  const submit = async () => {
    const v = await form.validateFields();
    setBusy(true);
    try {
      await deferralsApi.create({
        caseId: v.caseId.trim(),
        missingMaterials: v.missingMaterials,
        promiseText: v.promiseText,
        promiseSignedAt: v.promiseSignedAt.toISOString(),
        makeUpDueOn: v.makeUpDueOn?.format("YYYY-MM-DD"),
      });
      form.resetFields();
      onDone();
    } catch (err) {
      handleError(err, form);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal
      title="登记容缺受理"
      open={open}
      okText="登记"
      confirmLoading={busy}
      onCancel={onClose}
      onOk={() => void submit()}
      destroyOnHidden
    >
      <Form<Values>
        form={form}
        layout="vertical"
        name="deferral-create"
        initialValues={{ promiseText: PROMISE, promiseSignedAt: dayjs(), missingMaterials: [] }}
      >
        <Form.Item name="caseId" label="办件编号" rules={[{ required: true, message: "请输入办件编号" }]}>
          <Input placeholder="窗口办结后生成的办件编号" autoComplete="off" />
        </Form.Item>
        <Form.Item
          name="missingMaterials"
          label="容缺材料（次要材料）"
          rules={[{ required: true, type: "array", min: 1, message: "请列出容缺的材料" }]}
        >
          <Select mode="tags" placeholder="输入材料名称后回车" open={false} />
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
        <Form.Item name="makeUpDueOn" label="补正期限" extra="不填则为事项承诺办结时限；不得晚于承诺办结时限">
          <DatePicker format="YYYY-MM-DD" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
