import { Checkbox, Form, Input } from "antd";
import type { ApiKey, ApiKeyScope } from "../../../../../packages/contracts/src/api-keys.ts";
import { FormModal } from "../../shared/form-modal.tsx";
import { apiKeyKeys, apiKeysApi } from "./api-keys-api.ts";
import { SCOPE_OPTIONS } from "./scope-labels.ts";

type Values = { name: string; scopes: ApiKeyScope[] };
type Props = { open: boolean; onClose: () => void; onCreated: (apiKey: ApiKey, secret: string) => void };

export function ApiKeyCreateModal({ open, onClose, onCreated }: Props) {
  return (
    <FormModal<Values, Awaited<ReturnType<typeof apiKeysApi.create>>>
      title="新建接口密钥"
      open={open}
      onClose={onClose}
      okText="创建"
      initialValues={{ scopes: [] }}
      submit={(v) => apiKeysApi.create({ name: v.name.trim(), scopes: v.scopes })}
      success={(created) => `已新建密钥「${created.apiKey.name}」`}
      invalidates={[apiKeyKeys.all]}
      onDone={(created) => onCreated(created.apiKey, created.secret)}
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
    </FormModal>
  );
}
