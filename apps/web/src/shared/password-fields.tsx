import { Form, Input } from "antd";
import { confirmRule, PASSWORD_RULES } from "./password-rules.ts";

/** 新密码 + 确认新密码, as every password dialog asks for them. */
export function NewPasswordFields() {
  return (
    <>
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
    </>
  );
}
