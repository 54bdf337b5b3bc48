import { Alert, App, Form, Input, Modal } from "antd";
import { useState } from "react";
import type { User } from "../../../../../packages/contracts/src/users.ts";
import { useApiErrorHandler } from "../../shared/errors.ts";
import { confirmRule, PASSWORD_RULES } from "../../shared/password-rules.ts";
import { usersApi } from "./users-api.ts";

type Values = { newPassword: string; confirmPassword: string };
type Props = { user: User | null; onClose: () => void };

export function ResetPasswordModal({ user, onClose }: Props) {
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const { message } = App.useApp();
  const handleError = useApiErrorHandler();

  const submit = async (values: Values) => {
    if (!user) {
      return;
    }
    setSaving(true);
    try {
      await usersApi.resetPassword(user.id, values.newPassword);
      void message.success(`已重置「${user.displayName}」的密码，请通过安全渠道告知本人`);
      onClose();
    } catch (err) {
      handleError(err, form);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      title={user ? `重置密码 — ${user.displayName}（${user.username}）` : "重置密码"}
      open={user !== null}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={saving}
      destroyOnHidden
    >
      <Alert
        type="info"
        showIcon
        title="重置后该用户须使用新密码登录，此操作将记入审计日志。"
        style={{ margin: "16px 0" }}
      />
      <Form<Values> form={form} layout="vertical" preserve={false} onFinish={(v) => void submit(v)}>
        <Form.Item name="newPassword" label="新密码" rules={PASSWORD_RULES} extra="至少8位，须同时包含字母和数字">
          <Input.Password autoComplete="new-password" placeholder="请输入新密码" />
        </Form.Item>
        <Form.Item
          name="confirmPassword"
          label="确认新密码"
          dependencies={["newPassword"]}
          rules={[{ required: true, message: "请再次输入新密码" }, confirmRule("newPassword")]}
        >
          <Input.Password autoComplete="new-password" placeholder="请再次输入新密码" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
