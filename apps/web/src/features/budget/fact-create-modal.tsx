import { Button, Form, Input, InputNumber, Upload } from "antd";
import { useState } from "react";
import { FactSchema } from "../../../../../packages/contracts/src/budget.ts";
import { api } from "../../api/client.ts";
import { FormModal } from "../../shared/form-modal.tsx";
import { budgetKeys } from "./budget-api.ts";

type Values = { key: string; label: string; value: number; unit: string; sourceNote: string };

async function toBase64(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = "";
  for (let i = 0; i < bytes.length; i += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  }
  return btoa(binary);
}

/** A number no module records, kept with where it comes from and the document that proves it. */
export function FactCreateModal(props: { year: number; open: boolean; onClose: () => void; onDone: () => void }) {
  const [file, setFile] = useState<File | null>(null);
  const submit = async (v: Values) => {
    const evidence = file
      ? { name: file.name, type: file.type || "application/octet-stream", base64: await toBase64(file) }
      : null;
    return api.post(`/api/budget/years/${props.year}/facts`, FactSchema, { ...v, evidence });
  };
  return (
    <FormModal<Values>
      title="登记其他绩效事实"
      open={props.open}
      onClose={props.onClose}
      okText="登记"
      initialValues={{ unit: "" }}
      submit={submit}
      // A fact is quoted in the report ({{fact.键名}}).
      invalidates={budgetKeys.dependents}
      onDone={() => {
        setFile(null);
        props.onDone();
      }}
    >
      <Form.Item name="label" label="事项" rules={[{ required: true, message: "请填写事项" }]}>
        <Input placeholder="如：互联网出口" maxLength={100} />
      </Form.Item>
      <Form.Item
        name="key"
        label="键名（报告中以 {{fact.键名}} 引用）"
        rules={[{ required: true, pattern: /^[a-z][a-zA-Z0-9]{0,40}$/, message: "以小写字母开头，只含字母和数字" }]}
      >
        <Input placeholder="internetExits" />
      </Form.Item>
      <Form.Item name="value" label="数值" rules={[{ required: true, message: "请填写数值" }]}>
        <InputNumber style={{ width: 200 }} />
      </Form.Item>
      <Form.Item name="unit" label="单位">
        <Input style={{ width: 120 }} maxLength={20} />
      </Form.Item>
      <Form.Item name="sourceNote" label="来源说明" rules={[{ required: true, message: "请写明数据来源" }]}>
        <Input.TextArea rows={2} maxLength={500} placeholder="如：区信息技术中心网络台账（2022年12月）" />
      </Form.Item>
      <Form.Item label="佐证材料">
        <Upload
          maxCount={1}
          beforeUpload={(f) => {
            setFile(f);
            return false;
          }}
          onRemove={() => setFile(null)}
        >
          <Button>选择文件</Button>
        </Upload>
      </Form.Item>
    </FormModal>
  );
}
