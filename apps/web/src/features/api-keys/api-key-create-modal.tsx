import { App, Checkbox, Form, Input, Modal } from "antd";
import { useState } from "react";
import type { ApiKey, ApiKeyScope } from "../../../../../packages/contracts/src/api-keys.ts";
import { useApiErrorHandler } from "../../shared/errors.ts";
import { apiKeysApi } from "./api-keys-api.ts";
import { SCOPE_OPTIONS } from "./scope-labels.ts";

type Values = { name: string; scopes: ApiKeyScope[] };
type Props = { open: boolean; onClose: () => void; onCreated: (apiKey: ApiKey, secret: string) => void };

export function ApiKeyCreateModal({ open, onClose, onCreated }: Props) {
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const { message } = App.useApp();
  const handleError = useApiErrorHandler();

  const submit = async (values: Values) => {
    setSaving(true);
    try {
      const created = await apiKeysApi.create({ name: values.name.trim(), scopes: values.scopes });
      void message.success(`已新建密钥「${created.apiKey.name}」`);
      onCreated(created.apiKey, created.secret);
    } catch (err) {
      handleError(err, form);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      title="新建接口密钥"
      open={open}
      onOk={() => form.submit()}
      onCancel={onClose}
      okText="创建"
      confirmLoading={saving}
      destroyOnHidden
    >
      <Form<Values>
        form={form}
        layout="vertical"
        preserve={false}
        initialValues={{ scopes: [] }}
        onFinish={(v) => void submit(v)}
        style={{ marginTop: 16 }}
      >
        <Form.Item
          name="name"
          label="名称"
          rules={[
            { required: true, whitespace: true, message: "请输入密钥名称" },
            { min: 2, message: "名称至少2个字" },
            { max: 60, message: "名称不能超过60个字" },
          ]}
          extra="用于识别调用方，如：12345热线对接"
        >
          <Input placeholder="请输入密钥名称" maxLength={60} />
        </Form.Item>
        <Form.Item
          name="scopes"
          label="权限范围"
          rules={[{ required: true, type: "array", min: 1, message: "至少选择一个权限范围" }]}
        >
          <Checkbox.Group options={SCOPE_OPTIONS} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
