import { App, Form, Input, Modal } from "antd";
import { useState } from "react";
import type { ChangePasswordInput } from "../../../../../packages/contracts/src/auth.ts";
import { useApiErrorHandler } from "../../shared/errors.ts";
import { confirmRule, PASSWORD_RULES } from "../../shared/password-rules.ts";
import { authApi } from "./auth-api.ts";
import { useSession } from "./session.tsx";

type Values = ChangePasswordInput & { confirmPassword: string };
type Props = { open: boolean; onClose: () => void };

export function ChangePasswordModal({ open, onClose }: Props) {
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const { message } = App.useApp();
  const { refresh } = useSession();
  const handleError = useApiErrorHandler();

  const submit = async (values: Values) => {
    setSaving(true);
    try {
      await authApi.changePassword({ currentPassword: values.currentPassword, newPassword: values.newPassword });
      void message.success("密码已修改");
      onClose();
      // Picks up mustChangePassword = false (or sends us to /login if the server ended the session).
      await refresh();
    } catch (err) {
      handleError(err, form);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      title="修改密码"
      open={open}
      onOk={() => form.submit()}
      onCancel={onClose}
      okText="确定"
      confirmLoading={saving}
      destroyOnHidden
    >
      <Form<Values>
        form={form}
        layout="vertical"
        preserve={false}
        onFinish={(v) => void submit(v)}
        style={{ marginTop: 16 }}
      >
        <Form.Item name="currentPassword" label="当前密码" rules={[{ required: true, message: "请输入当前密码" }]}>
          <Input.Password autoComplete="current-password" placeholder="请输入当前密码" />
        </Form.Item>
        <Form.Item
          name="newPassword"
          label="新密码"
          rules={PASSWORD_RULES}
          extra="至少8位，须同时包含字母和数字"
          hasFeedback
        >
          <Input.Password autoComplete="new-password" placeholder="请输入新密码" />
        </Form.Item>
        <Form.Item
          name="confirmPassword"
          label="确认新密码"
          dependencies={["newPassword"]}
          rules={[{ required: true, message: "请再次输入新密码" }, confirmRule("newPassword")]}
          hasFeedback
        >
          <Input.Password autoComplete="new-password" placeholder="请再次输入新密码" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
