import { Form, Input } from "antd";
import type { ChangePasswordInput } from "../../../../../packages/contracts/src/auth.ts";
import { FormModal } from "../../shared/form-modal.tsx";
import { NewPasswordFields } from "../../shared/password-fields.tsx";
import { authApi } from "./auth-api.ts";
import { useSession } from "./session.tsx";

type Values = ChangePasswordInput & { confirmPassword: string };
type Props = { open: boolean; onClose: () => void };

export function ChangePasswordModal({ open, onClose }: Props) {
  const { refresh } = useSession();
  return (
    <FormModal<Values>
      title="修改密码"
      open={open}
      onClose={onClose}
      submit={(v) => authApi.changePassword({ currentPassword: v.currentPassword, newPassword: v.newPassword })}
      success={() => "密码已修改"}
      onDone={() => {
        onClose();
        // Picks up mustChangePassword = false (or sends us to /login if the server ended the session).
        void refresh();
      }}
    >
      <Form.Item name="currentPassword" label="当前密码" rules={[{ required: true, message: "请输入当前密码" }]}>
        <Input.Password autoComplete="current-password" placeholder="请输入当前密码" />
      </Form.Item>
      <NewPasswordFields />
    </FormModal>
  );
}
